/**
 * The canvas is a view of the design, produced here and nowhere else: design → React Flow nodes and edges.
 *
 * Nesting follows AWS architecture diagrams (src/engine/model/diagram.ts): region ⊃ VPC ⊃ availability-zone band ⊃
 * subnet ⊃ instance / NAT gateway / interface-endpoint ENI. Region boxes and AZ bands are derived: drawn around what
 * they hold, never dragged. Containers grow to fit their children; a stored width/height is the user's minimum.
 * Pure and deterministic, so it is unit-tested without a browser; `reuseUnchanged` keeps node objects stable across
 * edits so React Flow and the memoised node components skip everything that did not change.
 */
import type { CoordinateExtent, Edge, Node } from '@xyflow/react';
import {
  isNatInstance,
  isPublicSubnet,
  regionNodeId,
  regionsOf,
  tryCidr,
  usableAddressCount,
  type Design,
  type Finding,
  type PeeringStatus,
  type Resource,
  type ResourceId,
  type Severity,
  type Subnet,
  type Vpc,
} from '../engine/index.ts';
import { kindLabelOf } from '../engine/model/inspection.ts';
import type { IconKind } from './icons/ResourceIcon.tsx';
import { indexChildren, layoutVpc, type VpcLayout } from '../engine/layout/containers.ts';
import { AUTO_GAP, boundsOf, CHIP, LEAF, REGION, SUPPORT, VPC, type Rect, type XY } from './geometry.ts';
import { sideHandles } from './largeDesign.ts';

/** What a node is marked with when the rules find something about its resource. */
export type Marks = {
  severity?: Severity;
  /** The findings' messages, one per line, for the node's tooltip. */
  findings?: string;
};

export type RegionData = { region: string; empty: boolean };
export type VpcData = Marks & { resource: Vpc };
export type AzData = { zone: string; vpcId: ResourceId };
export type SubnetData = Marks & { resource: Subnet; isPublic: boolean; usable?: number };
export type ResourceData = Marks & { resource: Resource; icon: IconKind; detail: string };

export type RegionNode = Node<RegionData, 'region'>;
export type VpcNode = Node<VpcData, 'vpc'>;
export type AzNode = Node<AzData, 'az'>;
export type SubnetNode = Node<SubnetData, 'subnet'>;
/** Leaves inside subnets or regions (`resource`), chips on a VPC's border (`border`), route tables and groups (`support`). */
export type ResourceNode = Node<ResourceData, 'resource' | 'border' | 'support'>;
export type DiagramNode = RegionNode | VpcNode | AzNode | SubnetNode | ResourceNode;
export type NodeKind = DiagramNode['type'];

export type ConnectionKind = 'peering' | 'vpn' | 'directConnect' | 'endpointRoute';
export type ConnectionData = Marks & {
  kind: ConnectionKind;
  /** The connection's own name (the peering or VPN connection's), for its tooltip. */
  name: string;
  /** The short text drawn on the edge: what it is and its status. */
  label: string;
  status?: PeeringStatus;
  pending: boolean;
};
export type DiagramEdge = Edge<ConnectionData, 'connection'>;

/** Where a node ended up, in page coordinates, for hit tests and for turning positions back into layout entries. */
export interface PlacedNode {
  id: string;
  type: NodeKind;
  parentId?: string;
  /** 0 for regions and top-level nodes, +1 per level of nesting. */
  depth: number;
  abs: Rect;
  /** Add to a node's React Flow position to get its `design.layout` entry (region contents keep page positions). */
  layoutOrigin: XY;
}

export interface DiagramFlow {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  placed: Map<string, PlacedNode>;
}

export interface AdapterOptions {
  /** Draw route tables, security groups and network ACLs inside their VPCs. */
  showSupporting?: boolean;
  selection?: ReadonlySet<ResourceId>;
  marks?: ReadonlyMap<ResourceId, Marks>;
}

