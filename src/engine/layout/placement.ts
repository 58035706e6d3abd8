/**
 * Where new things go: a resource that is dropped, pasted, duplicated or added from the keyboard takes the nearest
 * free place in its container to where it was asked for — never on top of another node, always a readable gap
 * away — and the containers that grow to hold it push their own overlapping siblings aside, up to the page, so the
 * diagram stays readable. Sizes and child positions come from the canvas's own geometry (containers.ts).
 */
import { isDrawnAsNode, parseNodeId, visualParentOf } from '../model/diagram.ts';
import { getResource } from '../model/queries.ts';
import type { Box, Design, Resource, ResourceId, Subnet, Vpc } from '../model/types.ts';
import { indexChildren, layoutSubnet, layoutVpc, placeChildren, type ChildIndex } from './containers.ts';
import { AUTO_GAP, AZ, boundsOf, GRID, intersects, LEAF, REGION, SUBNET, type Rect, type XY } from './geometry.ts';

export interface Size {
  width: number;
  height: number;
}

/** Beyond this many neighbours the exact search gives way to the first free cell of a grid (still no overlap). */
const EXACT_LIMIT = 80;

function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

const up = (v: number) => Math.ceil(v / GRID) * GRID;
const down = (v: number) => Math.floor(v / GRID) * GRID;

/**
 * The free position nearest to `wanted` for a box of `size`, at least `gap` from every box in `taken` and never
 * above or left of `min`. The nearest free place touches the gap around some neighbour (or is `wanted` itself), so
 * only those candidates are tried.
 *
 * @example
 * findFreeSpot([{ x: 16, y: 48, width: 112, height: 72 }], { width: 112, height: 72 }, { x: 24, y: 56 }, { x: 16, y: 48 })
 * // { x: 144, y: 56 } — beside the box that was there, 16 px away
 */
export function findFreeSpot(
  taken: readonly Rect[],
  size: Size,
  wanted: XY,
  min: XY = { x: -Infinity, y: -Infinity },
  gap = AUTO_GAP,
  /** A further test a place must pass (a region box that must not grow over a node outside it). */
  accept: (p: XY) => boolean = () => true,
): XY {
  const start = { x: Math.max(min.x, Math.round(wanted.x)), y: Math.max(min.y, Math.round(wanted.y)) };
  const blocked = taken.map((t) => inflate(t, gap - 1e-6));
  const isFree = (p: XY) => !blocked.some((b) => intersects(b, { ...p, ...size })) && accept(p);
  if (isFree(start)) return start;
  if (taken.length > EXACT_LIMIT)
    return gridSpot(blocked, size, {
      x: Number.isFinite(min.x) ? min.x : start.x,
      y: Number.isFinite(min.y) ? min.y : start.y,
    });
  const xs = new Set([start.x]);
  const ys = new Set([start.y]);
  for (const t of taken) {
    xs.add(up(t.x + t.width + gap))
      .add(down(t.x - gap - size.width))
      .add(t.x);
    ys.add(up(t.y + t.height + gap))
      .add(down(t.y - gap - size.height))
      .add(t.y);
  }
  let best: XY | undefined;
  let bestDistance = Infinity;
  for (const x of xs) {
    if (x < min.x) continue;
    for (const y of ys) {
      if (y < min.y) continue;
      const d = (x - start.x) ** 2 + (y - start.y) ** 2;
      if (d >= bestDistance || !isFree({ x, y })) continue;
      best = { x, y };
      bestDistance = d;
    }
  }
  return best ?? gridSpot(blocked, size, start);
}

