/**
 * The shared, precomputed views every rule reads: built once per validation in one pass over the resources, so
 * each rule stays linear in the size of the design (2,000 resources validate in a few milliseconds).
 *
 * Designs come from files, local storage and CloudFormation, so a field may hold the wrong type. The index
 * repairs what rules iterate over (arrays, route and rule entries) into well-formed copies; rules can then trust
 * the types they read, and a `/33` or `banana` CIDR still reaches the rules as text to report.
 */
import type { Cidr } from '../cidr/cidr.ts';
import { tryCidr } from '../cidr/cidr.ts';
import type {
  Design,
  ElasticIp,
  Instance,
  InternetGateway,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  PeeringConnection,
  Resource,
  ResourceId,
  RouteTable,
  S3Bucket,
  SecurityGroup,
  Subnet,
  VirtualPrivateGateway,
  Vpc,
  VpcEndpoint,
} from '../model/types.ts';
import type { RuleContext } from './types.ts';

export interface DesignIndex {
  design: Design;
  /** Every resource, repaired, in the design's order. */
  all: Resource[];
  vpcs: Vpc[];
  subnets: Subnet[];
  instances: Instance[];
  networkInterfaces: NetworkInterface[];
  natGateways: NatGateway[];
  internetGateways: InternetGateway[];
  routeTables: RouteTable[];
  securityGroups: SecurityGroup[];
  networkAcls: NetworkAcl[];
  peerings: PeeringConnection[];
  endpoints: VpcEndpoint[];
  buckets: S3Bucket[];
  elasticIps: ElasticIp[];
  virtualPrivateGateways: VirtualPrivateGateway[];
  /** Looks a resource up by id (own properties only, so `__proto__` and friends are never found). */
  get(id: unknown): Resource | undefined;
  /** The VPC's valid CIDR blocks, parsed (invalid ones are reported by their own rule and left out here). */
  vpcCidrs: Map<ResourceId, Cidr[]>;
  /** Each subnet's parsed CIDR, when valid. */
  subnetCidr: Map<ResourceId, Cidr>;
  subnetsByVpc: Map<ResourceId, Subnet[]>;
  routeTablesByVpc: Map<ResourceId, RouteTable[]>;
  /** Main route tables per VPC (AWS has exactly one; a design may hold none or several). */
  mainRouteTablesByVpc: Map<ResourceId, RouteTable[]>;
  /** The route table each subnet uses: its explicit association when that table exists, else its VPC's main one. */
  routeTableOfSubnet: Map<ResourceId, RouteTable>;
  /** The subnets that use each route table (explicitly or through the main table). */
  subnetsByRouteTable: Map<ResourceId, Subnet[]>;
  internetGatewaysByVpc: Map<ResourceId, InternetGateway[]>;
  securityGroupsByVpc: Map<ResourceId, SecurityGroup[]>;
  networkAclsByVpc: Map<ResourceId, NetworkAcl[]>;
  instancesBySubnet: Map<ResourceId, Instance[]>;
  natGatewaysBySubnet: Map<ResourceId, NatGateway[]>;
  endpointsByVpc: Map<ResourceId, VpcEndpoint[]>;
  /** Peering connections each VPC takes part in, whatever their status. */
  peeringsByVpc: Map<ResourceId, PeeringConnection[]>;
  /** The VPC a resource lives in, if any. */
  vpcOf(resource: Resource): Vpc | undefined;
  /** Whether the subnet's route table sends traffic to an internet gateway attached to its VPC. */
  isPublic(subnet: Subnet): boolean;
  /** VPCs joined to this one by an active peering connection. */
  activePeersOf(vpcId: ResourceId): Set<ResourceId>;
}