const NONE: ReadonlySet<string> = new Set();
const NO_MARKS: ReadonlyMap<string, Marks> = new Map();
const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** The worst finding per resource: a finding marks the first resource it names (the one to select). */
export function marksFromFindings(findings: readonly Finding[]): Map<ResourceId, Marks> {
  const out = new Map<ResourceId, Marks>();
  for (const f of findings) {
    const id = f.resources[0];
    if (id === undefined) continue;
    const old = out.get(id);
    const worse = !old?.severity || SEVERITY_RANK[f.severity] > SEVERITY_RANK[old.severity];
    out.set(id, {
      severity: worse ? f.severity : old.severity,
      findings: old?.findings ? `${old.findings}\n${f.message}` : f.message,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels.

function iconOf(r: Resource): IconKind {
  if (isNatInstance(r)) return 'natInstance';
  return r.kind;
}

function detailOf(r: Resource): string {
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

/** What a node is, as its label and tooltip say it (see `kindLabelOf`). */
export const kindLabel = kindLabelOf;

// ---------------------------------------------------------------------------------------------------------------
// The adapter.

type DomAttributes = NonNullable<DiagramNode['domAttributes']>;

function attributes(kind: string, parentId: string | undefined, marks: Marks | undefined, external?: boolean): DomAttributes {
  const out: Record<string, string> = { 'data-kind': kind };
  if (parentId) out['data-parent'] = parentId;
  if (marks?.severity) out['data-severity'] = marks.severity;
  // Referenced by a template but defined elsewhere: drawn dashed, since its properties are unknown.
  if (external) out['data-external'] = 'true';
  return out as DomAttributes;
}

/**
 * Turns a design into React Flow nodes (parents before children) and edges.
 *
 * @example
 * const { nodes, edges } = designToFlow(exampleDesign(), { showSupporting: false });
 * nodes.find((n) => n.id === 'subnet-public-a')?.parentId // 'az:vpc-prod:us-east-1a'
 */
export function designToFlow(design: Design, options: AdapterOptions = {}): DiagramFlow {
  const selection = options.selection ?? NONE;
  const marks = options.marks ?? NO_MARKS;
  const children = indexChildren(design, options.showSupporting ?? false);
  const nodes: DiagramNode[] = [];
  const placed = new Map<string, PlacedNode>();
  const place = (id: string, type: NodeKind, parent: PlacedNode | undefined, local: Rect, layoutOrigin?: XY) => {
    const abs = parent ? { ...local, x: parent.abs.x + local.x, y: parent.abs.y + local.y } : local;
    const p: PlacedNode = {
      id,
      type,
      parentId: parent?.id,
      depth: parent ? parent.depth + 1 : 0,
      abs,
      layoutOrigin: layoutOrigin ?? { x: 0, y: 0 },
    };
    placed.set(id, p);
    return p;
  };

  const leafNode = (r: Resource, type: ResourceNode['type'], parent: PlacedNode | undefined, local: Rect, layoutOrigin?: XY) => {
    const p = place(r.id, type, parent, local, layoutOrigin);
    const m = marks.get(r.id);
    const node: ResourceNode = {
      id: r.id,
      type,
      position: { x: local.x, y: local.y },
      width: local.width,
      height: local.height,
      data: { resource: r, icon: iconOf(r), detail: detailOf(r), severity: m?.severity, findings: m?.findings },
      selected: selection.has(r.id),
      ariaLabel: `${kindLabel(r)} ${r.name}`,
      domAttributes: attributes(r.kind, parent?.id, m, r.external),
    };
    if (parent) node.parentId = parent.id;
    if (type === 'support') node.draggable = false;
    if (type === 'border' && parent) {
      // Chips slide along the top border only.
      const range: CoordinateExtent = [[VPC.chipInset, -CHIP.height / 2], [parent.abs.width - VPC.chipInset, CHIP.height / 2]];
      node.extent = range;
    }
    nodes.push(node);
    return p;
  };

  const emitVpc = (layout: VpcLayout, region: PlacedNode, page: XY) => {
    const { vpc } = layout;
    const local = { x: page.x - region.abs.x, y: page.y - region.abs.y, width: layout.width, height: layout.height };
    const p = place(vpc.id, 'vpc', region, local, { x: region.abs.x, y: region.abs.y });
    const m = marks.get(vpc.id);
    nodes.push({
      id: vpc.id,
      type: 'vpc',
      parentId: region.id,
      position: { x: local.x, y: local.y },
      width: local.width,
      height: local.height,
      data: { resource: vpc, severity: m?.severity, findings: m?.findings },
      selected: selection.has(vpc.id),
      ariaLabel: `VPC ${vpc.name}`,
      domAttributes: attributes('vpc', region.id, m, vpc.external),
    });
    for (const band of layout.bands) {
      const bandLocal = { x: band.x, y: VPC.header, width: band.width, height: layout.bandHeight };
      const bp = place(band.id, 'az', p, bandLocal);
      nodes.push({
        id: band.id,
        type: 'az',
        parentId: vpc.id,
        position: { x: band.x, y: VPC.header },
        width: band.width,
        height: layout.bandHeight,
        data: { zone: band.zone, vpcId: vpc.id },
        draggable: false,
        selectable: false,
        focusable: false,
        ariaLabel: `Availability Zone ${band.zone}`,
        domAttributes: attributes('availabilityZone', vpc.id, undefined),
      });
      for (const s of band.subnets) {
        const subnet = s.item.subnet;
        const sLocal = { x: s.x, y: s.y, width: s.width, height: s.height };
        const sp = place(subnet.id, 'subnet', bp, sLocal);
        const sm = marks.get(subnet.id);
        const cidr = tryCidr(subnet.cidrBlock);
        const isPublic = isPublicSubnet(design, subnet);
        nodes.push({
          id: subnet.id,
          type: 'subnet',
          parentId: band.id,
          position: { x: s.x, y: s.y },
          width: s.width,
          height: s.height,
          data: { resource: subnet, isPublic, usable: cidr ? usableAddressCount(cidr) : undefined, severity: sm?.severity, findings: sm?.findings },
          selected: selection.has(subnet.id),
          ariaLabel: `${isPublic ? 'Public' : 'Private'} subnet ${subnet.name}`,
          domAttributes: attributes('subnet', band.id, sm, subnet.external),
        });
        for (const leaf of s.item.leaves) leafNode(leaf.item, 'resource', sp, { x: leaf.x, y: leaf.y, ...LEAF });
      }
    }
    for (const chip of layout.chips) leafNode(chip.item, 'border', p, { x: chip.x, y: chip.y, ...CHIP });
    for (const s of layout.supports) leafNode(s.item, 'support', p, { x: s.x, y: s.y, ...SUPPORT });
  };

  // Regions: each drawn around the VPCs, buckets and services that keep page positions inside it.
  let autoX = 0;
  for (const region of regionsOf(design)) {
    const id = regionNodeId(region);
    const items = (children.get(id) ?? []).map((r) => ({
      resource: r,
      vpcLayout: r.kind === 'vpc' ? layoutVpc(design, r, children) : undefined,
    }));
    const sized = items.map((i) => ({ ...i, id: i.resource.id, width: i.vpcLayout?.width ?? LEAF.width, height: i.vpcLayout?.height ?? LEAF.height }));
    const withLayout = sized.filter((i) => design.layout[i.id]);
    const known = boundsOf(withLayout.map((i) => ({ x: design.layout[i.id]!.x, y: design.layout[i.id]!.y, width: i.width, height: i.height })));
    // Things without a position (imports) line up to the right of what has one, or of the previous region.
    let cursor = known ? known.x + known.width + REGION.gap : autoX;
    const top = known?.y ?? REGION.header;
    const pages = new Map<string, XY>();
    for (const i of sized) {
      const box = design.layout[i.id];
      if (box) pages.set(i.id, { x: box.x, y: box.y });
      else {
        pages.set(i.id, { x: cursor, y: top });
        cursor += i.width + REGION.gap;
      }
    }
    const content = boundsOf(sized.map((i) => ({ ...pages.get(i.id)!, width: i.width, height: i.height })));
    const rect = content
      ? { x: content.x - REGION.pad, y: content.y - REGION.header, width: content.width + 2 * REGION.pad, height: content.height + REGION.header + REGION.pad }
      : { x: autoX, y: 0, width: REGION.emptyWidth, height: REGION.emptyHeight };
    autoX = Math.max(autoX, rect.x + rect.width + REGION.gap);
    const rp = place(id, 'region', undefined, rect);
    nodes.push({
      id,
      type: 'region',
      position: { x: rect.x, y: rect.y },
      width: rect.width,
      height: rect.height,
      data: { region, empty: sized.length === 0 },
      draggable: false,
      selectable: false,
      focusable: false,
      ariaLabel: `Region ${region}`,
      domAttributes: attributes('region', undefined, undefined),
      zIndex: -1,
    });
    for (const i of sized) {
      const page = pages.get(i.id)!;
      if (i.vpcLayout) emitVpc(i.vpcLayout, rp, page);
      else leafNode(i.resource, 'resource', rp, { x: page.x - rect.x, y: page.y - rect.y, ...LEAF }, { x: rect.x, y: rect.y });
    }
  }

  // Outside any region: the internet, customer gateways, Direct Connect gateways (and orphans from imports).
  const regionBoxes = [...placed.values()].filter((p) => p.type === 'region').map((p) => p.abs);
  const all = boundsOf(regionBoxes) ?? { x: 0, y: 0, width: 0, height: 0 };
  let autoY = all.y;
  for (const r of children.topLevel) {
    const box = design.layout[r.id];
    const page = box ? { x: box.x, y: box.y } : { x: all.x - LEAF.width - REGION.gap, y: autoY };
    if (!box) autoY += LEAF.height + AUTO_GAP;
    leafNode(r, 'resource', undefined, { ...page, ...LEAF });
  }

  // React Flow draws each node's box at exactly `width` × `height` (border-box), so what it would measure is known:
  // saying so up front lets it treat the nodes as measured from its first render, instead of reporting a size for
  // every node after that render (which, applied, replaces every node object and renders them all again).
  for (const node of nodes) node.measured = { width: node.width, height: node.height };
  // They also say where their handles are (as Handles.tsx draws them), so React Flow need not observe and measure
  // every node after its first render (a forced layout of all of them, then every node rendered again) nor, in a
  // large design, render nodes off screen to find their handles (largeDesign.ts).
  for (const node of nodes) node.handles = sideHandles(node.width!, node.height!);
  return { nodes, edges: edgesOf(design, placed, selection, marks), placed };
}

// ---------------------------------------------------------------------------------------------------------------
// Edges: peering and VPN connections, Direct Connect associations, gateway endpoints' route tables (when shown).

function center(r: Rect): XY {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** The facing sides of two boxes: handles are `t`, `r`, `b`, `l`. */
function facingHandles(a: Rect, b: Rect): { sourceHandle: string; targetHandle: string } {
  const ca = center(a);
  const cb = center(b);
  const dx = cb.x - ca.x;
  const dy = cb.y - ca.y;
  if (Math.abs(dx) * a.height >= Math.abs(dy) * a.width) {
    return dx >= 0 ? { sourceHandle: 'r', targetHandle: 'l' } : { sourceHandle: 'l', targetHandle: 'r' };
  }
  return dy >= 0 ? { sourceHandle: 'b', targetHandle: 't' } : { sourceHandle: 't', targetHandle: 'b' };
}

const STATUS_TEXT: Record<PeeringStatus, string> = {
  'pending-acceptance': 'pending acceptance',
  active: 'active',
  rejected: 'rejected',
  expired: 'expired',
  failed: 'failed',
  deleted: 'deleted',
};

function edgesOf(design: Design, placed: Map<string, PlacedNode>, selection: ReadonlySet<string>, marks: ReadonlyMap<string, Marks>): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  const add = (id: string, source: string, target: string, data: ConnectionData, resource: boolean) => {
    const a = placed.get(source);
    const b = placed.get(target);
    if (!a || !b) return;
    const edge: DiagramEdge = {
      id,
      type: 'connection',
      source,
      target,
      ...facingHandles(a.abs, b.abs),
      data,
      selected: resource && selection.has(id),
      ariaLabel: `${data.name}: ${data.label}`,
    };
    if (!resource) {
      edge.selectable = false;
      edge.deletable = false;
    }
    if (data.severity) edge.domAttributes = { 'data-severity': data.severity } as NonNullable<DiagramEdge['domAttributes']>;
    edges.push(edge);
  };
  for (const r of Object.values(design.resources)) {
    const m = marks.get(r.id);
    if (r.kind === 'peeringConnection') {
      add(r.id, r.requesterVpcId, r.accepterVpcId, {
        kind: 'peering',
        name: r.name,
        label: `Peering · ${STATUS_TEXT[r.status] ?? r.status}`,
        status: r.status,
        pending: r.status === 'pending-acceptance',
        severity: m?.severity,
        findings: m?.findings,
      }, true);
    } else if (r.kind === 'vpnConnection') {
      add(r.id, r.vpnGatewayId, r.customerGatewayId, {
        kind: 'vpn',
        name: r.name,
        label: `VPN · ${r.staticRoutesOnly ? 'static routes' : 'BGP'}`,
        pending: false,
        severity: m?.severity,
        findings: m?.findings,
      }, true);
    } else if (r.kind === 'directConnectGateway') {
      for (const vgw of r.virtualPrivateGatewayIds) {
        add(`dx:${r.id}:${vgw}`, r.id, vgw, { kind: 'directConnect', name: 'Direct Connect association', label: 'Direct Connect', pending: false }, false);
      }
    } else if (r.kind === 'vpcEndpoint' && r.endpointType === 'Gateway') {
      for (const rtb of r.routeTableIds) {
        add(`route:${r.id}:${rtb}`, r.id, rtb, { kind: 'endpointRoute', name: 'Gateway endpoint route', label: 'prefix-list route', pending: false }, false);
      }
    }
  }
  return edges;
}

// ---------------------------------------------------------------------------------------------------------------
// Stable identities.

function shallowEqual(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}

function sameExtent(a: Node['extent'], b: Node['extent']): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  return a[0][0] === b[0][0] && a[0][1] === b[0][1] && a[1][0] === b[1][0] && a[1][1] === b[1][1];
}

function sameNode(a: DiagramNode, b: DiagramNode): boolean {
  return (
    a.id === b.id &&
    a.type === b.type &&
    a.parentId === b.parentId &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    (a.selected ?? false) === (b.selected ?? false) &&
    a.ariaLabel === b.ariaLabel &&
    sameExtent(a.extent, b.extent) &&
    shallowEqual(a.data, b.data) &&
    shallowEqual(a.domAttributes, b.domAttributes)
  );
}

function sameEdge(a: DiagramEdge, b: DiagramEdge): boolean {
  return (
    a.id === b.id &&
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    (a.selected ?? false) === (b.selected ?? false) &&
    shallowEqual(a.data, b.data) &&
    shallowEqual(a.domAttributes, b.domAttributes)
  );
}

function reuse<T extends { id: string }>(prev: readonly T[], next: T[], same: (a: T, b: T) => boolean): T[] {
  const old = new Map(prev.map((n) => [n.id, n]));
  let changed = prev.length !== next.length;
  const out = next.map((n, i) => {
    const o = old.get(n.id);
    if (o && same(o, n)) {
      if (prev[i] !== o) changed = true;
      return o;
    }
    changed = true;
    return n;
  });
  return changed ? out : (prev as T[]);
}

/**
 * The new flow, with every node and edge that did not change replaced by its previous object (and the previous
 * arrays when nothing changed), so an edit re-renders only what it touched.
 */
export function reuseUnchanged(prev: DiagramFlow | undefined, next: DiagramFlow): DiagramFlow {
  if (!prev) return next;
  const nodes = reuse(prev.nodes, next.nodes, sameNode);
  const edges = reuse(prev.edges, next.edges, sameEdge);
  return { nodes, edges, placed: next.placed };
}
