/**
 * "Make a lesson from this design": the open design becomes a lesson's starting design; each saved flow is marked
 * must reach / must not reach / ignore (by default what it does now), the findings ticked must be gone, and the
 * teacher writes the title, summary, hints and explanation. The lesson is exported as a file, added to this
 * browser's lessons, or shared as a link (`#lesson=v1.…`, the share-link format). Loaded when opened.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { Finding } from '../engine/index.ts';
import { flowLabel, lessonFromDesign, lessonIdFor, type FlowExpectation } from '../engine/lessons/author.ts';
import { gradeLesson, lessonComplete } from '../engine/lessons/grade.ts';
import { parseLesson, serializeLesson } from '../engine/lessons/parse.ts';
import { evaluateFlows, isReachable } from '../engine/whatif/flowChanges.ts';
import { DialogFrame } from '../panels/DialogFrame.tsx';
import { lessonFragmentFor, MAX_LINK_CHARS } from '../share/shareLink.ts';
import { useDesignStore } from '../store/designStore.ts';
import { downloadText } from '../store/download.ts';
import { findingsOf, loadRules } from '../store/findings.ts';
import { importLessonText } from './lessonSource.ts';

const FIELD = 'w-full rounded border border-gray-400 px-2 py-1 text-sm';
const LABEL = 'block text-xs font-semibold text-gray-700';

/** A finding's goal sentence: its first sentence, as something to resolve. */
function findingGoalText(finding: Finding): string {
  const first = /^.*?[.!?](?=\s|$)/.exec(finding.message)?.[0] ?? finding.message;
  return `Resolve: ${first}`;
}

const findingKey = (f: Finding) => `${f.rule}@${f.resources[0] ?? ''}`;

