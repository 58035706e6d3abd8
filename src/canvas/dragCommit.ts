/**
 * Turning gestures into commands: a finished drag (any number of nodes) or an arrow-key nudge becomes ONE
 * command, so one gesture is one undo step. A leaf dragged into another subnet, or a subnet into another AZ
 * band, is re-parented with `moveInto`; everything else keeps its container and just moves.
 */
import {
  contains,
  done,
  getOfKind,
  getResource,
  moveInto,
  moveNodes,
  parseIp,
  suggestPrivateIp,
  tryCidr,
  type Command,
  type Design,
  type Resource,
  type ResourceId,
} from '../engine/index.ts';
import { layoutPositionOf } from '../engine/layout/diagram.ts';
import type { DiagramFlow, PlacedNode } from './adapter.ts';
import { containersAt } from './dropTarget.ts';
import type { XY } from './geometry.ts';

/** Node kinds the user can move; regions, AZ bands and the supporting strip are laid out for them. */
const MOVABLE = new Set<PlacedNode['type']>(['vpc', 'subnet', 'resource', 'border']);

/** Runs commands in order as one step; refused as a whole if any part is refused. */
export function sequence(label: string, commands: Command[]): Command {
  if (commands.length === 1) return commands[0]!;
  return {
    label,
    apply(design: Design) {
      let current = design;
      const select: ResourceId[] = [];
      for (const command of commands) {
        const result = command.apply(current);
        if (!result.ok) {
          if (result.error === 'Nothing moved.') continue;
          return result;
        }
        current = result.design;
        if (result.select) select.push(...result.select);
      }
      return current === design
        ? { ok: false, error: 'Nothing moved.' }
        : done(current, select.length ? select : undefined);
    },
  };
}

export interface DraggedNode {
  id: string;
  /** The node's React Flow position at the end of the drag (relative to its parent). */
  position: XY;
}

/** The container a dragged node must be dropped into to change parent: subnets for leaves, bands for subnets. */
function reparentType(flow: DiagramFlow, p: PlacedNode): 'subnet' | 'az' | undefined {
  if (p.type === 'subnet') return 'az';
  if (p.type === 'resource' && p.parentId && flow.placed.get(p.parentId)?.type === 'subnet') return 'subnet';
  return undefined;
}

/**
 * The one command for a finished drag, or undefined when the drag moved nothing the design stores.
 * `pointer` is where the pointer was released (page coordinates); with several nodes, each node's own centre
 * decides where it lands.
 */
export function commandForDrag(flow: DiagramFlow, dragged: DraggedNode[], pointer?: XY): Command | undefined {
  const positions: Record<string, XY> = {};
  const moves: Command[] = [];
  let reparented = 0;
  for (const d of dragged) {
    const p = flow.placed.get(d.id);
    if (!p || !MOVABLE.has(p.type)) continue;
    const parent = p.parentId ? flow.placed.get(p.parentId) : undefined;
    const kind = reparentType(flow, p);
    // Where the node now is on the page (React Flow positions are relative to the parent box).
    const abs = parent ? { x: parent.abs.x + d.position.x, y: parent.abs.y + d.position.y } : d.position;
    if (kind && parent) {
      const probe =
        dragged.length === 1 && pointer ? pointer : { x: abs.x + p.abs.width / 2, y: abs.y + p.abs.height / 2 };
      const chain = containersAt(flow, probe, d.id);
      const target = [...chain].reverse().find((c) => c.type === kind);
      if (target?.id !== parent.id) {
        // Into another container, or out of every fitting one (the command explains why that is refused).
        const into = target ?? chain[chain.length - 1];
        const origin = into?.abs ?? { x: 0, y: 0 };
        const wanted = { x: abs.x - origin.x, y: abs.y - origin.y };
        // The command moves it to the nearest free place there (engine/layout/placement.ts).
        moves.push(moveInto(d.id, into?.id, wanted));
        reparented++;
        if (into?.type === 'subnet') moves.push(readdressInto(d.id, into.id));
        continue;
      }
    }
    positions[d.id] = layoutPositionOf(p, abs);
  }
  const count = Object.keys(positions).length + reparented;
  if (count === 0) return undefined;
  if (moves.length === 0) return moveNodes(positions);
  const label = count === 1 ? 'Move into another container' : `Move ${count} resources`;
  return sequence(label, [...moves, ...(Object.keys(positions).length ? [moveNodes(positions)] : [])]);
}

function addressesOf(r: Resource): string[] {
  if (r.kind === 'instance') return [r.privateIp];
  if (r.kind === 'natGateway') return r.privateIp ? [r.privateIp] : [];
  if (r.kind === 'networkInterface') return r.privateIps;
  return [];
}

/**
 * After a move into another subnet, gives the resource a free address in it when its old one lies outside the
 * new subnet's CIDR: a private IPv4 address always comes from the subnet's range
 * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html).
 */
export function readdressInto(id: ResourceId, subnetId: ResourceId): Command {
  return {
    label: 'Re-address',
    apply(design: Design) {
      const r = getResource(design, id);
      const subnet = getOfKind(design, subnetId, 'subnet');
      const cidr = tryCidr(subnet?.cidrBlock);
      if (!r || !subnet || !cidr) return { ok: false, error: 'Nothing moved.' };
      const outside = addressesOf(r).filter((ip) => {
        const value = parseIp(ip);
        return value === undefined || !contains(cidr, value);
      });
      if (outside.length === 0) return { ok: false, error: 'Nothing moved.' };
      const ip = suggestPrivateIp(
        { ...design, resources: Object.fromEntries(Object.entries(design.resources).filter(([k]) => k !== id)) },
        subnet,
      );
      if (!ip) return { ok: false, error: 'Nothing moved.' };
      const next: Resource =
        r.kind === 'networkInterface'
          ? { ...r, privateIps: [ip, ...r.privateIps.slice(1).filter((a) => !outside.includes(a))] }
          : ({ ...r, privateIp: ip } as Resource);
      return done({ ...design, resources: { ...design.resources, [id]: next } });
    },
  };
}

/**
 * Moves the selected nodes by (dx, dy) as one step. A node whose container is also selected moves with it
 * rather than twice.
 */
export function commandForNudge(
  flow: DiagramFlow,
  selection: readonly ResourceId[],
  dx: number,
  dy: number,
): Command | undefined {
  const chosen = new Set(selection);
  const positions: Record<string, XY> = {};
  for (const id of selection) {
    const p = flow.placed.get(id);
    if (!p || !MOVABLE.has(p.type)) continue;
    // Chips ride the VPC's top border: they only move along it.
    if (p.type === 'border' && dx === 0) continue;
    let inSelected = false;
    for (let a = p.parentId; a; a = flow.placed.get(a)?.parentId) if (chosen.has(a)) inSelected = true;
    if (inSelected) continue;
    positions[id] = layoutPositionOf(p, { x: p.abs.x + dx, y: p.abs.y + dy });
  }
  if (Object.keys(positions).length === 0) return undefined;
  return moveNodes(positions, 'Nudge');
}
