/**
 * "VPC and more": a whole network from one form, as the AWS console's Create VPC → "VPC and more" builds it — a VPC,
 * public and private subnets in 1–3 Availability Zones, an internet gateway and a public route table, NAT gateways
 * (none, one, or one per AZ) with their Elastic IPs, a private route table per AZ, and an S3 gateway endpoint on the
 * private route tables. https://docs.aws.amazon.com/vpc/latest/userguide/create-vpc.html#create-vpc-and-other-resources
 *
 * Pure: `vpcAndMoreDefaults` gives the console's defaults, `planVpcAndMore` computes the subnets' CIDRs and checks the
 * form, `buildVpcAndMore` returns the design with everything wired (the preview draws from it), and
 * `createVpcAndMore` is the command: one undo step.
 */
import { nextFreeCidrs, overlaps, parseCidr, tryCidr, contains, type Cidr } from '../cidr/cidr.ts';
import { arrangeNewVpc } from '../layout/tidy.ts';
import { nextId, zonesOf } from '../model/create.ts';
import { resourcesOfKind } from '../model/queries.ts';
import type {
  Design,
  ElasticIp,
  InternetGateway,
  NatGateway,
  Resource,
  ResourceId,
  RouteTable,
  Subnet,
  VpcEndpoint,
} from '../model/types.ts';
import { createVpc, suggestElasticIp, suggestPrivateIp, suggestVpcCidr } from './add.ts';
import { done, refuse, type Command } from './command.ts';
import { nextItemId } from './ruleEdits.ts';

export type NatGatewayChoice = 'none' | 'oneAz' | 'perAz';

export interface VpcAndMoreOptions {
  /** The console's "Name tag auto-generation": every resource is named `<name>-vpc`, `<name>-subnet-public1-<az>`, … */
  name: string;
  /** The VPC's IPv4 CIDR block, as typed. */
  cidr: string;
  /** The Availability Zones, in order (1–3 of them). */
  zones: string[];
  /** Public subnets per AZ: 0 or 1, as the console offers (0 or one per AZ). */
  publicPerAz: 0 | 1;
  /** Private subnets per AZ: 0, 1 or 2. */
  privatePerAz: 0 | 1 | 2;
  natGateways: NatGatewayChoice;
  /** An S3 gateway endpoint, associated with the private route tables. */
  s3Endpoint: boolean;
  enableDnsHostnames: boolean;
  enableDnsSupport: boolean;
  /** CIDRs the user typed for some subnets, by subnet key (`public1`, `private3`); the others are computed. */
  subnetCidrs: Readonly<Record<string, string>>;
}

/** How many AZs the form offers, as the console does. */
export const MAX_ZONES = 3;
/** The AZs a zone picker offers for a region (the model knows no region's real list; six covers the largest). */
export const ZONE_CHOICES = 6;

/**
 * The console's defaults: name `project`, 10.0.0.0/16 (or the next /16 the design does not use yet), two AZs (the
 * region's first two), one public and one private subnet per AZ, no NAT gateway, the S3 gateway endpoint, and DNS
 * hostnames and resolution on.
 *
 * @example vpcAndMoreDefaults(emptyDesign()).zones // ['us-east-1a', 'us-east-1b']
 */
export function vpcAndMoreDefaults(design: Design): VpcAndMoreOptions {
  return {
    name: 'project',
    cidr: suggestVpcCidr(design),
    zones: zonesOf(design.region, 2),
    publicPerAz: 1,
    privatePerAz: 1,
    natGateways: 'none',
    s3Endpoint: true,
    enableDnsHostnames: true,
    enableDnsSupport: true,
    subnetCidrs: {},
  };
}

export interface PlannedSubnet {
  /** `public1`, `public2`, … `private1`, … numbered across AZs as the console numbers them. */
  key: string;
  tier: 'public' | 'private';
  zone: string;
  name: string;
  /** What the form computed for it. */
  computedCidr?: string;
  /** The CIDR it will get: the user's when typed, else the computed one. */
  cidr: string;
  /** Why this subnet's CIDR cannot be used (outside the VPC, overlapping another, not a block). */
  error?: string;
}