export function AuthorDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const design = useDesignStore((s) => s.design);
  const evaluations = useMemo(() => evaluateFlows(design), [design]);
  const [findings, setFindings] = useState<readonly Finding[]>();
  useEffect(() => {
    let live = true;
    void loadRules().then(() => live && setFindings(findingsOf(design)));
    return () => {
      live = false;
    };
  }, [design]);

  const [title, setTitle] = useState(design.name);
  const [summary, setSummary] = useState('');
  const [explanation, setExplanation] = useState('');
  const [kind, setKind] = useState<'lesson' | 'challenge'>('lesson');
  const [concepts, setConcepts] = useState('');
  const [hints, setHints] = useState<string[]>(['']);
  const [expect, setExpect] = useState<Record<string, FlowExpectation>>({});
  const [mustGo, setMustGo] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'info' }>();
  const [link, setLink] = useState<string>();

  const expectationOf = (flowId: string): FlowExpectation =>
    expect[flowId] ?? (isReachable(evaluations.get(flowId)) ? 'reach' : 'block');

  const lesson = useMemo(
    () =>
      lessonFromDesign(design, {
        id: lessonIdFor(title),
        kind,
        title,
        summary,
        explanation,
        hints,
        concepts: concepts
          .split(/[\s,]+/)
          .map((c) => c.trim())
          .filter(Boolean),
        flows: design.flows.map((flow) => ({ flow, expect: expectationOf(flow.id) })),
        findings: (findings ?? [])
          .filter((f) => mustGo.has(findingKey(f)))
          .map((f) => ({ rule: f.rule, resource: f.resources[0], text: findingGoalText(f), docs: f.docs })),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [design, title, kind, summary, explanation, hints, concepts, expect, mustGo, findings, evaluations],
  );
  const alreadySolved = useMemo(
    () => lesson.goals.length > 0 && lessonComplete(gradeLesson(lesson, lesson.start)),
    [lesson],
  );

  /** The lesson file's text, or why it is not a lesson yet (shown in one line). */
  const lessonText = (): string | undefined => {
    setLink(undefined);
    const missing = !lesson.title
      ? 'Give the lesson a title.'
      : lesson.goals.length === 0
        ? 'Mark at least one flow, or tick a finding that must go: a lesson needs a goal.'
        : !lesson.explanation
          ? 'Write the explanation the student reads on success.'
          : undefined;
    if (missing) {
      setMessage({ text: missing, tone: 'error' });
      return undefined;
    }
    const text = serializeLesson(lesson);
    const check = parseLesson(text);
    if (!check.ok) {
      setMessage({ text: `This lesson cannot be saved yet: ${check.error}`, tone: 'error' });
      return undefined;
    }
    return text;
  };

  return (
    <DialogFrame
      labelledBy={titleId}
      onClose={onClose}
      closeOnOutsideClick={false}
      className="flex max-h-[92vh] w-[46rem] flex-col"
    >
      <div className="flex items-center border-b border-gray-200 px-4 py-3">
        <h2 id={titleId} className="text-base font-semibold">
          Make a lesson from this design
        </h2>
        <button type="button" className="dialog-button ml-auto" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="flex min-h-0 flex-col gap-3 overflow-auto px-4 py-3 text-sm">
        <p className="text-xs text-gray-600">
          “{design.name}” as it is now becomes the student’s starting design. Its saved flows and findings become the
          goals the student must reach.
        </p>
        <div className="grid grid-cols-[1fr_auto] gap-3">
          <label className={LABEL}>
            Title
            <input className={FIELD} value={title} onChange={(e) => setTitle(e.target.value)} data-autofocus />
          </label>
          <fieldset className="text-xs">
            <legend className="font-semibold text-gray-700">Kind</legend>
            <div className="flex gap-3 pt-1.5">
              {(['lesson', 'challenge'] as const).map((k) => (
                <label key={k} className="flex items-center gap-1">
                  <input type="radio" name="lesson-kind" checked={kind === k} onChange={() => setKind(k)} />
                  {k === 'lesson' ? 'Lesson' : 'Challenge'}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <label className={LABEL}>
          Summary (one line for the list)
          <input className={FIELD} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </label>

        <fieldset>
          <legend className={LABEL}>Saved flows</legend>
          {design.flows.length === 0 ? (
            <p className="text-xs text-gray-500">This design has no saved flows (add some in the Traffic tab).</p>
          ) : (
            <table className="mt-1 w-full text-xs">
              <thead>
                <tr className="text-left text-gray-500">
                  <th className="py-1 font-medium">Flow</th>
                  <th className="font-medium">Now</th>
                  <th className="font-medium">The student must make it</th>
                </tr>
              </thead>
              <tbody>
                {design.flows.map((flow) => (
                  <tr key={flow.id} className="border-t border-gray-100">
                    <td className="py-1 pr-2">{flowLabel(flow)}</td>
                    <td className="pr-2 text-gray-600">
                      {isReachable(evaluations.get(flow.id)) ? 'gets through' : 'is blocked'}
                    </td>
                    <td>
                      <select
                        aria-label={`Goal for ${flowLabel(flow)}`}
                        className="rounded border border-gray-400 px-1 py-0.5"
                        value={expectationOf(flow.id)}
                        onChange={(e) => setExpect({ ...expect, [flow.id]: e.target.value as FlowExpectation })}
                      >
                        <option value="reach">must reach</option>
                        <option value="block">must not reach</option>
                        <option value="ignore">ignore</option>
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </fieldset>

        <fieldset>
          <legend className={LABEL}>Findings that must go</legend>
          {findings === undefined ? (
            <p className="text-xs text-gray-500">Checking the design…</p>
          ) : findings.length === 0 ? (
            <p className="text-xs text-gray-500">The design has no findings.</p>
          ) : (
            <ul className="mt-1 flex max-h-40 flex-col gap-1 overflow-auto">
              {findings.map((f) => {
                const key = findingKey(f);
                return (
                  <li key={key}>
                    <label className="flex items-start gap-2 text-xs">
                      <input
                        type="checkbox"
                        className="mt-0.5"
                        checked={mustGo.has(key)}
                        onChange={(e) => {
                          const next = new Set(mustGo);
                          if (e.target.checked) next.add(key);
                          else next.delete(key);
                          setMustGo(next);
                        }}
                      />
                      <span>{f.message}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>

        <fieldset>
          <legend className={LABEL}>Hints, in the order they are shown</legend>
          <ol className="mt-1 flex flex-col gap-1">
            {hints.map((hint, i) => (
              <li key={i} className="flex items-center gap-2">
                <input
                  className={FIELD}
                  aria-label={`Hint ${i + 1}`}
                  value={hint}
                  onChange={(e) => setHints(hints.map((h, j) => (j === i ? e.target.value : h)))}
                />
                <button
                  type="button"
                  className="dialog-button"
                  aria-label={`Remove hint ${i + 1}`}
                  onClick={() => setHints(hints.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="dialog-button mt-1" onClick={() => setHints([...hints, ''])}>
            Add a hint
          </button>
        </fieldset>

        <label className={LABEL}>
          Explanation shown on success
          <textarea className={`${FIELD} h-20`} value={explanation} onChange={(e) => setExplanation(e.target.value)} />
        </label>
        <label className={LABEL}>
          Concepts (glossary ids, separated by commas)
          <input className={FIELD} value={concepts} onChange={(e) => setConcepts(e.target.value)} />
        </label>

        <p role="status" aria-label="Lesson goals" className="text-xs text-gray-700">
          {lesson.goals.length} goal{lesson.goals.length === 1 ? '' : 's'}.
          {alreadySolved && (
            <span className="text-amber-800">
              {' '}
              The starting design already meets every goal: a student would have nothing to do.
            </span>
          )}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 border-t border-gray-200 px-4 py-3">
        <button
          type="button"
          className="dialog-button dialog-button-primary"
          onClick={() => {
            const text = lessonText();
            if (!text) return;
            downloadText(`${lesson.id}.lesson.json`, text);
            setMessage({ text: 'Lesson file downloaded.', tone: 'info' });
          }}
        >
          Export lesson file
        </button>
        <button
          type="button"
          className="dialog-button"
          onClick={() => {
            const text = lessonText();
            if (!text) return;
            const read = importLessonText(text);
            setMessage(
              read.ok
                ? { text: `“${lesson.title}” is in Lessons now.`, tone: 'info' }
                : { text: read.error, tone: 'error' },
            );
          }}
        >
          Add to my lessons
        </button>
        <button
          type="button"
          className="dialog-button"
          onClick={() => {
            const text = lessonText();
            if (!text) return;
            void lessonFragmentFor(text).then(async (fragment) => {
              const url = location.href.replace(/#.*$/, '') + fragment;
              if (url.length > MAX_LINK_CHARS) {
                setMessage({ text: 'This lesson is too large for a link; export its file instead.', tone: 'error' });
                return;
              }
              setLink(url);
              try {
                await navigator.clipboard.writeText(url);
                setMessage({ text: 'Lesson link copied.', tone: 'info' });
              } catch {
                setMessage({ text: 'Copy the lesson link below.', tone: 'info' });
              }
            });
          }}
        >
          Copy lesson link
        </button>
        {message && (
          <p
            role={message.tone === 'error' ? 'alert' : 'status'}
            aria-label="Authoring message"
            className={`w-full text-sm ${message.tone === 'error' ? 'text-red-800' : 'text-gray-700'}`}
          >
            {message.text}
          </p>
        )}
        {link && (
          <input
            readOnly
            aria-label="Lesson link"
            className={`${FIELD} text-xs`}
            value={link}
            onFocus={(e) => e.target.select()}
          />
        )}
      </div>
    </DialogFrame>
  );
}
