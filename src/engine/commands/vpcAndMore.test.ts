/**
 * "VPC and more" as the AWS console builds it:
 * https://docs.aws.amazon.com/vpc/latest/userguide/create-vpc.html#create-vpc-and-other-resources
 */
import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../model/create.ts';
import { exampleDesign } from '../model/example.ts';
import { resourcesOfKind } from '../model/queries.ts';
import type { Design, NatGateway, RouteTable, Subnet } from '../model/types.ts';
import { validateDesign } from '../rules/index.ts';
import { trace } from '../traffic/trace.ts';
import { addFromPalette } from './add.ts';
import { run } from './command.ts';
import {
  buildVpcAndMore,
  createVpcAndMore,
  planVpcAndMore,
  vpcAndMoreDefaults,
  type VpcAndMoreOptions,
} from './vpcAndMore.ts';
import { previewVpcAndMore } from './vpcAndMorePreview.ts';
import { applyCommands } from './testing.ts';

const fresh = () => emptyDesign();
const options = (o: Partial<VpcAndMoreOptions> = {}): VpcAndMoreOptions => ({ ...vpcAndMoreDefaults(fresh()), ...o });

function build(o: Partial<VpcAndMoreOptions> = {}, design: Design = fresh()): Design {
  return applyCommands(design, createVpcAndMore(options(o)));
}

const subnets = (d: Design) => resourcesOfKind(d, 'subnet');
const table = (d: Design, s: Subnet) => d.resources[s.routeTableId!] as RouteTable;
const defaultTarget = (t: RouteTable) => t.routes.find((r) => r.destinationCidrBlock === '0.0.0.0/0')?.targetId;

describe('the console’s defaults', () => {
  it('name project, 10.0.0.0/16, the region’s first two AZs, a public and a private subnet in each, no NAT, the S3 endpoint, DNS on', () => {
    expect(vpcAndMoreDefaults(emptyDesign({ region: 'eu-west-1' }))).toEqual({
      name: 'project',
      cidr: '10.0.0.0/16',
      zones: ['eu-west-1a', 'eu-west-1b'],
      publicPerAz: 1,
      privatePerAz: 1,
      natGateways: 'none',
      s3Endpoint: true,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      subnetCidrs: {},
    });
  });

  it('suggests a block no VPC in the design uses yet', () => {
    expect(vpcAndMoreDefaults(exampleDesign()).cidr).toBe('10.2.0.0/16');
  });

  it('names every resource from the name tag as the console does', () => {
    const d = build({ natGateways: 'perAz' });
    const names = Object.values(d.resources).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'project-vpc',
        'project-igw',
        'project-rtb-public',
        'project-subnet-public1-us-east-1a',
        'project-subnet-public2-us-east-1b',
        'project-subnet-private1-us-east-1a',
        'project-subnet-private2-us-east-1b',
        'project-rtb-private-us-east-1a',
        'project-nat-public1-us-east-1a',
        'project-eip-us-east-1a',
        'project-vpce-s3',
      ]),
    );
  });
});