export interface VpcAndMorePlan {
  subnets: PlannedSubnet[];
  /** Problems with the form as a whole, keyed by field: `name`, `cidr`, `zones`, `natGateways`, `s3Endpoint`. */
  errors: Partial<Record<'name' | 'cidr' | 'zones' | 'natGateways' | 's3Endpoint', string>>;
  /** Why a NAT gateway cannot be chosen now (no public subnet to hold it), if so. */
  natDisabledReason?: string;
  /** True when nothing stops Create. */
  ok: boolean;
}

/** The smallest subnet AWS allows is a /28. https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html */
const SMALLEST_SUBNET = 28;

/**
 * The subnets the form will create, with CIDRs computed as the console computes them — each subnet 4 bits longer
 * than the VPC (/20s in a /16), public ones from the start of the block, private ones from its second half — and
 * every problem in the form, each in one plain sentence.
 *
 * @example planVpcAndMore(vpcAndMoreDefaults(emptyDesign())).subnets.map((s) => s.cidr)
 *   // ['10.0.0.0/20', '10.0.16.0/20', '10.0.128.0/20', '10.0.144.0/20']
 */
export function planVpcAndMore(options: VpcAndMoreOptions): VpcAndMorePlan {
  const errors: VpcAndMorePlan['errors'] = {};
  if (!options.name.trim()) errors.name = 'Give the network a name: it starts every resource’s name.';
  const zones = options.zones;
  if (zones.length < 1 || zones.length > MAX_ZONES) errors.zones = `Choose 1 to ${MAX_ZONES} Availability Zones.`;
  else if (new Set(zones).size !== zones.length)
    errors.zones = 'Choose a different Availability Zone for each position.';

  const parsed = parseCidr(options.cidr);
  let vpc: Cidr | undefined;
  if (!parsed.ok) errors.cidr = parsed.error;
  else if (parsed.cidr.prefix < 16 || parsed.cidr.prefix > 28) {
    // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html — a VPC block is /16 to /28.
    errors.cidr = `A VPC's block must be between /16 and /28; ${parsed.cidr.text} is a /${parsed.cidr.prefix}.`;
  } else vpc = parsed.cidr;

  const name = options.name.trim();
  const subnets: PlannedSubnet[] = [];
  const publicCount = options.publicPerAz * zones.length;
  const privateCount = options.privatePerAz * zones.length;
  for (let i = 0; i < publicCount; i++) {
    const zone = zones[i % zones.length]!;
    subnets.push({
      key: `public${i + 1}`,
      tier: 'public',
      zone,
      name: `${name}-subnet-public${i + 1}-${zone}`,
      cidr: '',
    });
  }
  for (let i = 0; i < privateCount; i++) {
    const zone = zones[i % zones.length]!;
    subnets.push({
      key: `private${i + 1}`,
      tier: 'private',
      zone,
      name: `${name}-subnet-private${i + 1}-${zone}`,
      cidr: '',
    });
  }

  if (vpc) {
    const prefix = Math.min(SMALLEST_SUBNET, vpc.prefix + 4);
    // The block's two halves: public subnets are numbered from the first, private ones from the second.
    const [firstHalf, secondHalf] = nextFreeCidrs([vpc.text], [], vpc.prefix + 1, 2);
    const fill = (tier: PlannedSubnet['tier'], half: string | undefined) => {
      const list = subnets.filter((s) => s.tier === tier);
      const blocks = half ? nextFreeCidrs([half], [], prefix, list.length) : [];
      list.forEach((s, i) => {
        if (blocks[i]) s.computedCidr = blocks[i];
      });
    };
    fill('public', firstHalf);
    fill('private', secondHalf);
  }
  for (const s of subnets) s.cidr = options.subnetCidrs[s.key]?.trim() || s.computedCidr || '';

  // Each subnet: a block, inside the VPC, no smaller than a /28, overlapping no other.
  const good: Array<{ s: PlannedSubnet; cidr: Cidr }> = [];
  for (const s of subnets) {
    if (!s.cidr) {
      if (vpc) s.error = `${vpc.text} has no room left for this subnet: use a larger VPC block or fewer subnets.`;
      continue;
    }
    const r = parseCidr(s.cidr);
    if (!r.ok) s.error = r.error;
    else if (r.cidr.prefix > SMALLEST_SUBNET)
      s.error = `${r.cidr.text} is too small: a subnet is at least a /28 (16 addresses).`;
    else if (vpc && !contains(vpc, r.cidr)) s.error = `${r.cidr.text} is outside the VPC's block ${vpc.text}.`;
    else {
      const clash = good.find((g) => overlaps(g.cidr, r.cidr));
      if (clash) s.error = `${r.cidr.text} overlaps ${clash.s.key} (${clash.cidr.text}).`;
      else good.push({ s, cidr: r.cidr });
    }
  }

  const natDisabledReason =
    options.publicPerAz === 0 ? 'A NAT gateway lives in a public subnet: add public subnets first.' : undefined;
  if (natDisabledReason && options.natGateways !== 'none') errors.natGateways = natDisabledReason;
  if (options.s3Endpoint && subnets.length === 0)
    errors.s3Endpoint = 'An S3 gateway endpoint is reached through a subnet’s route table: add subnets first.';

  const ok = Object.keys(errors).length === 0 && subnets.every((s) => !s.error);
  return { subnets, errors, natDisabledReason, ok };
}

