/**
 * Packets on the canvas: one SVG inside React Flow's viewport (so it pans and zooms with the diagram) holding a
 * packet per flow, the selected flow's path, and a red mark where a flow is dropped.
 *
 * React draws the overlay when the design, the flows or the selection change, and on each frame of a node drag
 * (paths and packets follow the node; only the cheap placement runs, see hopGeometry.ts); between those, one
 * requestAnimationFrame loop moves the packets by writing their `transform` straight to the DOM, so animating
 * ten flows re-renders nothing. With reduced motion the packets rest where they end up and every flow's path is
 * drawn still, with arrows for its direction.
 */
import { ViewportPortal } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Design } from '../../engine/index.ts';
import type { TraceResult } from '../../engine/traffic/index.ts';
import type { FlowEvaluation } from '../../engine/whatif/flowChanges.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { allEvaluations, useTrafficStore } from '../../store/traffic.ts';
import {
  legPoints,
  placeFlow,
  planFlow,
  selectableIdOf,
  type FlowGeometry,
  type FlowPlan,
  type PlacedRects,
  type Stop,
} from '../../engine/traffic/hopGeometry.ts';
import { useLiveRects } from './liveRects.ts';
import { useReducedMotion } from './motion.ts';
import { buildTimeline, packetAt, restStop, type PacketState, type Timeline } from './timeline.ts';
import { describeComponent } from './names.ts';
import './traffic.css';

export const PACKET_COLORS = { forward: '#2563eb', return: '#16a34a', blocked: '#dc2626' } as const;

interface AnimatedFlow {
  id: string;
  name: string;
  plan: FlowPlan;
  geometry: FlowGeometry;
  /** Timed on the design's layout; a drag moves the stops, not the clock. */
  timeline: Timeline;
  /** Index of the stop where the packet is dropped, or -1. */
  blockedStop: number;
  /** Where the packet rests when motion is reduced. */
  restStop: number;
  /** Start offset, so flows sharing a path do not move as one. */
  phase: number;
}

/** Whether two node maps draw the same nodes (a plan only asks which nodes are drawn, not where). */
function sameNodes(a: PlacedRects, b: PlacedRects): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a.keys()) if (!b.has(id)) return false;
  return true;
}

// Selecting a node makes new node rectangles for the same design: the plans (the costly half) stay good.
const plans = new WeakMap<FlowEvaluation, { design: Design; placed: PlacedRects; plan: FlowPlan }>();

function planOf(design: Design, placed: PlacedRects, e: FlowEvaluation, result: TraceResult): FlowPlan {
  const hit = plans.get(e);
  if (hit && hit.design === design && sameNodes(hit.placed, placed)) return hit.plan;
  const plan = planFlow(design, placed, e.flow, result);
  plans.set(e, { design, placed, plan });
  return plan;
}

function animatedFlows(design: Design, placed: PlacedRects, evaluations: FlowEvaluation[]): AnimatedFlow[] {
  const out: AnimatedFlow[] = [];
  evaluations.forEach((e, i) => {
    if (!e.outcome.ok) return;
    const plan = planOf(design, placed, e, e.outcome.result);
    const geometry = placeFlow(plan, placed);
    if (geometry.stops.length === 0) return;
    const timeline = buildTimeline(geometry.stops);
    out.push({
      id: e.flow.id,
      name: e.flow.name,
      plan,
      geometry,
      timeline,
      blockedStop: geometry.stops.findIndex((s) => s.blocked),
      restStop: restStop(geometry.stops),
      phase: (i * 0.37 * timeline.period) % Math.max(timeline.period, 1e-6),
    });
  });
  return out;
}

/** The flows placed on the nodes' live rectangles (mid-drag); the flows themselves when nothing moved. */
function followRects(flows: AnimatedFlow[], rects: PlacedRects, placed: PlacedRects): AnimatedFlow[] {
  if (rects === placed) return flows;
  return flows.map((f) => ({ ...f, geometry: placeFlow(f.plan, rects) }));
}