describe('CIDR arithmetic', () => {
  it('gives /20s in a /16: public from the start of the block, private from its second half', () => {
    expect(planVpcAndMore(options({ privatePerAz: 2 })).subnets.map((s) => [s.key, s.zone, s.cidr])).toEqual([
      ['public1', 'us-east-1a', '10.0.0.0/20'],
      ['public2', 'us-east-1b', '10.0.16.0/20'],
      ['private1', 'us-east-1a', '10.0.128.0/20'],
      ['private2', 'us-east-1b', '10.0.144.0/20'],
      ['private3', 'us-east-1a', '10.0.160.0/20'],
      ['private4', 'us-east-1b', '10.0.176.0/20'],
    ]);
  });

  it('scales with the block: a /24 VPC gets /28 subnets', () => {
    expect(planVpcAndMore(options({ cidr: '192.168.4.0/24' })).subnets.map((s) => s.cidr)).toEqual([
      '192.168.4.0/28',
      '192.168.4.16/28',
      '192.168.4.128/28',
      '192.168.4.144/28',
    ]);
  });

  it('refuses a VPC block that is not a network address, or outside /16–/28, in one plain sentence', () => {
    expect(planVpcAndMore(options({ cidr: '10.0.0.1/16' })).errors.cidr).toBe(
      '10.0.0.1/16 is not a network address: did you mean 10.0.0.0/16?',
    );
    expect(planVpcAndMore(options({ cidr: '10.0.0.0/8' })).errors.cidr).toMatch(/between \/16 and \/28/);
    expect(planVpcAndMore(options({ cidr: 'banana' })).ok).toBe(false);
  });

  it('keeps a subnet CIDR the user typed, and refuses one outside the VPC or overlapping another', () => {
    const typed = planVpcAndMore(options({ subnetCidrs: { private1: '10.0.200.0/24' } }));
    expect(typed.ok).toBe(true);
    expect(typed.subnets.find((s) => s.key === 'private1')).toMatchObject({
      cidr: '10.0.200.0/24',
      computedCidr: '10.0.128.0/20',
    });
    const outside = planVpcAndMore(options({ subnetCidrs: { public1: '10.9.0.0/24' } }));
    expect(outside.subnets[0]!.error).toBe("10.9.0.0/24 is outside the VPC's block 10.0.0.0/16.");
    const overlap = planVpcAndMore(options({ subnetCidrs: { public2: '10.0.8.0/24' } }));
    expect(overlap.subnets[1]!.error).toBe('10.0.8.0/24 overlaps public1 (10.0.0.0/20).');
    expect(overlap.ok).toBe(false);
    expect(run(fresh(), createVpcAndMore(options({ subnetCidrs: { public2: '10.0.8.0/24' } }))).error).toBe(
      '10.0.8.0/24 overlaps public1 (10.0.0.0/20).',
    );
  });

  it('says when the block has no room for every subnet', () => {
    const plan = planVpcAndMore(options({ cidr: '10.0.0.0/27', zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] }));
    expect(plan.ok).toBe(false);
    expect(plan.subnets.some((s) => /no room left/.test(s.error ?? ''))).toBe(true);
  });
});

describe('NAT gateways', () => {
  it('cannot be chosen without public subnets, and says why', () => {
    const plan = planVpcAndMore(options({ publicPerAz: 0, natGateways: 'perAz' }));
    expect(plan.natDisabledReason).toBe('A NAT gateway lives in a public subnet: add public subnets first.');
    expect(plan.ok).toBe(false);
  });

  it('one per AZ: each in its AZ’s public subnet with its own Elastic IP; each AZ’s private route table uses its own', () => {
    const d = build({ zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], natGateways: 'perAz', privatePerAz: 2 });
    const nats = resourcesOfKind(d, 'natGateway');
    expect(nats).toHaveLength(3);
    expect(new Set(nats.map((n) => n.elasticIpId)).size).toBe(3);
    expect(new Set(nats.map((n) => (d.resources[n.elasticIpId!] as { publicIp: string }).publicIp)).size).toBe(3);
    for (const nat of nats) expect(table(d, d.resources[nat.subnetId] as Subnet).name).toBe('project-rtb-public');
    for (const s of subnets(d).filter((x) => x.name.includes('private'))) {
      const nat = d.resources[defaultTarget(table(d, s))!] as NatGateway;
      expect((d.resources[nat.subnetId] as Subnet).availabilityZone).toBe(s.availabilityZone);
    }
    expect(resourcesOfKind(d, 'routeTable').filter((t) => t.name.startsWith('project-rtb-private'))).toHaveLength(3);
  });

  it('in 1 AZ: one NAT gateway, in the first AZ, used by every private route table', () => {
    const d = build({ natGateways: 'oneAz' });
    const [nat] = resourcesOfKind(d, 'natGateway');
    expect(resourcesOfKind(d, 'natGateway')).toHaveLength(1);
    expect((d.resources[nat!.subnetId] as Subnet).availabilityZone).toBe('us-east-1a');
    for (const s of subnets(d).filter((x) => x.name.includes('private')))
      expect(defaultTarget(table(d, s))).toBe(nat!.id);
  });
});