export interface VpcAndMoreResult {
  design: Design;
  /** The ids of everything created, VPC first. */
  created: ResourceId[];
  vpcId: ResourceId;
}

/**
 * The design with the whole network added and wired, or the first problem in the form.
 * The VPC takes the free place on the page nearest `at`; without it, the place to the right of everything already
 * there (`arrangeNewVpc`).
 */
export function buildVpcAndMore(
  design: Design,
  options: VpcAndMoreOptions,
  at?: { x: number; y: number },
): { ok: true; result: VpcAndMoreResult } | { ok: false; error: string } {
  const plan = planVpcAndMore(options);
  if (!plan.ok) {
    const first = Object.values(plan.errors)[0] ?? plan.subnets.find((s) => s.error)?.error;
    return { ok: false, error: first ?? 'The form has a problem.' };
  }
  const name = options.name.trim();
  const region = design.region;
  const { design: withVpc, vpc: created } = createVpc(design, {
    name: `${name}-vpc`,
    cidrBlocks: [tryCidr(options.cidr)!.text],
    region,
    zones: [...options.zones],
  });
  const vpc = {
    ...created,
    enableDnsHostnames: options.enableDnsHostnames,
    enableDnsSupport: options.enableDnsSupport,
  };
  let next: Design = { ...withVpc, resources: { ...withVpc.resources, [vpc.id]: vpc } };
  const added: Resource[] = [];
  const taken = new Set<string>();
  const idFor = (kind: Resource['kind']) => {
    const id = nextId(next, kind, taken);
    taken.add(id);
    return id;
  };
  const add = (r: Resource) => {
    added.push(r);
    next = { ...next, resources: { ...next.resources, [r.id]: r } };
  };

  // Subnets first, so the NAT gateways can take an address in theirs.
  const subnetOf = new Map<string, Subnet>();
  for (const s of plan.subnets) {
    const subnet: Subnet = {
      id: idFor('subnet'),
      kind: 'subnet',
      name: s.name,
      vpcId: vpc.id,
      cidrBlock: tryCidr(s.cidr)!.text,
      availabilityZone: s.zone,
      mapPublicIpOnLaunch: false,
    };
    subnetOf.set(s.key, subnet);
    add(subnet);
  }
  const publicSubnets = plan.subnets.filter((s) => s.tier === 'public').map((s) => subnetOf.get(s.key)!);
  const privateSubnets = plan.subnets.filter((s) => s.tier === 'private').map((s) => subnetOf.get(s.key)!);

  // Public: an internet gateway and one route table sending 0.0.0.0/0 to it.
  if (publicSubnets.length) {
    const igw: InternetGateway = {
      id: idFor('internetGateway'),
      kind: 'internetGateway',
      name: `${name}-igw`,
      vpcId: vpc.id,
    };
    add(igw);
    const id = idFor('routeTable');
    const table: RouteTable = {
      id,
      kind: 'routeTable',
      name: `${name}-rtb-public`,
      vpcId: vpc.id,
      main: false,
      propagatingGatewayIds: [],
      routes: [{ id: nextItemId([], `${id}-route`), destinationCidrBlock: '0.0.0.0/0', targetId: igw.id }],
    };
    add(table);
    for (const s of publicSubnets) add({ ...s, routeTableId: table.id });
  }

  // NAT gateways, each with its Elastic IP, in a public subnet: the first AZ's, or every AZ's.
  const natByZone = new Map<string, NatGateway>();
  const natZones =
    options.natGateways === 'perAz' ? options.zones : options.natGateways === 'oneAz' ? options.zones.slice(0, 1) : [];
  for (const zone of natZones) {
    const home = publicSubnets.find((s) => s.availabilityZone === zone)!;
    const eip: ElasticIp = {
      id: idFor('elasticIp'),
      kind: 'elasticIp',
      name: `${name}-eip-${zone}`,
      publicIp: suggestElasticIp(next),
    };
    add(eip);
    const nat: NatGateway = {
      id: idFor('natGateway'),
      kind: 'natGateway',
      name: `${name}-nat-public${publicSubnets.indexOf(home) + 1}-${zone}`,
      subnetId: home.id,
      connectivityType: 'public',
      elasticIpId: eip.id,
      privateIp: suggestPrivateIp(next, next.resources[home.id] as Subnet),
    };
    add(nat);
    natByZone.set(zone, nat);
  }
  const anyNat = natByZone.values().next().value;

  // Private: one route table per AZ, its default route to that AZ's NAT gateway (or the only one).
  const privateTables: RouteTable[] = [];
  for (const zone of options.zones) {
    const inZone = privateSubnets.filter((s) => s.availabilityZone === zone);
    if (!inZone.length) continue;
    const nat = natByZone.get(zone) ?? anyNat;
    const id = idFor('routeTable');
    const table: RouteTable = {
      id,
      kind: 'routeTable',
      name: `${name}-rtb-private-${zone}`,
      vpcId: vpc.id,
      main: false,
      propagatingGatewayIds: [],
      // Route ids follow the inspector's (`rtb-3-route-1`): unique across the design, as findings name routes by id.
      routes: nat ? [{ id: nextItemId([], `${id}-route`), destinationCidrBlock: '0.0.0.0/0', targetId: nat.id }] : [],
    };
    add(table);
    privateTables.push(table);
    for (const s of inZone) add({ ...(next.resources[s.id] as Subnet), routeTableId: table.id });
  }

  // The S3 gateway endpoint on the private route tables (the public one when there are no private subnets).
  if (options.s3Endpoint) {
    const tables = privateTables.length
      ? privateTables
      : resourcesOfKind(next, 'routeTable').filter((t) => t.vpcId === vpc.id && !t.main);
    const endpoint: VpcEndpoint = {
      id: idFor('vpcEndpoint'),
      kind: 'vpcEndpoint',
      name: `${name}-vpce-s3`,
      vpcId: vpc.id,
      endpointType: 'Gateway',
      serviceName: `com.amazonaws.${region}.s3`,
      routeTableIds: tables.map((t) => t.id),
      subnetIds: [],
      securityGroupIds: [],
      privateDnsEnabled: false,
    };
    add(endpoint);
  }

  const createdIds = [
    vpc.id,
    ...Object.keys(withVpc.resources).filter((id) => !Object.hasOwn(design.resources, id) && id !== vpc.id),
    ...new Set(added.map((r) => r.id)),
  ];
  const ids = [...new Set(createdIds)];
  // What it holds on the automatic grid; the VPC at the free place nearest `at` (by default right of what is there).
  return { ok: true, result: { design: arrangeNewVpc(next, vpc.id, at), created: ids, vpcId: vpc.id } };
}

/**
 * The form's Create: the whole network as one undo step, the new VPC selected.
 *
 * @example useDesignStore.getState().execute(createVpcAndMore(vpcAndMoreDefaults(design)))
 */
export function createVpcAndMore(options: VpcAndMoreOptions, at?: { x: number; y: number }): Command {
  return {
    label: `Create ${options.name.trim() || 'VPC'} and more`,
    apply(design) {
      const built = buildVpcAndMore(design, options, at);
      if (!built.ok) return refuse(built.error);
      return done(built.result.design, [built.result.vpcId]);
    },
  };
}
