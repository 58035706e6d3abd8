/**
 * Adding resources the way a user drops them from the palette: the drop target decides the parent, AWS's
 * containment rules decide whether the drop is allowed, and AWS's defaults fill in the rest.
 */
import { formatIp, nextFreeCidr, tryCidr, usableRange } from '../cidr/cidr.ts';
import {
  defaultNetworkAcl,
  defaultSecurityGroup,
  newNetworkAcl,
  newSecurityGroup,
  nextId,
  zonesOf,
} from '../model/create.ts';
import { azNodeId, parseNodeId } from '../model/diagram.ts';
import {
  defaultSecurityGroupOf,
  getOfKind,
  getResource,
  indexDesign,
  internetGatewayOf,
  resourcesOfKind,
  subnetsOf,
  vpcIdOf,
} from '../model/queries.ts';
import type { Box, Design, Resource, ResourceId, RouteTable, Subnet, Vpc } from '../model/types.ts';
import { placeResource } from '../layout/placement.ts';
import { ENDPOINT_HELP, KIND_HELP, type KindHelp } from '../model/kinds.ts';
import { type Command, type CommandResult, done, refuse } from './command.ts';

/** What the palette offers; each maps to a resource kind (and a variant for endpoints and services). */
export const PALETTE_ITEMS = [
  { label: 'VPC', kind: 'vpc' },
  { label: 'Subnet', kind: 'subnet' },
  { label: 'Internet gateway', kind: 'internetGateway' },
  { label: 'NAT gateway', kind: 'natGateway' },
  { label: 'EC2 instance', kind: 'instance' },
  { label: 'NAT instance', kind: 'instance', variant: 'nat' },
  { label: 'Network interface', kind: 'networkInterface' },
  { label: 'Gateway endpoint', kind: 'vpcEndpoint', variant: 'Gateway' },
  { label: 'Interface endpoint', kind: 'vpcEndpoint', variant: 'Interface' },
  { label: 'S3 bucket', kind: 's3Bucket' },
  { label: 'Route table', kind: 'routeTable' },
  { label: 'Security group', kind: 'securityGroup' },
  { label: 'Network ACL', kind: 'networkAcl' },
  { label: 'Virtual private gateway', kind: 'virtualPrivateGateway' },
  { label: 'Customer gateway', kind: 'customerGateway' },
  { label: 'Direct Connect gateway', kind: 'directConnectGateway' },
  { label: 'Internet', kind: 'internet' },
  { label: 'AWS service', kind: 'awsService' },
] as const;

export type PaletteItem = (typeof PALETTE_ITEMS)[number];

/**
 * A palette item's help: its kind's (engine/model/kinds.ts), or its variant's (a NAT instance, a gateway or an
 * interface endpoint).
 */
export function paletteItemHelp(item: PaletteItem): KindHelp {
  if (!('variant' in item)) return KIND_HELP[item.kind];
  if (item.variant === 'nat') return KIND_HELP.natInstance;
  return ENDPOINT_HELP[item.variant];
}
export type PaletteLabel = PaletteItem['label'];

/**
 * Where something was dropped: the innermost canvas node under the pointer (undefined for empty canvas) and the
 * position relative to that node.
 */
export interface DropTarget {
  nodeId?: string;
  position: { x: number; y: number };
  /** The drop point on the page (flow coordinates); used for things stored with page positions. */
  absolute?: { x: number; y: number };
}

function withResource(design: Design, resource: Resource, box?: Box): Design {
  return {
    ...design,
    resources: { ...design.resources, [resource.id]: resource },
    layout: box ? { ...design.layout, [resource.id]: box } : design.layout,
  };
}

function withResources(design: Design, resources: Resource[], layout: Record<string, Box> = {}): Design {
  const next = { ...design.resources };
  for (const r of resources) next[r.id] = r;
  return { ...design, resources: next, layout: { ...design.layout, ...layout } };
}