describe('what Create wires', () => {
  it('attaches the internet gateway and routes the public subnets to it; the S3 endpoint sits on the private route tables', () => {
    const d = build();
    const igw = resourcesOfKind(d, 'internetGateway')[0]!;
    const vpc = resourcesOfKind(d, 'vpc')[0]!;
    expect(igw.vpcId).toBe(vpc.id);
    const pub = subnets(d).filter((s) => s.name.includes('public'));
    expect(pub.map((s) => defaultTarget(table(d, s)))).toEqual([igw.id, igw.id]);
    const endpoint = resourcesOfKind(d, 'vpcEndpoint')[0]!;
    const privateTables = subnets(d)
      .filter((s) => s.name.includes('private'))
      .map((s) => s.routeTableId);
    expect(endpoint).toMatchObject({ endpointType: 'Gateway', serviceName: 'com.amazonaws.us-east-1.s3' });
    expect([...endpoint.routeTableIds].sort()).toEqual([...privateTables].sort());
    expect(vpc).toMatchObject({ enableDnsHostnames: true, enableDnsSupport: true, cidrBlocks: ['10.0.0.0/16'] });
  });

  it('is one step: the whole network is one command on the design, and every new node has a place', () => {
    const built = buildVpcAndMore(fresh(), options({ natGateways: 'perAz' }), { x: 900, y: 100 });
    if (!built.ok) throw new Error(built.error);
    const { design, created, vpcId } = built.result;
    expect(design.layout[vpcId]).toEqual({ x: 900, y: 100 });
    for (const id of created) {
      const kind = design.resources[id]!.kind;
      if (kind === 'subnet' || kind === 'natGateway') expect(design.layout[id], id).toBeDefined();
    }
  });

  it('adds beside an existing design without touching it', () => {
    const before = exampleDesign();
    const d = build({ cidr: '10.2.0.0/16' }, before);
    for (const [id, r] of Object.entries(before.resources)) expect(d.resources[id]).toBe(r);
  });

  it.each<[string, Partial<VpcAndMoreOptions>]>([
    ['the console’s defaults', {}],
    [
      'a NAT gateway per AZ, three AZs, two private subnets each',
      { natGateways: 'perAz', zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], privatePerAz: 2 },
    ],
    ['one AZ with its NAT gateway', { natGateways: 'oneAz', zones: ['us-east-1a'] }],
    ['private subnets only', { publicPerAz: 0 }],
    ['public subnets only', { privatePerAz: 0 }],
    ['no subnets', { publicPerAz: 0, privatePerAz: 0, s3Endpoint: false }],
    ['DNS off', { enableDnsHostnames: false, enableDnsSupport: false }],
  ])('gives no findings: %s', (_what, o) => {
    expect(validateDesign(build(o)).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html — one NAT gateway for several AZs is
  // what the console's "In 1 AZ" builds, and AWS warns that those AZs lose internet access when its AZ fails.
  it('in 1 AZ across two AZs: only the warning that the second AZ depends on the first AZ’s NAT gateway', () => {
    expect(validateDesign(build({ natGateways: 'oneAz' })).map((f) => f.rule)).toEqual(['nat-gateway-cross-az']);
  });
});

describe('traffic through what Create makes', () => {
  function withInstances(d: Design): { design: Design; instances: Array<{ id: string; zone: string }> } {
    let design = d;
    const instances: Array<{ id: string; zone: string }> = [];
    for (const s of subnets(d).filter((x) => x.name.includes('private'))) {
      const r = run(design, addFromPalette('EC2 instance', { nodeId: s.id, position: { x: 20, y: 40 } }));
      if (r.error) throw new Error(r.error);
      design = r.design;
      instances.push({ id: r.select![0]!, zone: s.availabilityZone });
    }
    return { design, instances };
  }

  it('an instance in each private subnet reaches the internet through its own AZ’s NAT gateway, and nothing reaches it from the internet', () => {
    const { design, instances } = withInstances(
      build({ natGateways: 'perAz', zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] }),
    );
    expect(instances).toHaveLength(3);
    const natOfZone = new Map(
      resourcesOfKind(design, 'natGateway').map((n) => [
        (design.resources[n.subnetId] as Subnet).availabilityZone,
        n.id,
      ]),
    );
    for (const { id, zone } of instances) {
      const out = trace(design, { from: id, to: 'internet' });
      if (!out.ok) throw new Error(out.error);
      expect(out.result.reachable).toBe(true);
      const hops = out.result.forward.map((h) => h.id);
      expect(hops).toContain(natOfZone.get(zone));
      for (const [other, nat] of natOfZone) if (other !== zone) expect(hops).not.toContain(nat);
      const inbound = trace(design, { from: 'internet', to: id });
      if (!inbound.ok) throw new Error(inbound.error);
      expect(inbound.result.reachable).toBe(false);
    }
    expect(validateDesign(design)).toEqual([]);
  });

  it('without NAT gateways a private instance cannot reach the internet', () => {
    const { design, instances } = withInstances(build());
    const out = trace(design, { from: instances[0]!.id, to: 'internet' });
    expect(out.ok && out.result.reachable).toBe(false);
  });
});

describe('the preview', () => {
  it('shows the VPC, subnets by AZ, route tables and connections, and changes with the form', () => {
    const { map } = previewVpcAndMore(fresh(), options());
    expect(map!.vpc).toMatchObject({ name: 'project-vpc', cidr: '10.0.0.0/16' });
    expect(map!.zones.map((z) => [z.zone, z.subnets.map((s) => s.cidr)])).toEqual([
      ['us-east-1a', ['10.0.0.0/20', '10.0.128.0/20']],
      ['us-east-1b', ['10.0.16.0/20', '10.0.144.0/20']],
    ]);
    expect(map!.routeTables.map((t) => t.name)).toEqual([
      'project-rtb-public',
      'project-rtb-private-us-east-1a',
      'project-rtb-private-us-east-1b',
    ]);
    expect(map!.connections.map((c) => c.label)).toEqual(['Internet gateway', 'S3 gateway endpoint']);
    const perAz = previewVpcAndMore(fresh(), options({ natGateways: 'perAz' })).map!;
    expect(perAz.connections.filter((c) => c.kind === 'natGateway' && c.label === 'NAT gateway')).toHaveLength(2);
    expect(perAz.routeTables[1]!.routes.map((r) => r.targetName)).toEqual([
      'project-nat-public1-us-east-1a',
      'project-vpce-s3',
    ]);
  });

  it('says what is wrong instead of a map', () => {
    expect(previewVpcAndMore(fresh(), options({ cidr: '10.0.0.0/33' }))).toEqual({
      error: '/33 is not a prefix length: use /0 to /32.',
    });
  });
});

describe('twice in one design', () => {
  it('a second network gets its own ids, block and routes, and still no findings', () => {
    const once = build({ natGateways: 'perAz' });
    const twice = run(once, createVpcAndMore({ ...vpcAndMoreDefaults(once), natGateways: 'perAz' }));
    if (twice.error) throw new Error(twice.error);
    const vpcs = resourcesOfKind(twice.design, 'vpc');
    expect(vpcs.map((v) => v.cidrBlocks[0])).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
    const routeIds = resourcesOfKind(twice.design, 'routeTable').flatMap((t) => t.routes.map((r) => r.id));
    expect(new Set(routeIds).size).toBe(routeIds.length);
    expect(validateDesign(twice.design)).toEqual([]);
  });
});
