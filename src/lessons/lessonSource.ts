/**
 * The lessons a student can take — the built-in catalogue and those imported here — and opening one: its working
 * design is a library entry of its own (origin `lesson`), created from the lesson's start the first time and
 * returned to afterwards; the student's own designs are never touched. Loaded with the Lessons dialog.
 */
import { LESSON_CATALOG, loadLesson } from '../engine/lessons/catalog/index.ts';
import { parseLesson } from '../engine/lessons/parse.ts';
import type { Lesson } from '../engine/lessons/types.ts';
import { currentEntryId, hasLibrary, openAsNewEntry, openDesign, refreshEntries } from '../library/session.ts';
import { keepImported, updateProgress, useLessonStore } from './progress.ts';

export interface LessonListing {
  id: string;
  title: string;
  kind: Lesson['kind'];
  summary: string;
  concepts: string[];
  imported: boolean;
}

const parsed = new Map<string, { text: string; lesson: Lesson | undefined }>();

/** An imported lesson's file, parsed once per text (undefined when it no longer parses). */
function importedLesson(id: string): Lesson | undefined {
  const text = useLessonStore.getState().imported[id];
  if (text === undefined) return undefined;
  const known = parsed.get(id);
  if (known?.text === text) return known.lesson;
  const read = parseLesson(text);
  const lesson = read.ok ? read.lesson : undefined;
  parsed.set(id, { text, lesson });
  return lesson;
}

/** Every lesson: the catalogue's (lessons, then challenges, in their order), then the imported ones. */
export function listLessons(imported: Record<string, string>): LessonListing[] {
  const builtIn = LESSON_CATALOG.map((l) => ({ ...l, imported: false }));
  const own = Object.keys(imported).flatMap((id) => {
    const lesson = importedLesson(id);
    if (!lesson) return [];
    const { title, kind, summary, concepts } = lesson;
    return [{ id, title, kind, summary, concepts, imported: true }];
  });
  const all = [...builtIn, ...own];
  return [...all.filter((l) => l.kind === 'lesson'), ...all.filter((l) => l.kind === 'challenge')];
}

/** A lesson by id, imported or built in; or why it cannot be loaded, in one line. */
export async function lessonById(id: string): Promise<{ ok: true; lesson: Lesson } | { ok: false; error: string }> {
  const own = importedLesson(id);
  if (own) return { ok: true, lesson: own };
  if (!LESSON_CATALOG.some((l) => l.id === id))
    return { ok: false, error: `There is no lesson “${id}” here any more.` };
  try {
    return { ok: true, lesson: await loadLesson(id) };
  } catch {
    return { ok: false, error: 'This lesson could not be loaded (is the app offline?). Try again in a moment.' };
  }
}

/**
 * Reads a lesson file and keeps it among the imported lessons. A file that is not a lesson, or whose id is a
 * built-in lesson's, changes nothing and returns its one-line reason.
 */
export function importLessonText(text: string): { ok: true; lesson: Lesson } | { ok: false; error: string } {
  const read = parseLesson(text);
  if (!read.ok) return { ok: false, error: `This is not a lesson file this app can open: ${lowerFirst(read.error)}` };
  if (LESSON_CATALOG.some((l) => l.id === read.lesson.id))
    return { ok: false, error: `A built-in lesson already has the id “${read.lesson.id}”; give this one another id.` };
  keepImported(read.lesson.id, text);
  return read;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The working design's name in the library. */
export function workingName(lesson: Pick<Lesson, 'title' | 'kind'>): string {
  return `${lesson.title} (${lesson.kind})`;
}

/**
 * Opens a lesson: back to its working design when it has one in the library, else (or with `fresh`) a new entry
 * from the lesson's start. Returns false when the library could not open it.
 */
export async function openLesson(lesson: Lesson, fresh = false): Promise<boolean> {
  const known = useLessonStore.getState().progress[lesson.id];
  if (known?.entryId && !fresh && hasLibrary()) {
    const entries = await refreshEntries();
    const entry = entries.find((e) => e.id === known.entryId && e.trashedAt === undefined && !e.damaged);
    if (entry) {
      await openDesign(entry.id);
      return currentEntryId() === entry.id;
    }
  }
  const opened = await openAsNewEntry({ ...lesson.start, name: workingName(lesson) }, 'lesson', `Open lesson`);
  if (!opened) return false;
  const entryId = currentEntryId();
  useLessonStore.setState({ unsavedLesson: entryId ? undefined : lesson.id });
  updateProgress(lesson.id, {
    entryId,
    status: known?.status ?? 'in progress',
    ...(fresh ? { hintsShown: 0, revealed: [] } : {}),
  });
  return true;
}
