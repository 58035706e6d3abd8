/**
 * The diagram's geometry, computed once, here: the design in; every box (region, VPC, AZ band, subnet, leaf
 * resource, chip on a VPC's border, route table / group / ACL strip), with its absolute page rectangle, its parent,
 * its depth and the text it shows, plus every connection with the sides it leaves and enters and its end points;
 * and the bounds of the whole drawing out. The canvas (canvas/adapter.ts) translates it into React Flow nodes, and
 * every exporter draws it, so they all draw the same picture.
 *
 * Nesting follows AWS architecture diagrams (model/diagram.ts): region ⊃ VPC ⊃ availability-zone band ⊃ subnet ⊃
 * instance / NAT gateway / interface-endpoint ENI. Region boxes and AZ bands are derived: drawn around what they
 * hold. Containers grow to fit their children (containers.ts); a stored width/height is the user's minimum.
 * Pure and deterministic.
 */
import { isNatInstance, isPublicSubnet } from '../model/queries.ts';
import { regionNodeId, regionsOf } from '../model/diagram.ts';
import type { Design, PeeringStatus, Resource, ResourceId } from '../model/types.ts';
import { indexChildren, layoutVpc, type ChildIndex, type VpcLayout } from './containers.ts';
import { AUTO_GAP, boundsOf, CHIP, LEAF, REGION, SUPPORT, VPC, type Rect, type XY } from './geometry.ts';

/**
 * What a box is: a region, a VPC, an AZ band, a subnet, a leaf inside a subnet or region or outside every region
 * (`resource`), a chip on a VPC's top border (`border`), or a route table / security group / network ACL in the
 * strip under a VPC's bands (`support`).
 */
export type BoxKind = 'region' | 'vpc' | 'az' | 'subnet' | 'resource' | 'border' | 'support';

export interface DiagramBox {
  /** The resource id; `region:<name>` for regions, `az:<vpc>:<zone>` for AZ bands (model/diagram.ts). */
  id: string;
  type: BoxKind;
  /** The box it is drawn in (undefined for regions and nodes outside every region). */
  parentId?: string;
  /** 0 for regions and top-level nodes, +1 per level of nesting. */
  depth: number;
  /** The box on the page, in absolute flow units (1 unit = 1 px at 100 % zoom). */
  abs: Rect;
  /**
   * The origin the box's `design.layout` entry is measured from, in page coordinates: the parent's corner for
   * things nested in a VPC, band or subnet; the page origin (0, 0) for VPCs, buckets and services in regions and
   * for nodes outside every region. `layoutPositionOf` turns a page position into the layout entry.
   */
  frame: XY;
  /**
   * Add to a position relative to the parent box to get the `design.layout` entry (the parent's corner minus the
   * frame: the region's corner for what keeps page positions inside a region, else 0).
   */
  layoutOrigin: XY;
  /** The resource drawn (undefined for regions and AZ bands). */
  resource?: Resource;
  /** The box's title: the resource's name, the region's or the zone's name. */
  title: string;
  /** The line under the title: the CIDR(s) of a VPC or subnet, a leaf's detail line (`detailOf`); else ''. */
  subtitle: string;
  /** Subnets only: whether its route table sends 0.0.0.0/0 to an internet gateway. */
  isPublic?: boolean;
  /** The Availability Zone the box is in (AZ bands, subnets and what they hold). */
  zone?: string;
  /** The region the box is in (undefined for nodes outside every region). */
  region?: string;
  /** Regions only: whether it holds nothing. */
  empty?: boolean;
}

export type ConnectionKind = 'peering' | 'vpn' | 'directConnect' | 'endpointRoute';
/** A box's side: top, right, bottom, left. */
export type Side = 't' | 'r' | 'b' | 'l';

export interface DiagramConnection {
  /** The peering or VPN connection's resource id; `dx:<dxgw>:<vgw>` and `route:<endpoint>:<rtb>` otherwise. */
  id: string;
  kind: ConnectionKind;
  /** The resource the connection is (peering and VPN connections); undefined for associations and routes. */
  resource?: Resource;
  /** The box ids it joins. */
  source: string;
  target: string;
  /** The facing sides of the two boxes. */
  sourceSide: Side;
  targetSide: Side;
  /** The middle of each facing side, in page coordinates. */
  sourcePoint: XY;
  targetPoint: XY;
  /** The connection's own name (the peering or VPN connection's). */
  name: string;
  /** The short text drawn on it: what it is and its status. */
  label: string;
  status?: PeeringStatus;
  pending: boolean;
}

