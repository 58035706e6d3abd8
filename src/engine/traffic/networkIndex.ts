/**
 * Per-design lookups a trace needs, computed once and cached on `design.resources` (a new design object after
 * each edit gets a fresh index; unchanged designs reuse it), so one trace costs a few map reads and short rule
 * scans rather than passes over the whole design.
 */
import { formatIp, parseIp, tryCidr, usableRange, type Cidr } from '../cidr/cidr.ts';
import {
  defaultSecurityGroupOf,
  getOfKind,
  hasPublicIp,
  networkAclOfSubnet,
  routeTableOfSubnet,
} from '../model/queries.ts';
import type {
  Design,
  InternetGateway,
  NetworkAcl,
  NetworkInterface,
  PeeringConnection,
  ResourceId,
  RouteTable,
  S3Bucket,
  SecurityGroup,
  Subnet,
  VirtualPrivateGateway,
  VpcEndpoint,
} from '../model/types.ts';
import { collectRouteSources, effectiveRoutes, type EffectiveRoute, type RouteSources } from './routes.ts';
import { pickInternetAddress, prefixListContains, serviceOfEndpointName } from './services.ts';
import type { PeerLookup } from './securityGroups.ts';
import type { Eni } from './types.ts';

export interface NetworkIndex {
  design: Design;
  /** Network interfaces by the id a user names them with (instance, network interface, NAT gateway). */
  enis: Map<ResourceId, Eni>;
  /** The network interfaces of each interface endpoint, one per subnet. */
  endpointEnis: Map<ResourceId, Eni[]>;
  /** Private addresses by VPC (VPCs may overlap), then by address. */
  privateIps: Map<ResourceId, Map<number, Eni>>;
  publicIps: Map<number, Eni>;
  /** Members of each security group: private address → interface. */
  groupMembers: Map<ResourceId, Map<number, Eni>>;
  subnets: Map<ResourceId, Array<{ subnet: Subnet; cidr: Cidr }>>;
  vpcCidrs: Map<ResourceId, Cidr[]>;
  internetGateways: Map<ResourceId, InternetGateway>;
  virtualGateways: Map<ResourceId, VirtualPrivateGateway[]>;
  /** Interface endpoints by VPC, then by short service name. */
  interfaceEndpoints: Map<ResourceId, Map<string, VpcEndpoint[]>>;
  buckets: Map<string, S3Bucket>;
  peerings: Map<string, PeeringConnection[]>;
  routeSources: RouteSources;
  /** The address standing for "the internet" in this design. */
  internetAddress: number;
  routes(table: RouteTable): EffectiveRoute[];
  groupsOf(eni: Eni): SecurityGroup[];
  peers: PeerLookup;
}

const cache = new WeakMap<Design['resources'], NetworkIndex>();

export function networkIndex(design: Design): NetworkIndex {
  const cached = cache.get(design.resources);
  if (cached) return cached;
  const index = buildIndex(design);
  cache.set(design.resources, index);
  return index;
}