/** The VPC, AZ and subnet a drop target lies in, reading outward from the innermost node. */
export function resolveDropContext(design: Design, nodeId: string | undefined) {
  const out: { region?: string; vpc?: Vpc; zone?: string; subnet?: Subnet } = {};
  if (!nodeId) return out;
  const ref = parseNodeId(nodeId);
  if (ref.type === 'region') return { region: ref.region };
  if (ref.type === 'az') {
    const vpc = getOfKind(design, ref.vpcId, 'vpc');
    return { vpc, zone: ref.zone, region: vpc?.region };
  }
  const r = getResource(design, ref.id);
  if (!r) return out;
  if (r.kind === 'subnet') {
    const vpc = getOfKind(design, r.vpcId, 'vpc');
    return { subnet: r, vpc, zone: r.availabilityZone, region: vpc?.region };
  }
  if (r.kind === 'instance' || r.kind === 'natGateway' || r.kind === 'networkInterface') {
    return resolveDropContext(design, r.subnetId);
  }
  if (r.kind === 'vpcEndpoint' && r.endpointType === 'Interface' && r.subnetIds[0]) {
    return resolveDropContext(design, r.subnetIds[0]);
  }
  const vpcId = vpcIdOf(design, r);
  const vpc = getOfKind(design, vpcId, 'vpc');
  if (vpc) return { vpc, region: vpc.region };
  if (r.kind === 's3Bucket') return { region: r.region };
  return out;
}

/**
 * A VPC with what AWS creates alongside it: a main route table, a default network ACL and a default security
 * group. https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc-components.html (and the pages on each).
 */
export function createVpc(
  design: Design,
  options: { id?: ResourceId; name?: string; cidrBlocks?: string[]; region?: string; zones?: string[] } = {},
): { design: Design; vpc: Vpc } {
  const id = options.id ?? nextId(design, 'vpc');
  const region = options.region ?? design.region;
  const vpc: Vpc = {
    id,
    kind: 'vpc',
    name: options.name ?? id,
    cidrBlocks: options.cidrBlocks ?? [suggestVpcCidr(design)],
    enableDnsSupport: true,
    enableDnsHostnames: true,
    region,
    accountId: design.accountId,
    availabilityZones: options.zones ?? zonesOf(region, 2),
  };
  const taken = new Set<string>();
  const rtbId = nextId(design, 'routeTable', taken);
  taken.add(rtbId);
  const aclId = nextId(design, 'networkAcl', taken);
  const sgId = nextId(design, 'securityGroup', taken);
  const main: RouteTable = {
    id: rtbId,
    kind: 'routeTable',
    name: `${vpc.name} main`,
    vpcId: id,
    main: true,
    routes: [],
    propagatingGatewayIds: [],
  };
  const next = withResources(design, [vpc, main, defaultNetworkAcl(aclId, id), defaultSecurityGroup(sgId, id)]);
  return { design: next, vpc };
}

/** A /16 in 10.0.0.0/8 that no VPC in the design uses yet. */
export function suggestVpcCidr(design: Design): string {
  const taken = resourcesOfKind(design, 'vpc').flatMap((v) => v.cidrBlocks);
  return nextFreeCidr(['10.0.0.0/8'], taken, 16) ?? nextFreeCidr(['172.16.0.0/12'], taken, 16) ?? '10.0.0.0/16';
}

/** A /24 (or smaller when the VPC is small) free in the VPC; undefined when the VPC is full. */
export function suggestSubnetCidr(design: Design, vpc: Vpc, prefix?: number): string | undefined {
  const taken = subnetsOf(design, vpc.id).map((s) => s.cidrBlock);
  const smallest = Math.max(...vpc.cidrBlocks.map((c) => tryCidr(c)?.prefix ?? 32));
  const want = prefix ?? Math.min(28, Math.max(24, smallest + 4));
  return nextFreeCidr(vpc.cidrBlocks, taken, want) ?? nextFreeCidr(vpc.cidrBlocks, taken, 28);
}