export interface DiagramGeometry {
  /** Every box, parents before children. */
  boxes: DiagramBox[];
  /** The same boxes by id. */
  byId: Map<string, DiagramBox>;
  connections: DiagramConnection[];
  /** Around every box (0 × 0 at the origin for an empty design). */
  bounds: Rect;
}

export interface GeometryOptions {
  /** Draw route tables, security groups and network ACLs inside their VPCs. */
  showSupporting?: boolean;
}

const ORIGIN: XY = { x: 0, y: 0 };

/** The `design.layout` position of a box placed with its corner at `page`. */
export function layoutPositionOf(box: DiagramBox, page: XY): XY {
  return { x: page.x - box.frame.x, y: page.y - box.frame.y };
}

/** The line under a leaf's name: its address, service, ASN or rule count. */
export function detailOf(r: Resource): string {
  switch (r.kind) {
    case 'instance':
      return isNatInstance(r) ? `NAT · ${r.privateIp}` : r.privateIp;
    case 'natGateway':
      return r.privateIp ?? `${r.connectivityType} NAT`;
    case 'networkInterface':
      return r.privateIps[0] ?? '';
    case 'vpcEndpoint':
      return r.serviceName.split('.').pop() ?? r.serviceName;
    case 's3Bucket':
      return r.bucketName;
    case 'customerGateway':
      return r.ipAddress;
    case 'directConnectGateway':
    case 'virtualPrivateGateway':
      return `ASN ${r.amazonSideAsn}`;
    case 'awsService':
      return r.service;
    case 'routeTable':
      return r.main ? 'main route table' : `${r.routes.length} route${r.routes.length === 1 ? '' : 's'}`;
    case 'securityGroup':
      return r.isDefault ? 'default group' : `${r.ingress.length} inbound rule${r.ingress.length === 1 ? '' : 's'}`;
    case 'networkAcl':
      return r.isDefault ? 'default ACL' : `${r.inbound.length} inbound rule${r.inbound.length === 1 ? '' : 's'}`;
    default:
      return '';
  }
}

/**
 * Where the things of one region that keep page positions (VPCs, buckets, services) go, and the region's box:
 * stored positions are kept; things without one (imports) line up to the right of what has one, or from `autoX`.
 */
interface RegionPlan {
  rect: Rect;
  items: { resource: Resource; vpcLayout?: VpcLayout; page: XY }[];
}

function planRegion(design: Design, children: ChildIndex, id: string, autoX: number): RegionPlan {
  const sized = (children.get(id) ?? []).map((r) => {
    const vpcLayout = r.kind === 'vpc' ? layoutVpc(design, r, children) : undefined;
    return { resource: r, vpcLayout, width: vpcLayout?.width ?? LEAF.width, height: vpcLayout?.height ?? LEAF.height };
  });
  const known = boundsOf(
    sized.flatMap((i) => {
      const box = design.layout[i.resource.id];
      return box ? [{ x: box.x, y: box.y, width: i.width, height: i.height }] : [];
    }),
  );
  let cursor = known ? known.x + known.width + REGION.gap : autoX;
  const top = known?.y ?? REGION.header;
  const items = sized.map((i) => {
    const box = design.layout[i.resource.id];
    let page: XY;
    if (box) page = { x: box.x, y: box.y };
    else {
      page = { x: cursor, y: top };
      cursor += i.width + REGION.gap;
    }
    return { ...i, page };
  });
  const content = boundsOf(items.map((i) => ({ ...i.page, width: i.width, height: i.height })));
  const rect = content
    ? {
        x: content.x - REGION.pad,
        y: content.y - REGION.header,
        width: content.width + 2 * REGION.pad,
        height: content.height + REGION.header + REGION.pad,
      }
    : { x: autoX, y: 0, width: REGION.emptyWidth, height: REGION.emptyHeight };
  return { rect, items };
}

/**
 * The geometry of the whole diagram.
 *
 * @example
 * const g = diagramGeometry(exampleDesign());
 * g.byId.get('subnet-public-a') // { type: 'subnet', parentId: 'az:vpc-prod:us-east-1a', abs: {…}, subtitle: '10.0.0.0/24', isPublic: true, … }
 */