export function buildIndex(design: Design): DesignIndex {
  const resources: Record<string, Resource> = isObject(design.resources) ? design.resources : {};
  const index: DesignIndex = {
    design,
    all: [],
    vpcs: [],
    subnets: [],
    instances: [],
    networkInterfaces: [],
    natGateways: [],
    internetGateways: [],
    routeTables: [],
    securityGroups: [],
    networkAcls: [],
    peerings: [],
    endpoints: [],
    buckets: [],
    elasticIps: [],
    virtualPrivateGateways: [],
    get: (id) => (typeof id === 'string' ? byId.get(id) : undefined),
    vpcCidrs: new Map(),
    subnetCidr: new Map(),
    subnetsByVpc: new Map(),
    routeTablesByVpc: new Map(),
    mainRouteTablesByVpc: new Map(),
    routeTableOfSubnet: new Map(),
    subnetsByRouteTable: new Map(),
    internetGatewaysByVpc: new Map(),
    securityGroupsByVpc: new Map(),
    networkAclsByVpc: new Map(),
    instancesBySubnet: new Map(),
    natGatewaysBySubnet: new Map(),
    endpointsByVpc: new Map(),
    peeringsByVpc: new Map(),
    vpcOf: (resource) => vpcOf(index, resource),
    isPublic: (subnet) => isPublic(index, subnet),
    activePeersOf: (vpcId) => activePeersOf(index, vpcId),
  };
  const byId = new Map<string, Resource>();
  for (const key of Object.keys(resources)) {
    const raw = resources[key];
    if (!isObject(raw)) continue;
    const r = repair(raw as Resource);
    byId.set(key, r);
    index.all.push(r);
    switch (r.kind) {
      case 'vpc': {
        index.vpcs.push(r);
        const cidrs: Cidr[] = [];
        for (const text of r.cidrBlocks) {
          const c = tryCidr(text);
          if (c) cidrs.push(c);
        }
        index.vpcCidrs.set(r.id, cidrs);
        break;
      }
      case 'subnet': {
        index.subnets.push(r);
        push(index.subnetsByVpc, r.vpcId, r);
        const c = tryCidr(r.cidrBlock);
        if (c) index.subnetCidr.set(r.id, c);
        break;
      }
      case 'instance':
        index.instances.push(r);
        push(index.instancesBySubnet, r.subnetId, r);
        break;
      case 'networkInterface':
        index.networkInterfaces.push(r);
        break;
      case 'natGateway':
        index.natGateways.push(r);
        push(index.natGatewaysBySubnet, r.subnetId, r);
        break;
      case 'internetGateway':
        index.internetGateways.push(r);
        if (typeof r.vpcId === 'string') push(index.internetGatewaysByVpc, r.vpcId, r);
        break;
      case 'routeTable':
        index.routeTables.push(r);
        push(index.routeTablesByVpc, r.vpcId, r);
        if (r.main) push(index.mainRouteTablesByVpc, r.vpcId, r);
        break;
      case 'securityGroup':
        index.securityGroups.push(r);
        push(index.securityGroupsByVpc, r.vpcId, r);
        break;
      case 'networkAcl':
        index.networkAcls.push(r);
        push(index.networkAclsByVpc, r.vpcId, r);
        break;
      case 'peeringConnection':
        index.peerings.push(r);
        push(index.peeringsByVpc, r.requesterVpcId, r);
        if (r.accepterVpcId !== r.requesterVpcId) push(index.peeringsByVpc, r.accepterVpcId, r);
        break;
      case 'vpcEndpoint':
        index.endpoints.push(r);
        push(index.endpointsByVpc, r.vpcId, r);
        break;
      case 's3Bucket':
        index.buckets.push(r);
        break;
      case 'elasticIp':
        index.elasticIps.push(r);
        break;
      case 'virtualPrivateGateway':
        index.virtualPrivateGateways.push(r);
        break;
      default:
        break;
    }
  }
  for (const subnet of index.subnets) {
    const explicit = index.get(subnet.routeTableId);
    const table = explicit?.kind === 'routeTable' ? explicit : index.mainRouteTablesByVpc.get(subnet.vpcId)?.[0];
    if (!table) continue;
    index.routeTableOfSubnet.set(subnet.id, table);
    push(index.subnetsByRouteTable, table.id, subnet);
  }
  return index;
}

const publicCache = new WeakMap<DesignIndex, Map<ResourceId, boolean>>();

/**
 * A subnet is public when its route table sends traffic to an internet gateway attached to its VPC.
 * https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types
 */
