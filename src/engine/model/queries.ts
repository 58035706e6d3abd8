/**
 * Read-only questions about a design, in AWS's terms. Everything here is derived from the records; nothing is
 * stored twice.
 */
import type {
  Design,
  Instance,
  NetworkAcl,
  Resource,
  ResourceId,
  ResourceKind,
  ResourceOfKind,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
} from './types.ts';

export function getResource(design: Design, id: ResourceId | undefined): Resource | undefined {
  if (id === undefined) return undefined;
  return Object.hasOwn(design.resources, id) ? design.resources[id] : undefined;
}

export function getOfKind<K extends ResourceKind>(
  design: Design,
  id: ResourceId | undefined,
  kind: K,
): ResourceOfKind<K> | undefined {
  const r = getResource(design, id);
  return r && r.kind === kind ? (r as ResourceOfKind<K>) : undefined;
}

export function resourcesOfKind<K extends ResourceKind>(design: Design, kind: K): ResourceOfKind<K>[] {
  const out: ResourceOfKind<K>[] = [];
  for (const r of Object.values(design.resources)) if (r.kind === kind) out.push(r as ResourceOfKind<K>);
  return out;
}

/** The VPC a resource belongs to, when it belongs to one. */
export function vpcIdOf(design: Design, resource: Resource): ResourceId | undefined {
  switch (resource.kind) {
    case 'vpc':
      return resource.id;
    case 'subnet':
    case 'routeTable':
    case 'securityGroup':
    case 'networkAcl':
    case 'vpcEndpoint':
      return resource.vpcId;
    case 'internetGateway':
    case 'virtualPrivateGateway':
      return resource.vpcId;
    case 'instance':
    case 'natGateway':
    case 'networkInterface': {
      const subnet = getOfKind(design, resource.subnetId, 'subnet');
      return subnet?.vpcId;
    }
    default:
      return undefined;
  }
}

/**
 * The subnets, route tables, groups and everything else of each VPC, computed in one pass so callers that look
 * at every VPC stay linear in the design's size.
 */
export interface VpcIndex {
  subnets: Map<ResourceId, Subnet[]>;
  routeTables: Map<ResourceId, RouteTable[]>;
  networkAcls: Map<ResourceId, NetworkAcl[]>;
  securityGroups: Map<ResourceId, SecurityGroup[]>;
  instancesBySubnet: Map<ResourceId, Instance[]>;
}

const indexCache = new WeakMap<Design['resources'], VpcIndex>();

export function indexDesign(design: Design): VpcIndex {
  const cached = indexCache.get(design.resources);
  if (cached) return cached;
  const index: VpcIndex = {
    subnets: new Map(),
    routeTables: new Map(),
    networkAcls: new Map(),
    securityGroups: new Map(),
    instancesBySubnet: new Map(),
  };
  const push = <T>(map: Map<ResourceId, T[]>, key: ResourceId, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const r of Object.values(design.resources)) {
    if (r.kind === 'subnet') push(index.subnets, r.vpcId, r);
    else if (r.kind === 'routeTable') push(index.routeTables, r.vpcId, r);
    else if (r.kind === 'networkAcl') push(index.networkAcls, r.vpcId, r);
    else if (r.kind === 'securityGroup') push(index.securityGroups, r.vpcId, r);
    else if (r.kind === 'instance') push(index.instancesBySubnet, r.subnetId, r);
  }
  indexCache.set(design.resources, index);
  return index;
}

export function subnetsOf(design: Design, vpcId: ResourceId): Subnet[] {
  return indexDesign(design).subnets.get(vpcId) ?? [];
}

export function mainRouteTableOf(design: Design, vpcId: ResourceId): RouteTable | undefined {
  return (indexDesign(design).routeTables.get(vpcId) ?? []).find((t) => t.main);
}

export function defaultNetworkAclOf(design: Design, vpcId: ResourceId): NetworkAcl | undefined {
  return (indexDesign(design).networkAcls.get(vpcId) ?? []).find((n) => n.isDefault);
}

export function defaultSecurityGroupOf(design: Design, vpcId: ResourceId): SecurityGroup | undefined {
  return (indexDesign(design).securityGroups.get(vpcId) ?? []).find((g) => g.isDefault);
}

/**
 * The route table a subnet uses: its explicit association, or else its VPC's main route table.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#subnet-route-tables
 */
export function routeTableOfSubnet(design: Design, subnet: Subnet): RouteTable | undefined {
  const explicit = getOfKind(design, subnet.routeTableId, 'routeTable');
  if (explicit) return explicit;
  return mainRouteTableOf(design, subnet.vpcId);
}

/**
 * The network ACL a subnet uses: its explicit association, or else its VPC's default network ACL.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
 */
export function networkAclOfSubnet(design: Design, subnet: Subnet): NetworkAcl | undefined {
  const explicit = getOfKind(design, subnet.networkAclId, 'networkAcl');
  if (explicit) return explicit;
  return defaultNetworkAclOf(design, subnet.vpcId);
}

/** The internet gateway attached to a VPC (AWS allows one). */
export function internetGatewayOf(design: Design, vpcId: ResourceId) {
  return resourcesOfKind(design, 'internetGateway').find((g) => g.vpcId === vpcId);
}

/**
 * A subnet is public when its route table sends traffic to an internet gateway attached to its VPC.
 * https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types
 */
export function isPublicSubnet(design: Design, subnet: Subnet): boolean {
  const table = routeTableOfSubnet(design, subnet);
  if (!table) return false;
  return table.routes.some((route) => {
    const target = getResource(design, route.targetId);
    return target?.kind === 'internetGateway' && target.vpcId === subnet.vpcId;
  });
}

/** Whether an instance gets a public IPv4 address: an Elastic IP, or one assigned at launch. */
export function hasPublicIp(design: Design, instance: Instance): boolean {
  if (instance.elasticIpId && getOfKind(design, instance.elasticIpId, 'elasticIp')) return true;
  if (instance.associatePublicIp !== undefined) return instance.associatePublicIp;
  const subnet = getOfKind(design, instance.subnetId, 'subnet');
  return subnet?.mapPublicIpOnLaunch ?? false;
}

/** Every VPC in the design. */
export function vpcsOf(design: Design): Vpc[] {
  return resourcesOfKind(design, 'vpc');
}

/** Resources that name `id` in one of their reference fields (for cascade deletes and "used by" lists). */
export function referencesTo(design: Design, id: ResourceId): Resource[] {
  const out: Resource[] = [];
  for (const r of Object.values(design.resources)) {
    if (r.id !== id && mentions(r, id)) out.push(r);
  }
  return out;
}

function mentions(value: unknown, id: string): boolean {
  if (value === id) return true;
  if (Array.isArray(value)) return value.some((v) => mentions(v, id));
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'name' || key === 'policyDocument' || key === 'description') continue;
      if (mentions(v, id)) return true;
    }
  }
  return false;
}

/**
 * A NAT instance: an instance with source/destination checking turned off, so it forwards traffic that is not
 * addressed to it — the setting AWS says a NAT instance needs (and the palette's "NAT instance" sets).
 * https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html#EIP_Disable_SrcDestCheck
 *
 * @example isNatInstance(anInstance({ sourceDestCheck: false })) // true
 */
export function isNatInstance(resource: Resource): boolean {
  return resource.kind === 'instance' && resource.sourceDestCheck === false;
}
