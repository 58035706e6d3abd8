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
import {
  diagramGeometry,
  type ConnectionKind,
  type DiagramBox,
  type DiagramGeometry,
} from '../engine/layout/diagram.ts';
import type { IconKind } from './icons/ResourceIcon.tsx';
import { CHIP, VPC } from './geometry.ts';
import { sideHandles } from './largeDesign.ts';

/** What a node is marked with when the rules find something about its resource. */
export type Marks = {
  severity?: Severity;
  /** The findings' messages, one per line, for the node's tooltip. */
  findings?: string;
  /** Down in a failure drill: why, in one sentence (see `withFailureMarks`). */
  failed?: string;
};

export type RegionData = { region: string; empty: boolean };
export type VpcData = Marks & { resource: Vpc };
export type AzData = { zone: string; vpcId: ResourceId; failed?: string };
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

export type { ConnectionKind };
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

/**
 * Where a node ended up, in page coordinates, for hit tests and for turning positions back into layout entries:
 * the engine's box for it (engine/layout/diagram.ts), whose `layoutOrigin` added to a node's React Flow position
 * gives its `design.layout` entry.
 */
export type PlacedNode = DiagramBox;

export interface DiagramFlow {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** The geometry's boxes by id (`geometry.byId`). */
  placed: Map<string, PlacedNode>;
  /** The geometry the nodes and edges translate. */
  geometry: DiagramGeometry;
}

export interface AdapterOptions {
  /** Draw route tables, security groups and network ACLs inside their VPCs. */
  showSupporting?: boolean;
  selection?: ReadonlySet<ResourceId>;
  marks?: ReadonlyMap<ResourceId, Marks>;
}

const NONE: ReadonlySet<string> = new Set();
/** What a failed node's accessible name ends with, so a screen reader says it as it reads the node. */
const FAILED = ' (failed in the drill)';
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

/** What a node is, as its label and tooltip say it (see `kindLabelOf`). */
export const kindLabel = kindLabelOf;

// ---------------------------------------------------------------------------------------------------------------
// The adapter: a translation of the engine's geometry (engine/layout/diagram.ts) into React Flow's terms.

type DomAttributes = NonNullable<DiagramNode['domAttributes']>;

function attributes(
  kind: string,
  parentId: string | undefined,
  marks: Marks | undefined,
  external?: boolean,
): DomAttributes {
  const out: Record<string, string> = { 'data-kind': kind };
  if (parentId) out['data-parent'] = parentId;
  if (marks?.severity) out['data-severity'] = marks.severity;
  if (marks?.failed) out['data-failed'] = 'true';
  // Referenced by a template but defined elsewhere: drawn dashed, since its properties are unknown.
  if (external) out['data-external'] = 'true';
  return out as DomAttributes;
}

/** One box as a React Flow node: its position relative to its parent box (abs − parent abs). */
function nodeOf(
  box: DiagramBox,
  parent: DiagramBox | undefined,
  selection: ReadonlySet<string>,
  marks: ReadonlyMap<string, Marks>,
): DiagramNode {
  const { abs } = box;
  const position = parent ? { x: abs.x - parent.abs.x, y: abs.y - parent.abs.y } : { x: abs.x, y: abs.y };
  // Object literals written out in full (no spread): this runs for every node on every edit, and spreading a shared
  // base object makes V8 build each node the slow way.
  const r = box.resource;
  switch (box.type) {
    case 'region':
      return {
        id: box.id,
        type: 'region',
        position,
        width: abs.width,
        height: abs.height,
        data: { region: box.title, empty: box.empty ?? false },
        draggable: false,
        selectable: false,
        focusable: false,
        ariaLabel: `Region ${box.title}`,
        domAttributes: attributes('region', undefined, undefined),
        zIndex: -1,
      };
    case 'az': {
      const failed = marks.get(box.id)?.failed;
      return {
        id: box.id,
        type: 'az',
        position,
        width: abs.width,
        height: abs.height,
        parentId: box.parentId!,
        data: { zone: box.title, vpcId: box.parentId!, failed },
        draggable: false,
        selectable: false,
        focusable: false,
        ariaLabel: `Availability Zone ${box.title}${failed ? FAILED : ''}`,
        domAttributes: attributes('availabilityZone', box.parentId, failed ? { failed } : undefined),
      };
    }
    case 'vpc': {
      const vpc = r as Vpc;
      const m = marks.get(vpc.id);
      return {
        id: box.id,
        type: 'vpc',
        position,
        width: abs.width,
        height: abs.height,
        parentId: box.parentId!,
        data: { resource: vpc, severity: m?.severity, findings: m?.findings, failed: m?.failed },
        selected: selection.has(vpc.id),
        ariaLabel: `VPC ${vpc.name}${m?.failed ? FAILED : ''}`,
        domAttributes: attributes('vpc', box.parentId, m, vpc.external),
      };
    }
    case 'subnet': {
      const subnet = r as Subnet;
      const m = marks.get(subnet.id);
      const cidr = tryCidr(subnet.cidrBlock);
      const isPublic = box.isPublic ?? false;
      return {
        id: box.id,
        type: 'subnet',
        position,
        width: abs.width,
        height: abs.height,
        parentId: box.parentId!,
        data: {
          resource: subnet,
          isPublic,
          usable: cidr ? usableAddressCount(cidr) : undefined,
          severity: m?.severity,
          findings: m?.findings,
          failed: m?.failed,
        },
        selected: selection.has(subnet.id),
        ariaLabel: `${isPublic ? 'Public' : 'Private'} subnet ${subnet.name}${m?.failed ? FAILED : ''}`,
        domAttributes: attributes('subnet', box.parentId, m, subnet.external),
      };
    }
    default: {
      const leaf = r!;
      const m = marks.get(leaf.id);
      const node: ResourceNode = {
        id: box.id,
        type: box.type,
        position,
        width: abs.width,
        height: abs.height,
        data: {
          resource: leaf,
          icon: iconOf(leaf),
          detail: box.subtitle,
          severity: m?.severity,
          findings: m?.findings,
          failed: m?.failed,
        },
        selected: selection.has(leaf.id),
        ariaLabel: `${kindLabel(leaf)} ${leaf.name}${m?.failed ? FAILED : ''}`,
        domAttributes: attributes(leaf.kind, box.parentId, m, leaf.external),
      };
      if (box.parentId) node.parentId = box.parentId;
      if (box.type === 'support') node.draggable = false;
      if (box.type === 'border' && parent) {
        // Chips slide along the top border only.
        const range: CoordinateExtent = [
          [VPC.chipInset, -CHIP.height / 2],
          [parent.abs.width - VPC.chipInset, CHIP.height / 2],
        ];
        node.extent = range;
      }
      return node;
    }
  }
}