function isPublic(index: DesignIndex, subnet: Subnet): boolean {
  let cache = publicCache.get(index);
  if (!cache) publicCache.set(index, (cache = new Map()));
  const known = cache.get(subnet.id);
  if (known !== undefined) return known;
  const table = index.routeTableOfSubnet.get(subnet.id);
  const result =
    !!table &&
    table.routes.some((route) => {
      const target = index.get(route.targetId);
      return target?.kind === 'internetGateway' && target.vpcId === subnet.vpcId;
    });
  cache.set(subnet.id, result);
  return result;
}

const peersCache = new WeakMap<DesignIndex, Map<ResourceId, Set<ResourceId>>>();

function activePeersOf(index: DesignIndex, vpcId: ResourceId): Set<ResourceId> {
  let cache = peersCache.get(index);
  if (!cache) peersCache.set(index, (cache = new Map()));
  let peers = cache.get(vpcId);
  if (!peers) {
    peers = new Set();
    for (const p of index.peeringsByVpc.get(vpcId) ?? []) {
      if (p.status !== 'active') continue;
      peers.add(p.requesterVpcId === vpcId ? p.accepterVpcId : p.requesterVpcId);
    }
    cache.set(vpcId, peers);
  }
  return peers;
}

function vpcOf(index: DesignIndex, resource: Resource): Vpc | undefined {
  let vpcId: unknown;
  switch (resource.kind) {
    case 'vpc':
      return resource;
    case 'subnet':
    case 'routeTable':
    case 'securityGroup':
    case 'networkAcl':
    case 'vpcEndpoint':
    case 'internetGateway':
    case 'virtualPrivateGateway':
      vpcId = resource.vpcId;
      break;
    case 'instance':
    case 'natGateway':
    case 'networkInterface': {
      const subnet = index.get(resource.subnetId);
      vpcId = subnet?.kind === 'subnet' ? subnet.vpcId : undefined;
      break;
    }
    default:
      return undefined;
  }
  const vpc = index.get(vpcId);
  return vpc?.kind === 'vpc' ? vpc : undefined;
}

function push<T>(map: Map<ResourceId, T[]>, key: unknown, value: T): void {
  if (typeof key !== 'string') return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Keep = (item: unknown) => boolean;
const isText: Keep = (v) => typeof v === 'string';

/** The list fields each kind has, and what an entry must be. */
const LIST_FIELDS: Partial<Record<Resource['kind'], Array<[string, Keep]>>> = {
  vpc: [
    ['cidrBlocks', isText],
    ['availabilityZones', isText],
  ],
  routeTable: [
    ['routes', isObject],
    ['propagatingGatewayIds', isText],
  ],
  instance: [['securityGroupIds', isText]],
  networkInterface: [
    ['privateIps', isText],
    ['securityGroupIds', isText],
  ],
  securityGroup: [
    ['ingress', isObject],
    ['egress', isObject],
  ],
  networkAcl: [
    ['inbound', isObject],
    ['outbound', isObject],
  ],
  vpcEndpoint: [
    ['routeTableIds', isText],
    ['subnetIds', isText],
    ['securityGroupIds', isText],
  ],
};

function isWellFormed(value: unknown, keep: Keep): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!keep(item)) return false;
  return true;
}

/** The resource with every list field a list of the right shape; the same object when nothing needed repair. */
function repair(r: Resource): Resource {
  const fields = LIST_FIELDS[r.kind];
  const record = r as unknown as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  if (fields) {
    for (const [field, keep] of fields) {
      const value = record[field];
      if (isWellFormed(value, keep)) continue;
      (copy ??= { ...record })[field] = Array.isArray(value) ? value.filter(keep) : [];
    }
  }
  if (r.kind === 'natGateway' && r.securityGroupIds !== undefined && !isWellFormed(r.securityGroupIds, isText)) {
    (copy ??= { ...record }).securityGroupIds = Array.isArray(r.securityGroupIds)
      ? (r.securityGroupIds as unknown[]).filter(isText)
      : [];
  }
  return (copy as unknown as Resource | undefined) ?? r;
}

/** Builds the context rules share: "now" and the index of the design. */
export function createRuleContext(design: Design, options: { now?: Date } = {}): RuleContext {
  return { now: options.now ?? new Date(), index: buildIndex(design) };
}