export function diagramGeometry(design: Design, options: GeometryOptions = {}): DiagramGeometry {
  const children = indexChildren(design, options.showSupporting ?? false);
  const boxes: DiagramBox[] = [];
  const byId = new Map<string, DiagramBox>();
  const add = (box: DiagramBox) => {
    boxes.push(box);
    byId.set(box.id, box);
    return box;
  };
  /**
   * A box at `local` inside `parent` (page coordinates when there is none), its layout entry measured from the
   * parent's corner, or from the page origin with `pageFrame`. Every box is built with the same fields in the same
   * order (one object shape: this runs for every node on every edit).
   */
  const nested = (
    parent: DiagramBox | undefined,
    local: Rect,
    id: string,
    type: BoxKind,
    resource: Resource | undefined,
    title: string,
    subtitle: string,
    pageFrame: boolean,
    isPublic?: boolean,
    zone?: string,
  ): DiagramBox => {
    const px = parent ? parent.abs.x : 0;
    const py = parent ? parent.abs.y : 0;
    const frame = pageFrame || !parent ? ORIGIN : { x: px, y: py };
    return add({
      id,
      type,
      parentId: parent?.id,
      depth: parent ? parent.depth + 1 : 0,
      abs: { x: px + local.x, y: py + local.y, width: local.width, height: local.height },
      frame,
      layoutOrigin: pageFrame && parent ? { x: px, y: py } : ORIGIN,
      resource,
      title,
      subtitle,
      isPublic,
      zone: zone ?? parent?.zone,
      region: parent?.region,
      empty: undefined,
    });
  };
  const leaf = (
    r: Resource,
    type: 'resource' | 'border' | 'support',
    parent: DiagramBox | undefined,
    local: Rect,
    pageFrame = false,
  ) => nested(parent, local, r.id, type, r, r.name, detailOf(r), pageFrame);

  const vpcBoxes = (layout: VpcLayout, region: DiagramBox, page: XY) => {
    const { vpc } = layout;
    const local = { x: page.x - region.abs.x, y: page.y - region.abs.y, width: layout.width, height: layout.height };
    const vb = nested(region, local, vpc.id, 'vpc', vpc, vpc.name, vpc.cidrBlocks.join(', '), true);
    for (const band of layout.bands) {
      const bb = nested(
        vb,
        { x: band.x, y: VPC.header, width: band.width, height: layout.bandHeight },
        band.id,
        'az',
        undefined,
        band.zone,
        '',
        false,
        undefined,
        band.zone,
      );
      for (const s of band.subnets) {
        const subnet = s.item.subnet;
        const local = { x: s.x, y: s.y, width: s.width, height: s.height };
        const sb = nested(
          bb,
          local,
          subnet.id,
          'subnet',
          subnet,
          subnet.name,
          subnet.cidrBlock,
          false,
          isPublicSubnet(design, subnet),
        );
        for (const l of s.item.leaves) leaf(l.item, 'resource', sb, { x: l.x, y: l.y, ...LEAF });
      }
    }
    for (const chip of layout.chips) leaf(chip.item, 'border', vb, { x: chip.x, y: chip.y, ...CHIP });
    for (const s of layout.supports) leaf(s.item, 'support', vb, { x: s.x, y: s.y, ...SUPPORT });
  };

  // Regions side by side, each drawn around the VPCs, buckets and services that keep page positions inside it.
  let autoX = 0;
  for (const region of regionsOf(design)) {
    const id = regionNodeId(region);
    const plan = planRegion(design, children, id, autoX);
    autoX = Math.max(autoX, plan.rect.x + plan.rect.width + REGION.gap);
    const rb = nested(undefined, plan.rect, id, 'region', undefined, region, '', false);
    rb.region = region;
    rb.empty = plan.items.length === 0;
    for (const i of plan.items) {
      if (i.vpcLayout) vpcBoxes(i.vpcLayout, rb, i.page);
      else leaf(i.resource, 'resource', rb, { x: i.page.x - plan.rect.x, y: i.page.y - plan.rect.y, ...LEAF }, true);
    }
  }

  // Outside any region: the internet, customer gateways, Direct Connect gateways (and orphans from imports),
  // in a column left of the regions when they have no position.
  const all = boundsOf(boxes.filter((b) => b.type === 'region').map((b) => b.abs)) ?? {
    x: 0,
    y: 0,
    width: 0,
    height: 0,
  };
  let autoY = all.y;
  for (const r of children.topLevel) {
    const box = design.layout[r.id];
    const page = box ? { x: box.x, y: box.y } : { x: all.x - LEAF.width - REGION.gap, y: autoY };
    if (!box) autoY += LEAF.height + AUTO_GAP;
    leaf(r, 'resource', undefined, { ...page, ...LEAF });
  }

  return {
    boxes,
    byId,
    connections: connectionsOf(design, byId),
    bounds: boundsOf(boxes.map((b) => b.abs)) ?? { x: 0, y: 0, width: 0, height: 0 },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Connections: peering and VPN connections, Direct Connect associations, gateway endpoints' route tables (when the
// route tables are shown).

function center(r: Rect): XY {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** The facing sides of two boxes. */
export function facingSides(a: Rect, b: Rect): { sourceSide: Side; targetSide: Side } {
  const ca = center(a);
  const cb = center(b);
  const dx = cb.x - ca.x;
  const dy = cb.y - ca.y;
  if (Math.abs(dx) * a.height >= Math.abs(dy) * a.width) {
    return dx >= 0 ? { sourceSide: 'r', targetSide: 'l' } : { sourceSide: 'l', targetSide: 'r' };
  }
  return dy >= 0 ? { sourceSide: 'b', targetSide: 't' } : { sourceSide: 't', targetSide: 'b' };
}

/** The middle of a box's side. */
export function sidePoint(r: Rect, side: Side): XY {
  switch (side) {
    case 't':
      return { x: r.x + r.width / 2, y: r.y };
    case 'b':
      return { x: r.x + r.width / 2, y: r.y + r.height };
    case 'l':
      return { x: r.x, y: r.y + r.height / 2 };
    case 'r':
      return { x: r.x + r.width, y: r.y + r.height / 2 };
  }
}

const STATUS_TEXT: Record<PeeringStatus, string> = {
  'pending-acceptance': 'pending acceptance',
  active: 'active',
  rejected: 'rejected',
  expired: 'expired',
  failed: 'failed',
  deleted: 'deleted',
};

type ConnectionText = Pick<DiagramConnection, 'kind' | 'name' | 'label' | 'status' | 'pending' | 'resource'>;

function connectionsOf(design: Design, byId: ReadonlyMap<string, DiagramBox>): DiagramConnection[] {
  const out: DiagramConnection[] = [];
  const add = (id: string, source: ResourceId, target: ResourceId, text: ConnectionText) => {
    const a = byId.get(source);
    const b = byId.get(target);
    if (!a || !b) return;
    const sides = facingSides(a.abs, b.abs);
    out.push({
      id,
      source,
      target,
      ...sides,
      sourcePoint: sidePoint(a.abs, sides.sourceSide),
      targetPoint: sidePoint(b.abs, sides.targetSide),
      ...text,
    });
  };
  for (const r of Object.values(design.resources)) {
    if (r.kind === 'peeringConnection') {
      add(r.id, r.requesterVpcId, r.accepterVpcId, {
        kind: 'peering',
        resource: r,
        name: r.name,
        label: `Peering · ${STATUS_TEXT[r.status] ?? r.status}`,
        status: r.status,
        pending: r.status === 'pending-acceptance',
      });
    } else if (r.kind === 'vpnConnection') {
      add(r.id, r.vpnGatewayId, r.customerGatewayId, {
        kind: 'vpn',
        resource: r,
        name: r.name,
        label: `VPN · ${r.staticRoutesOnly ? 'static routes' : 'BGP'}`,
        pending: false,
      });
    } else if (r.kind === 'directConnectGateway') {
      for (const vgw of r.virtualPrivateGatewayIds) {
        add(`dx:${r.id}:${vgw}`, r.id, vgw, {
          kind: 'directConnect',
          name: 'Direct Connect association',
          label: 'Direct Connect',
          pending: false,
        });
      }
    } else if (r.kind === 'vpcEndpoint' && r.endpointType === 'Gateway') {
      for (const rtb of r.routeTableIds) {
        add(`route:${r.id}:${rtb}`, r.id, rtb, {
          kind: 'endpointRoute',
          name: 'Gateway endpoint route',
          label: 'prefix-list route',
          pending: false,
        });
      }
    }
  }
  return out;
}
