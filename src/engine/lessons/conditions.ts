/**
 * The named conditions a lesson's `resource` goal may put in `where` — the one place they are defined. Each says
 * which kinds it applies to, what value it takes, how to check it and how to say it in a sentence, and cites the
 * AWS page it encodes. An unknown condition (or one that does not apply to the goal's kind) makes a lesson invalid.
 *
 * Most conditions look at one resource; a `set` condition (`perAz`) looks at every resource that met the others.
 */
import { contains, tryCidr, type Cidr } from '../cidr/cidr.ts';
import { KINDS } from '../model/kinds.ts';
import {
  getOfKind,
  getResource,
  hasPublicIp,
  isPublicSubnet,
  routeTableOfSubnet,
  subnetsOf,
  vpcIdOf,
} from '../model/queries.ts';
import type { Design, PeeringStatus, Resource, ResourceKind, RouteTable } from '../model/types.ts';
import { exposure } from '../traffic/exposure.ts';
import { serviceName } from '../traffic/serviceNames.ts';
import { serviceOfEndpointName } from '../traffic/services.ts';

export type ConditionValue = string | number | boolean;

/** What a condition takes: true/false, free text, one of a few words, or ids of resources of the starting design. */
export type ValueType = 'boolean' | 'text' | 'id' | 'ids' | { oneOf: readonly string[] };

/** What a check may look at besides the resource: the design, and costly answers computed once per grading. */
export interface ConditionContext {
  design: Design;
  /** Ids of instances with a port reachable from the internet (Inspector-style), computed on first use. */
  exposed(): ReadonlySet<string>;
}

export interface Condition {
  kinds: readonly ResourceKind[];
  value: ValueType;
  /** The AWS page the condition encodes. */
  docs: string;
  /** `set`: checked on all the resources that met the goal's other conditions (default: each resource). */
  scope?: 'set';
  test(ctx: ConditionContext, resource: Resource, value: ConditionValue): boolean;
  /** For `set` conditions. */
  testSet?(ctx: ConditionContext, resources: Resource[], value: ConditionValue): boolean;
  /** What the condition asks, as the end of a sentence ("is in a public subnet"); `met: false` says it is not. */
  describe(design: Design, value: ConditionValue, met: boolean, kind?: ResourceKind): string;
}

/** A resource as a student reads it: its kind and name, never its id. */
export function nameOf(design: Design, id: string): string {
  const r = getResource(design, id);
  if (!r) return `"${id}"`;
  return `${KINDS[r.kind].label} "${r.name}"`;
}

function quoted(design: Design, id: string): string {
  const r = getResource(design, id);
  return `"${r ? r.name : id}"`;
}

/** "NAT gateway", "internet gateway", "EC2 instance", "VPC endpoint": a kind in running text. */
export function lowerLabel(kind: ResourceKind): string {
  return KINDS[kind].label.replace(/^([A-Z])(?=[a-z])/, (c) => c.toLowerCase());
}

/** "a NAT gateway", "an internet gateway", "an EC2 instance": a kind in running text, with its article. */
export function aKind(kind: ResourceKind): string {
  const label = lowerLabel(kind);
  return `${/^[aeiouAEIOU]/.test(label) ? 'an' : 'a'} ${label}`;
}

/** A yes/no condition described by its two phrasings. */
function yesNo(yes: string, no: string): Condition['describe'] {
  return (_d, value, met) => ((value === true) === met ? yes : no);
}

function subnetOfResource(design: Design, r: Resource) {
  if (r.kind === 'natGateway' || r.kind === 'instance' || r.kind === 'networkInterface')
    return getOfKind(design, r.subnetId, 'subnet');
  if (r.kind === 'subnet') return r;
  return undefined;
}

function ids(value: ConditionValue): string[] {
  return String(value)
    .split(/[\s,]+/)
    .filter(Boolean);
}

const IN_SUBNET_KINDS = ['natGateway', 'instance', 'networkInterface'] as const;
const VPC_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-your-vpc.html';