/** The first usable address in a subnet not held by an instance, interface or NAT gateway. */
export function suggestPrivateIp(design: Design, subnet: Subnet): string | undefined {
  const cidr = tryCidr(subnet.cidrBlock);
  const range = cidr && usableRange(cidr);
  if (!range) return undefined;
  const used = new Set<string>();
  for (const r of Object.values(design.resources)) {
    if ((r.kind === 'instance' || r.kind === 'natGateway') && r.subnetId === subnet.id && r.privateIp)
      used.add(r.privateIp);
    if (r.kind === 'networkInterface' && r.subnetId === subnet.id) r.privateIps.forEach((ip) => used.add(ip));
  }
  for (let a = range.first + 6; a <= range.last; a++) {
    const text = formatIp(a);
    if (!used.has(text)) return text;
  }
  for (let a = range.first; a <= range.last; a++) {
    const text = formatIp(a);
    if (!used.has(text)) return text;
  }
  return undefined;
}

/** An Elastic IP from the documentation ranges (RFC 5737) not yet used in the design. */
export function suggestElasticIp(design: Design): string {
  const used = new Set(resourcesOfKind(design, 'elasticIp').map((e) => e.publicIp));
  for (const base of ['203.0.113.', '198.51.100.']) {
    for (let i = 10; i < 255; i++) if (!used.has(base + i)) return base + i;
  }
  return '203.0.113.254';
}

function ensureZone(design: Design, vpc: Vpc, zone: string): Design {
  if (vpc.availabilityZones.includes(zone)) return design;
  return withResource(design, { ...vpc, availabilityZones: [...vpc.availabilityZones, zone] });
}

const NEEDS_SUBNET: Record<string, string> = {
  instance: 'An EC2 instance runs in a subnet: drop it onto a subnet.',
  natGateway: 'A NAT gateway lives in a subnet (a public one, for internet access): drop it onto a subnet.',
  networkInterface: 'A network interface lives in a subnet: drop it onto a subnet.',
  interface: 'An interface endpoint places a network interface in a subnet: drop it onto a subnet.',
};

/**
 * The palette's drop: adds one resource of the item's kind at the drop target, or refuses with a reason.
 *
 * @example addFromPalette('Subnet', { nodeId: 'vpc-1', position: { x: 40, y: 60 } })
 */
export function addFromPalette(label: PaletteLabel, target: DropTarget): Command {
  return {
    label: `Add ${label.toLowerCase()}`,
    apply(design) {
      const item = PALETTE_ITEMS.find((i) => i.label === label);
      if (!item) return refuse(`Unknown palette item ${label}.`);
      const result = addItem(design, item, target);
      // The drop point is where it was wanted; it lands at the nearest free place there, and its containers make room.
      const id = result.ok ? result.select?.[0] : undefined;
      const wanted = id !== undefined && result.ok ? result.design.layout[id] : undefined;
      return result.ok && id !== undefined && wanted
        ? done(placeResource(result.design, id, wanted), result.select)
        : result;
    },
  };
}

