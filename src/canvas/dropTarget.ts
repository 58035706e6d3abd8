/**
 * Where a palette item goes: from a point on the canvas (a drop) or from the selection (Enter on a palette
 * button) to the engine's DropTarget. Pure hit tests on the adapter's page boxes, so they are unit-tested.
 */
import {
  PALETTE_ITEMS,
  regionNodeId,
  type Design,
  type DropTarget,
  type PaletteLabel,
  type ResourceId,
} from '../engine/index.ts';
import type { DiagramFlow, PlacedNode } from './adapter.ts';
import {
  AUTO_GAP,
  AZ,
  CHIP,
  containsPoint,
  freeSlot,
  GRID,
  intersects,
  LEAF,
  REGION,
  snap,
  SUBNET,
  type XY,
} from './geometry.ts';

const CONTAINERS = new Set(['region', 'vpc', 'az', 'subnet']);

/** The containers under a point, outermost first. */
export function containersAt(flow: DiagramFlow, point: XY, exclude?: ResourceId): PlacedNode[] {
  const hits: PlacedNode[] = [];
  for (const p of flow.placed.values()) {
    if (!CONTAINERS.has(p.type) || p.id === exclude || !containsPoint(p.abs, point)) continue;
    hits.push(p);
  }
  // Deeper wins; among equals (overlapping VPCs) the one drawn later is on top.
  return hits.sort((a, b) => a.depth - b.depth);
}

/** What a palette item must land in. */
export type Needs = 'subnet' | 'vpc' | 'region' | 'page';

export function needsOf(label: PaletteLabel): Needs {
  const item = PALETTE_ITEMS.find((i) => i.label === label);
  switch (item?.kind) {
    case 'instance':
    case 'natGateway':
    case 'networkInterface':
      return 'subnet';
    case 'vpcEndpoint':
      return item.variant === 'Interface' ? 'subnet' : 'vpc';
    case 'subnet':
    case 'internetGateway':
    case 'virtualPrivateGateway':
    case 'routeTable':
    case 'securityGroup':
    case 'networkAcl':
      return 'vpc';
    case 'vpc':
    case 's3Bucket':
    case 'awsService':
      return 'region';
    default:
      return 'page';
  }
}

function ancestor(flow: DiagramFlow, from: PlacedNode | undefined, type: PlacedNode['type']): PlacedNode | undefined {
  for (let p = from; p; p = p.parentId ? flow.placed.get(p.parentId) : undefined) if (p.type === type) return p;
  return undefined;
}

function childrenOf(flow: DiagramFlow, id: string): PlacedNode[] {
  return [...flow.placed.values()].filter((p) => p.parentId === id);
}

const rel = (p: XY, origin: XY): XY => ({ x: snap(p.x - origin.x), y: snap(p.y - origin.y) });

/** A free spot for a new subnet in a band: where asked if that is clear, else under the band's last subnet. */
function subnetSpot(flow: DiagramFlow, band: PlacedNode, wanted?: XY): XY {
  const taken = childrenOf(flow, band.id).map((c) => ({ ...c.abs, x: c.abs.x - band.abs.x, y: c.abs.y - band.abs.y }));
  if (wanted) {
    const at = { x: Math.max(GRID, wanted.x), y: Math.max(AZ.header, wanted.y) };
    const box = { ...at, width: SUBNET.minWidth, height: SUBNET.minHeight };
    if (!taken.some((t) => intersects(t, box))) return at;
  }
  const bottom = taken.reduce((m, t) => Math.max(m, t.y + t.height), AZ.header - AUTO_GAP + GRID);
  return { x: AZ.pad, y: snap(bottom + AUTO_GAP) };
}

/** A free cell for a new leaf in a subnet. */
function leafSpot(flow: DiagramFlow, subnet: PlacedNode): XY {
  const taken = childrenOf(flow, subnet.id).map((c) => ({
    ...c.abs,
    x: c.abs.x - subnet.abs.x,
    y: c.abs.y - subnet.abs.y,
  }));
  return freeSlot(
    taken,
    LEAF,
    { x: SUBNET.pad, y: SUBNET.header },
    Math.max(1, Math.floor((subnet.abs.width - SUBNET.pad) / (LEAF.width + AUTO_GAP))),
  );
}

/**
 * The drop target for a palette item dropped at `point` (page coordinates). The item goes into the innermost
 * container that can hold it; when none can, the innermost container is passed on so the command can say why.
 */