function transformOf(state: PacketState): string {
  return `translate(${state.x}px, ${state.y}px)`;
}

/**
 * Moves every packet once per frame; reads the play state from the store without subscribing.
 *
 * While a node is dragged the packets hold their place on their paths (and move with them): the drag keeps its
 * frame rate whatever the number of flows. Packets travelling during a drag made each drag frame about three
 * times slower (bench: a 50-node VPC dragged with 10 flows), as every frame repainted both.
 */
function useAnimation(
  flows: AnimatedFlow[],
  packets: React.RefObject<Map<string, SVGGElement>>,
  reduced: boolean,
  dragging: boolean,
) {
  const flowsRef = useRef(flows);
  const reducedRef = useRef(reduced);
  const draggingRef = useRef(dragging);
  // Before the next frame's tick, so a packet and the node it sits on move in the same frame of a drag.
  useLayoutEffect(() => {
    flowsRef.current = flows;
    reducedRef.current = reduced;
    draggingRef.current = dragging;
  }, [flows, reduced, dragging]);
  useEffect(() => {
    const clocks = new Map<string, number>();
    const state: PacketState = { x: 0, y: 0, direction: 'forward', stopIndex: 0 };
    let last = performance.now();
    let frame = 0;
    const tick = (now: number) => {
      const dt = Math.min(0.1, Math.max(0, (now - last) / 1000));
      last = now;
      const store = useTrafficStore.getState();
      const still = reducedRef.current;
      const held = draggingRef.current;
      for (const f of flowsRef.current) {
        const el = packets.current.get(f.id);
        if (!el) continue;
        const { period, arrivals } = f.timeline;
        let t = clocks.get(f.id) ?? f.phase;
        if (t > period) t %= period;
        const selected = f.id === store.selectedFlowId;
        if (selected && store.step !== undefined) t = arrivals[Math.min(store.step, arrivals.length - 1)] ?? 0;
        else if (still) t = arrivals[f.restStop] ?? 0;
        else if (store.playing && !store.paused[f.id] && !held) t = (t + dt * store.speed) % period;
        clocks.set(f.id, t);
        packetAt(f.geometry.stops, f.timeline, t, state);
        // Only what changed is written: a still or paused packet costs no style work.
        const transform = transformOf(state);
        if (el.style.transform !== transform) el.style.transform = transform;
        const leg = state.stopIndex === f.blockedStop ? 'blocked' : state.direction;
        if (el.dataset.leg !== leg) el.dataset.leg = leg;
        if (selected && store.step === undefined) store.setLiveStop(state.stopIndex);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [packets]);
}

/** One ref callback per flow id, kept across renders (a drag re-renders the overlay on every frame). */
function usePacketRefs(packets: React.RefObject<Map<string, SVGGElement>>) {
  const refs = useRef(new Map<string, (el: SVGGElement | null) => void>());
  return useCallback(
    (id: string) => {
      let ref = refs.current.get(id);
      if (!ref) {
        ref = (el) => {
          if (el) packets.current.set(id, el);
          else {
            packets.current.delete(id);
            refs.current.delete(id);
          }
        };
        refs.current.set(id, ref);
      }
      return ref;
    },
    [packets],
  );
}

function points(flow: AnimatedFlow, direction: 'forward' | 'return'): string {
  const stops = flow.geometry.stops;
  // The reply's line starts where the request ended, so the two legs join.
  const first = stops.findIndex((s) => s.direction === direction);
  if (first < 0) return '';
  const from = direction === 'return' && first > 0 ? first - 1 : first;
  return stops
    .slice(from)
    .filter((s, i) => i === 0 || s.direction === direction)
    .flatMap((s, i) => (i === 0 ? [s.point] : legPoints(s)))
    .map((p) => `${p.x},${p.y}`)
    .join(' ');
}

/** The undrawn endpoints (internet, services, on-premises) of a flow, once each, to label on the canvas. */
function outsidePoints(flow: AnimatedFlow): Stop[] {
  const byName = new Map<string, Stop>();
  for (const s of flow.geometry.stops) if (s.outside !== undefined && !byName.has(s.outside)) byName.set(s.outside, s);
  return [...byName.values()];
}

/** Arrowheads for still paths: the direction the packet would travel, at every hop. */
function ArrowMarkers() {
  return (
    <defs>
      {(['forward', 'return'] as const).map((direction) => (
        <marker
          key={direction}
          id={`traffic-arrow-${direction}`}
          viewBox="0 0 10 10"
          refX={10}
          refY={5}
          markerWidth={12}
          markerHeight={12}
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,1 L10,5 L0,9 z" fill={PACKET_COLORS[direction]} />
        </marker>
      ))}
    </defs>
  );
}

function PathLines({
  flow,
  arrows,
  legs = ['forward', 'return'],
}: {
  flow: AnimatedFlow;
  arrows: boolean;
  legs?: ReadonlyArray<'forward' | 'return'>;
}) {
  return (
    <>
      {legs.map((direction) => {
        const marker = arrows ? `url(#traffic-arrow-${direction})` : undefined;
        return (
          <polyline
            key={direction}
            points={points(flow, direction)}
            className="traffic-line"
            data-direction={direction}
            stroke={PACKET_COLORS[direction]}
            markerMid={marker}
            markerEnd={marker}
          />
        );
      })}
    </>
  );
}

function SelectedPath({ flow, step, still }: { flow: AnimatedFlow; step: number | undefined; still: boolean }) {
  const current = step !== undefined ? flow.geometry.stops[step] : undefined;
  return (
    <g className="traffic-path" data-flow={flow.id} data-flow-path={flow.id}>
      <PathLines flow={flow} arrows={still} />
      {flow.geometry.stops.map((s, i) => (
        <circle
          key={i}
          cx={s.point.x}
          cy={s.point.y}
          r={3.5}
          className="traffic-stop"
          fill={PACKET_COLORS[s.direction]}
        />
      ))}
      {outsidePoints(flow).map((s) => (
        <g key={s.outside} transform={`translate(${s.point.x} ${s.point.y})`} className="traffic-outside">
          <circle r={14} />
          <text y={28} textAnchor="middle">
            {s.outside}
          </text>
        </g>
      ))}
      {current && <circle cx={current.point.x} cy={current.point.y} r={14} className="traffic-current" />}
    </g>
  );
}

/**
 * With reduced motion, the paths of the flows not selected, faint, so each still shows where it goes: the
 * request (the reply mostly retraces it, and arrows both ways on one line read as noise), and the reply too
 * when that is where the packet is dropped.
 */
function StillPath({ flow }: { flow: AnimatedFlow }) {
  const legs =
    flow.geometry.blocked?.direction === 'return' ? (['forward', 'return'] as const) : (['forward'] as const);
  return (
    <g className="traffic-path is-still" data-flow-path={flow.id}>
      <PathLines flow={flow} arrows legs={legs} />
      {outsidePoints(flow).map((s) => (
        <circle key={s.outside} cx={s.point.x} cy={s.point.y} r={14} className="traffic-outside-still" />
      ))}
    </g>
  );
}

function BlockMarker({ design, flow, labelled }: { design: Design; flow: AnimatedFlow; labelled: boolean }) {
  const blocked = flow.geometry.blocked!;
  const component = describeComponent(design, blocked.componentId);
  // A failure drill's stop reads as a failure, not as a fault of the design.
  const stop = blocked.explanation?.code === 'RESOURCE_FAILED' ? 'Failed (drill):' : 'Blocked at';
  const label = `${flow.name}: ${stop.toLowerCase()} ${component.name} (${component.type})${blocked.explanation ? ` — ${blocked.explanation.message}` : ''}`;
  const select = () => {
    const id = selectableIdOf(design, blocked.componentId);
    if (id) useDesignStore.getState().select([id]);
    useTrafficStore.getState().selectFlow(flow.id);
  };
  return (
    <g className="traffic-blocked" data-flow={flow.id} data-component={blocked.componentId}>
      {blocked.rings.map((r, i) => (
        <rect
          key={i}
          x={r.x - 4}
          y={r.y - 4}
          width={r.width + 8}
          height={r.height + 8}
          rx={10}
          className="traffic-ring"
        />
      ))}
      <g
        transform={`translate(${blocked.point.x} ${blocked.point.y})`}
        className="traffic-badge nopan nodrag"
        role="img"
        aria-label={label}
        onClick={select}
      >
        <title>{label}</title>
        <circle r={11} />
        <path d="M-4.5,-4.5 L4.5,4.5 M4.5,-4.5 L-4.5,4.5" />
        {labelled && (
          <text x={16} y={4}>
            {stop} {component.name}
          </text>
        )}
      </g>
    </g>
  );
}

/** Mount inside `<ReactFlow>`: `placed` is the adapter's node geometry for the current design. */
export function TrafficOverlay({ placed }: { placed: PlacedRects }) {
  const design = useDesignStore((s) => s.design);
  const draft = useTrafficStore((s) => s.draft);
  const selectedFlowId = useTrafficStore((s) => s.selectedFlowId);
  const step = useTrafficStore((s) => s.step);
  const still = useReducedMotion();
  const evaluations = useMemo(() => allEvaluations(design, draft), [design, draft]);
  const planned = useMemo(() => animatedFlows(design, placed, evaluations), [design, placed, evaluations]);
  const rects = useLiveRects(placed, planned.length > 0);
  const flows = useMemo(() => followRects(planned, rects, placed), [planned, rects, placed]);
  const packets = useRef(new Map<string, SVGGElement>());
  const packetRef = usePacketRefs(packets);
  // Where each packet starts (or rests, without motion) until the animation loop's next frame. Not recomputed
  // during a drag, so React leaves the loop's transforms alone then.
  const starts = useMemo(() => {
    const at = (f: AnimatedFlow) => f.geometry.stops[still ? f.restStop : 0]!.point;
    return new Map(planned.map((f) => [f.id, `translate(${at(f).x}px, ${at(f).y}px)`]));
  }, [planned, still]);
  useAnimation(flows, packets, still, rects !== placed);
  const selected = flows.find((f) => f.id === selectedFlowId);
  const markers = flows
    .filter((f) => f.geometry.blocked)
    .map((f) => <BlockMarker key={f.id} design={design} flow={f} labelled={!selected || f === selected} />);

  return (
    <ViewportPortal>
      <svg
        className="traffic-overlay"
        width={1}
        height={1}
        role="group"
        aria-label="Packets"
        data-motion={still ? 'reduced' : 'full'}
      >
        {still && <ArrowMarkers />}
        {still && flows.filter((f) => f !== selected).map((f) => <StillPath key={f.id} flow={f} />)}
        {selected && <SelectedPath flow={selected} step={step} still={still} />}
        {!still && markers}
        {flows.map((f) => (
          <g
            key={f.id}
            ref={packetRef(f.id)}
            className={`traffic-packet${f.id === selectedFlowId ? ' is-selected' : ''}`}
            data-flow-packet={f.id}
            data-leg="forward"
            style={{ transform: starts.get(f.id) }}
          >
            <title>{f.name}</title>
            <circle r={f.id === selectedFlowId ? 8 : 6} />
          </g>
        ))}
        {/* A packet resting on its red mark would hide the mark's cross: without motion, the mark goes on top. */}
        {still && markers}
      </svg>
    </ViewportPortal>
  );
}