/** The first free cell, reading rows left to right from `origin`: always exists, since rows go on down. */
function gridSpot(blocked: Rect[], size: Size, origin: XY): XY {
  for (let row = 0; ; row++) {
    for (let col = 0; col < 8; col++) {
      const cell = {
        x: origin.x + col * (size.width + AUTO_GAP),
        y: origin.y + row * (size.height + AUTO_GAP),
        ...size,
      };
      if (!blocked.some((b) => intersects(b, cell))) return { x: cell.x, y: cell.y };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The boxes of a container's children, in the container's coordinates, as the canvas draws them.

export interface Sibling {
  id: string;
  rect: Rect;
}

/** The drawn leaves of a subnet (instances, NAT gateways, interfaces, interface endpoints). */
function leavesOf(children: ChildIndex, subnetId: ResourceId): Resource[] {
  return children.get(subnetId) ?? [];
}

function leafBoxes(design: Design, children: ChildIndex, subnet: Subnet): Sibling[] {
  return layoutSubnet(design, subnet, leavesOf(children, subnet.id)).leaves.map((l) => ({
    id: l.item.id,
    rect: { x: l.x, y: l.y, width: l.width, height: l.height },
  }));
}

function subnetSize(design: Design, children: ChildIndex, subnet: Subnet): Size {
  const { width, height } = layoutSubnet(design, subnet, leavesOf(children, subnet.id));
  return { width, height };
}

/** The subnets of one AZ band of a VPC, where the canvas draws them in the band. */
function subnetBoxes(design: Design, children: ChildIndex, vpcId: ResourceId, zone: string): Sibling[] {
  const subnets = children.subnetsOf(vpcId).filter((s) => s.availabilityZone === zone);
  const sized = subnets.map((s) => ({ id: s.id, ...subnetSize(design, children, s) }));
  return placeChildren(
    design,
    sized,
    (s) => s,
    { x: GRID, y: AZ.header },
    { origin: { x: AZ.pad, y: AZ.header + GRID }, perRow: 1 },
  ).map((p) => ({
    id: p.item.id,
    rect: { x: p.x, y: p.y, width: p.width, height: p.height },
  }));
}

/**
 * Everything that keeps a page position: VPCs (with their drawn size, route tables and groups shown, the larger
 * of the two), buckets and services in regions, and the nodes outside every region. Things the design holds no
 * position for are left to the canvas, which lines them up beside the rest.
 */
export function pageBoxes(design: Design, children: ChildIndex): Sibling[] {
  const out: Sibling[] = [];
  for (const r of Object.values(design.resources)) {
    const box = design.layout[r.id];
    if (!box || !isDrawnAsNode(r) || !isOnPage(design, r)) continue;
    out.push({ id: r.id, rect: { x: box.x, y: box.y, ...pageSize(design, children, r) } });
  }
  return out;
}

function isOnPage(design: Design, r: Resource): boolean {
  if (r.kind === 'subnet') return false;
  const parent = visualParentOf(design, r);
  return parent === undefined || parent.startsWith('region:');
}

function pageSize(design: Design, children: ChildIndex, r: Resource): Size {
  if (r.kind !== 'vpc') return LEAF;
  const { width, height } = layoutVpc(design, r, children);
  return { width, height };
}

// ---------------------------------------------------------------------------------------------------------------
// Pushing siblings aside when a container grows.

/**
 * Moves boxes out of the way of `fixed` boxes (and of each other, in turn) until none overlaps: each box that
 * overlaps one already settled moves down (or right, when `sideways` allows and that is the shorter way) to just
 * past it plus `gap`. Returns the new positions of the boxes that moved.
 */
export function pushApart(
  boxes: readonly Sibling[],
  fixed: ReadonlySet<string>,
  gap: number,
  sideways: boolean,
): Map<string, XY> {
  const rects = new Map(boxes.map((b) => [b.id, { ...b.rect }]));
  const moved = new Map<string, XY>();
  const queue = boxes.filter((b) => fixed.has(b.id)).map((b) => b.id);
  for (let steps = 0; queue.length && steps < 10_000; steps++) {
    const id = queue.shift()!;
    const a = rects.get(id)!;
    for (const [otherId, b] of rects) {
      if (otherId === id || fixed.has(otherId) || !intersects(a, b)) continue;
      const downBy = a.y + a.height + gap - b.y;
      const rightBy = a.x + a.width + gap - b.x;
      if (sideways && rightBy < downBy) b.x = up(b.x + rightBy);
      else b.y = up(b.y + downBy);
      moved.set(otherId, { x: b.x, y: b.y });
      queue.push(otherId);
    }
  }
  return moved;
}

function withPositions(design: Design, positions: ReadonlyMap<string, XY>): Design {
  if (positions.size === 0) return design;
  const layout = { ...design.layout };
  for (const [id, p] of positions) layout[id] = { ...layout[id], x: p.x, y: p.y };
  return { ...design, layout };
}

/** After a subnet grew: the subnets below it in its band move down so none overlaps. */
function settleBand(design: Design, children: ChildIndex, subnet: Subnet): Design {
  const boxes = subnetBoxes(design, children, subnet.vpcId, subnet.availabilityZone);
  // Only subnets the design holds a position for can be moved; the rest the canvas places below them anyway.
  const stored = boxes.filter((b) => design.layout[b.id]);
  return withPositions(design, pushApart(stored, new Set([subnet.id]), AUTO_GAP, false));
}

/** After a VPC grew (or something new landed on the page): what now overlaps it on the page moves aside. */
function settlePage(design: Design, children: ChildIndex, id: ResourceId): Design {
  return withPositions(design, pushApart(pageBoxes(design, children), new Set([id]), REGION.gap, true));
}

/** The VPC a resource is drawn in, if any. */
function vpcOf(design: Design, r: Resource): Vpc | undefined {
  let parent = visualParentOf(design, r);
  for (let depth = 0; parent && depth < 4; depth++) {
    const ref = parseNodeId(parent);
    if (ref.type === 'region') return undefined;
    if (ref.type === 'az')
      return getResource(design, ref.vpcId)?.kind === 'vpc' ? (design.resources[ref.vpcId] as Vpc) : undefined;
    const p = getResource(design, ref.id);
    if (!p) return undefined;
    if (p.kind === 'vpc') return p;
    parent = visualParentOf(design, p);
  }
  return undefined;
}

/** The index as it was before resource `id` was added: its own box left out. */
function without(children: ChildIndex, id: ResourceId): ChildIndex {
  return {
    get: (parent) => children.get(parent)?.filter((r) => r.id !== id),
    subnetsOf: (vpcId) => children.subnetsOf(vpcId).filter((s) => s.id !== id),
    topLevel: children.topLevel,
  };
}

function sameSize(a: Size, b: Size): boolean {
  return a.width === b.width && a.height === b.height;
}

export interface SettleOptions {
  /** `id` was just added (or moved in): when its VPC kept its size, nothing on the page needs to move. */
  added?: boolean;
  /** `id` was moved: the design before the move, with the same resources (its VPC's size is compared). */
  before?: Design;
  /** The design's child index, when the caller has one (it depends on the resources, not on the layout). */
  children?: ChildIndex;
}

/**
 * Lets the containers around a resource make room for it: its subnet's band pushes the subnets below down when
 * the subnet grew, and the page moves what its VPC now overlaps. Containers themselves grow on the canvas to hold
 * what they have (containers.ts).
 */
export function settleAround(design: Design, id: ResourceId, options: SettleOptions = {}): Design {
  const r = getResource(design, id);
  if (!r) return design;
  const children = options.children ?? indexChildren(design, true);
  let next = design;
  const parent = visualParentOf(design, r);
  const inSubnet = parent ? getResource(design, parent) : undefined;
  if (inSubnet?.kind === 'subnet') next = settleBand(next, children, inSubnet);
  if (r.kind === 'subnet') next = settleBand(next, children, r);
  const vpc = r.kind === 'vpc' ? r : vpcOf(next, r);
  if (vpc && next.layout[vpc.id]) {
    // A design with thousands of VPCs: only measure the page when this VPC changed size.
    if (options.before && vpc !== r) {
      if (sameSize(layoutVpc(options.before, vpc, children), layoutVpc(next, vpc, children))) return next;
    } else if (options.added && vpc !== r) {
      const layout = { ...design.layout };
      delete layout[id];
      const before = layoutVpc({ ...design, layout }, vpc, without(children, id));
      if (sameSize(before, layoutVpc(next, vpc, children))) return next;
    }
    return settlePage(next, children, vpc.id);
  }
  if (!vpc && isOnPage(next, r) && next.layout[r.id]) return settlePage(next, children, r.id);
  return next;
}

// ---------------------------------------------------------------------------------------------------------------
// Placing one new resource.

/**
 * Gives resource `id` (already in the design) the nearest free place to `wanted` in its container — `wanted` in
 * the container's coordinates, as its layout entry is stored — then lets the containers around it make room.
 * Chips on a VPC's border and route tables, groups and ACLs are laid out by the canvas and keep `wanted`.
 *
 * @example
 * placeResource(design, 'i-2', { x: 24, y: 56 }).layout['i-2'] // beside 'i-1', not on it
 */
export function placeResource(design: Design, id: ResourceId, wanted: XY): Design {
  const r = getResource(design, id);
  if (!r) return design;
  const children = indexChildren(design, true);
  const spot = freeSpotFor(design, children, r, wanted);
  const box: Box = { ...design.layout[id], x: spot.x, y: spot.y };
  return settleAround({ ...design, layout: { ...design.layout, [id]: box } }, id, { added: true, children });
}

function freeSpotFor(design: Design, children: ChildIndex, r: Resource, wanted: XY): XY {
  const parent = visualParentOf(design, r);
  const others = (list: Sibling[]) => list.filter((s) => s.id !== r.id).map((s) => s.rect);
  if (r.kind === 'subnet') {
    if (getResource(design, r.vpcId)?.kind !== 'vpc') return wanted;
    const taken = others(subnetBoxes(design, children, r.vpcId, r.availabilityZone));
    return findFreeSpot(taken, subnetSize(design, children, r), wanted, { x: AZ.pad, y: AZ.header + GRID });
  }
  const container = parent ? getResource(design, parent) : undefined;
  if (container?.kind === 'subnet') {
    return findFreeSpot(others(leafBoxes(design, children, container)), LEAF, wanted, {
      x: SUBNET.pad,
      y: SUBNET.header,
    });
  }
  if (parent === undefined || parent.startsWith('region:')) return pageSpot(design, children, r, parent, wanted);
  return wanted;
}

/**
 * A page place for a VPC, bucket or service (inside a region box) or for a node outside every region (the
 * internet, a customer gateway). Region boxes are drawn around what they hold — a header above, padding around —
 * so a region item keeps that margin clear of the nodes outside, and never stretches its region over one; a node
 * outside keeps clear of the region boxes.
 */
function pageSpot(design: Design, children: ChildIndex, r: Resource, parent: string | undefined, wanted: XY): XY {
  const boxes = pageBoxes(design, children).filter((b) => b.id !== r.id);
  const regionOf = (id: string) => visualParentOf(design, design.resources[id]!);
  const outside = boxes.filter((b) => regionOf(b.id) === undefined).map((b) => b.rect);
  const size = pageSize(design, children, r);
  const withMargins = (c: Rect): Rect => ({
    x: c.x - REGION.pad,
    y: c.y - REGION.header,
    width: c.width + 2 * REGION.pad,
    height: c.height + REGION.header + REGION.pad,
  });
  if (parent === undefined) {
    const regions = new Map<string, Rect[]>();
    for (const b of boxes) {
      const region = regionOf(b.id);
      if (region) regions.set(region, [...(regions.get(region) ?? []), b.rect]);
    }
    const regionBoxes = [...regions.values()].map((rects) => withMargins(boundsOf(rects)!));
    return findFreeSpot([...outside, ...regionBoxes], size, wanted, undefined, REGION.gap);
  }
  const mine = boxes.filter((b) => regionOf(b.id) === parent).map((b) => b.rect);
  const otherRegions = boxes.filter((b) => ![undefined, parent].includes(regionOf(b.id))).map((b) => b.rect);
  const insideTaken = [...mine, ...otherRegions];
  // A node outside must stay clear of this item's margins: grow it by them the other way round.
  const outsideTaken = outside.map((t) => ({
    x: t.x - REGION.pad,
    y: t.y - REGION.pad,
    width: t.width + 2 * REGION.pad,
    height: t.height + REGION.pad + REGION.header,
  }));
  const held = boundsOf(mine);
  const regionClear = (p: XY) => {
    const region = withMargins(boundsOf(held ? [held, { ...p, ...size }] : [{ ...p, ...size }])!);
    return outside.every((t) => !intersects(region, t));
  };
  return findFreeSpot([...insideTaken, ...outsideTaken], size, wanted, undefined, REGION.gap, regionClear);
}

/**
 * After a drag or a nudge: a moved resource or subnet that made its subnet or VPC grow has the subnets below it and
 * the page make room, as a drop does. What the user moved stays where they put it; VPCs moved on the page stay too.
 */
export function settleAfterMove(before: Design, after: Design, ids: readonly ResourceId[]): Design {
  let children: ChildIndex | undefined;
  let next = after;
  for (const id of ids) {
    const r = getResource(after, id);
    if (!r || r.kind === 'vpc' || isOnPage(after, r)) continue;
    children ??= indexChildren(after, true);
    next = settleAround(next, id, { before, children });
  }
  return next;
}
