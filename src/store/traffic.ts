/**
 * The traffic simulation's UI state, outside the design and its history: which flow is selected, the draft a
 * "Trace" shows before it is saved, the saved flow open in the edit form, play/pause, stepping, speed, the rule
 * the inspector should highlight, and the last what-if message. The packets themselves are moved by the
 * overlay's animation loop, never by React.
 */
import { create } from 'zustand';
import type { Design, Flow } from '../engine/index.ts';
import { evaluateFlows, type FlowEvaluation } from '../engine/whatif/flowChanges.ts';
import { trace } from '../engine/traffic/index.ts';

/** The id the unsaved, just-traced flow goes by. */
export const DRAFT_ID = 'draft';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface RuleHighlight {
  /** The security group, network ACL, route table or endpoint whose rule decided. */
  resourceId: string;
  /** The hop's `matched`: a rule or route id, `sg-web ingress #2`, `inbound #100`, `inbound *`. */
  ruleId: string;
}

export interface TrafficState {
  selectedFlowId?: string;
  draft?: Flow;
  /** The saved flow the form is editing (the form shows a new flow when undefined). */
  editingFlowId?: string;
  /** All packets move (the default) or all hold still. */
  playing: boolean;
  /** Flows whose packet holds still while the others play. */
  paused: Readonly<Record<string, true>>;
  speed: number;
  /** While stepping the selected flow: the stop (hop) its packet sits at; undefined while it runs. */
  step?: number;
  /** The stop the selected flow's packet last reached while running (the overlay reports it as it changes). */
  liveStop?: number;
  highlightRule?: RuleHighlight;
  /** The last what-if sentence for the live region; `seq` so the same sentence twice is announced again. */
  whatIf?: { text: string; seq: number };
  selectFlow(id: string | undefined): void;
  setDraft(flow: Flow | undefined): void;
  /** Opens a saved flow in the form, and selects it so its path and hops show while it is edited. */
  editFlow(id: string | undefined): void;
  togglePlaying(): void;
  /** Plays every packet, the selected one included (ends stepping). */
  play(): void;
  toggleFlowPaused(id: string): void;
  setSpeed(speed: number): void;
  /** Moves the selected flow's packet one stop (clamped to 0…count-1) and holds it there. */
  stepBy(delta: number, count: number): void;
  setStep(step: number | undefined): void;
  setLiveStop(stop: number | undefined): void;
  setHighlightRule(highlight: RuleHighlight | undefined): void;
  announce(text: string): void;
}

let seq = 0;

export const useTrafficStore = create<TrafficState>()((set, get) => ({
  selectedFlowId: undefined,
  draft: undefined,
  editingFlowId: undefined,
  playing: true,
  paused: {},
  speed: 1,
  step: undefined,
  liveStop: undefined,
  highlightRule: undefined,
  whatIf: undefined,
  selectFlow(selectedFlowId) {
    if (selectedFlowId === get().selectedFlowId) return;
    set({ selectedFlowId, step: undefined, liveStop: undefined, highlightRule: undefined });
  },
  setDraft(draft) {
    set({ draft, step: undefined, liveStop: undefined, ...(draft ? { selectedFlowId: DRAFT_ID } : {}) });
  },
  editFlow(editingFlowId) {
    set({ editingFlowId });
    if (editingFlowId !== undefined) get().selectFlow(editingFlowId);
  },
  togglePlaying() {
    set({ playing: !get().playing, step: undefined });
  },
  play() {
    set({ playing: true, step: undefined });
  },
  toggleFlowPaused(id) {
    const paused = { ...get().paused };
    if (paused[id]) delete paused[id];
    else paused[id] = true;
    set({ paused });
  },
  setSpeed(speed) {
    set({ speed });
  },
  stepBy(delta, count) {
    if (count <= 0) return;
    const { step, liveStop } = get();
    const from = step ?? liveStop ?? (delta > 0 ? -1 : count);
    set({ step: Math.max(0, Math.min(count - 1, from + delta)) });
  },
  setStep(step) {
    set({ step });
  },
  setLiveStop(liveStop) {
    if (liveStop !== get().liveStop) set({ liveStop });
  },
  setHighlightRule(highlightRule) {
    set({ highlightRule });
  },
  announce(text) {
    set({ whatIf: { text, seq: ++seq } });
  },
}));

const savedCache = new WeakMap<Design, Map<string, FlowEvaluation>>();
const draftCache = new WeakMap<Design, Map<Flow, FlowEvaluation>>();

/**
 * Every saved flow traced on this design, computed once per design object (the panel, the overlay and the
 * what-if watcher all ask for the same design).
 */
export function flowEvaluations(design: Design): Map<string, FlowEvaluation> {
  let out = savedCache.get(design);
  if (!out) {
    out = evaluateFlows(design);
    savedCache.set(design, out);
  }
  return out;
}

/** The draft flow traced on this design, cached per design and draft. */
export function draftEvaluation(design: Design, draft: Flow): FlowEvaluation {
  let byDraft = draftCache.get(design);
  if (!byDraft) {
    byDraft = new Map();
    draftCache.set(design, byDraft);
  }
  let out = byDraft.get(draft);
  if (!out) {
    out = { flow: draft, outcome: trace(design, draft) };
    byDraft.set(draft, out);
  }
  return out;
}

/** Saved flows then the draft (when there is one), each with its trace on the design. */
export function allEvaluations(design: Design, draft: Flow | undefined): FlowEvaluation[] {
  const saved = [...flowEvaluations(design).values()];
  return draft ? [...saved, draftEvaluation(design, draft)] : saved;
}
