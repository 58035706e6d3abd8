/**
 * Which drawn thing each hop of a trace sits on (the canvas's traffic overlay and the SVG exporters both ask). Hops name components (a security group, a network ACL, a route
 * table, a peering connection) that are not always boxes on the diagram, so each is tied to the node it acts on:
 *   - a security group to the instance / interface it guards (drawn on its border, facing where the packet goes
 *     or comes from);
 *   - a network ACL to the subnet whose border the packet crosses; a route table to that subnet too (just inside);
 *   - a peering connection to the two VPCs (the middle of the line between them);
 *   - gateways, endpoints, instances, the internet and services to their nodes; when the design does not draw
 *     them, the internet and services to a point outside the VPCs the flow crosses, on-premises to their left.
 *
 * This is the half of the overlay's geometry that depends on the design — searching resources, subnets' tables,
 * groups' holders — and it is computed once per design. Turning it into points (`placeFlow` in hopGeometry.ts)
 * only needs the nodes' rectangles, so it is cheap enough to run on every frame of a drag.
 */
import { networkAclOfSubnet, routeTableOfSubnet } from '../model/queries.ts';
import type { Design, Resource, ResourceId, Subnet } from '../model/types.ts';
import type { Rect } from '../layout/geometry.ts';
import { hopKindOf } from './hopKinds.ts';
import { serviceName } from './serviceNames.ts';
import type { Explanation, Hop, HopDirection, TraceResult } from './types.ts';

/** What the overlay needs of the adapter's placed nodes: their rectangles in flow coordinates. */
export type PlacedRects = ReadonlyMap<string, { abs: Rect; type?: string }>;

export interface Endpoints {
  from: string;
  to: string;
}

/** Where a hop drawn at a node goes on it. */
export type Anchor =
  | { kind: 'center'; id: string }
  /** A VPC: just under its label, at the top. */
  | { kind: 'vpcLabel'; id: string }
  /** A peering connection: the middle of the line between the facing sides of its two VPCs. */
  | { kind: 'between'; a: string; b: string };

export type Role =
  | { kind: 'solid'; at: Anchor; ring?: string }
  | { kind: 'virtual'; where: 'internet' | 'service' | 'onPremises'; label: string }
  /** On the border of the interface `nodeId`; `eniBefore`: the hop before is that interface (the packet leaves it). */
  | { kind: 'guard'; nodeId: string; eniBefore: boolean }
  | { kind: 'boundary'; nodeId: string; outward: 'next' | 'previous' }
  | { kind: 'router'; nodeId: string }
  | { kind: 'none' };

export interface PlannedHop {
  direction: HopDirection;
  /** The hop's index in its leg; -1 for where the packet is dropped when no hop of the leg says `deny`. */
  hopIndex: number;
  role: Role;
  /** The hop's own node, when it is drawn (ringed when the packet is dropped here). */
  ownId?: string;
}

export interface FlowPlan {
  /** Forward hops, then return hops (then a drop no hop records), in the order a packet passes them. */
  hops: PlannedHop[];
  /** The index in `hops` where the packet is dropped, or -1. */
  blockedIndex: number;
  blocked?: { direction: HopDirection; componentId: string; explanation?: Explanation };
}

