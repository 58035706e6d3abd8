/**
 * What-if: every saved flow re-evaluated against a design, and the difference an edit makes — which flows it
 * opens and which it blocks — in words the user reads right after the edit ("This change blocks 2 flows: …").
 */
import type { Design, Flow } from '../model/types.ts';
import { trace } from '../traffic/trace.ts';
import type { TraceOutcome } from '../traffic/types.ts';

export interface FlowEvaluation {
  flow: Flow;
  outcome: TraceOutcome;
}

/** Flow id → its trace on one design. */
export type FlowEvaluations = ReadonlyMap<string, FlowEvaluation>;

/** Traces every saved flow of a design. */
export function evaluateFlows(design: Design): Map<string, FlowEvaluation> {
  const out = new Map<string, FlowEvaluation>();
  for (const flow of design.flows) out.set(flow.id, { flow, outcome: trace(design, flow) });
  return out;
}

export function isReachable(evaluation: FlowEvaluation | undefined): boolean {
  return evaluation?.outcome.ok === true && evaluation.outcome.result.reachable;
}

export interface FlowChanges {
  /** Flows in both designs that could not get through before and can now. */
  opened: Flow[];
  /** Flows in both designs that got through before and cannot now. */
  blocked: Flow[];
}

/**
 * The flows an edit opened or blocked. Flows added or removed by the edit itself are not changes of
 * reachability, so only flows present on both sides count.
 *
 * @example diffFlows(evaluateFlows(before), evaluateFlows(after)) // { opened: [], blocked: [webToInternet] }
 */
export function diffFlows(before: FlowEvaluations, after: FlowEvaluations): FlowChanges {
  const opened: Flow[] = [];
  const blocked: Flow[] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    if (!then) continue;
    const was = isReachable(then);
    const is = isReachable(now);
    if (!was && is) opened.push(now.flow);
    else if (was && !is) blocked.push(now.flow);
  }
  return { opened, blocked };
}

export function hasChanges(changes: FlowChanges): boolean {
  return changes.opened.length > 0 || changes.blocked.length > 0;
}

/** How the design changed: an ordinary edit, or a step back or forward through the history. */
export type ChangeSource = 'edit' | 'undo' | 'redo';

function count(n: number): string {
  return `${n} flow${n === 1 ? '' : 's'}`;
}

function names(flows: Flow[]): string {
  return flows.map((f) => f.name || `${f.from} → ${f.to}`).join(', ');
}

/**
 * One or two sentences for the live region, or undefined when nothing opened or closed.
 *
 * @example describeFlowChanges({ opened: [], blocked: [a, b] }) // 'This change blocks 2 flows: web-a → internet, app-a → S3.'
 * @example describeFlowChanges({ opened: [a], blocked: [] }, 'undo') // 'Undone: 1 flow is reachable again: web-a → internet.'
 * @example describeFlowChanges({ opened: [], blocked: [a] }, 'edit', 'drill') // 'The failure drill breaks 1 flow: web-a → internet.'
 */
export function describeFlowChanges(
  changes: FlowChanges,
  source: ChangeSource = 'edit',
  /** `drill` when the change only failed or restored components (design.failures), not the design itself. */
  cause: 'design' | 'drill' = 'design',
): string | undefined {
  const parts: string[] = [];
  const { opened, blocked } = changes;
  if (source === 'edit' && cause === 'drill') {
    if (blocked.length) parts.push(`The failure drill breaks ${count(blocked.length)}: ${names(blocked)}.`);
    if (opened.length)
      parts.push(
        `Restored: ${count(opened.length)} ${opened.length === 1 ? 'is' : 'are'} reachable again: ${names(opened)}.`,
      );
  } else if (source === 'undo') {
    if (opened.length)
      parts.push(
        `Undone: ${count(opened.length)} ${opened.length === 1 ? 'is' : 'are'} reachable again: ${names(opened)}.`,
      );
    if (blocked.length)
      parts.push(
        `Undone: ${count(blocked.length)} ${blocked.length === 1 ? 'is' : 'are'} blocked again: ${names(blocked)}.`,
      );
  } else {
    const lead = source === 'redo' ? 'Redone: this change' : 'This change';
    if (blocked.length) parts.push(`${lead} blocks ${count(blocked.length)}: ${names(blocked)}.`);
    if (opened.length) parts.push(`${parts.length ? 'It' : lead} opens ${count(opened.length)}: ${names(opened)}.`);
  }
  return parts.length ? parts.join(' ') : undefined;
}