/** The route table itself, or the one a subnet uses (its explicit association, else its VPC's main table). */
function tableOf(design: Design, r: Resource): RouteTable | undefined {
  if (r.kind === 'routeTable') return r;
  if (r.kind === 'subnet') return routeTableOfSubnet(design, r);
  return undefined;
}

/** How a route condition on a subnet reads: about the table it uses. */
function viaTable(kind: ResourceKind | undefined): string {
  return kind === 'subnet' ? 'uses a route table that ' : '';
}

/** The route a table uses for 0.0.0.0/0, and what it targets. */
function defaultRouteTarget(design: Design, r: Resource): Resource | undefined | 'none' {
  const table = tableOf(design, r);
  if (!table) return 'none';
  const route = table.routes.find((x) => x.destinationCidrBlock === '0.0.0.0/0');
  if (!route) return 'none';
  return getResource(design, route.targetId);
}

/** Whether a peering connection joins VPCs that differ in `field` (cross-account, cross-Region); false if either is unknown. */
function peersDiffer(design: Design, r: Resource, field: 'accountId' | 'region'): boolean {
  if (r.kind !== 'peeringConnection') return false;
  const a = getOfKind(design, r.requesterVpcId, 'vpc');
  const b = getOfKind(design, r.accepterVpcId, 'vpc');
  return !!a && !!b && a[field] !== b[field];
}

function policyConditionKeys(policy: unknown): string[] {
  const keys: string[] = [];
  const statements = (policy as { Statement?: unknown })?.Statement;
  for (const s of Array.isArray(statements) ? statements : statements ? [statements] : []) {
    const condition = (s as { Condition?: unknown })?.Condition;
    if (!condition || typeof condition !== 'object') continue;
    for (const operator of Object.values(condition as Record<string, unknown>)) {
      if (operator && typeof operator === 'object') keys.push(...Object.keys(operator).map((k) => k.toLowerCase()));
    }
  }
  return keys;
}

