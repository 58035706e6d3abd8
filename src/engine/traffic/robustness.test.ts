import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../model/example.ts';
import type { Resource } from '../model/types.ts';
import { exposure } from './exposure.ts';
import { classicResources, designOf, peerResources } from './testNetwork.ts';
import { trace } from './trace.ts';

/** A tiny deterministic generator so failures can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const BREAKAGES: Array<(r: Resource) => Resource> = [
  (r) => ({ ...r, cidrBlock: 'nope' }) as Resource,
  (r) => ({ ...r, cidrBlocks: ['10.0.0.1/16', 'x'] }) as Resource,
  (r) => ({ ...r, privateIp: '999.1.1.1' }) as Resource,
  (r) => ({ ...r, subnetId: 'gone' }) as Resource,
  (r) => ({ ...r, vpcId: 'gone' }) as Resource,
  (r) =>
    ({
      ...r,
      routes: [
        { id: 'weird', destinationCidrBlock: '0.0.0.0/0', targetId: 'i-web' },
        { id: 'pl', destinationPrefixListId: 'pl-unknown', targetId: 'gone' },
      ],
    }) as Resource,
  (r) => ({ ...r, ingress: [{ protocol: '50', fromPort: 0, toPort: 0, cidr: 'bad' }], egress: [] }) as Resource,
  (r) =>
    ({
      ...r,
      inbound: [{ ruleNumber: 1, protocol: 'icmp', cidr: '0.0.0.0/0', action: 'deny' }],
      outbound: [],
    }) as Resource,
  (r) => ({ ...r, policyDocument: '{not json' }) as Resource,
  (r) => ({ ...r, securityGroupIds: ['gone', 'also-gone'] }) as Resource,
  (r) => ({ ...r, elasticIpId: 'gone' }) as Resource,
];

const ENDPOINTS = [
  'i-web',
  'i-app',
  'i-peer',
  'nat-a',
  'igw-a',
  'eip-nat',
  'internet',
  'service:s3',
  'service:ssm',
  'ip:10.0.1.10',
  'ip:8.8.8.8',
  'ip:192.168.0.1',
  'vpc-a',
  'gone',
];

describe('bad designs never make trace or exposure throw', () => {
  it('answers or refuses with a message for every pair of endpoints in broken designs', () => {
    const next = random(42);
    for (let round = 0; round < 40; round++) {
      const resources = [...classicResources(), ...peerResources()]
        .map((r) => (next() < 0.15 ? BREAKAGES[Math.floor(next() * BREAKAGES.length)]!(r) : r))
        .filter(() => next() > 0.05);
      const design = designOf(resources);
      for (const from of ENDPOINTS) {
        for (const to of ENDPOINTS) {
          const outcome = trace(design, {
            from,
            to,
            protocol: next() < 0.2 ? 'icmp' : 'tcp',
            port: 443,
            action: next() < 0.3 ? 's3:GetObject' : undefined,
          });
          if (outcome.ok) {
            const { reachable, explanations } = outcome.result;
            expect(typeof reachable).toBe('boolean');
            // A blocked packet stops at the component that drops it: the last hop that way is a deny.
            if (!reachable) {
              const first = explanations[0]!;
              expect(first).toBeDefined();
              const hops = first.direction === 'forward' ? outcome.result.forward : outcome.result.return;
              expect(hops.at(-1)?.action).toBe('deny');
            }
          } else expect(outcome.error).toMatch(/\S/);
        }
      }
      expect(() => exposure(design)).not.toThrow();
    }
  });

  it('answers every flow of the example design after each single deletion', () => {
    const base = exampleDesign();
    for (const id of Object.keys(base.resources)) {
      const resources = { ...base.resources };
      delete resources[id];
      const design = { ...base, resources };
      for (const flow of base.flows) expect(() => trace(design, flow)).not.toThrow();
    }
  });
});
