/**
 * What-if: after every change to the design, the saved flows are traced again and compared with before; when a
 * change opens or blocks flows, the Traffic panel says so (and, when the panel is not showing, the app's status
 * line does). Undo brings the flows back, and the message says they are reachable again. A selected flow held
 * at a step runs again when the change opens or blocks it, so its packet shows the new path.
 */
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

/**
 * A highlighted rule known only by its position (`sg-web ingress #2`, `inbound #100`) may name another rule once
 * its resource changes, so the highlight goes; one with its own id stays on it.
 */
function forgetStaleHighlight(state: DesignState, prev: DesignState): void {
  const traffic = useTrafficStore.getState();
  const h = traffic.highlightRule;
  if (!h || state.design.resources[h.resourceId] === prev.design.resources[h.resourceId]) return;
  if (/[#*]/.test(h.ruleId)) traffic.setHighlightRule(undefined);
}

/**
 * Watches the design store: after each change, compares the saved flows' reachability before and after and says
 * what changed. Returns the unsubscribe function (headless, so tests drive it through the stores).
 */
export function watchFlowChanges(): () => void {
  return useDesignStore.subscribe((state, prev) => {
    if (state.design === prev.design) return;
    forgetStaleHighlight(state, prev);
    if (prev.design.flows.length === 0) return;
    const source = sourceOf(state, prev);
    if (!source) return;
    const changes = diffFlows(flowEvaluations(prev.design), flowEvaluations(state.design));
    const drill = state.design.resources === prev.design.resources && state.design.failures !== prev.design.failures;
    const text = describeFlowChanges(changes, source, drill ? 'drill' : 'design');
    if (!text) return;
    const traffic = useTrafficStore.getState();
    traffic.announce(text);
    // A packet held at a step would hide what the change did to its flow: let it run the new path.
    const changed = [...changes.opened, ...changes.blocked].some((f) => f.id === traffic.selectedFlowId);
    if (changed && traffic.step !== undefined) traffic.setStep(undefined);
    if (useUiStore.getState().bottomTab !== 'traffic') useDesignStore.getState().notify(text);
  });
}
