import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../model/example.ts';
import { generateDesign } from '../model/generate.ts';
import { aDesign, aSubnet, aVpc } from '../model/builders.ts';
import { readDesign } from '../io/designFile.ts';
import type { Design } from '../model/types.ts';
import { RULES, validateDesign } from './index.ts';
import { NOW } from './testing.ts';

describe('the rule set', () => {
  it('has unique, stable ids and cites a docs.aws.amazon.com page for every rule', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.docs).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/\S+$/);
      expect(rule.title.length).toBeGreaterThan(0);
    }
  });
});

describe('validateDesign', () => {
  it('finds only the deliberate transitive route in the example design', () => {
    const findings = validateDesign(exampleDesign(), { now: NOW });
    expect(findings.map((f) => [f.rule, f.resources[0]])).toEqual([['peering-not-transitive', 'rtb-private-a']]);
  });

  it('finds nothing wrong in a generated design, whatever its size', () => {
    expect(validateDesign(generateDesign({ vpcs: 3, subnetsPerVpc: 7, instancesPerSubnet: 2 }), { now: NOW })).toEqual(
      [],
    );
    expect(
      validateDesign(generateDesign({ vpcs: 50, subnetsPerVpc: 20, instancesPerSubnet: 1 }), { now: NOW }),
    ).toEqual([]);
  });

  it('writes every finding as plain sentences with a one-line fix and names at least one resource', () => {
    const design = aDesign(
      aVpc({ cidrBlocks: ['10.0.0.1/8'] }),
      aSubnet({ cidrBlock: 'banana' }),
      aSubnet({ id: 'subnet-b', cidrBlock: '10.9.0.0/24', routeTableId: 'nope' }),
    );
    const findings = validateDesign(design, { now: NOW });
    expect(findings.length).toBeGreaterThan(2);
    for (const f of findings) {
      expect(f.message).toMatch(/^[A-Z].*[.)?]$/);
      expect(f.message).not.toContain('\n');
      expect(f.fix).not.toContain('\n');
      expect(f.resources.length).toBeGreaterThan(0);
    }
  });

  it('never throws on malformed resources (wrong types, missing fields, hostile keys)', () => {
    const raw = JSON.parse(`{
      "format": "vpc-designer", "formatVersion": 1,
      "resources": {
        "v": { "kind": "vpc", "cidrBlocks": "10.0.0.0/16", "region": 5 },
        "s": { "kind": "subnet", "vpcId": ["v"], "cidrBlock": 42 },
        "r": { "kind": "routeTable", "vpcId": "v", "main": true, "routes": [null, 3, { "targetId": {} }] },
        "g": { "kind": "securityGroup", "vpcId": "v", "ingress": [{ "protocol": null, "cidr": 7 }], "egress": {} },
        "n": { "kind": "networkAcl", "vpcId": "v", "inbound": [{ "ruleNumber": "x" }] },
        "p": { "kind": "peeringConnection", "requesterVpcId": "v", "accepterVpcId": "__proto__", "status": "active" },
        "e": { "kind": "vpcEndpoint", "vpcId": "v", "endpointType": "Interface", "serviceName": null, "policyDocument": "{" },
        "i": { "kind": "instance", "subnetId": "s", "privateIp": null, "securityGroupIds": [1, "g"] },
        "constructor": { "kind": "internetGateway" }
      },
      "flows": [{ "id": "f", "from": "i", "to": "constructor" }]
    }`);
    const read = readDesign(raw);
    expect(read.ok).toBe(true);
    const design = (read as { value: Design }).value;
    const findings = validateDesign(design, { now: NOW });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => typeof f.message === 'string' && !f.message.includes(' at '))).toBe(true);
  });

  it('turns a rule that crashes into a finding instead of throwing, and still runs the others', () => {
    const design = aDesign(aVpc({ cidrBlocks: ['10.0.0.1/16'] }), aSubnet({ cidrBlock: '10.0.1.0/29' }));
    // A getter that throws stands in for data no rule anticipated: the VPC rule trips over it when naming the VPC.
    Object.defineProperty(design.resources['vpc-a']!, 'name', {
      get() {
        throw new Error('boom');
      },
    });
    const findings = validateDesign(design, { now: NOW });
    expect(findings.find((f) => f.rule === 'vpc-cidr-invalid')).toMatchObject({ severity: 'warning', resources: [] });
    expect(findings.find((f) => f.rule === 'vpc-cidr-invalid')!.message).toContain(
      'could not run on this design (boom)',
    );
    expect(findings.some((f) => f.rule === 'subnet-cidr-size')).toBe(true);
  });

  // Its speed is measured by `npm run bench -- validate` (bench/validate.bench.ts), never by a timed test.
  it('finds no error or warning in a generated 2,000+ resource design, which is valid by construction', () => {
    const design = generateDesign({ vpcs: 50, subnetsPerVpc: 20, instancesPerSubnet: 1 });
    expect(Object.keys(design.resources).length).toBeGreaterThan(2000);
    const findings = validateDesign(design).filter((f) => f.severity !== 'info');
    expect(findings.map((f) => f.message)).toEqual([]);
  });
});

describe('finding messages', () => {
  it('stay on one line even when a name holds line breaks', () => {
    const design = aDesign(aVpc({ name: 'Prod\nVPC\t"main"', cidrBlocks: ['10.0.0.0/8'] }));
    const [f] = validateDesign(design, { now: NOW }).filter((x) => x.rule === 'vpc-cidr-size');
    expect(f!.message).toContain('VPC "Prod VPC "main"" (vpc-a)');
    expect(f!.message).not.toMatch(/[\n\t]/);
  });
});
