/**
 * A flow's status in one badge: "Reachable", "Blocked at <component>", or why it cannot be traced.
 */
import type { Design } from '../../engine/index.ts';
import type { FlowEvaluation } from '../../engine/whatif/flowChanges.ts';
import { describeComponent } from '../../canvas/traffic/names.ts';

export type FlowStatus =
  | { tone: 'ok'; label: 'Reachable' }
  | { tone: 'blocked'; label: string; componentId: string; code: string; message: string }
  | { tone: 'error'; label: string; message: string };

/**
 * @example flowStatus(design, evaluation) // { tone: 'blocked', label: 'Blocked at Production ↔ Shared', code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', … }
 */
export function flowStatus(design: Design, evaluation: FlowEvaluation): FlowStatus {
  const { outcome } = evaluation;
  if (!outcome.ok) return { tone: 'error', label: 'Cannot trace', message: outcome.error };
  if (outcome.result.reachable) return { tone: 'ok', label: 'Reachable' };
  const why = outcome.result.explanations[0];
  const last = outcome.result.forward.at(-1);
  const componentId = why?.id ?? last?.id ?? evaluation.flow.to;
  const name = describeComponent(design, componentId).name;
  return {
    tone: 'blocked',
    // A failure drill broke it: say so, so it is not mistaken for a fault of the design.
    label: why?.code === 'RESOURCE_FAILED' ? `Failed (drill): ${name}` : `Blocked at ${name}`,
    componentId,
    code: why?.code ?? 'NO_ROUTE_TO_DESTINATION',
    message: why?.message ?? 'The packet does not reach its destination.',
  };
}
