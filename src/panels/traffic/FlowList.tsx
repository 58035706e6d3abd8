/**
 * The saved flows (and the unsaved trace, when there is one), each with its status badge — green "Reachable" or
 * red "Blocked at <component>" — a play/pause toggle, edit and remove. Clicking a flow selects it: its path is
 * drawn on the canvas and its hops listed. Edit opens the flow in the form on the left.
 */
import { useReducedMotion } from '../../canvas/traffic/motion.ts';
import { removeFlow } from '../../engine/commands/flows.ts';
import type { Design } from '../../engine/index.ts';
import type { FlowEvaluation } from '../../engine/whatif/flowChanges.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { DRAFT_ID, useTrafficStore } from '../../store/traffic.ts';
import { Icon } from './Icon.tsx';
import { flowStatus } from './status.ts';
import { BADGE, iconButtonClass } from './styles.ts';

function FlowRow({ design, evaluation }: { design: Design; evaluation: FlowEvaluation }) {
  const { flow } = evaluation;
  const isDraft = flow.id === DRAFT_ID;
  const selected = useTrafficStore((s) => s.selectedFlowId === flow.id);
  const paused = useTrafficStore((s) => s.paused[flow.id] === true);
  const editing = useTrafficStore((s) => s.editingFlowId === flow.id);
  const still = useReducedMotion();
  const status = flowStatus(design, evaluation);
  const traffic = useTrafficStore.getState;
  const remove = () => {
    if (isDraft) return traffic().setDraft(undefined);
    if (!useDesignStore.getState().execute(removeFlow(flow.id))) return;
    if (traffic().editingFlowId === flow.id) traffic().editFlow(undefined);
    if (traffic().selectedFlowId === flow.id) traffic().selectFlow(undefined);
  };
  return (
    <li
      aria-current={selected ? 'true' : undefined}
      data-flow={flow.id}
      data-status={status.tone}
      data-editing={editing || undefined}
      className={`rounded px-1 py-0.5 ${editing ? 'bg-amber-50 ring-1 ring-amber-300' : selected ? 'bg-sky-50 ring-1 ring-sky-300' : 'hover:bg-gray-50'}`}
    >
      <button
        type="button"
        className="block w-full truncate text-left text-xs text-gray-900"
        title={`${flow.name} (${flow.from} → ${flow.to})`}
        onClick={() => traffic().selectFlow(flow.id)}
      >
        {isDraft && (
          <span className="mr-1 rounded bg-gray-100 px-1 text-[10px] font-semibold uppercase text-gray-600">
            Unsaved
          </span>
        )}
        {editing && (
          <span className="mr-1 rounded bg-amber-100 px-1 text-[10px] font-semibold uppercase text-amber-800">
            Editing
          </span>
        )}
        {flow.name}
      </button>
      <div className="mt-0.5 flex items-center gap-1">
        <span
          className={`min-w-0 truncate rounded border px-1.5 text-[11px] font-medium ${BADGE[status.tone]}`}
          title={status.tone === 'ok' ? undefined : status.message}
          data-testid="flow-status"
        >
          {status.label}
        </span>
        <span className="ml-auto flex shrink-0 gap-1">
          <button
            type="button"
            className={iconButtonClass}
            aria-label={`${paused ? 'Play' : 'Pause'} ${flow.name}`}
            aria-pressed={paused}
            title={
              still
                ? 'Motion is reduced: packets rest where they end up'
                : paused
                  ? 'Play this flow'
                  : 'Pause this flow'
            }
            disabled={still}
            onClick={() => traffic().toggleFlowPaused(flow.id)}
          >
            <Icon kind={paused ? 'play' : 'pause'} />
          </button>
          {!isDraft && (
            <button
              type="button"
              className={iconButtonClass}
              aria-label={`Edit ${flow.name}`}
              title="Edit this flow"
              data-edit-flow={flow.id}
              onClick={() => traffic().editFlow(flow.id)}
            >
              <Icon kind="edit" />
            </button>
          )}
          <button
            type="button"
            className={iconButtonClass}
            aria-label={`${isDraft ? 'Discard' : 'Remove'} ${flow.name}`}
            title={isDraft ? 'Discard' : 'Remove'}
            onClick={remove}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </span>
      </div>
    </li>
  );
}

export function FlowList({ design, evaluations }: { design: Design; evaluations: FlowEvaluation[] }) {
  if (evaluations.length === 0) {
    return (
      <p className="text-xs text-gray-500">No flows yet: choose a source and a destination, then Trace or Save flow.</p>
    );
  }
  return (
    <ul aria-label="Flows" className="space-y-1">
      {evaluations.map((e) => (
        <FlowRow key={e.flow.id} design={design} evaluation={e} />
      ))}
    </ul>
  );
}