function addItem(design: Design, item: PaletteItem, target: DropTarget): CommandResult {
  const ctx = resolveDropContext(design, target.nodeId);
  const box: Box = { x: Math.round(target.position.x), y: Math.round(target.position.y) };
  // Region boxes are drawn around what they hold, so their contents keep page positions.
  const page: Box = target.absolute ? { x: Math.round(target.absolute.x), y: Math.round(target.absolute.y) } : box;
  const variant = 'variant' in item ? item.variant : undefined;
  switch (item.kind) {
    case 'vpc': {
      if (ctx.vpc) return refuse('A VPC cannot sit inside another VPC: drop it on the region or on empty canvas.');
      const region = ctx.region ?? design.region;
      const { design: next, vpc } = createVpc(design, { region });
      // On empty canvas the VPC joins the design's region box; keep its position relative to that box.
      return done({ ...next, layout: { ...next.layout, [vpc.id]: page } }, [vpc.id]);
    }
    case 'subnet': {
      if (!ctx.vpc) return refuse('A subnet belongs to a VPC: drop it onto a VPC or one of its availability zones.');
      const vpc = ctx.vpc;
      const zone = ctx.zone ?? vpc.availabilityZones[0] ?? zonesOf(vpc.region, 1)[0]!;
      const cidr = suggestSubnetCidr(design, vpc);
      if (!cidr)
        return refuse(`${vpc.name} has no free address space left for another subnet: add a secondary CIDR first.`);
      const id = nextId(design, 'subnet');
      const subnet: Subnet = {
        id,
        kind: 'subnet',
        name: id,
        vpcId: vpc.id,
        cidrBlock: cidr,
        availabilityZone: zone,
        mapPublicIpOnLaunch: false,
      };
      // Dropped on the VPC itself rather than a band: place it at the top of the band.
      const inBand = target.nodeId === azNodeId(vpc.id, zone);
      const subnetBox = inBand ? box : { x: 16, y: 40 };
      return done(withResource(ensureZone(design, vpc, zone), subnet, subnetBox), [id]);
    }
    case 'instance':
    case 'natGateway':
    case 'networkInterface': {
      if (!ctx.subnet) return refuse(NEEDS_SUBNET[item.kind]!);
      const subnet = ctx.subnet;
      const privateIp = suggestPrivateIp(design, subnet);
      if (!privateIp) return refuse(`${subnet.name} has no free addresses left.`);
      const sg = defaultSecurityGroupOf(design, subnet.vpcId);
      const id = nextId(design, item.kind);
      const at = target.nodeId === subnet.id ? box : { x: 20, y: 40 };
      if (item.kind === 'instance') {
        const nat = variant === 'nat';
        return done(
          withResource(
            design,
            {
              id,
              kind: 'instance',
              name: nat ? `NAT instance ${id}` : id,
              subnetId: subnet.id,
              instanceType: nat ? 't3.small' : 't3.micro',
              privateIp,
              securityGroupIds: sg ? [sg.id] : [],
              sourceDestCheck: !nat,
              ...(nat ? { associatePublicIp: true } : {}),
            },
            at,
          ),
          [id],
        );
      }
      if (item.kind === 'networkInterface') {
        return done(
          withResource(
            design,
            {
              id,
              kind: 'networkInterface',
              name: id,
              subnetId: subnet.id,
              privateIps: [privateIp],
              securityGroupIds: sg ? [sg.id] : [],
              sourceDestCheck: true,
            },
            at,
          ),
          [id],
        );
      }
      // A public NAT gateway needs an Elastic IP: allocate one with it, as the console does.
      const eipId = nextId(design, 'elasticIp');
      const withEip = withResource(design, {
        id: eipId,
        kind: 'elasticIp',
        name: `${id} EIP`,
        publicIp: suggestElasticIp(design),
      });
      return done(
        withResource(
          withEip,
          {
            id,
            kind: 'natGateway',
            name: id,
            subnetId: subnet.id,
            connectivityType: 'public',
            elasticIpId: eipId,
            privateIp,
          },
          at,
        ),
        [id],
      );
    }
    case 'vpcEndpoint': {
      if (variant === 'Interface') {
        if (!ctx.subnet) return refuse(NEEDS_SUBNET.interface!);
        const subnet = ctx.subnet;
        const vpc = getOfKind(design, subnet.vpcId, 'vpc');
        const id = nextId(design, 'vpcEndpoint');
        const sg = defaultSecurityGroupOf(design, subnet.vpcId);
        return done(
          withResource(
            design,
            {
              id,
              kind: 'vpcEndpoint',
              name: `${id} (ssm)`,
              vpcId: subnet.vpcId,
              endpointType: 'Interface',
              serviceName: `com.amazonaws.${vpc?.region ?? design.region}.ssm`,
              routeTableIds: [],
              subnetIds: [subnet.id],
              securityGroupIds: sg ? [sg.id] : [],
              privateDnsEnabled: true,
            },
            target.nodeId === subnet.id ? box : { x: 20, y: 40 },
          ),
          [id],
        );
      }
      if (!ctx.vpc) return refuse('A gateway endpoint belongs to a VPC: drop it onto a VPC.');
      const vpc = ctx.vpc;
      const id = nextId(design, 'vpcEndpoint');
      const tables = (indexDesign(design).routeTables.get(vpc.id) ?? []).map((t) => t.id);
      return done(
        withResource(
          design,
          {
            id,
            kind: 'vpcEndpoint',
            name: `${id} (s3)`,
            vpcId: vpc.id,
            endpointType: 'Gateway',
            serviceName: `com.amazonaws.${vpc.region}.s3`,
            routeTableIds: tables,
            subnetIds: [],
            securityGroupIds: [],
            privateDnsEnabled: false,
          },
          target.nodeId === vpc.id ? box : { x: 300, y: 8 },
        ),
        [id],
      );
    }
    case 'internetGateway': {
      if (!ctx.vpc) return refuse('An internet gateway attaches to a VPC: drop it onto a VPC.');
      const existing = internetGatewayOf(design, ctx.vpc.id);
      if (existing)
        return refuse(`${ctx.vpc.name} already has an internet gateway (${existing.name}); a VPC can have only one.`);
      const id = nextId(design, 'internetGateway');
      return done(
        withResource(
          design,
          { id, kind: 'internetGateway', name: id, vpcId: ctx.vpc.id },
          target.nodeId === ctx.vpc.id ? box : { x: 200, y: -24 },
        ),
        [id],
      );
    }
    case 'virtualPrivateGateway': {
      if (!ctx.vpc) return refuse('A virtual private gateway attaches to a VPC: drop it onto a VPC.');
      if (resourcesOfKind(design, 'virtualPrivateGateway').some((g) => g.vpcId === ctx.vpc!.id)) {
        return refuse(`${ctx.vpc.name} already has a virtual private gateway; a VPC can have only one attached.`);
      }
      const id = nextId(design, 'virtualPrivateGateway');
      return done(
        withResource(
          design,
          { id, kind: 'virtualPrivateGateway', name: id, vpcId: ctx.vpc.id, amazonSideAsn: 64512 },
          target.nodeId === ctx.vpc.id ? box : { x: 400, y: -24 },
        ),
        [id],
      );
    }
    case 'routeTable':
    case 'securityGroup':
    case 'networkAcl': {
      if (!ctx.vpc) return refuse(`A ${item.label.toLowerCase()} belongs to a VPC: drop it onto a VPC.`);
      const vpcId = ctx.vpc.id;
      const id = nextId(design, item.kind);
      const resource: Resource =
        item.kind === 'routeTable'
          ? { id, kind: 'routeTable', name: id, vpcId, main: false, routes: [], propagatingGatewayIds: [] }
          : item.kind === 'securityGroup'
            ? newSecurityGroup(id, vpcId, id)
            : newNetworkAcl(id, vpcId, id);
      return done(withResource(design, resource, target.nodeId === vpcId ? box : { x: 20, y: 20 }), [id]);
    }
    case 's3Bucket': {
      if (ctx.vpc)
        return refuse('S3 buckets live outside VPCs, in the region: drop it on the region box or empty canvas.');
      const id = nextId(design, 's3Bucket');
      const region = ctx.region ?? design.region;
      return done(
        withResource(design, { id, kind: 's3Bucket', name: id, bucketName: `my-bucket-${id.slice(3)}`, region }, page),
        [id],
      );
    }
    case 'awsService': {
      if (ctx.vpc) return refuse('AWS services sit outside your VPCs: drop it on the region box or empty canvas.');
      const id = nextId(design, 'awsService');
      return done(withResource(design, { id, kind: 'awsService', name: 'Amazon S3', service: 's3' }, page), [id]);
    }
    case 'customerGateway':
    case 'directConnectGateway':
    case 'internet': {
      if (ctx.vpc) return refuse(`A ${item.label.toLowerCase()} sits outside AWS's VPCs: drop it on empty canvas.`);
      const id = nextId(design, item.kind);
      const resource: Resource =
        item.kind === 'customerGateway'
          ? { id, kind: 'customerGateway', name: id, ipAddress: '198.51.100.1', bgpAsn: 65000 }
          : item.kind === 'directConnectGateway'
            ? {
                id,
                kind: 'directConnectGateway',
                name: id,
                amazonSideAsn: 64512,
                virtualPrivateGatewayIds: [],
                onPremisesCidrs: ['192.168.0.0/16'],
              }
            : { id, kind: 'internet', name: 'Internet' };
      // Dropped inside a region box, it still belongs outside: store the position on the page.
      return done(withResource(design, resource, page), [id]);
    }
    default:
      return refuse(`${(item as PaletteItem).label} cannot be dropped here.`);
  }
}