function peeringKey(a: ResourceId, b: ResourceId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(design: Design): NetworkIndex {
  const resources = Object.values(design.resources);
  const subnets = new Map<ResourceId, Array<{ subnet: Subnet; cidr: Cidr }>>();
  const vpcCidrs = new Map<ResourceId, Cidr[]>();
  const internetGateways = new Map<ResourceId, InternetGateway>();
  const virtualGateways = new Map<ResourceId, VirtualPrivateGateway[]>();
  const interfaceEndpoints = new Map<ResourceId, Map<string, VpcEndpoint[]>>();
  const buckets = new Map<string, S3Bucket>();
  const peerings = new Map<string, PeeringConnection[]>();
  const namedCidrs: Cidr[] = [];
  const used = new Set<number>();

  for (const r of resources) {
    switch (r.kind) {
      case 'vpc':
        vpcCidrs.set(
          r.id,
          r.cidrBlocks.map((b) => tryCidr(b)).filter((c): c is Cidr => c !== undefined),
        );
        break;
      case 'subnet': {
        const cidr = tryCidr(r.cidrBlock);
        if (cidr) push(subnets, r.vpcId, { subnet: r, cidr });
        break;
      }
      case 'internetGateway':
        if (r.vpcId && !internetGateways.has(r.vpcId)) internetGateways.set(r.vpcId, r);
        break;
      case 'virtualPrivateGateway':
        if (r.vpcId) push(virtualGateways, r.vpcId, r);
        break;
      case 'vpcEndpoint':
        if (r.endpointType === 'Interface') {
          const byService = interfaceEndpoints.get(r.vpcId) ?? new Map<string, VpcEndpoint[]>();
          push(byService, serviceOfEndpointName(r.serviceName), r);
          interfaceEndpoints.set(r.vpcId, byService);
        }
        break;
      case 's3Bucket':
        buckets.set(r.bucketName, r);
        break;
      case 'peeringConnection':
        push(peerings, peeringKey(r.requesterVpcId, r.accepterVpcId), r);
        break;
      case 'securityGroup':
        for (const rule of [...r.ingress, ...r.egress]) {
          const c = tryCidr(rule.cidr);
          if (c) namedCidrs.push(c);
        }
        break;
      case 'networkAcl':
        for (const rule of [...r.inbound, ...r.outbound]) {
          const c = tryCidr(rule.cidr);
          if (c) namedCidrs.push(c);
        }
        break;
      case 'elasticIp': {
        const ip = parseIp(r.publicIp);
        if (ip !== undefined) used.add(ip);
        break;
      }
      default:
        break;
    }
  }

  // Interfaces with known addresses first, then made-up addresses for those the design leaves open.
  const enis = new Map<ResourceId, Eni>();
  const endpointEnis = new Map<ResourceId, Eni[]>();
  const pending: Array<{ eni: Eni; subnet: Subnet }> = [];
  const needPublic: Eni[] = [];
  const publicOf = (eni: Eni, elasticIpId: ResourceId | undefined, fallback?: string) => {
    const eip = getOfKind(design, elasticIpId, 'elasticIp');
    const address = eip ? parseIp(eip.publicIp) : fallback !== undefined ? parseIp(fallback) : undefined;
    if (address !== undefined) eni.publicIp = { address, elasticIpId: eip?.id, assumed: false };
    else {
      eni.publicIp = { address: 0, elasticIpId: eip?.id, assumed: true };
      needPublic.push(eni);
    }
  };
  // An interface attached as device 0 is its instance's primary interface: the same interface, not a second one
  // with its own address (a route may name either id). https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
  const primaryInterfaces = new Map<ResourceId, NetworkInterface>();
  for (const r of resources) {
    if (
      r.kind === 'networkInterface' &&
      r.deviceIndex === 0 &&
      r.instanceId &&
      getOfKind(design, r.instanceId, 'instance')
    ) {
      if (!primaryInterfaces.has(r.instanceId)) primaryInterfaces.set(r.instanceId, r);
    }
  }
  const isPrimaryInterface = (r: NetworkInterface) =>
    r.instanceId !== undefined && primaryInterfaces.get(r.instanceId) === r;
  for (const r of resources) {
    if (r.kind === 'networkInterface' && isPrimaryInterface(r)) continue;
    if (r.kind === 'instance' || r.kind === 'networkInterface' || r.kind === 'natGateway') {
      const subnet = getOfKind(design, r.subnetId, 'subnet');
      if (!subnet) continue;
      const texts =
        r.kind === 'networkInterface'
          ? r.privateIps
          : [r.privateIp, ...(r.kind === 'instance' ? (primaryInterfaces.get(r.id)?.privateIps ?? []) : [])];
      const ips = [
        ...new Set(
          texts.map((t) => (t === undefined ? undefined : parseIp(t))).filter((n): n is number => n !== undefined),
        ),
      ];
      const eni: Eni = {
        id: r.id,
        hopKind: r.kind,
        kind: r.kind,
        vpcId: subnet.vpcId,
        subnetId: subnet.id,
        privateIps: ips,
        securityGroupIds: r.kind === 'natGateway' ? [] : r.securityGroupIds,
        sourceDestCheck: r.kind === 'natGateway' ? false : r.sourceDestCheck,
        synthetic: false,
      };
      if (r.kind === 'instance') {
        const primaryEip = primaryInterfaces.get(r.id)?.elasticIpId;
        if (hasPublicIp(design, r)) publicOf(eni, r.elasticIpId, r.publicIp);
        else if (primaryEip && getOfKind(design, primaryEip, 'elasticIp')) publicOf(eni, primaryEip);
      } else if (r.kind === 'networkInterface') {
        if (r.elasticIpId && getOfKind(design, r.elasticIpId, 'elasticIp')) publicOf(eni, r.elasticIpId);
      } else if (r.connectivityType === 'public' && r.elasticIpId && getOfKind(design, r.elasticIpId, 'elasticIp')) {
        publicOf(eni, r.elasticIpId);
      }
      for (const ip of ips) used.add(ip);
      enis.set(r.id, eni);
      if (ips.length === 0) pending.push({ eni, subnet });
    } else if (r.kind === 'vpcEndpoint' && r.endpointType === 'Interface') {
      for (const subnetId of r.subnetIds) {
        const subnet = getOfKind(design, subnetId, 'subnet');
        if (!subnet) continue;
        const eni: Eni = {
          id: r.id,
          hopKind: 'vpcEndpoint',
          kind: 'interfaceEndpoint',
          vpcId: subnet.vpcId,
          subnetId: subnet.id,
          privateIps: [],
          securityGroupIds: r.securityGroupIds,
          sourceDestCheck: true,
          synthetic: true,
        };
        push(endpointEnis, r.id, eni);
        pending.push({ eni, subnet });
      }
    }
  }
  for (const { eni, subnet } of pending) {
    const cidr = tryCidr(subnet.cidrBlock);
    const range = cidr && usableRange(cidr);
    if (!range) continue;
    for (let ip = range.last; ip >= range.first; ip--) {
      if (!used.has(ip)) {
        eni.privateIps.push(ip);
        eni.synthetic = true;
        used.add(ip);
        break;
      }
    }
  }

  // Public addresses AWS would assign at launch but the design does not record: stand-ins from 198.18.0.0/15
  // (a benchmarking range no real host uses), marked as assumed.
  let nextPublic = parseIp('198.18.0.10')!;
  for (const eni of needPublic) {
    while (used.has(nextPublic)) nextPublic++;
    eni.publicIp = { address: nextPublic, elasticIpId: eni.publicIp?.elasticIpId, assumed: true };
    used.add(nextPublic++);
  }

  const privateIps = new Map<ResourceId, Map<number, Eni>>();
  const publicIps = new Map<number, Eni>();
  const groupMembers = new Map<ResourceId, Map<number, Eni>>();
  const allEnis = [...enis.values(), ...[...endpointEnis.values()].flat()];
  const groupsByEni = new Map<Eni, SecurityGroup[]>();
  const groupsOf = (eni: Eni): SecurityGroup[] => {
    let groups = groupsByEni.get(eni);
    if (groups) return groups;
    groups = eni.securityGroupIds
      .map((id) => getOfKind(design, id, 'securityGroup'))
      .filter((g): g is SecurityGroup => g !== undefined);
    // An instance or endpoint launched without a group gets its VPC's default security group.
    // https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
    if (groups.length === 0 && eni.kind !== 'natGateway') {
      const fallback = defaultSecurityGroupOf(design, eni.vpcId);
      if (fallback) groups = [fallback];
    }
    groupsByEni.set(eni, groups);
    return groups;
  };
  for (const eni of allEnis) {
    const byIp = privateIps.get(eni.vpcId) ?? new Map<number, Eni>();
    for (const ip of eni.privateIps) if (!byIp.has(ip)) byIp.set(ip, eni);
    privateIps.set(eni.vpcId, byIp);
    if (eni.publicIp && !publicIps.has(eni.publicIp.address)) publicIps.set(eni.publicIp.address, eni);
    for (const group of groupsOf(eni)) {
      const members = groupMembers.get(group.id) ?? new Map<number, Eni>();
      for (const ip of eni.privateIps) members.set(ip, eni);
      groupMembers.set(group.id, members);
    }
  }
  // Public addresses in use must not be picked as the stand-in for the internet.
  for (const eni of enis.values()) if (eni.publicIp) used.add(eni.publicIp.address);
  // A primary interface's id names its instance's interface (after the passes above, so it is not counted twice).
  for (const [instanceId, ni] of primaryInterfaces) {
    const eni = enis.get(instanceId);
    if (eni) enis.set(ni.id, eni);
  }

  const routeSources = collectRouteSources(design);
  const routeCache = new Map<ResourceId, EffectiveRoute[]>();
  const vpcOf = (id: ResourceId) => getOfKind(design, id, 'vpc');

  const index: NetworkIndex = {
    design,
    enis,
    endpointEnis,
    privateIps,
    publicIps,
    groupMembers,
    subnets,
    vpcCidrs,
    internetGateways,
    virtualGateways,
    interfaceEndpoints,
    buckets,
    peerings,
    routeSources,
    internetAddress: pickInternetAddress(namedCidrs, used),
    routes(table) {
      let routes = routeCache.get(table.id);
      if (!routes) {
        routes = effectiveRoutes(design, table, routeSources);
        routeCache.set(table.id, routes);
      }
      return routes;
    },
    groupsOf,
    peers: {
      isGroupMember(groupId, ip, fromGroup) {
        const member = groupMembers.get(groupId)?.get(ip);
        if (!member) return false;
        if (member.vpcId === fromGroup.vpcId) return true;
        // Across a peering: only an active connection in the same Region lets a rule reference the peer's groups.
        // https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html
        const a = vpcOf(member.vpcId);
        const b = vpcOf(fromGroup.vpcId);
        if (!a || !b || a.region !== b.region) return false;
        return (peerings.get(peeringKey(a.id, b.id)) ?? []).some((p) => p.status === 'active');
      },
      inPrefixList: prefixListContains,
    },
  };
  return index;
}

/** The subnet of a VPC that holds an address. */
export function subnetAt(index: NetworkIndex, vpcId: ResourceId, ip: number): Subnet | undefined {
  for (const { subnet, cidr } of index.subnets.get(vpcId) ?? []) if (ip >= cidr.first && ip <= cidr.last) return subnet;
  return undefined;
}

/** The VPCs whose CIDR blocks hold an address. */
export function vpcsHolding(index: NetworkIndex, ip: number): ResourceId[] {
  const out: ResourceId[] = [];
  for (const [vpcId, cidrs] of index.vpcCidrs) if (cidrs.some((c) => ip >= c.first && ip <= c.last)) out.push(vpcId);
  return out;
}

export function inVpc(index: NetworkIndex, vpcId: ResourceId, ip: number): boolean {
  return (index.vpcCidrs.get(vpcId) ?? []).some((c) => ip >= c.first && ip <= c.last);
}

export function peeringsBetween(index: NetworkIndex, a: ResourceId, b: ResourceId): PeeringConnection[] {
  return index.peerings.get(peeringKey(a, b)) ?? [];
}

export function subnetRouteTable(index: NetworkIndex, subnet: Subnet): RouteTable | undefined {
  return routeTableOfSubnet(index.design, subnet);
}

export function subnetNetworkAcl(index: NetworkIndex, subnet: Subnet): NetworkAcl | undefined {
  return networkAclOfSubnet(index.design, subnet);
}

export function describeEniAddress(eni: Eni): string {
  const ip = eni.privateIps[0];
  if (ip === undefined) return 'no private address';
  return `${formatIp(ip)}${eni.synthetic ? ' (assumed: the design gives no address)' : ''}`;
}
