/**
 * Packets on the canvas: one SVG inside React Flow's viewport (so it pans and zooms with the diagram) holding a
 * packet per flow, the selected flow's path, and a red mark where a flow is dropped.
 *
 * React draws the overlay when the design, the flows or the selection change; between those, one
 * requestAnimationFrame loop moves the packets by writing their `transform` straight to the DOM, so animating
 * ten flows re-renders nothing.
 */
import { ViewportPortal } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { Design } from '../../engine/index.ts';
import type { FlowEvaluation } from '../../engine/whatif/flowChanges.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { allEvaluations, useTrafficStore } from '../../store/traffic.ts';
import { flowGeometry, selectableIdOf, type FlowGeometry, type PlacedRects, type Stop } from './hopGeometry.ts';
import { buildTimeline, packetAt, type PacketState, type Timeline } from './timeline.ts';
import { describeComponent } from './names.ts';
import './traffic.css';

export const PACKET_COLORS = { forward: '#2563eb', return: '#16a34a', blocked: '#dc2626' } as const;

interface AnimatedFlow {
  id: string;
  name: string;
  geometry: FlowGeometry;
  timeline: Timeline;
  /** Index of the stop where the packet is dropped, or -1. */
  blockedStop: number;
  /** Start offset, so flows sharing a path do not move as one. */
  phase: number;
}

function animatedFlows(design: Design, placed: PlacedRects, evaluations: FlowEvaluation[]): AnimatedFlow[] {
  const out: AnimatedFlow[] = [];
  evaluations.forEach((e, i) => {
    if (!e.outcome.ok) return;
    const geometry = flowGeometry(design, placed, e.flow, e.outcome.result);
    if (geometry.stops.length === 0) return;
    const timeline = buildTimeline(geometry.stops);
    out.push({
      id: e.flow.id,
      name: e.flow.name,
      geometry,
      timeline,
      blockedStop: geometry.stops.findIndex((s) => s.blocked),
      phase: (i * 0.37 * timeline.period) % Math.max(timeline.period, 1e-6),
    });
  });
  return out;
}

/** Moves every packet once per frame; reads the play state from the store without subscribing. */
function useAnimation(flows: AnimatedFlow[], packets: React.RefObject<Map<string, SVGGElement>>) {
  const flowsRef = useRef(flows);
  useEffect(() => {
    flowsRef.current = flows;
  }, [flows]);
  useEffect(() => {
    const clocks = new Map<string, number>();
    const state: PacketState = { x: 0, y: 0, direction: 'forward', stopIndex: 0 };
    let last = performance.now();
    let frame = 0;
    const tick = (now: number) => {
      const dt = Math.min(0.1, Math.max(0, (now - last) / 1000));
      last = now;
      const store = useTrafficStore.getState();
      for (const f of flowsRef.current) {
        const el = packets.current.get(f.id);
        if (!el) continue;
        const { period, arrivals } = f.timeline;
        let t = clocks.get(f.id) ?? f.phase;
        if (t > period) t %= period;
        const selected = f.id === store.selectedFlowId;
        if (selected && store.step !== undefined) t = arrivals[Math.min(store.step, arrivals.length - 1)] ?? 0;
        else if (store.playing && !store.paused[f.id]) t = (t + dt * store.speed) % period;
        clocks.set(f.id, t);
        packetAt(f.geometry.stops, f.timeline, t, state);
        el.style.transform = `translate(${state.x}px, ${state.y}px)`;
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

function points(flow: AnimatedFlow, direction: 'forward' | 'return'): string {
  const stops = flow.geometry.stops;
  // The reply's line starts where the request ended, so the two legs join.
  const first = stops.findIndex((s) => s.direction === direction);
  if (first < 0) return '';
  const from = direction === 'return' && first > 0 ? first - 1 : first;
  return stops
    .slice(from)
    .filter((s, i) => i === 0 || s.direction === direction)
    .map((s) => `${s.point.x},${s.point.y}`)
    .join(' ');
}

/** The undrawn endpoints (internet, services, on-premises) of a flow, once each, to label on the canvas. */
function outsidePoints(flow: AnimatedFlow): Stop[] {
  const byName = new Map<string, Stop>();
  for (const s of flow.geometry.stops) if (s.outside !== undefined && !byName.has(s.outside)) byName.set(s.outside, s);
  return [...byName.values()];
}

function BlockMarker({ design, flow, labelled }: { design: Design; flow: AnimatedFlow; labelled: boolean }) {
  const blocked = flow.geometry.blocked!;
  const component = describeComponent(design, blocked.componentId);
  const label = `${flow.name}: blocked at ${component.name} (${component.type})${blocked.explanation ? ` — ${blocked.explanation.message}` : ''}`;
  const select = () => {
    const id = selectableIdOf(design, blocked.componentId);
    if (id) useDesignStore.getState().select([id]);
    useTrafficStore.getState().selectFlow(flow.id);
  };
  return (
    <g className="traffic-blocked" data-flow={flow.id} data-component={blocked.componentId}>
      {blocked.rings.map((r, i) => (
        <rect key={i} x={r.x - 4} y={r.y - 4} width={r.width + 8} height={r.height + 8} rx={10} className="traffic-ring" />
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
            Blocked at {component.name}
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
  const evaluations = useMemo(() => allEvaluations(design, draft), [design, draft]);
  const flows = useMemo(() => animatedFlows(design, placed, evaluations), [design, placed, evaluations]);
  const packets = useRef(new Map<string, SVGGElement>());
  useAnimation(flows, packets);
  const selected = flows.find((f) => f.id === selectedFlowId);
  const current = selected && step !== undefined ? selected.geometry.stops[step] : undefined;

  return (
    <ViewportPortal>
      <svg className="traffic-overlay" width={1} height={1} role="group" aria-label="Packets">
        {selected && (
          <g className="traffic-path" data-flow={selected.id}>
            <polyline points={points(selected, 'forward')} className="traffic-line" stroke={PACKET_COLORS.forward} />
            <polyline points={points(selected, 'return')} className="traffic-line" stroke={PACKET_COLORS.return} />
            {selected.geometry.stops.map((s, i) => (
              <circle key={i} cx={s.point.x} cy={s.point.y} r={3.5} className="traffic-stop" fill={PACKET_COLORS[s.direction]} />
            ))}
            {outsidePoints(selected).map((s) => (
              <g key={s.outside} transform={`translate(${s.point.x} ${s.point.y})`} className="traffic-outside">
                <circle r={14} />
                <text y={28} textAnchor="middle">
                  {s.outside}
                </text>
              </g>
            ))}
            {current && <circle cx={current.point.x} cy={current.point.y} r={14} className="traffic-current" />}
          </g>
        )}
        {flows.filter((f) => f.geometry.blocked).map((f) => (
          <BlockMarker key={f.id} design={design} flow={f} labelled={!selected || f === selected} />
        ))}
        {flows.map((f) => (
          <g
            key={f.id}
            ref={(el) => {
              if (el) packets.current.set(f.id, el);
              else packets.current.delete(f.id);
            }}
            className={`traffic-packet${f.id === selectedFlowId ? ' is-selected' : ''}`}
            data-flow-packet={f.id}
            data-leg="forward"
            style={{ transform: `translate(${f.geometry.stops[0]!.point.x}px, ${f.geometry.stops[0]!.point.y}px)` }}
          >
            <title>{f.name}</title>
            <circle r={f.id === selectedFlowId ? 8 : 6} />
          </g>
        ))}
      </svg>
    </ViewportPortal>
  );
}