export const CONDITIONS = {
  /** Selects one resource of the starting design. */
  id: {
    kinds: [] as ResourceKind[],
    value: 'id',
    docs: VPC_DOCS,
    test: (_ctx, r, v) => r.id === v,
    describe: (d, v, met) => (met ? `is ${quoted(d, String(v))}` : `is not ${quoted(d, String(v))}`),
  },
  inVpc: {
    kinds: [
      'subnet',
      'natGateway',
      'instance',
      'networkInterface',
      'routeTable',
      'securityGroup',
      'networkAcl',
      'vpcEndpoint',
      'internetGateway',
    ],
    value: 'id',
    docs: VPC_DOCS,
    test: (ctx, r, v) => vpcIdOf(ctx.design, r) === v,
    describe: (d, v, met) => `${met ? 'is' : 'is not'} in VPC ${quoted(d, String(v))}`,
  },
  inSubnet: {
    kinds: IN_SUBNET_KINDS,
    value: 'id',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html',
    test: (_ctx, r, v) => 'subnetId' in r && r.subnetId === v,
    describe: (d, v, met) => `${met ? 'is' : 'is not'} in subnet ${quoted(d, String(v))}`,
  },
  inZone: {
    kinds: ['subnet', ...IN_SUBNET_KINDS],
    value: 'text',
    docs: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html',
    test: (ctx, r, v) => subnetOfResource(ctx.design, r)?.availabilityZone === v,
    describe: (_d, v, met) => `${met ? 'is' : 'is not'} in Availability Zone ${String(v)}`,
  },
  /** A public subnet routes to an internet gateway (the same test the rules use). */
  inPublicSubnet: {
    kinds: IN_SUBNET_KINDS,
    value: 'boolean',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types',
    test: (ctx, r, v) => {
      const subnet = subnetOfResource(ctx.design, r);
      return (!!subnet && isPublicSubnet(ctx.design, subnet)) === v;
    },
    describe: yesNo(
      'is in a public subnet (one whose route table sends traffic to an internet gateway)',
      'is not in a public subnet (its subnet has no route to an internet gateway)',
    ),
  },
  /** A public NAT gateway needs an Elastic IP; an instance or interface may have one. */
  hasElasticIp: {
    kinds: IN_SUBNET_KINDS,
    value: 'boolean',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html',
    test: (ctx, r, v) =>
      ('elasticIpId' in r && !!r.elasticIpId && !!getOfKind(ctx.design, r.elasticIpId, 'elasticIp')) === v,
    describe: yesNo('has an Elastic IP address', 'has no Elastic IP address'),
  },
  hasPublicIp: {
    kinds: ['instance'],
    value: 'boolean',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html',
    test: (ctx, r, v) => (r.kind === 'instance' && hasPublicIp(ctx.design, r)) === v,
    describe: yesNo('has a public IPv4 address', 'has no public IPv4 address'),
  },
  /** A NAT instance forwards traffic not addressed to it, so its source/destination check must be off. */
  sourceDestCheckOff: {
    kinds: ['instance', 'networkInterface'],
    value: 'boolean',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html#EIP_Disable_SrcDestCheck',
    test: (_ctx, r, v) => ('sourceDestCheck' in r && r.sourceDestCheck === false) === v,
    describe: yesNo('has its source/destination check turned off', 'still has its source/destination check on'),
  },
  connectivityType: {
    kinds: ['natGateway'],
    value: { oneOf: ['public', 'private'] },
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
    test: (_ctx, r, v) => r.kind === 'natGateway' && r.connectivityType === v,
    describe: (_d, v, met) => `${met ? 'is' : 'is not'} a ${String(v)} NAT gateway`,
  },
  /** Security groups: a NAT gateway takes none; an interface endpoint's group decides who may use it. */
  hasSecurityGroup: {
    kinds: ['natGateway', 'instance', 'vpcEndpoint'],
    value: 'boolean',
    docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
    test: (ctx, r, v) => {
      const groups = 'securityGroupIds' in r ? (r.securityGroupIds ?? []) : [];
      return groups.some((g) => !!getOfKind(ctx.design, g, 'securityGroup')) === v;
    },
    describe: yesNo('has a security group', 'has no security group'),
  },
  endpointType: {
    kinds: ['vpcEndpoint'],
    value: { oneOf: ['Gateway', 'Interface'] },
    docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/concepts.html',
    test: (_ctx, r, v) => r.kind === 'vpcEndpoint' && r.endpointType === v,
    describe: (_d, v, met) => `${met ? 'is' : 'is not'} a${v === 'Interface' ? 'n interface' : ' gateway'} endpoint`,
  },
  /** The service an endpoint serves (`s3`, `dynamodb`, `ssm`, …). */
  service: {
    kinds: ['vpcEndpoint', 'awsService'],
    value: 'text',
    docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html',
    test: (_ctx, r, v) =>
      (r.kind === 'vpcEndpoint' && serviceOfEndpointName(r.serviceName) === v) ||
      (r.kind === 'awsService' && r.service.toLowerCase() === v),
    describe: (_d, v, met) => `${met ? 'serves' : 'does not serve'} ${serviceName(String(v))}`,
  },
  privateDns: {
    kinds: ['vpcEndpoint'],
    value: 'boolean',
    docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-private-dns',
    test: (_ctx, r, v) => (r.kind === 'vpcEndpoint' && r.privateDnsEnabled) === v,
    describe: yesNo('has private DNS turned on', 'has private DNS turned off'),
  },
  /**
   * A subnet uses this route table (explicitly or as the main table); a gateway endpoint is associated with it
   * (which adds the service's prefix-list route to the table).
   */
  routeTable: {
    kinds: ['subnet', 'vpcEndpoint'],
    value: 'id',
    docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html#gateway-endpoint-routing',
    test: (ctx, r, v) =>
      (r.kind === 'subnet' && routeTableOfSubnet(ctx.design, r)?.id === v) ||
      (r.kind === 'vpcEndpoint' && r.routeTableIds.includes(String(v))),
    describe: (d, v, met) => `${met ? 'is' : 'is not'} associated with route table ${quoted(d, String(v))}`,
  },
  /**
   * What the 0.0.0.0/0 route of the table (of a subnet: of the table it uses) points at: a NAT gateway, an internet
   * gateway, an instance, … or none. On a subnet it holds whichever table the student gives it.
   */
  defaultRoute: {
    kinds: ['routeTable', 'subnet'],
    value: { oneOf: ['natGateway', 'internetGateway', 'instance', 'peeringConnection', 'none'] },
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html',
    test: (ctx, r, v) => {
      const target = defaultRouteTarget(ctx.design, r);
      return target === 'none' ? v === 'none' : target?.kind === v;
    },
    describe: (_d, v, met, kind) =>
      viaTable(kind) +
      (v === 'none'
        ? met
          ? 'has no 0.0.0.0/0 route'
          : 'still has a 0.0.0.0/0 route'
        : `${met ? 'sends' : 'does not send'} 0.0.0.0/0 to ${aKind(v as ResourceKind)}`),
  },
  /**
   * A route to (part of) the VPC's addresses through a peering connection that joins the table's VPC to it: each
   * side of a peering needs one, or replies have no way back.
   */
  routesToVpc: {
    kinds: ['routeTable', 'subnet'],
    value: 'id',
    docs: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html',
    test: (ctx, resource, v) => {
      const r = tableOf(ctx.design, resource);
      if (!r) return false;
      const peer = getOfKind(ctx.design, String(v), 'vpc');
      const peerCidrs = (peer?.cidrBlocks ?? []).map(tryCidr).filter((c): c is Cidr => !!c);
      return r.routes.some((route) => {
        const pcx = getOfKind(ctx.design, route.targetId, 'peeringConnection');
        const dest = tryCidr(route.destinationCidrBlock);
        if (!pcx || !dest) return false;
        const ends = [pcx.requesterVpcId, pcx.accepterVpcId];
        return ends.includes(r.vpcId) && ends.includes(String(v)) && peerCidrs.some((c) => contains(c, dest));
      });
    },
    describe: (d, v, met, kind) =>
      `${viaTable(kind)}${met ? 'has a' : 'has no'} route to VPC ${quoted(d, String(v))} through a peering connection`,
  },
  /** A peering connection's state: it carries traffic only once accepted (`active`). */
  status: {
    kinds: ['peeringConnection'],
    value: {
      oneOf: ['pending-acceptance', 'active', 'rejected', 'expired', 'failed', 'deleted'] satisfies PeeringStatus[],
    },
    docs: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-lifecycle',
    test: (_ctx, r, v) => r.kind === 'peeringConnection' && r.status === v,
    describe: (_d, v, met) => `${met ? 'is' : 'is not'} ${v === 'active' ? 'accepted (active)' : String(v)}`,
  },
  /** The two VPCs a peering connection joins, either way round. */
  connects: {
    kinds: ['peeringConnection'],
    value: 'ids',
    docs: 'https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html',
    test: (_ctx, r, v) =>
      r.kind === 'peeringConnection' && ids(v).every((id) => r.requesterVpcId === id || r.accepterVpcId === id),
    describe: (d, v, met) =>
      `${met ? 'connects' : 'does not connect'} ${ids(v)
        .map((id) => quoted(d, id))
        .join(' and ')}`,
  },
  crossAccount: {
    kinds: ['peeringConnection'],
    value: 'boolean',
    docs: 'https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html#different-account-different-region',
    test: (ctx, r, v) => peersDiffer(ctx.design, r, 'accountId') === v,
    describe: yesNo('joins VPCs of two different accounts', 'joins VPCs of the same account'),
  },
  crossRegion: {
    kinds: ['peeringConnection'],
    value: 'boolean',
    docs: 'https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html#different-account-different-region',
    test: (ctx, r, v) => peersDiffer(ctx.design, r, 'region') === v,
    describe: yesNo('joins VPCs in two different Regions', 'joins VPCs in the same Region'),
  },
  /** An inbound rule whose source is another security group (across a peering: the peer VPC's group). */
  allowsFromGroup: {
    kinds: ['securityGroup'],
    value: 'id',
    docs: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html',
    test: (_ctx, r, v) => r.kind === 'securityGroup' && r.ingress.some((rule) => rule.groupId === v),
    describe: (d, v, met) =>
      `${met ? 'has an' : 'has no'} inbound rule whose source is security group ${quoted(d, String(v))}`,
  },
  hasPolicy: {
    kinds: ['vpcEndpoint', 's3Bucket'],
    value: 'boolean',
    docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
    test: (_ctx, r, v) => ((r.kind === 'vpcEndpoint' || r.kind === 's3Bucket') && r.policyDocument !== undefined) === v,
    describe: yesNo('has a policy of its own', 'has no policy of its own'),
  },
  /** A policy with a condition on this key, e.g. `aws:SourceVpce` or `aws:SourceVpc` in a bucket policy. */
  policyConditionKey: {
    kinds: ['vpcEndpoint', 's3Bucket'],
    value: 'text',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html',
    test: (_ctx, r, v) =>
      (r.kind === 'vpcEndpoint' || r.kind === 's3Bucket') &&
      policyConditionKeys(r.policyDocument).includes(String(v).toLowerCase()),
    describe: (_d, v, met) => `${met ? 'has a' : 'has no'} policy condition on ${String(v)}`,
  },
  /** Amazon Inspector's network reachability: a port of the instance can be reached from the internet. */
  exposedToInternet: {
    kinds: ['instance'],
    value: 'boolean',
    docs: 'https://docs.aws.amazon.com/inspector/latest/user/inspector_network-reachability.html',
    test: (ctx, r, v) => ctx.exposed().has(r.id) === v,
    describe: yesNo('has a port open to the internet', 'has no port open to the internet'),
  },
  /** One in each Availability Zone where the VPC has subnets (a NAT gateway is redundant only within its AZ). */
  perAz: {
    kinds: ['natGateway', 'instance'],
    value: 'boolean',
    scope: 'set',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html',
    test: () => true,
    testSet: (ctx, resources, v) => (missingZones(ctx.design, resources).length === 0) === v,
    describe: yesNo(
      'are one in each Availability Zone that has subnets',
      'do not cover every Availability Zone that has subnets',
    ),
  },
} satisfies Record<string, Condition>;

