/**
 * Benchmark: grading a lesson after an edit (issue 9: ≤ 16 ms, one frame). For every built-in lesson, its starting
 * design and its reference solution are graded from a freshly edited design each run (a new resources object, as
 * the store makes, so the engine's per-design indexes are rebuilt, as they are after a student's edit).
 * Prints JSON lines:
 *   {"name":"grade-lesson","lesson":<id>,"design":"start"|"solution","goals":…,"median_ms":…,"max_ms":…}
 *   {"name":"grade-lessons-worst","n":<designs>,"median_ms":<worst median>,"budget_ms":16,"ok":…}
 *
 * Run: npm run bench -- grade   (or npx tsx bench/grade.bench.ts)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOLUTIONS } from '../src/engine/lessons/catalog/solutions/index.ts';
import { gradeLesson } from '../src/engine/lessons/grade.ts';
import { parseLesson } from '../src/engine/lessons/parse.ts';
import type { Design } from '../src/engine/model/types.ts';

const CATALOG = join(import.meta.dirname, '../src/engine/lessons/catalog');
const RUNS = 21;

const round = (ms: number) => Math.round(ms * 1000) / 1000;
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

let worst = 0;
let designs = 0;
for (const file of readdirSync(CATALOG)
  .filter((f) => f.endsWith('.lesson.json'))
  .sort()) {
  const read = parseLesson(readFileSync(join(CATALOG, file), 'utf8'));
  if (!read.ok) throw new Error(`${file}: ${read.error}`);
  const lesson = read.lesson;
  const solve = SOLUTIONS[file.replace(/\.lesson\.json$/, '')];
  if (!solve) throw new Error(`${file}: no reference solution`);
  for (const [label, design] of [
    ['start', lesson.start],
    ['solution', solve(lesson.start)],
  ] as [string, Design][]) {
    const edited = () => ({ ...design, resources: { ...design.resources } });
    for (let i = 0; i < 3; i++) gradeLesson(lesson, edited()); // warm up the code, not the design's caches
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const next = edited();
      const start = performance.now();
      gradeLesson(lesson, next);
      times.push(performance.now() - start);
    }
    const m = median(times);
    worst = Math.max(worst, m);
    designs++;
    console.log(
      JSON.stringify({
        name: 'grade-lesson',
        lesson: lesson.id,
        design: label,
        goals: lesson.goals.length,
        median_ms: round(m),
        max_ms: round(Math.max(...times)),
      }),
    );
  }
}
console.log(
  JSON.stringify({ name: 'grade-lessons-worst', n: designs, median_ms: round(worst), budget_ms: 16, ok: worst <= 16 }),
);
