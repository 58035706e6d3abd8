/**
 * Every built-in lesson: its file parses, its starting design does not meet all its goals and its reference
 * solution meets every one (so no lesson ships unsolvable or already solved), every hint names something in the
 * starting design, its concepts are glossary ids, and the catalogue's list matches the files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeLesson, lessonComplete } from '../grade.ts';
import { parseLesson, serializeLesson } from '../parse.ts';
import type { Lesson } from '../types.ts';
import { LESSON_CATALOG, loadLesson } from './index.ts';
import { SOLUTIONS } from './solutions/index.ts';
import { STARTS } from '../../../../scripts/lessons/starts.ts';
import { readDesign } from '../../io/designFile.ts';
import { isGlossaryId } from '../../glossary/glossary.ts';

const DIR = __dirname;
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.lesson.json'))
  .sort();

function read(file: string): Lesson {
  const result = parseLesson(readFileSync(join(DIR, file), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return result.lesson;
}

describe('the catalogue', () => {
  it('lists every lesson file once, with the file’s own id, title, kind, summary and concepts', async () => {
    expect(LESSON_CATALOG.map((e) => e.id).sort()).toEqual(FILES.map((f) => read(f).id).sort());
    for (const entry of LESSON_CATALOG) {
      const lesson = await loadLesson(entry.id);
      expect(entry).toEqual({
        id: lesson.id,
        title: lesson.title,
        kind: lesson.kind,
        summary: lesson.summary,
        concepts: lesson.concepts,
      });
    }
  });

  it('refuses an id it does not have', async () => {
    await expect(loadLesson('nope')).rejects.toThrow('There is no built-in lesson "nope".');
  });
});

describe.each(FILES)('%s', (file) => {
  const lesson = read(file);
  const name = file.replace(/\.lesson\.json$/, '');

  it('parses, and serializes back to the same lesson', () => {
    const again = parseLesson(serializeLesson(lesson));
    expect(again.ok && again.lesson).toEqual(lesson);
  });

  it('starts from the design scripts/lessons/starts.ts builds (run scripts/build-lessons.ts after changing it)', () => {
    const build = STARTS[name];
    expect(build, `a starting design for ${name}`).toBeDefined();
    const built = readDesign(JSON.parse(JSON.stringify(build!())));
    expect(built.ok && built.value).toEqual(lesson.start);
  });

  it('does not start solved', () => {
    const results = gradeLesson(lesson, lesson.start);
    expect(lessonComplete(results)).toBe(false);
  });

  it('is solved by its reference solution', () => {
    const solve = SOLUTIONS[name];
    expect(solve, `a reference solution for ${name}`).toBeDefined();
    const results = gradeLesson(lesson, solve!(lesson.start));
    expect(results.filter((r) => !r.passed).map((r) => `${r.goal.id}: ${r.reason}`)).toEqual([]);
  });

  it('explains every result by resource names, never by internal ids', () => {
    for (const design of [lesson.start, SOLUTIONS[name]!(lesson.start)]) {
      const ids = Object.values(design.resources)
        .filter((r) => r.name !== r.id)
        .map((r) => r.id);
      for (const result of gradeLesson(lesson, design)) {
        expect(result.reason.length, result.goal.id).toBeGreaterThan(0);
        for (const id of ids)
          expect(result.reason.split(/[\s"(),:;.]+/), `${result.goal.id}: ${result.reason}`).not.toContain(id);
      }
    }
  });

  it('has hints that each name something in the starting design', () => {
    const names = Object.values(lesson.start.resources).map((r) => r.name.toLowerCase());
    expect(lesson.hints.length).toBeGreaterThan(0);
    for (const hint of lesson.hints) {
      const lower = hint.toLowerCase();
      expect(
        names.some((n) => lower.includes(n)),
        hint,
      ).toBe(true);
    }
  });

  it('teaches glossary concepts and cites AWS pages', () => {
    expect(lesson.concepts.length).toBeGreaterThan(0);
    for (const c of lesson.concepts) expect(isGlossaryId(c), c).toBe(true);
    expect(lesson.references.length).toBeGreaterThan(0);
    for (const r of lesson.references) expect(r.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('gives every goal of a challenge a hidden fault', () => {
    if (lesson.kind !== 'challenge') return;
    for (const g of lesson.goals) expect(g.fault, g.id).toBeTruthy();
  });

  it('has a starting design with no resource named by an id', () => {
    for (const r of Object.values(lesson.start.resources)) expect(r.name, r.id).not.toBe(r.id);
  });
});
