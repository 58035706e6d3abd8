/**
 * A failure drill in one line, for the banner over the canvas: what has failed and how many saved flows it breaks
 * ("Failure drill: AZ us-east-1a failed — 2 of 3 flows break"). A flow breaks when it gets through with the drill
 * left out and does not with it; a flow that was blocked anyway is not the drill's doing.
 */
import { withoutFailures } from '../traffic/failures.ts';
import type { Design, Flow } from '../model/types.ts';
import { evaluateFlows, isReachable, type FlowEvaluations } from './flowChanges.ts';

export interface DrillSummary {
  /** What the drill failed, by name: `AZ us-east-1a`, `NAT gateway A`. */
  failed: string[];
  /** Saved flows that get through without the drill and not with it. */
  broken: Flow[];
  /** How many saved flows the design has. */
  flows: number;
}

/**
 * @example summarizeDrill({ ...exampleDesign(), failures: { resources: [], zones: ['us-east-1a'] } })
 * // { failed: ['AZ us-east-1a'], broken: [webToInternet, appToS3], flows: 3 }
 */
export function summarizeDrill(
  design: Design,
  evaluate: (design: Design) => FlowEvaluations = evaluateFlows,
): DrillSummary {
  const failures = design.failures ?? { resources: [], zones: [] };
  const failed = [
    ...failures.zones.map((zone) => `AZ ${zone}`),
    ...failures.resources.map((id) => design.resources[id]?.name || id),
  ];
  const withDrill = evaluate(design);
  const without = evaluate(withoutFailures(design));
  const broken = design.flows.filter((f) => isReachable(without.get(f.id)) && !isReachable(withDrill.get(f.id)));
  return { failed, broken, flows: design.flows.length };
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * @example describeDrill({ failed: ['AZ us-east-1a'], broken: [a, b], flows: 3 }) // 'Failure drill: AZ us-east-1a failed — 2 of 3 flows break'
 */
export function describeDrill(summary: DrillSummary): string {
  const what = summary.failed.length ? `${list(summary.failed)} failed` : 'nothing has failed';
  const effect =
    summary.flows === 0
      ? 'no saved flow to trace'
      : summary.broken.length === 0
        ? `none of ${summary.flows} flow${summary.flows === 1 ? '' : 's'} breaks`
        : `${summary.broken.length} of ${summary.flows} flow${summary.flows === 1 ? '' : 's'} break${summary.broken.length === 1 ? 's' : ''}`;
  return `Failure drill: ${what} — ${effect}`;
}
