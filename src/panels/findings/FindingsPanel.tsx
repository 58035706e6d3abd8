/**
 * The Findings region: what the rule engine says about the open design, grouped by severity with counts,
 * filterable by severity and text. Each finding shows why (one or two sentences), how to fix it, and the AWS page
 * it encodes; clicking it selects the resource it is about and asks the canvas to frame it.
 *
 * Re-validation happens once per design object (shared with the canvas through `useFindings`), so every edit
 * re-checks the design within a frame.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { Finding, Severity } from '../../engine/index.ts';
import { ruleConcept } from '../../engine/rules/concepts.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { openGlossary, preloadGlossary } from '../glossary/openGlossary.ts';
import { useFindings } from '../../store/findings.ts';
import { filterFindings, groupBySeverity, SEVERITIES, type SeverityFilter } from './filter.ts';

const LABELS: Record<Severity, { plural: string; singular: string }> = {
  error: { plural: 'Errors', singular: 'Error' },
  warning: { plural: 'Warnings', singular: 'Warning' },
  info: { plural: 'Info', singular: 'Info' },
};

const TONE: Record<Severity, { dot: string; pressed: string; text: string }> = {
  error: { dot: 'bg-red-600', pressed: 'border-red-300 bg-red-50 text-red-800', text: 'text-red-700' },
  warning: { dot: 'bg-amber-500', pressed: 'border-amber-300 bg-amber-50 text-amber-900', text: 'text-amber-800' },
  info: { dot: 'bg-sky-600', pressed: 'border-sky-300 bg-sky-50 text-sky-900', text: 'text-sky-800' },
};

/** More than this many rows per severity are folded behind a "Show all" button, so huge imports stay responsive. */
const ROWS_PER_GROUP = 200;

export function FindingsPanel() {
  const findings = useFindings();
  const [shown, setShown] = useState<SeverityFilter>({ error: true, warning: true, info: true });
  const [text, setText] = useState('');
  const query = useDeferredValue(text);
  const groups = useMemo(() => groupBySeverity(filterFindings(findings, shown, query)), [findings, shown, query]);
  const counts = useMemo(() => groupBySeverity(findings), [findings]);
  const visible = SEVERITIES.reduce((n, s) => n + groups[s].length, 0);

  return (
    <section aria-label="Findings" className="flex h-full min-h-0 flex-col bg-white text-sm">
      <div className="flex shrink-0 flex-wrap items-center gap-2 border-b border-gray-100 px-3 py-1.5">
        <div role="group" aria-label="Show severities" className="flex gap-1">
          {SEVERITIES.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={shown[s]}
              onClick={() => setShown({ ...shown, [s]: !shown[s] })}
              className={`flex items-center gap-1.5 rounded border px-2 py-0.5 text-xs ${shown[s] ? TONE[s].pressed : 'border-gray-200 text-gray-400'}`}
            >
              <span
                aria-hidden="true"
                className={`inline-block h-2 w-2 rounded-full ${shown[s] ? TONE[s].dot : 'bg-gray-300'}`}
              />
              {LABELS[s].plural} {counts[s].length}
            </button>
          ))}
        </div>
        <input
          type="search"
          aria-label="Filter findings"
          placeholder="Filter by text, rule or resource id"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="min-w-40 flex-1 rounded border border-gray-200 px-2 py-0.5 text-xs"
        />
        <span className="text-xs text-gray-500" aria-live="polite">
          {SEVERITIES.map((s) => `${LABELS[s].plural} ${counts[s].length}`).join(' · ')}
        </span>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-1">
        {findings.length === 0 ? (
          <p className="py-2 text-gray-500">
            No findings: nothing in this design would be refused by AWS or break traffic.
          </p>
        ) : visible === 0 ? (
          <p className="py-2 text-gray-500">No findings match the filter.</p>
        ) : (
          SEVERITIES.map((s) =>
            groups[s].length > 0 ? <FindingGroup key={s} severity={s} findings={groups[s]} /> : null,
          )
        )}
      </div>
    </section>
  );
}

function FindingGroup({ severity, findings }: { severity: Severity; findings: Finding[] }) {
  const [expanded, setExpanded] = useState(false);
  const rows = expanded ? findings : findings.slice(0, ROWS_PER_GROUP);
  const headingId = `findings-${severity}`;
  return (
    <div role="group" aria-labelledby={headingId} className="py-1">
      <h3 id={headingId} className={`text-xs font-semibold uppercase tracking-wide ${TONE[severity].text}`}>
        {LABELS[severity].plural} ({findings.length})
      </h3>
      <ul className="divide-y divide-gray-100">
        {rows.map((f, i) => (
          <FindingRow key={`${f.rule}:${f.resources.join(',')}:${i}`} finding={f} />
        ))}
      </ul>
      {!expanded && findings.length > rows.length && (
        <button type="button" className="mt-1 text-xs text-sky-700 underline" onClick={() => setExpanded(true)}>
          Show all {findings.length}
        </button>
      )}
    </div>
  );
}

function FindingRow({ finding }: { finding: Finding }) {
  const target = finding.resources[0];
  const concept = ruleConcept(finding.rule);
  const selected = useDesignStore((s) => target !== undefined && s.selection.length === 1 && s.selection[0] === target);
  const open = () => {
    if (target === undefined) return;
    const store = useDesignStore.getState();
    store.select([target]);
    store.requestFocus([target]);
  };
  return (
    <li
      className={`flex items-start gap-2 py-1 ${selected ? 'bg-sky-50' : ''}`}
      data-rule={finding.rule}
      data-severity={finding.severity}
    >
      <span
        aria-hidden="true"
        className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full ${TONE[finding.severity].dot}`}
      />
      <button
        type="button"
        onClick={open}
        disabled={target === undefined}
        aria-label={`${LABELS[finding.severity].singular}: ${finding.message}`}
        aria-current={selected ? 'true' : undefined}
        className="min-w-0 flex-1 cursor-pointer text-left disabled:cursor-default"
        title={target !== undefined ? `Select ${target} on the canvas` : undefined}
      >
        <span className="block text-gray-900">{finding.message}</span>
        <span className="block text-xs text-gray-600">
          <span className="font-medium">Fix:</span> {finding.fix}
        </span>
      </button>
      <span className="shrink-0 pt-0.5 text-[11px] text-gray-400">{finding.rule}</span>
      <a
        href={finding.docs}
        target="_blank"
        rel="noopener noreferrer"
        className="shrink-0 pt-0.5 text-xs text-sky-700 underline"
        aria-label={`AWS documentation for ${finding.rule}`}
      >
        AWS docs
      </a>
      {concept && (
        <button
          type="button"
          className="shrink-0 pt-0.5 text-xs text-sky-700 underline"
          aria-label={`Learn: ${concept.replaceAll('-', ' ')} (glossary)`}
          title="Open the concept behind this finding in the glossary"
          onClick={() => openGlossary(concept)}
          onPointerEnter={preloadGlossary}
          onFocus={preloadGlossary}
        >
          Learn
        </button>
      )}
    </li>
  );
}
