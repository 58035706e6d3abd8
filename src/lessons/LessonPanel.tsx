/**
 * The lesson beside the canvas while its working design is open: the goals, graded by the engine after every edit
 * (✓ or ✗ with the reason), hints in order (the first offered after an edit that brings no goal closer), the
 * explanation once every goal is met (the lesson is then marked complete), and — in a challenge — each goal's
 * hidden fault, shown once the goal is met or the student asks.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { gradeLesson, lessonComplete } from '../engine/lessons/grade.ts';
import type { GoalResult, Lesson } from '../engine/lessons/types.ts';
import type { Design } from '../engine/index.ts';
import { Loading } from '../panels/lazy.tsx';
import { useDesignStore } from '../store/designStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { isWrongAttempt, passedCount } from './attempt.ts';
import { ConceptChips } from './ConceptChips.tsx';
import { lessonById, openLesson } from './lessonSource.ts';
import { updateProgress, useLessonStore, type LessonProgress } from './progress.ts';

const PANEL = 'flex w-72 shrink-0 flex-col overflow-y-auto border-l border-gray-200 bg-white text-sm';

export function LessonPanel({ lessonId }: { lessonId: string }) {
  const [read, setRead] = useState<{ lesson?: Lesson; error?: string }>({});
  const [collapsed, setCollapsed] = useState(false);
  useEffect(() => {
    let live = true;
    void lessonById(lessonId).then((r) => live && setRead(r.ok ? { lesson: r.lesson } : { error: r.error }));
    return () => {
      live = false;
    };
  }, [lessonId]);
  if (collapsed)
    return (
      <aside
        aria-label="Lesson"
        className="flex w-8 shrink-0 flex-col items-center border-l border-gray-200 bg-gray-50"
      >
        <button
          type="button"
          className="lesson-strip-button"
          aria-expanded="false"
          aria-label="Show the lesson"
          title="Show the lesson"
          onClick={() => setCollapsed(false)}
        >
          Lesson
        </button>
      </aside>
    );
  return (
    <aside aria-label="Lesson" className={PANEL}>
      {read.lesson ? (
        <LessonBody lesson={read.lesson} onCollapse={() => setCollapsed(true)} />
      ) : read.error ? (
        <p role="alert" className="px-3 py-2 text-red-800">
          {read.error}
        </p>
      ) : (
        <Loading what="the lesson" />
      )}
    </aside>
  );
}

const NO_PROGRESS: LessonProgress = { status: 'in progress', hintsShown: 0, revealed: [] };

/**
 * The open design graded, once per design (the panel and the attempt watcher share it). Grading runs in the
 * render after the edit, not in the keystroke's handler; it takes a few milliseconds on the lesson designs.
 */
function useGrades(lesson: Lesson): (design: Design) => GoalResult[] {
  return useMemo(() => {
    const cache = new WeakMap<Design, GoalResult[]>();
    return (design: Design) => {
      let results = cache.get(design);
      if (!results) cache.set(design, (results = gradeLesson(lesson, design)));
      return results;
    };
  }, [lesson]);
}

/** A ref whose element is scrolled into view (within the panel) when it appears and whenever `key` changes. */
function useScrolledIntoView<E extends HTMLElement>(key: unknown) {
  const ref = useRef<E>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [key]);
  return ref;
}

function LessonBody({ lesson, onCollapse }: { lesson: Lesson; onCollapse: () => void }) {
  const grade = useGrades(lesson);
  const design = useDesignStore((s) => s.design);
  const results = grade(design);
  const complete = lessonComplete(results);
  const progress = useLessonStore((s) => s.progress[lesson.id]) ?? NO_PROGRESS;
  const [offered, setOffered] = useState(false);

  // The panel takes room from the canvas: frame the design again in what is left.
  // (Two frames on: the canvas learns its new width from a resize observer after the layout.)
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => useUiStore.getState().requestFitView());
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  useEffect(() => {
    if (complete && progress.status !== 'complete') updateProgress(lesson.id, { status: 'complete' });
  }, [complete, progress.status, lesson.id]);

  // An attempt is an edit (not an undo, a redo or a reload): one that meets no more goals than before offers a hint.
  useEffect(
    () =>
      useDesignStore.subscribe((state, prev) => {
        if (state.design === prev.design || state.past.at(-1)?.design !== prev.design) return;
        if (!isWrongAttempt(grade(prev.design), grade(state.design))) return;
        const shown = useLessonStore.getState().progress[lesson.id]?.hintsShown ?? 0;
        if (shown === 0 && lesson.hints.length > 0) {
          updateProgress(lesson.id, { hintsShown: 1 });
          setOffered(true);
        }
      }),
    [grade, lesson],
  );

  const met = passedCount(results);
  return (
    <>
      <header className="flex items-start gap-2 border-b border-gray-200 px-3 py-2">
        <div className="min-w-0 flex-1">
          <p className="text-[11px] font-semibold tracking-wide text-gray-500 uppercase">
            {lesson.kind === 'challenge' ? 'Challenge' : 'Lesson'}
          </p>
          <h2 className="text-[15px] leading-snug font-semibold">{lesson.title}</h2>
        </div>
        <button
          type="button"
          className="lesson-icon-button"
          aria-expanded="true"
          aria-label="Hide the lesson"
          title="Hide the lesson"
          onClick={onCollapse}
        >
          ›
        </button>
      </header>
      <div className="flex flex-col gap-3 px-3 py-2">
        <p className="text-xs text-gray-700">{lesson.summary}</p>
        <ConceptChips concepts={lesson.concepts} />
        <section aria-labelledby="lesson-goals">
          <div className="flex items-baseline gap-2">
            <h3 id="lesson-goals" className="text-xs font-semibold tracking-wide text-gray-500 uppercase">
              Goals
            </h3>
            <p role="status" aria-label="Goals met" className="ml-auto text-xs text-gray-600">
              {met} of {results.length} met
            </p>
          </div>
          <ol aria-label="Goals" className="mt-1 flex flex-col gap-1.5">
            {results.map((r) => (
              <GoalItem key={r.goal.id} result={r} lesson={lesson} revealed={progress.revealed.includes(r.goal.id)} />
            ))}
          </ol>
        </section>
        {complete ? (
          <Success lesson={lesson} />
        ) : (
          <Hints lesson={lesson} shown={progress.hintsShown} offered={offered} />
        )}
        <div className="border-t border-gray-100 pt-2">
          <button
            type="button"
            className="text-xs text-gray-600 underline hover:text-gray-900"
            title="Open a fresh copy of the lesson's starting design (this one stays in Designs)"
            onClick={() => void openLesson(lesson, true)}
          >
            Start over
          </button>
        </div>
      </div>
    </>
  );
}

