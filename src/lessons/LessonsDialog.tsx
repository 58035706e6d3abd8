/**
 * Lessons: the built-in lessons, then the challenges, then those imported here, each with the student's progress
 * (not started, in progress, complete). Start or continue one (its working design opens as a library entry of its
 * own); import a lesson file; make a lesson from the open design. A lesson link (`#lesson=…`) is offered on top.
 */
import { useEffect, useRef, useState } from 'react';
import { parseLesson } from '../engine/lessons/parse.ts';
import type { Lesson } from '../engine/lessons/types.ts';
import { Modal } from '../library/Modal.tsx';
import { isLessonFragment, readLessonFragment } from '../share/shareLink.ts';
import { openAuthoring } from './LessonsHost.tsx';
import { importLessonText, lessonById, listLessons, openLesson, type LessonListing } from './lessonSource.ts';
import { forgetImported, statusOf, useLessonStore, type LessonStatus } from './progress.ts';

const STATUS_STYLE: Record<LessonStatus, string> = {
  'not started': 'bg-gray-100 text-gray-700',
  'in progress': 'bg-amber-100 text-amber-900',
  complete: 'bg-green-100 text-green-900',
};

export function StatusBadge({ status }: { status: LessonStatus }) {
  return (
    <span className={`shrink-0 rounded px-1.5 py-px text-[11px] font-semibold ${STATUS_STYLE[status]}`}>
      {status === 'complete' ? '✓ Complete' : status === 'in progress' ? 'In progress' : 'Not started'}
    </span>
  );
}

function LessonRow({ lesson, onOpen }: { lesson: LessonListing; onOpen: (id: string) => void }) {
  const status = useLessonStore((s) => statusOf(s.progress[lesson.id]));
  const action = status === 'not started' ? 'Start' : status === 'in progress' ? 'Continue' : 'Open';
  return (
    <li aria-label={lesson.title} className="flex items-start gap-3 py-2">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2 text-sm font-medium">
          {lesson.title}
          <span className="sr-only">:</span>
          <StatusBadge status={status} />
          {lesson.imported && <span className="text-[11px] text-gray-500">Imported</span>}
        </div>
        <p className="text-xs text-gray-600">{lesson.summary}</p>
      </div>
      <button type="button" className="dialog-button shrink-0" onClick={() => onOpen(lesson.id)}>
        {action}
      </button>
      {lesson.imported && (
        <button type="button" className="dialog-button shrink-0" onClick={() => forgetImported(lesson.id)}>
          Remove
        </button>
      )}
    </li>
  );
}

/** The lesson a link in the address carries (read once), or why it cannot be opened. */
function useOfferedLesson(): { lesson?: Lesson; error?: string; text?: string } {
  const [offer, setOffer] = useState<{ lesson?: Lesson; error?: string; text?: string }>({});
  useEffect(() => {
    if (!isLessonFragment(location.hash)) return;
    let live = true;
    void readLessonFragment(location.hash).then((read) => {
      if (!live) return;
      // The link has been read: a reload must not offer it again.
      history.replaceState(history.state, '', location.pathname + location.search);
      if (!read.ok) return setOffer({ error: read.reason });
      const parsed = parseLesson(read.text);
      setOffer(
        parsed.ok
          ? { lesson: parsed.lesson, text: read.text }
          : { error: `This lesson link does not hold a usable lesson: ${parsed.error}` },
      );
    });
    return () => {
      live = false;
    };
  }, []);
  return offer;
}

export function LessonsDialog({ onClose }: { onClose: () => void }) {
  const imported = useLessonStore((s) => s.imported);
  const lessons = listLessons(imported);
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'info' }>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const offer = useOfferedLesson();

  const open = async (load: () => Promise<{ ok: true; lesson: Lesson } | { ok: false; error: string }>) => {
    setBusy(true);
    const read = await load();
    if (!read.ok) {
      setBusy(false);
      setMessage({ text: read.error, tone: 'error' });
      return;
    }
    onClose();
    await openLesson(read.lesson);
  };

  const importFile = async (file: File) => {
    const read = importLessonText(await file.text());
    setMessage(
      read.ok
        ? { text: `“${read.lesson.title}” is in your lessons now.`, tone: 'info' }
        : { text: read.error, tone: 'error' },
    );
  };

  const section = (kind: Lesson['kind'], heading: string) => {
    const of = lessons.filter((l) => l.kind === kind);
    if (of.length === 0) return null;
    return (
      <section aria-label={heading} className="mt-3">
        <h3 className="text-xs font-semibold tracking-wide text-gray-500 uppercase">{heading}</h3>
        <ul aria-label={heading} className="divide-y divide-gray-100">
          {of.map((l) => (
            <LessonRow key={l.id} lesson={l} onOpen={(id) => void open(() => lessonById(id))} />
          ))}
        </ul>
      </section>
    );
  };

  return (
    <Modal title="Lessons" onClose={onClose} wide>
      <p className="text-xs text-gray-600">
        Learn by building: each lesson opens a design of its own (your designs stay as they are) and checks every change
        you make against its goals. Your progress is kept in this browser.
      </p>
      {offer.lesson && (
        <section
          aria-label="Lesson from a link"
          className="mt-3 rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm"
        >
          <p>
            A lesson was shared with you: <strong>{offer.lesson.title}</strong>
          </p>
          <p className="text-xs text-gray-600">{offer.lesson.summary}</p>
          <button
            type="button"
            className="dialog-button dialog-button-primary mt-2"
            disabled={busy}
            onClick={() =>
              void open(async () => {
                const read = importLessonText(offer.text!);
                // A built-in lesson's link opens the built-in lesson.
                return read.ok ? read : await lessonById(offer.lesson!.id);
              })
            }
          >
            Add to my lessons and start
          </button>
        </section>
      )}
      {offer.error && (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {offer.error}
        </p>
      )}
      {section('lesson', 'Lessons')}
      {section('challenge', 'Challenges')}
      <div className="mt-4 flex flex-wrap items-center gap-2 border-t border-gray-200 pt-3">
        <button type="button" className="dialog-button" onClick={() => fileInput.current?.click()}>
          Import lesson file…
        </button>
        <input
          ref={fileInput}
          type="file"
          aria-label="Lesson file to import"
          accept=".json,application/json"
          className="hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button
          type="button"
          className="dialog-button"
          onClick={() => {
            onClose();
            openAuthoring();
          }}
        >
          Make a lesson from this design…
        </button>
      </div>
      {message && (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          aria-label="Lessons message"
          className={`mt-2 text-sm ${message.tone === 'error' ? 'text-red-800' : 'text-gray-700'}`}
        >
          {message.text}
        </p>
      )}
    </Modal>
  );
}
