/**
 * The packet's clock: how long it takes between stops (a short dwell at every hop, so each hop gets a beat as in
 * Packet Tracer's simulation mode, plus travel time for the distance) and where it is at any moment.
 * Pure numbers, so the rAF loop does no allocation it can avoid and the maths is unit-tested.
 */
import type { HopDirection } from '../../engine/traffic/index.ts';
import type { XY } from '../geometry.ts';
import type { Stop } from '../../engine/traffic/hopGeometry.ts';

/** How far the packet travels from the previous stop's point to this stop, round its bends. */
function legLength(from: XY, stop: Stop): number {
  let total = 0;
  let at = from;
  for (const p of stop.via ?? []) {
    total += Math.hypot(p.x - at.x, p.y - at.y);
    at = p;
  }
  return total + Math.hypot(stop.point.x - at.x, stop.point.y - at.y);
}

/** The point a fraction `u` of the way along the leg from `from` to `stop` (round its bends). */
function alongLeg(from: XY, stop: Stop, u: number): XY {
  if (!stop.via) return { x: from.x + (stop.point.x - from.x) * u, y: from.y + (stop.point.y - from.y) * u };
  let left = legLength(from, stop) * u;
  let at = from;
  for (const p of [...stop.via, stop.point]) {
    const d = Math.hypot(p.x - at.x, p.y - at.y);
    if (d >= left && d > 0) return { x: at.x + ((p.x - at.x) * left) / d, y: at.y + ((p.y - at.y) * left) / d };
    left -= d;
    at = p;
  }
  return { ...stop.point };
}

/** Seconds spent at each hop, at speed 1. */
export const DWELL = 0.35;
/** Flow units travelled per second, at speed 1. */
export const PACE = 260;
/** Seconds the packet rests at the end (arrived back, or dropped) before the next one leaves. */
export const REST = 0.9;

export interface Timeline {
  /** When the packet reaches each stop, in seconds from the start. */
  arrivals: number[];
  /** One loop: the last arrival, its dwell and the rest. */
  period: number;
}

export function buildTimeline(stops: readonly Stop[]): Timeline {
  const arrivals: number[] = [];
  let t = 0;
  stops.forEach((stop, i) => {
    if (i > 0) {
      t += DWELL + legLength(stops[i - 1]!.point, stop) / PACE;
    }
    arrivals.push(t);
  });
  return { arrivals, period: stops.length ? t + DWELL + REST : 0 };
}

export interface PacketState {
  x: number;
  y: number;
  /** The leg the packet is on: forward (request) or return (reply). */
  direction: HopDirection;
  /** The last stop reached. */
  stopIndex: number;
}

const ease = (u: number) => u * u * (3 - 2 * u);

/**
 * Where the packet is `time` seconds into a loop. It waits `DWELL` at a stop, then travels to the next.
 * Writes into `out` so the animation loop allocates nothing per frame.
 */
export function packetAt(stops: readonly Stop[], timeline: Timeline, time: number, out: PacketState): PacketState {
  const { arrivals } = timeline;
  const n = stops.length;
  if (n === 0) return out;
  let i = 0;
  // Stops are few (a dozen or two): a linear scan is faster than a binary search at this size.
  while (i + 1 < n && arrivals[i + 1]! <= time) i++;
  const here = stops[i]!;
  const next = stops[i + 1];
  const leave = arrivals[i]! + DWELL;
  let p: XY = here.point;
  let direction = here.direction;
  if (next && time > leave) {
    const u = ease(Math.min(1, (time - leave) / Math.max(1e-6, arrivals[i + 1]! - leave)));
    p = alongLeg(here.point, next, u);
    // The reply starts where the request ended: colour the packet by the leg it is travelling to.
    direction = next.direction;
  }
  out.x = p.x;
  out.y = p.y;
  out.direction = direction;
  out.stopIndex = i;
  return out;
}

/**
 * Where a packet rests when motion is reduced: the stop where it is dropped, else the last stop of the request
 * (the destination it reached), else the last stop.
 *
 * @example restStop([{ direction: 'forward', … }, { direction: 'forward', … }, { direction: 'return', … }]) // 1
 */
export function restStop(stops: readonly Stop[]): number {
  const blocked = stops.findIndex((s) => s.blocked);
  if (blocked >= 0) return blocked;
  for (let i = stops.length - 1; i >= 0; i--) if (stops[i]!.direction === 'forward') return i;
  return stops.length - 1;
}
