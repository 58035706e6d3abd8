import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../model/example.ts';
import type { Design, RouteTable } from '../model/types.ts';
import { trace } from './trace.ts';
import type { TraceQuery, TraceResult } from './types.ts';

function run(design: Design, query: TraceQuery): TraceResult {
  const outcome = trace(design, query);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

const failing = (design: Design, resources: string[], zones: string[] = []): Design => ({
  ...design,
  failures: { resources, zones },
});

const toInternet = (from: string): TraceQuery => ({ from, to: 'internet', protocol: 'tcp', port: 443 });

/** The example design with both private subnets sharing NAT gateway A, as a single-NAT design does. */
function oneNatGateway(): Design {
  const design = exampleDesign();
  const table = design.resources['rtb-private-b'] as RouteTable;
  const routes = table.routes.map((r) => (r.targetId === 'nat-b' ? { ...r, targetId: 'nat-a' } : r));
  return { ...design, resources: { ...design.resources, 'rtb-private-b': { ...table, routes } } };
}

describe('failure drills (traces stop at a failed component)', () => {
  it('leaves every trace as it was when nothing has failed', () => {
    const design = exampleDesign();
    const before = run(design, toInternet('i-app-a'));
    expect(run(failing(design, []), toInternet('i-app-a'))).toEqual(before);
    expect(before.reachable).toBe(true);
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html — routes do not move to another NAT
  // gateway: traffic routed to a failed one stops there.
  it('stops at a failed NAT gateway, naming it, while the other AZ keeps its own NAT gateway', () => {
    const design = failing(exampleDesign(), ['nat-a']);
    const a = run(design, toInternet('i-app-a'));
    expect(a.reachable).toBe(false);
    expect(a.explanations).toEqual([
      expect.objectContaining({ code: 'RESOURCE_FAILED', id: 'nat-a', direction: 'forward' }),
    ]);
    expect(a.explanations[0]!.message).toContain('NAT gateway A');
    expect(a.forward.at(-1)).toMatchObject({ id: 'nat-a', action: 'deny' });
    expect(run(design, toInternet('i-app-b')).reachable).toBe(true);
  });

  // "if the NAT gateway's Availability Zone is down, resources in the other Availability Zones lose internet
  // access" — same page.
  it('an AZ failure cuts the other AZ off the internet when both share one NAT gateway, not when each has its own', () => {
    const shared = failing(oneNatGateway(), [], ['us-east-1a']);
    const b = run(shared, toInternet('i-app-b'));
    expect(b.reachable).toBe(false);
    expect(b.explanations[0]).toMatchObject({ code: 'RESOURCE_FAILED', id: 'nat-a' });
    expect(b.explanations[0]!.message).toContain('us-east-1a');

    const perAz = failing(exampleDesign(), [], ['us-east-1a']);
    expect(run(perAz, toInternet('i-app-b')).reachable).toBe(true);
  });

  it('an instance in a failed AZ can neither send nor be reached', () => {
    const design = failing(exampleDesign(), [], ['us-east-1a']);
    const out = run(design, toInternet('i-web-a'));
    expect(out.reachable).toBe(false);
    expect(out.explanations[0]).toMatchObject({ code: 'RESOURCE_FAILED', id: 'i-web-a' });
    const inbound = run(design, { from: 'i-web-b', to: 'i-app-a', protocol: 'tcp', port: 8080 });
    expect(run(exampleDesign(), { from: 'i-web-b', to: 'i-app-a', protocol: 'tcp', port: 8080 }).reachable).toBe(true);
    expect(inbound.reachable).toBe(false);
    expect(inbound.explanations[0]).toMatchObject({ code: 'RESOURCE_FAILED', id: 'i-app-a' });
  });

  it('a failed subnet takes down what sits in it; regional components fail only when marked', () => {
    const subnetDown = failing(exampleDesign(), ['subnet-public-a']);
    expect(run(subnetDown, toInternet('i-web-a')).explanations[0]).toMatchObject({ id: 'i-web-a' });
    expect(run(subnetDown, toInternet('i-web-b')).reachable).toBe(true);

    const igwDown = failing(exampleDesign(), ['igw-prod']);
    const web = run(igwDown, toInternet('i-web-b'));
    expect(web.reachable).toBe(false);
    expect(web.explanations[0]).toMatchObject({ code: 'RESOURCE_FAILED', id: 'igw-prod' });
    // The S3 flow does not use the internet gateway: untouched.
    const s3 = exampleDesign().flows.find((f) => f.to === 'service:s3')!;
    expect(run(igwDown, s3).reachable).toBe(true);
  });
});