export function dropTargetFor(flow: DiagramFlow, label: PaletteLabel, point: XY): DropTarget {
  const chain = containersAt(flow, point);
  const innermost = chain[chain.length - 1];
  const needs = needsOf(label);
  if (needs === 'subnet') {
    if (innermost?.type !== 'subnet') return { nodeId: innermost?.id, position: { x: 0, y: 0 }, absolute: point };
    const at = rel({ x: point.x - LEAF.width / 2, y: point.y - LEAF.height / 2 }, innermost.abs);
    return {
      nodeId: innermost.id,
      position: { x: Math.max(GRID, at.x), y: Math.max(SUBNET.header, at.y) },
      absolute: point,
    };
  }
  if (needs === 'vpc') {
    const vpc = ancestor(flow, innermost, 'vpc');
    if (!vpc) return { nodeId: innermost?.id, position: { x: 0, y: 0 }, absolute: point };
    if (label === 'Subnet') {
      const band =
        ancestor(flow, innermost, 'az') ??
        childrenOf(flow, vpc.id).find((c) => c.type === 'az' && point.x >= c.abs.x && point.x <= c.abs.x + c.abs.width);
      if (!band) return { nodeId: vpc.id, position: { x: 0, y: 0 }, absolute: point };
      const wanted = innermost?.type === 'az' ? rel(point, band.abs) : undefined;
      return { nodeId: band.id, position: subnetSpot(flow, band, wanted), absolute: point };
    }
    return {
      nodeId: vpc.id,
      position: { x: snap(point.x - vpc.abs.x - CHIP.width / 2), y: -CHIP.height / 2 },
      absolute: point,
    };
  }
  // VPCs, buckets and services keep page positions; the VPC's corner lands under the pointer.
  const offset = label === 'VPC' ? { x: 24, y: 24 } : { x: LEAF.width / 2, y: LEAF.height / 2 };
  const absolute = { x: snap(point.x - offset.x), y: snap(point.y - offset.y) };
  return { nodeId: innermost?.id, position: innermost ? rel(absolute, innermost.abs) : absolute, absolute };
}

export type KeyboardTarget = { ok: true; target: DropTarget } | { ok: false; error: string };

const ARTICLE = (label: string) => (/^[AEIOU]/i.test(label) ? `an ${label}` : `a ${label}`);

/**
 * The target for a palette item added from the keyboard: the selected container (or the container of the
 * selected resource), at a free spot. Says what to select first when the selection cannot hold the item.
 */
export function keyboardTargetFor(
  flow: DiagramFlow,
  design: Design,
  label: PaletteLabel,
  selection: readonly ResourceId[],
): KeyboardTarget {
  const selected = selection.map((id) => flow.placed.get(id)).find((p) => p !== undefined);
  const needs = needsOf(label);
  const what = ARTICLE(
    label === 'VPC' || label === 'S3 bucket' || label === 'EC2 instance' || label === 'NAT gateway'
      ? label
      : label.toLowerCase(),
  );
  if (needs === 'subnet') {
    const subnet = ancestor(flow, selected, 'subnet');
    if (!subnet)
      return {
        ok: false,
        error: `To add ${what}, first select the subnet it goes in, then press Enter on ${label} again.`,
      };
    return { ok: true, target: { nodeId: subnet.id, position: leafSpot(flow, subnet) } };
  }
  if (needs === 'vpc') {
    const vpc = ancestor(flow, selected, 'vpc');
    if (!vpc)
      return {
        ok: false,
        error: `To add ${what}, first select the VPC it belongs to, then press Enter on ${label} again.`,
      };
    if (label === 'Subnet') {
      const bands = childrenOf(flow, vpc.id).filter((c) => c.type === 'az');
      const band =
        ancestor(flow, selected, 'az') ??
        [...bands].sort((a, b) => childrenOf(flow, a.id).length - childrenOf(flow, b.id).length)[0];
      if (!band) return { ok: true, target: { nodeId: vpc.id, position: { x: AZ.pad, y: AZ.header + GRID } } };
      return { ok: true, target: { nodeId: band.id, position: subnetSpot(flow, band) } };
    }
    // Past the right end of the border: the adapter slides it back to the first free place.
    return { ok: true, target: { nodeId: vpc.id, position: { x: vpc.abs.width, y: -CHIP.height / 2 } } };
  }
  if (needs === 'region') {
    const regionId = ancestor(flow, selected, 'region')?.id ?? regionNodeId(design.region);
    const region = flow.placed.get(regionId);
    if (!region) return { ok: true, target: { position: { x: 0, y: 0 } } };
    const empty = !childrenOf(flow, region.id).length;
    const absolute = empty
      ? { x: region.abs.x + REGION.pad, y: region.abs.y + REGION.header }
      : { x: snap(region.abs.x + region.abs.width - REGION.pad + REGION.gap), y: snap(region.abs.y + REGION.header) };
    return { ok: true, target: { nodeId: region.id, position: rel(absolute, region.abs), absolute } };
  }
  // Outside AWS: a column left of the regions, below whatever already stands there.
  const regions = [...flow.placed.values()].filter((p) => p.type === 'region');
  const left = Math.min(...regions.map((r) => r.abs.x), 0);
  const top = Math.min(...regions.map((r) => r.abs.y), 0);
  const x = snap(left - LEAF.width - REGION.gap);
  const taken = [...flow.placed.values()].filter((p) => !p.parentId && p.type === 'resource').map((p) => p.abs);
  const spot = freeSlot(taken, LEAF, { x, y: top }, 1);
  return { ok: true, target: { position: spot, absolute: spot } };
}