/**
 * Turns a design into React Flow nodes (parents before children) and edges, from the engine's geometry.
 *
 * @example
 * const { nodes, edges } = designToFlow(exampleDesign(), { showSupporting: false });
 * nodes.find((n) => n.id === 'subnet-public-a')?.parentId // 'az:vpc-prod:us-east-1a'
 */
export function designToFlow(design: Design, options: AdapterOptions = {}): DiagramFlow {
  const selection = options.selection ?? NONE;
  const marks = options.marks ?? NO_MARKS;
  const geometry = diagramGeometry(design, { showSupporting: options.showSupporting ?? false });
  const { boxes, byId } = geometry;
  const nodes: DiagramNode[] = new Array(boxes.length);
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i]!;
    const node = nodeOf(box, box.parentId === undefined ? undefined : byId.get(box.parentId), selection, marks);
    // React Flow draws each node's box at exactly `width` × `height` (border-box), so what it would measure is
    // known: saying so up front lets it treat the nodes as measured from its first render, instead of reporting a
    // size for every node after that render (which, applied, replaces every node object and renders them all again).
    node.measured = { width: node.width, height: node.height };
    nodes[i] = node;
  }
  // They also say where their handles are (as Handles.tsx draws them), so React Flow need not observe and measure
  // every node after its first render (a forced layout of all of them, then every node rendered again) nor, in a
  // large design, render nodes off screen to find their handles (largeDesign.ts).
  for (const node of nodes) node.handles = sideHandles(node.width!, node.height!);
  return { nodes, edges: edgesOf(geometry, selection, marks), placed: byId, geometry };
}

// ---------------------------------------------------------------------------------------------------------------
// Edges: the geometry's connections; handles are the facing sides (`t`, `r`, `b`, `l`).

function edgesOf(
  geometry: DiagramGeometry,
  selection: ReadonlySet<string>,
  marks: ReadonlyMap<string, Marks>,
): DiagramEdge[] {
  return geometry.connections.map((c) => {
    const resource = c.resource !== undefined;
    const m = resource ? marks.get(c.id) : undefined;
    const data: ConnectionData = { kind: c.kind, name: c.name, label: c.label, pending: c.pending };
    if (c.kind === 'peering') data.status = c.status;
    if (resource) {
      data.severity = m?.severity;
      data.findings = m?.findings;
      data.failed = m?.failed;
    }
    const edge: DiagramEdge = {
      id: c.id,
      type: 'connection',
      source: c.source,
      target: c.target,
      sourceHandle: c.sourceSide,
      targetHandle: c.targetSide,
      data,
      selected: resource && selection.has(c.id),
      ariaLabel: `${data.name}: ${data.label}`,
    };
    if (!resource) {
      edge.selectable = false;
      edge.deletable = false;
    }
    if (data.severity || data.failed) {
      const attributes: Record<string, string> = {};
      if (data.severity) attributes['data-severity'] = data.severity;
      if (data.failed) attributes['data-failed'] = 'true';
      edge.domAttributes = attributes as NonNullable<DiagramEdge['domAttributes']>;
    }
    return edge;
  });
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
  return { nodes, edges, placed: next.placed, geometry: next.geometry };
}
