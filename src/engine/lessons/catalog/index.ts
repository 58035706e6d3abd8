/**
 * The built-in lessons: a small static list for the Lessons panel (no designs in it), and `loadLesson`, which
 * fetches one lesson's file only when it is opened (each JSON file is its own lazily loaded chunk).
 *
 * The list repeats each file's id, title, kind, summary and concepts so the panel can show them without loading
 * any lesson; catalog.test.ts checks that every entry matches its file.
 */
import { readLesson } from '../parse.ts';
import type { Lesson } from '../types.ts';

export interface CatalogEntry {
  id: string;
  title: string;
  kind: Lesson['kind'];
  summary: string;
  concepts: string[];
}

/** Each lesson's file, loaded on demand. */
const FILES: Record<string, () => Promise<{ default: unknown }>> = {
  'nat-gateway': () => import('./01-nat-gateway.lesson.json'),
};

export const LESSON_CATALOG: readonly CatalogEntry[] = [
  {
    id: 'nat-gateway',
    title: 'NAT gateway: outbound internet for a private subnet',
    kind: 'lesson',
    summary: 'Give the app server in a private subnet a way out to the internet, and see why nothing can come in.',
    concepts: ['nat-gateway', 'elastic-ip', 'public-subnet', 'private-subnet', 'route-table', 'internet-gateway'],
  },
];

/**
 * One built-in lesson, read and checked like any lesson file.
 *
 * @example const lesson = await loadLesson('nat-gateway'); // lesson.goals[0].text
 */
export async function loadLesson(id: string): Promise<Lesson> {
  const load = Object.hasOwn(FILES, id) ? FILES[id] : undefined;
  if (!load) throw new Error(`There is no built-in lesson "${id}".`);
  const read = readLesson((await load()).default);
  if (!read.ok) throw new Error(`The built-in lesson "${id}" cannot be read: ${read.error}`);
  return read.lesson;
}