function GoalItem({ result, lesson, revealed }: { result: GoalResult; lesson: Lesson; revealed: boolean }) {
  const { goal, passed, reason } = result;
  const fault = goal.fault;
  return (
    <li className={`rounded border px-2 py-1.5 ${passed ? 'border-green-200 bg-green-50' : 'border-gray-200'}`}>
      <div className="flex gap-1.5">
        <span aria-hidden="true" className={`font-bold ${passed ? 'text-green-700' : 'text-red-700'}`}>
          {passed ? '✓' : '✗'}
        </span>
        <div className="min-w-0 flex-1">
          <p className="leading-snug">
            <span className="sr-only">{passed ? 'Met: ' : 'Not met: '}</span>
            {goal.text}
          </p>
          {/* In a challenge, why a goal fails points at its fault: both stay hidden until found or revealed. */}
          {(!fault || passed || revealed) && <p className="text-xs leading-snug text-gray-600">{reason}</p>}
          {fault &&
            (passed || revealed ? (
              <p className="mt-1 text-xs leading-snug text-amber-900">
                <span className="font-semibold">The fault: </span>
                {fault}
              </p>
            ) : (
              <button
                type="button"
                className="mt-1 text-xs text-sky-800 underline"
                aria-label={`Reveal the fault behind: ${goal.text}`}
                onClick={() =>
                  updateProgress(lesson.id, {
                    revealed: [...(useLessonStore.getState().progress[lesson.id]?.revealed ?? []), goal.id],
                  })
                }
              >
                Reveal
              </button>
            ))}
        </div>
      </div>
    </li>
  );
}

function Hints({ lesson, shown, offered }: { lesson: Lesson; shown: number; offered: boolean }) {
  const hints = lesson.hints.slice(0, shown);
  const last = useScrolledIntoView<HTMLLIElement>(shown);
  const more = shown < lesson.hints.length;
  return (
    <section aria-labelledby="lesson-hints">
      <h3 id="lesson-hints" className="text-xs font-semibold tracking-wide text-gray-500 uppercase">
        Hints
      </h3>
      {offered && shown > 0 && (
        <p role="status" className="mt-1 text-xs text-amber-900">
          Not there yet — here is a hint.
        </p>
      )}
      {hints.length > 0 && (
        <ol aria-label="Hints" className="mt-1 flex list-decimal flex-col gap-1 pl-5 text-[13px] leading-snug">
          {hints.map((hint, i) => (
            <li key={i} ref={i === shown - 1 ? last : undefined}>
              {hint}
            </li>
          ))}
        </ol>
      )}
      {more ? (
        <button
          type="button"
          className="dialog-button mt-2"
          onClick={() => updateProgress(lesson.id, { hintsShown: shown + 1 })}
        >
          {shown === 0 ? 'Show hint' : 'Show next hint'}
        </button>
      ) : (
        lesson.hints.length > 0 && <p className="mt-1 text-xs text-gray-500">No more hints.</p>
      )}
    </section>
  );
}

function Success({ lesson }: { lesson: Lesson }) {
  const box = useScrolledIntoView<HTMLElement>(lesson.id);
  return (
    <section ref={box} aria-label="Lesson complete" className="rounded border border-green-300 bg-green-50 px-3 py-2">
      <h3 className="font-semibold text-green-900">
        ✓ {lesson.kind === 'challenge' ? 'Challenge' : 'Lesson'} complete
      </h3>
      {lesson.explanation.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i} className="mt-1.5 text-[13px] leading-snug text-gray-800">
          {paragraph}
        </p>
      ))}
      {lesson.references.length > 0 && (
        <ul aria-label="AWS documentation" className="mt-2 flex flex-col gap-0.5 text-xs">
          {lesson.references.map((r) => (
            <li key={r.url}>
              <a href={r.url} target="_blank" rel="noreferrer" className="text-sky-800 underline">
                {r.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
