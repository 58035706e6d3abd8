/**
 * What-if: after every change to the design, the saved flows are traced again and compared with before; when a
 * change opens or blocks flows, the Traffic panel says so (and, when the panel is not showing, the app's status
 * line does). Undo brings the flows back, and the message says they are reachable again.
 */
import { useEffect } from 'react';
import { describeFlowChanges, diffFlows, type ChangeSource } from '../../engine/whatif/flowChanges.ts';
import { useDesignStore, type DesignState } from '../../store/designStore.ts';
import { flowEvaluations, useTrafficStore } from '../../store/traffic.ts';
import { useUiStore } from '../../store/uiStore.ts';

/** How the design got from `prev` to `state`: an undo puts the previous design at the head of `future`. */
function sourceOf(state: DesignState, prev: DesignState): ChangeSource | undefined {
  if (state.future[0]?.design === prev.design) return 'undo';
  if (state.past.at(-1)?.design === prev.design) return prev.future[0]?.design === state.design ? 'redo' : 'edit';
  return undefined; // a load (new design, import, restore): nothing to compare with
}

export function useWhatIf(): void {
  useEffect(
    () =>
      useDesignStore.subscribe((state, prev) => {
        if (state.design === prev.design || prev.design.flows.length === 0) return;
        const source = sourceOf(state, prev);
        if (!source) return;
        const text = describeFlowChanges(diffFlows(flowEvaluations(prev.design), flowEvaluations(state.design)), source);
        if (!text) return;
        useTrafficStore.getState().announce(text);
        if (useUiStore.getState().bottomTab !== 'traffic') useDesignStore.getState().notify(text);
      }),
    [],
  );
}