interface Leg {
  direction: HopDirection;
  hops: Hop[];
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
  if (r.kind === 'instance' || r.kind === 'networkInterface' || r.kind === 'vpcEndpoint')
    return r.securityGroupIds.includes(groupId);
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

/** The nearest hop to `i` (previous first on ties, or next first) that satisfies `test`. */
function nearest<T>(
  items: T[],
  i: number,
  test: (item: T, j: number) => boolean,
  preferNext = false,
): number | undefined {
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
 * Ties every hop of a trace (and, for a blocked flow, the point where the packet stops) to the drawn node it
 * is placed on. `placed` only says which nodes are drawn; where they are does not matter here.
 *
 * @example
 * const { placed } = designToFlow(design);
 * planFlow(design, placed, flow, trace(design, flow).result).hops[0].role // { kind: 'solid', at: { kind: 'center', id: 'i-web-a' }, … }
 */
export function planFlow(design: Design, placed: PlacedRects, endpoints: Endpoints, result: TraceResult): FlowPlan {
  const legs: Leg[] = [
    { direction: 'forward', hops: result.forward },
    { direction: 'return', hops: result.return },
  ];
  const drawn = (id: string | undefined): string | undefined => (id !== undefined && placed.has(id) ? id : undefined);
  const center = (id: string): Role => ({ kind: 'solid', at: { kind: 'center', id }, ring: id });

  const roleOf = (leg: Leg, i: number, hop: Hop): Role => {
    const resource = resolveId(design, placed, hop.id);
    switch (resource?.kind) {
      case 'securityGroup': {
        const holders = leg.hops.map((h) => resolveId(design, placed, h.id));
        const j = nearest(holders, i, (r) => isInterfaceHolder(r) && guards(r, resource.id));
        const fallback = [endpoints.to, endpoints.from]
          .map((e) => design.resources[e])
          .find((r) => guards(r, resource.id));
        const holder =
          j !== undefined
            ? holders[j]
            : (fallback ?? Object.values(design.resources).find((r) => guards(r, resource.id) && placed.has(r.id)));
        if (holder && placed.has(holder.id)) {
          const before = i > 0 ? holders[i - 1] : undefined;
          return { kind: 'guard', nodeId: holder.id, eniBefore: before?.id === holder.id };
        }
        const own = drawn(resource.id) ?? drawn(resource.vpcId);
        return own ? center(own) : { kind: 'none' };
      }
      case 'networkAcl':
      case 'routeTable': {
        const isAcl = resource.kind === 'networkAcl';
        const candidates = new Set(
          Object.values(design.resources)
            .filter((r): r is Subnet => r.kind === 'subnet' && r.vpcId === resource.vpcId)
            .filter(
              (s) => (isAcl ? networkAclOfSubnet(design, s)?.id : routeTableOfSubnet(design, s)?.id) === resource.id,
            )
            .map((s) => s.id),
        );
        const direction = isAcl ? aclDirection(hop) : 'outbound';
        const lookNext = direction === 'inbound';
        const contextSubnet = (h: Hop) => {
          const r = resolveId(design, placed, h.id);
          return isInterfaceHolder(r) || r?.kind === 'subnet' ? subnetIdOf(r) : undefined;
        };
        const j = nearest(leg.hops, i, (h) => candidates.has(contextSubnet(h) ?? ''), lookNext);
        const fromEndpoints = [
          leg.direction === 'forward' ? endpoints.to : endpoints.from,
          leg.direction === 'forward' ? endpoints.from : endpoints.to,
        ]
          .map((e) => subnetIdOf(design.resources[e]))
          .find((s) => s !== undefined && candidates.has(s));
        const subnetId =
          (j !== undefined ? contextSubnet(leg.hops[j]!) : undefined) ??
          fromEndpoints ??
          [...candidates].find((s) => placed.has(s));
        if (drawn(subnetId)) {
          if (!isAcl) return { kind: 'router', nodeId: subnetId! };
          return { kind: 'boundary', nodeId: subnetId!, outward: direction === 'inbound' ? 'previous' : 'next' };
        }
        const own = drawn(resource.id) ?? drawn(resource.vpcId);
        return own ? center(own) : { kind: 'none' };
      }
      case 'peeringConnection': {
        const a = drawn(resource.requesterVpcId);
        const b = drawn(resource.accepterVpcId);
        if (a && b) return { kind: 'solid', at: { kind: 'between', a, b } };
        const one = a ?? b;
        return one ? center(one) : { kind: 'none' };
      }
      case 'vpc':
        return drawn(resource.id)
          ? { kind: 'solid', at: { kind: 'vpcLabel', id: resource.id }, ring: resource.id }
          : { kind: 'none' };
      case undefined:
        break;
      default:
        if (resource && drawn(resource.id)) return center(resource.id);
    }
    if (hop.id === 'internet' || resource?.kind === 'internet')
      return { kind: 'virtual', where: 'internet', label: 'Internet' };
    if (hop.id === 'on-premises') return { kind: 'virtual', where: 'onPremises', label: 'On-premises network' };
    if (
      hop.id.startsWith('service:') ||
      hop.kind === 's3Bucket' ||
      resource?.kind === 's3Bucket' ||
      resource?.kind === 'awsService'
    ) {
      return {
        kind: 'virtual',
        where: 'service',
        label: resource ? resource.name : serviceName(hop.id.replace(/^service:/, '')),
      };
    }
    return { kind: 'none' };
  };

  // The blocked leg, and a hop standing for the component that drops the packet when no hop says `deny`.
  const explanation = result.explanations[0];
  const blockedAt = blockedLegOf(result);
  const blockedLeg = blockedAt ? legs.find((l) => l.direction === blockedAt.direction) : undefined;
  let syntheticBlock: Hop | undefined;
  if (blockedLeg && blockedAt?.synthetic) {
    const id = [explanation?.id, ...(explanation?.related ?? [])].find(
      (x) => x && (resolveId(design, placed, x) || x === 'internet' || x === 'on-premises'),
    );
    const blockId = id ?? blockedLeg.hops.at(-1)?.id ?? endpoints.from;
    syntheticBlock = {
      id: blockId,
      kind: hopKindOf(design, blockId),
      direction: blockedLeg.direction,
      action: 'deny',
      detail: explanation?.message ?? '',
    };
  }

  const hops: PlannedHop[] = [];
  let blockedIndex = -1;
  let blockedHop: Hop | undefined;
  for (const leg of legs) {
    const legHops = leg === blockedLeg && syntheticBlock ? [...leg.hops, syntheticBlock] : leg.hops;
    const view = { ...leg, hops: legHops };
    legHops.forEach((hop, i) => {
      hops.push({
        direction: leg.direction,
        hopIndex: hop === syntheticBlock ? -1 : i,
        role: roleOf(view, i, hop),
        ownId: drawn(hop.id),
      });
    });
    if (leg === blockedLeg && legHops.length > 0) {
      blockedIndex = hops.length - 1;
      blockedHop = legHops.at(-1);
    }
  }
  return {
    hops,
    blockedIndex,
    blocked:
      blockedLeg && blockedHop
        ? { direction: blockedLeg.direction, componentId: explanation?.id ?? blockedHop.id, explanation }
        : undefined,
  };
}
