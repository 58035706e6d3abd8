import { afterEach, describe, expect, it, vi } from 'vitest';
import { exampleDesign } from '../../engine/model/example.ts';
import { trace } from '../../engine/traffic/index.ts';
import { designToFlow } from '../adapter.ts';
import { flowGeometry, placeFlow, planFlow, type PlacedRects } from '../../engine/traffic/hopGeometry.ts';
import { liveRects, type PositionLookup } from './liveRects.ts';
import { choiceFor } from './motion.ts';
import { restStop } from './timeline.ts';

function planned(id: string) {
  const design = exampleDesign();
  const flow = design.flows.find((f) => f.id === id)!;
  const outcome = trace(design, flow);
  if (!outcome.ok) throw new Error(outcome.error);
  const { placed } = designToFlow(design);
  return { design, flow, result: outcome.result, placed, plan: planFlow(design, placed, flow, outcome.result) };
}

/** React Flow's lookup for `placed`, with the nodes `moved` shifted by (dx, dy). */
function lookupOf(placed: PlacedRects, moved: string[], dx: number, dy: number): PositionLookup {
  return new Map(
    [...placed].map(([id, p]) => [
      id,
      {
        internals: {
          positionAbsolute: moved.includes(id) ? { x: p.abs.x + dx, y: p.abs.y + dy } : { x: p.abs.x, y: p.abs.y },
        },
      },
    ]),
  );
}

describe('packets follow a node being dragged', () => {
  it('takes the nodes’ live positions from React Flow, and is the same map when nothing moved', () => {
    const { placed } = planned('flow-web-internet');
    expect(liveRects(placed, lookupOf(placed, [], 0, 0))).toBe(placed);
    const live = liveRects(placed, lookupOf(placed, ['i-web-a'], 40, -20));
    expect(live.get('i-web-a')!.abs).toEqual({
      ...placed.get('i-web-a')!.abs,
      x: placed.get('i-web-a')!.abs.x + 40,
      y: placed.get('i-web-a')!.abs.y - 20,
    });
    expect(live.get('igw-prod')).toBe(placed.get('igw-prod'));
  });

  it('moves the stops on a dragged instance with it, and leaves the others where they were', () => {
    const { plan, placed } = planned('flow-web-internet');
    const before = placeFlow(plan, placed);
    const after = placeFlow(plan, liveRects(placed, lookupOf(placed, ['i-web-a'], 60, 30)));
    // The first stop is the instance's centre; the gateway's stop does not move.
    expect(after.stops[0]!.point).toEqual({ x: before.stops[0]!.point.x + 60, y: before.stops[0]!.point.y + 30 });
    const igw = before.stops.findIndex(
      (s) => s.point.x === placed.get('igw-prod')!.abs.x + placed.get('igw-prod')!.abs.width / 2,
    );
    expect(igw).toBeGreaterThan(0);
    expect(after.stops[igw]!.point).toEqual(before.stops[igw]!.point);
  });

  it('places a drag exactly where the design would once the drop is committed', () => {
    const { design, flow, result, plan, placed } = planned('flow-transitive');
    // Moving the whole Production VPC (children move with it in React Flow) by 100 to the left.
    const inProd = (id: string | undefined): boolean =>
      id === 'vpc-prod' || (id !== undefined && inProd(placed.get(id)?.parentId));
    const live = liveRects(placed, lookupOf(placed, [...placed.keys()].filter(inProd), -100, 0));
    const moved = new Map([...placed].map(([id, p]) => [id, live.get(id) ?? p]));
    expect(placeFlow(plan, live)).toEqual(flowGeometry(design, moved, flow, result));
    // The peering connection's stop (where the packet is dropped) sits between the two VPCs, so it moves half as far.
    const blockedBefore = placeFlow(plan, placed).blocked!.point;
    const blockedAfter = placeFlow(plan, live).blocked!.point;
    expect(blockedAfter.x).toBeCloseTo(blockedBefore.x - 50, 5);
  });
});

describe('reduced motion', () => {
  it('rests a packet where it is dropped, else where the request arrives', () => {
    const at = (direction: 'forward' | 'return', blocked?: boolean) => ({
      direction,
      hopIndex: 0,
      point: { x: 0, y: 0 },
      blocked,
    });
    expect(restStop([at('forward'), at('forward'), at('return'), at('return')])).toBe(1);
    expect(restStop([at('forward'), at('forward'), at('return', true)])).toBe(2);
    expect(restStop([at('forward'), at('forward', true)])).toBe(1);
  });

  it('keeps only a choice that differs from the system setting', () => {
    expect(choiceFor(true, true)).toBeUndefined();
    expect(choiceFor(false, false)).toBeUndefined();
    expect(choiceFor(true, false)).toBe(true);
    expect(choiceFor(false, true)).toBe(false);
  });
});

describe('the reduced-motion choice is kept across visits', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('is written to local storage, read back on the next start, and removed when it follows the system again', async () => {
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    });
    const first = await import('../../store/uiStore.ts');
    expect(first.useUiStore.getState().reduceMotion).toBeUndefined();
    first.useUiStore.getState().setReduceMotion(true);
    expect(items.get(first.REDUCE_MOTION_KEY)).toBe('true');
    vi.resetModules();
    const second = await import('../../store/uiStore.ts');
    expect(second.useUiStore.getState().reduceMotion).toBe(true);
    second.useUiStore.getState().setReduceMotion(undefined);
    expect(items.has(second.REDUCE_MOTION_KEY)).toBe(false);
  });
});
