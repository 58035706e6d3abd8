/**
 * The Traffic region: build a flow and trace it (or edit a saved one), the saved flows with their status,
 * simulation controls, and the selected flow hop by hop with the reason it is dropped. Saved flows are traced
 * again on every edit (once per design object, shared with the canvas overlay), and the what-if line says which
 * flows an edit opened or blocked (the watcher behind it is started by App, so it runs while this panel has
 * never been shown).
 */
import { useId, useMemo, useState } from 'react';
import { glossaryEntry } from '../../engine/glossary/glossary.ts';
import { openGlossary, preloadGlossary } from '../glossary/openGlossary.ts';
import { stepsOf } from '../../engine/traffic/hopGeometry.ts';
import { describeComponent } from '../../engine/traffic/names.ts';
import type { Design } from '../../engine/index.ts';
import type { FlowEvaluation } from '../../engine/whatif/flowChanges.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { allEvaluations, useTrafficStore } from '../../store/traffic.ts';
import { FlowForm } from './FlowForm.tsx';
import { FlowList } from './FlowList.tsx';
import { HopList, showComponent } from './HopList.tsx';
import { SimulationControls } from './SimulationControls.tsx';
import { flowStatus } from './status.ts';
import { BADGE, headingClass } from './styles.ts';

function Explanation({ design, evaluation }: { design: Design; evaluation: FlowEvaluation }) {
  const [details, setDetails] = useState(false);
  const detailsId = useId();
  const status = flowStatus(design, evaluation);
  if (status.tone === 'ok') return null;
  if (status.tone === 'error') {
    return (
      <p className={`rounded border px-2 py-1 text-xs ${BADGE.error}`}>This flow cannot be traced: {status.message}</p>
    );
  }
  const component = describeComponent(design, status.componentId);
  const outcome = evaluation.outcome.ok ? evaluation.outcome.result : undefined;
  const why = outcome?.explanations[0];
  const deny = outcome
    ? [...outcome.forward, ...outcome.return].find((h) => h.action === 'deny' && h.id === status.componentId)
    : undefined;
  const concept = why?.concept ? glossaryEntry(why.concept) : undefined;
  return (
    <div
      role="group"
      aria-label="Why it is blocked"
      className={`space-y-1 rounded border px-2 py-1 text-xs ${BADGE.blocked}`}
    >
      <button type="button" className="text-left" onClick={() => showComponent(design, status.componentId, deny)}>
        <span className="font-semibold">
          {status.code === 'RESOURCE_FAILED' ? 'Failed in the drill:' : 'Blocked at'} {component.name} ({component.type}
          )
        </span>
        {why?.expected && (
          <span className="ml-1 rounded border border-gray-300 bg-white px-1 text-[10px] font-medium text-gray-700">
            Expected by design
          </span>
        )}
        <span className="block" data-testid="explanation-message">
          {status.message}
        </span>
      </button>
      <div className="flex flex-wrap items-center gap-2">
        {concept && why?.concept && (
          <button
            type="button"
            className="text-sky-800 underline decoration-sky-300 hover:decoration-sky-700"
            onClick={() => openGlossary(why.concept)}
            onPointerEnter={preloadGlossary}
            onFocus={preloadGlossary}
          >
            Learn: {concept.term}
          </button>
        )}
        <button
          type="button"
          aria-expanded={details}
          aria-controls={detailsId}
          className="ml-auto text-gray-600 underline decoration-gray-300 hover:text-gray-900"
          onClick={() => setDetails(!details)}
        >
          Details
        </button>
      </div>
      <div id={detailsId} hidden={!details} className="rounded bg-white/70 px-1.5 py-1 text-[11px] text-gray-700">
        <p>
          Reachability Analyzer code: <code className="break-all">{status.code}</code>{' '}
          <a
            href="https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html"
            target="_blank"
            rel="noreferrer"
            className="text-sky-700 hover:underline"
          >
            (what the codes mean)
          </a>
        </p>
        <p>
          Stopped on the {why?.direction === 'return' ? 'reply' : 'request'} at {component.name} ({component.type}).
        </p>
      </div>
    </div>
  );
}

function SelectedFlow({ design, evaluation }: { design: Design; evaluation: FlowEvaluation | undefined }) {
  if (!evaluation) {
    return <p className="text-xs text-gray-500">Choose a flow to follow its packet hop by hop.</p>;
  }
  return (
    <div className="space-y-1.5">
      <h3 className="text-xs font-semibold text-gray-900">{evaluation.flow.name}</h3>
      <Explanation design={design} evaluation={evaluation} />
      {evaluation.outcome.ok && <HopList design={design} result={evaluation.outcome.result} />}
    </div>
  );
}

export function TrafficPanel() {
  const design = useDesignStore((s) => s.design);
  const draft = useTrafficStore((s) => s.draft);
  const editingFlowId = useTrafficStore((s) => s.editingFlowId);
  // Gone when an undo or an import removed it: the new-flow form shows again.
  const editing = design.flows.find((f) => f.id === editingFlowId);
  const selectedFlowId = useTrafficStore((s) => s.selectedFlowId);
  const whatIf = useTrafficStore((s) => s.whatIf);
  const evaluations = useMemo(() => allEvaluations(design, draft), [design, draft]);
  const selected = evaluations.find((e) => e.flow.id === selectedFlowId);
  const steps = selected?.outcome.ok ? stepsOf(selected.outcome.result).length : 0;

  return (
    <section aria-label="Traffic" className="flex h-full min-h-0 divide-x divide-gray-200 bg-white text-sm">
      <div className="w-60 shrink-0 overflow-y-auto px-3 py-2">
        {/* Hidden, not unmounted, while a saved flow is edited: what was typed for a new flow is still there after. */}
        <div hidden={editing !== undefined}>
          <h3 className={`${headingClass} mb-1`}>New flow</h3>
          <FlowForm />
        </div>
        {editing && (
          <div>
            <h3 className={`${headingClass} mb-1`}>Edit flow</h3>
            <FlowForm key={editing.id} editing={editing} />
          </div>
        )}
      </div>
      <div className="flex w-72 shrink-0 flex-col gap-1.5 overflow-y-auto px-3 py-2">
        <SimulationControls steps={steps} />
        <p
          role="log"
          aria-label="What-if"
          aria-live="polite"
          className={
            whatIf ? 'rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900' : 'sr-only'
          }
        >
          {whatIf && <span key={whatIf.seq}>{whatIf.text}</span>}
        </p>
        <h3 className={headingClass}>Flows</h3>
        <FlowList design={design} evaluations={evaluations} />
      </div>
      <div className="min-w-0 flex-1 overflow-y-auto px-3 py-2">
        <SelectedFlow design={design} evaluation={selected} />
      </div>
    </section>
  );
}
