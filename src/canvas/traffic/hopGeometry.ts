/**
 * Where each hop of a trace is drawn on the canvas. Hops name components (a security group, a network ACL, a
 * route table, a peering connection) that are not always boxes on the diagram, so each is placed on the thing it
 * acts on:
 *   - a security group on the border of the instance / interface it guards, facing where the packet goes or
 *     comes from;
 *   - a network ACL where the packet crosses its subnet's border; a route table just inside that crossing;
 *   - a peering connection at the middle of the peering line between the two VPCs;
 *   - gateways, endpoints, instances, the internet and services at their nodes; when the design does not draw
 *     them, the internet and services at a point above the VPCs the flow crosses, on-premises to their left.
 * Pure: the overlay calls it with the adapter's placed nodes whenever the design or the trace changes.
 */
import { networkAclOfSubnet, routeTableOfSubnet, type Design, type Resource, type ResourceId, type Subnet } from '../../engine/index.ts';
import type { Explanation, Hop, HopDirection, TraceResult } from '../../engine/traffic/index.ts';
import { boundsOf, containsPoint, type Rect, type XY } from '../geometry.ts';
import { serviceName } from './names.ts';

/** What the overlay needs of the adapter's placed nodes: their rectangles in flow coordinates. */
export type PlacedRects = ReadonlyMap<string, { abs: Rect; type?: string }>;

export interface Stop {
  direction: HopDirection;
  /** The hop's index in its leg (`forward` or `return`); -1 for the point where a packet stops without a deny hop. */
  hopIndex: number;
  point: XY;
  /** The packet is dropped here. */
  blocked?: boolean;
  /** Set for an endpoint the design does not draw (the internet, a service, on-premises): what to call the point. */
  outside?: string;
}

export interface BlockMark {
  direction: HopDirection;
  point: XY;
  /** Boxes to ring in red: the component itself when drawn, and what it acts on (instance, subnet, VPC). */
  rings: Rect[];
  /** The design id of the component that drops the packet. */
  componentId: string;
  explanation?: Explanation;
}

export interface FlowGeometry {
  /** Forward hops, then return hops, in the order a packet passes them. */
  stops: Stop[];
  blocked?: BlockMark;
}

interface Endpoints {
  from: string;
  to: string;
}

const OUTSIDE = 90;