export type ConditionName = keyof typeof CONDITIONS;

/** The AZs (of the VPCs the resources are in) that have subnets but none of the resources. */
export function missingZones(design: Design, resources: Resource[]): string[] {
  const vpcs = new Set(resources.map((r) => vpcIdOf(design, r)).filter((v): v is string => !!v));
  const covered = new Set(resources.map((r) => subnetOfResource(design, r)?.availabilityZone));
  const missing = new Set<string>();
  for (const vpc of vpcs)
    for (const s of subnetsOf(design, vpc)) if (!covered.has(s.availabilityZone)) missing.add(s.availabilityZone);
  return [...missing].sort();
}

export function conditionOf(name: string): Condition | undefined {
  return Object.hasOwn(CONDITIONS, name) ? (CONDITIONS as Record<string, Condition>)[name] : undefined;
}

/** Whether the condition applies to a kind (`id` applies to every kind). */
export function appliesTo(condition: Condition, kind: ResourceKind): boolean {
  return condition.kinds.length === 0 || condition.kinds.includes(kind);
}

/** The grading context for one design: costly answers are computed once, on first use. */
export function conditionContext(design: Design): ConditionContext {
  let exposed: Set<string> | undefined;
  return {
    design,
    exposed: () =>
      (exposed ??= new Set(
        exposure(design)
          .instances.filter((i) => i.ports.length > 0)
          .map((i) => i.id),
      )),
  };
}
