/**
 * Each student's progress through the lessons, kept in this browser (local storage) by lesson id so it survives a
 * reload: not started / in progress / complete, the library entry holding the lesson's working design, how many
 * hints are showing and which challenge faults were revealed. Also the lessons imported here (from a file or a
 * link), kept as their lesson file's text.
 *
 * Small and free of the lesson engine: the app reads it at start to know whether the open design is a lesson's.
 */
import { create } from 'zustand';

export const LESSON_PROGRESS_KEY = 'vpc-designer:lessons:progress';
export const IMPORTED_LESSONS_KEY = 'vpc-designer:lessons:imported';

export type LessonStatus = 'not started' | 'in progress' | 'complete';

export interface LessonProgress {
  status: Exclude<LessonStatus, 'not started'>;
  /** The library entry of the lesson's working design. */
  entryId?: string;
  /** Hints showing, from the first (0: none). */
  hintsShown: number;
  /** Challenge goals whose fault the student asked to see. */
  revealed: string[];
}

export interface LessonState {
  progress: Record<string, LessonProgress>;
  /** Imported lessons: id → lesson file text. */
  imported: Record<string, string>;
  /** Without a library (storage refused) a lesson's design lives in this tab only: which lesson it is. */
  unsavedLesson?: string;
}

function read<T>(key: string): Record<string, T> {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    const value: unknown = raw ? JSON.parse(raw) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, T>) : {};
  } catch {
    return {}; // unreadable or refused storage: nothing remembered
  }
}

function write(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Not kept across visits, still shown now.
  }
}

export const useLessonStore = create<LessonState>()(() => ({
  progress: read<LessonProgress>(LESSON_PROGRESS_KEY),
  imported: read<string>(IMPORTED_LESSONS_KEY),
}));

// Another tab's progress shows here too.
globalThis.addEventListener?.('storage', (event: StorageEvent) => {
  if (event.key === LESSON_PROGRESS_KEY) useLessonStore.setState({ progress: read(LESSON_PROGRESS_KEY) });
  if (event.key === IMPORTED_LESSONS_KEY) useLessonStore.setState({ imported: read(IMPORTED_LESSONS_KEY) });
});

export function statusOf(progress: LessonProgress | undefined): LessonStatus {
  return progress?.status ?? 'not started';
}

/** Changes one lesson's progress (creating it, in progress, when new) and keeps it. */
export function updateProgress(id: string, change: Partial<LessonProgress>): void {
  const all = useLessonStore.getState().progress;
  const now: LessonProgress = { status: 'in progress', hintsShown: 0, revealed: [], ...all[id], ...change };
  const progress = { ...all, [id]: now };
  write(LESSON_PROGRESS_KEY, progress);
  useLessonStore.setState({ progress });
}

/** Keeps an imported lesson's file text under its id (replacing an earlier import of the same id). */
export function keepImported(id: string, text: string): void {
  const imported = { ...useLessonStore.getState().imported, [id]: text };
  write(IMPORTED_LESSONS_KEY, imported);
  useLessonStore.setState({ imported });
}

export function forgetImported(id: string): void {
  const { [id]: _gone, ...imported } = useLessonStore.getState().imported;
  write(IMPORTED_LESSONS_KEY, imported);
  useLessonStore.setState({ imported });
}

/**
 * The lesson whose working design is open: the one whose library entry is `entryId`, or — with no entry open, the
 * browser keeping no library — the lesson opened in this tab.
 */
export function lessonOfEntry(state: LessonState, entryId: string | undefined): string | undefined {
  if (!entryId) return state.unsavedLesson;
  return Object.keys(state.progress).find((id) => state.progress[id]!.entryId === entryId);
}