function center(r: Rect): XY {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** Where the segment from the rectangle's centre towards `p` leaves the rectangle. */
export function borderPoint(r: Rect, toward: XY): XY {
  const c = center(r);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return { x: c.x, y: r.y };
  const sx = dx === 0 ? Infinity : r.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : r.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

function moveToward(from: XY, to: XY, distance: number): XY {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  if (len <= distance || len === 0) return { ...to };
  return { x: from.x + (dx / len) * distance, y: from.y + (dy / len) * distance };
}

/** The middle of the line between the facing sides of two boxes (what a peering edge looks like). */
function facingMidpoint(a: Rect, b: Rect): XY {
  const ca = center(a);
  const cb = center(b);
  const pa = borderPoint(a, cb);
  const pb = borderPoint(b, ca);
  return { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 };
}

function isInterfaceHolder(r: Resource | undefined): boolean {
  return (
    r?.kind === 'instance' ||
    r?.kind === 'networkInterface' ||
    r?.kind === 'natGateway' ||
    (r?.kind === 'vpcEndpoint' && r.endpointType === 'Interface')
  );
}

function subnetIdOf(r: Resource | undefined): ResourceId | undefined {
  if (!r) return undefined;
  if (r.kind === 'instance' || r.kind === 'networkInterface' || r.kind === 'natGateway') return r.subnetId;
  if (r.kind === 'vpcEndpoint') return r.subnetIds[0];
  if (r.kind === 'subnet') return r.id;
  return undefined;
}

function guards(r: Resource | undefined, groupId: string): boolean {
  if (!r) return false;
  if (r.kind === 'instance' || r.kind === 'networkInterface' || r.kind === 'vpcEndpoint') return r.securityGroupIds.includes(groupId);
  return false;
}

/** The resource a hop or endpoint id stands for: a design id, or the drawn internet / service / on-premises. */
function resolveId(design: Design, placed: PlacedRects, id: string): Resource | undefined {
  const direct = design.resources[id];
  if (direct) return direct;
  const all = Object.values(design.resources);
  if (id === 'internet') return all.find((r) => r.kind === 'internet' && placed.has(r.id));
  if (id === 'on-premises') return all.find((r) => r.kind === 'customerGateway' && placed.has(r.id));
  if (id.startsWith('service:')) {
    const service = id.slice('service:'.length);
    return all.find((r) => r.kind === 'awsService' && r.service.toLowerCase() === service && placed.has(r.id));
  }
  return undefined;
}

/** The design id a hop should select in the inspector, when there is one. */
export function selectableIdOf(design: Design, id: string): ResourceId | undefined {
  if (design.resources[id]) return id;
  const all = Object.values(design.resources);
  if (id === 'internet') return all.find((r) => r.kind === 'internet')?.id;
  if (id === 'on-premises') return all.find((r) => r.kind === 'customerGateway')?.id;
  if (id.startsWith('service:')) {
    const service = id.slice('service:'.length);
    return all.find((r) => r.kind === 'awsService' && r.service.toLowerCase() === service)?.id;
  }
  return undefined;
}

export interface Step {
  direction: HopDirection;
  /** Index into the leg's hops; -1 for where the packet is dropped when no hop of the leg says `deny`. */
  hopIndex: number;
}

/** The leg a blocked packet is dropped on, and whether it needs a stop of its own (no hop there says `deny`). */
function blockedLegOf(result: TraceResult): { direction: HopDirection; synthetic: boolean } | undefined {
  if (result.reachable) return undefined;
  const direction = result.explanations[0]?.direction ?? 'forward';
  const hops = direction === 'forward' ? result.forward : result.return;
  return { direction, synthetic: hops.at(-1)?.action !== 'deny' };
}

/**
 * The packet's steps in order — forward hops, then return hops, then (for a packet dropped where no hop says
 * `deny`) the drop itself. The overlay's stops and the panel's hop list both follow this order.
 */
export function stepsOf(result: TraceResult): Step[] {
  const steps: Step[] = [];
  const blocked = blockedLegOf(result);
  for (const direction of ['forward', 'return'] as const) {
    const hops = direction === 'forward' ? result.forward : result.return;
    hops.forEach((_, hopIndex) => steps.push({ direction, hopIndex }));
    if (blocked?.direction === direction && blocked.synthetic) steps.push({ direction, hopIndex: -1 });
  }
  return steps;
}

type Role =
  | { kind: 'solid'; point: XY; ring?: Rect }
  | { kind: 'virtual'; where: 'internet' | 'service' | 'onPremises'; label: string }
  | { kind: 'guard'; rect: Rect; eniId: ResourceId }
  | { kind: 'boundary'; rect: Rect; subnetId: ResourceId; outward: 'next' | 'previous' }
  | { kind: 'router'; rect: Rect; subnetId: ResourceId }
  | { kind: 'none' };

interface Leg {
  direction: HopDirection;
  hops: Hop[];
}

/** The nearest hop to `i` (previous first on ties, or next first) that satisfies `test`. */
function nearest<T>(items: T[], i: number, test: (item: T, j: number) => boolean, preferNext = false): number | undefined {
  for (let d = 1; d < items.length; d++) {
    const order = preferNext ? [i + d, i - d] : [i - d, i + d];
    for (const j of order) if (j >= 0 && j < items.length && test(items[j]!, j)) return j;
  }
  return undefined;
}

function aclDirection(hop: Hop): 'inbound' | 'outbound' | undefined {
  const text = `${hop.matched ?? ''} ${hop.detail}`;
  if (/\binbound\b/.test(text)) return 'inbound';
  if (/\boutbound\b/.test(text)) return 'outbound';
  return undefined;
}

/**
 * Places every hop of a trace (and, for a blocked flow, the point where the packet stops).
 *
 * @example
 * const { placed } = designToFlow(design);
 * flowGeometry(design, placed, flow, trace(design, flow).result).stops[0].point // the source instance's centre
 */
export function flowGeometry(design: Design, placed: PlacedRects, endpoints: Endpoints, result: TraceResult): FlowGeometry {
  const legs: Leg[] = [
    { direction: 'forward', hops: result.forward },
    { direction: 'return', hops: result.return },
  ];
  const rectOf = (id: string | undefined) => (id ? placed.get(id)?.abs : undefined);

  const roleOf = (leg: Leg, i: number, hop: Hop): Role => {
    const resource = resolveId(design, placed, hop.id);
    switch (resource?.kind) {
      case 'securityGroup': {
        const holders = leg.hops.map((h) => resolveId(design, placed, h.id));
        const j = nearest(holders, i, (r) => isInterfaceHolder(r) && guards(r, resource.id));
        const fallback = [endpoints.to, endpoints.from].map((e) => design.resources[e]).find((r) => guards(r, resource.id));
        const holder = j !== undefined ? holders[j] : (fallback ?? Object.values(design.resources).find((r) => guards(r, resource.id) && placed.has(r.id)));
        const rect = rectOf(holder?.id);
        if (holder && rect) return { kind: 'guard', rect, eniId: holder.id };
        const own = rectOf(resource.id) ?? rectOf(resource.vpcId);
        return own ? { kind: 'solid', point: center(own), ring: own } : { kind: 'none' };
      }
      case 'networkAcl':
      case 'routeTable': {
        const isAcl = resource.kind === 'networkAcl';
        const candidates = new Set(
          Object.values(design.resources)
            .filter((r): r is Subnet => r.kind === 'subnet' && r.vpcId === resource.vpcId)
            .filter((s) => (isAcl ? networkAclOfSubnet(design, s)?.id : routeTableOfSubnet(design, s)?.id) === resource.id)
            .map((s) => s.id),
        );
        const direction = isAcl ? aclDirection(hop) : 'outbound';
        const lookNext = direction === 'inbound';
        const contextSubnet = (h: Hop) => {
          const r = resolveId(design, placed, h.id);
          return isInterfaceHolder(r) || r?.kind === 'subnet' ? subnetIdOf(r) : undefined;
        };
        const j = nearest(leg.hops, i, (h) => candidates.has(contextSubnet(h) ?? ''), lookNext);
        const fromEndpoints = [leg.direction === 'forward' ? endpoints.to : endpoints.from, leg.direction === 'forward' ? endpoints.from : endpoints.to]
          .map((e) => subnetIdOf(design.resources[e]))
          .find((s) => s !== undefined && candidates.has(s));
        const subnetId = (j !== undefined ? contextSubnet(leg.hops[j]!) : undefined) ?? fromEndpoints ?? [...candidates].find((s) => placed.has(s));
        const rect = rectOf(subnetId);
        if (subnetId && rect) {
          if (!isAcl) return { kind: 'router', rect, subnetId };
          return { kind: 'boundary', rect, subnetId, outward: direction === 'inbound' ? 'previous' : 'next' };
        }
        const own = rectOf(resource.id) ?? rectOf(resource.vpcId);
        return own ? { kind: 'solid', point: center(own), ring: own } : { kind: 'none' };
      }
      case 'peeringConnection': {
        const a = rectOf(resource.requesterVpcId);
        const b = rectOf(resource.accepterVpcId);
        if (a && b) return { kind: 'solid', point: facingMidpoint(a, b) };
        const one = a ?? b;
        return one ? { kind: 'solid', point: center(one), ring: one } : { kind: 'none' };
      }
      case 'subnet': {
        const rect = rectOf(resource.id);
        return rect ? { kind: 'solid', point: center(rect), ring: rect } : { kind: 'none' };
      }
      case 'vpc': {
        const rect = rectOf(resource.id);
        return rect ? { kind: 'solid', point: { x: rect.x + rect.width / 2, y: rect.y + 24 }, ring: rect } : { kind: 'none' };
      }
      case undefined:
        break;
      default: {
        const rect = rectOf(resource?.id);
        if (rect) return { kind: 'solid', point: center(rect), ring: rect };
      }
    }
    if (hop.id === 'internet' || resource?.kind === 'internet') return { kind: 'virtual', where: 'internet', label: 'Internet' };
    if (hop.id === 'on-premises') return { kind: 'virtual', where: 'onPremises', label: 'On-premises network' };
    if (hop.id.startsWith('service:') || hop.type === 'AWS::S3::Bucket' || resource?.kind === 's3Bucket' || resource?.kind === 'awsService') {
      return { kind: 'virtual', where: 'service', label: resource ? resource.name : serviceName(hop.id.replace(/^service:/, '')) };
    }
    return { kind: 'none' };
  };

  // The blocked leg, and a hop standing for the component that drops the packet when no hop says `deny`.
  const explanation = result.explanations[0];
  const blockedAt = blockedLegOf(result);
  const blockedLeg = blockedAt ? legs.find((l) => l.direction === blockedAt.direction) : undefined;
  let syntheticBlock: Hop | undefined;
  if (blockedLeg && blockedAt?.synthetic) {
    const id = [explanation?.id, ...(explanation?.related ?? [])].find((x) => x && (resolveId(design, placed, x) || x === 'internet' || x === 'on-premises'));
    syntheticBlock = { id: id ?? blockedLeg.hops.at(-1)?.id ?? endpoints.from, type: '', direction: blockedLeg.direction, action: 'deny', detail: explanation?.message ?? '' };
  }

  // Pass 1: roles; solid points.
  const entries: Array<{ leg: Leg; i: number; hop: Hop; role: Role; point?: XY }> = [];
  for (const leg of legs) {
    const hops = leg === blockedLeg && syntheticBlock ? [...leg.hops, syntheticBlock] : leg.hops;
    const view = { ...leg, hops };
    hops.forEach((hop, i) => {
      const role = roleOf(view, i, hop);
      entries.push({ leg: view, i, hop, role, point: role.kind === 'solid' ? role.point : undefined });
    });
  }

  // Pass 2: virtual points, outside the VPCs the flow touches and clear of every drawn box but regions.
  const solids = entries.flatMap((e) => (e.point ? [e.point] : e.role.kind === 'guard' || e.role.kind === 'boundary' || e.role.kind === 'router' ? [center(e.role.rect)] : []));
  const boxes = [...placed.values()].filter((p) => p.type !== 'region');
  const touched = boxes.filter((b) => b.type === 'vpc' && solids.some((p) => containsPoint(b.abs, p))).map((b) => b.abs);
  const extent = boundsOf([...solids.map((p) => ({ ...p, width: 0, height: 0 })), ...touched]) ?? { x: 0, y: 0, width: 0, height: 0 };
  const mid = center(extent);
  const clear = (start: XY, step: XY): XY => {
    const p = { ...start };
    for (let k = 0; k < 40 && boxes.some((b) => containsPoint(b.abs, p)); k++) {
      p.x += step.x;
      p.y += step.y;
    }
    return p;
  };
  for (const e of entries) {
    if (e.role.kind !== 'virtual') continue;
    if (e.role.where === 'internet') e.point = clear({ x: mid.x, y: extent.y - OUTSIDE }, { x: 0, y: -40 });
    // Services are reached through gateways on the VPC's top border, like the internet: above it, to the right.
    else if (e.role.where === 'service') e.point = clear({ x: mid.x + 2 * OUTSIDE, y: extent.y - OUTSIDE }, { x: 0, y: -40 });
    else e.point = clear({ x: extent.x - OUTSIDE, y: mid.y }, { x: -40, y: 0 });
  }

  // Pass 3: crossings of subnet borders (network ACLs), then route tables just inside them, then security groups
  // on the border of the interface they guard. Each looks along its leg for the nearest placed point outside.
  const outsidePoint = (e: (typeof entries)[number], rect: Rect, toward: 'next' | 'previous'): XY | undefined => {
    const same = entries.filter((x) => x.leg === e.leg);
    const at = same.indexOf(e);
    const step = toward === 'next' ? 1 : -1;
    for (let j = at + step; j >= 0 && j < same.length; j += step) {
      const p = same[j]!.point;
      if (p && !containsPoint(rect, p)) return p;
    }
    // Nothing beyond in this leg: look the other way (the packet stops at the border it came to).
    for (let j = at - step; j >= 0 && j < same.length; j -= step) {
      const p = same[j]!.point;
      if (p && !containsPoint(rect, p)) return p;
    }
    return undefined;
  };
  for (const e of entries) {
    if (e.role.kind !== 'boundary') continue;
    const toward = outsidePoint(e, e.role.rect, e.role.outward);
    e.point = toward ? borderPoint(e.role.rect, toward) : { x: center(e.role.rect).x, y: e.role.rect.y };
  }
  for (const e of entries) {
    if (e.role.kind !== 'router') continue;
    const c = center(e.role.rect);
    const toward = outsidePoint(e, e.role.rect, 'next');
    e.point = toward ? moveToward(borderPoint(e.role.rect, toward), c, 18) : { x: e.role.rect.x + 28, y: e.role.rect.y + 18 };
  }
  for (const e of entries) {
    if (e.role.kind !== 'guard') continue;
    const same = entries.filter((x) => x.leg === e.leg);
    const at = same.indexOf(e);
    const eniBefore = same[at - 1]?.role.kind === 'solid' && resolveId(design, placed, same[at - 1]!.hop.id)?.id === e.role.eniId;
    const toward = outsidePoint(e, e.role.rect, eniBefore ? 'next' : 'previous');
    // A packet dropped on its way out never leaves: it stops on the interface's top edge.
    e.point = toward ? moveToward(borderPoint(e.role.rect, toward), center(e.role.rect), 2) : { x: center(e.role.rect).x, y: e.role.rect.y + 2 };
  }

  // Hops that cannot be placed at all sit with the hop before them, so the packet simply pauses there.
  let last: XY = entries.find((e) => e.point)?.point ?? { x: 0, y: 0 };
  const blockedEntry = syntheticBlock
    ? entries.find((e) => e.hop === syntheticBlock)
    : blockedLeg
      ? entries.filter((e) => e.leg.direction === blockedLeg.direction).at(-1)
      : undefined;
  const stops: Stop[] = entries.map((e) => {
    if (e.point) last = e.point;
    const stop: Stop = { direction: e.leg.direction, hopIndex: e.hop === syntheticBlock ? -1 : e.i, point: e.point ?? last };
    if (e.role.kind === 'virtual') stop.outside = e.role.label;
    if (e === blockedEntry) stop.blocked = true;
    return stop;
  });

  let blocked: BlockMark | undefined;
  const blockedStop = stops.find((s) => s.blocked);
  if (blockedLeg && blockedStop) {
    const entry = entries[stops.indexOf(blockedStop)]!;
    const rings: Rect[] = [];
    const role = entry.role;
    if (role.kind === 'guard' || role.kind === 'boundary' || role.kind === 'router') rings.push(role.rect);
    else if (role.kind === 'solid' && role.ring) rings.push(role.ring);
    const own = rectOf(entry.hop.id);
    if (own && !rings.includes(own)) rings.push(own);
    blocked = {
      direction: blockedLeg.direction,
      point: blockedStop.point,
      rings,
      componentId: explanation?.id ?? entry.hop.id,
      explanation,
    };
  }
  return { stops, blocked };
}
