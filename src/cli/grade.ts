/**
 * `grade <lesson-file> <design-file|folder> [--json]`: grades each student's exported design against a lesson's
 * goals with the same engine the Lessons panel uses — one line per student file and goal, then a summary.
 * A folder is graded file by file (its `*.json` files, in name order; the lesson file itself is skipped).
 * Exit 0 when every design meets every goal, 1 when one does not (or cannot be read), 2 when the lesson, the path
 * or an option cannot be used (one line on stderr).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gradeLesson, lessonComplete } from '../engine/lessons/grade.ts';
import { parseLesson } from '../engine/lessons/parse.ts';
import type { GoalResult, Lesson } from '../engine/lessons/types.ts';
import { fail, loadInput, resolveInputPath } from './cli.ts';

const USAGE = 'grade <lesson-file> <design-file|folder> [--json]';

export interface GradedFile {
  file: string;
  passed: boolean;
  goals: { goal: string; passed: boolean; reason: string }[];
  /** Why the file could not be graded (then `goals` is empty). */
  error?: string;
}

export interface GradeReport {
  lesson: string;
  results: GradedFile[];
}

export async function gradeCommand(args: string[]): Promise<number> {
  const positional: string[] = [];
  let json = false;
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg.startsWith('--')) return fail(`unknown option ${arg.split('=')[0]} (usage: ${USAGE})`);
    else positional.push(arg);
  }
  if (positional.length !== 2) return fail(`give a lesson file and a design file or folder (usage: ${USAGE})`);
  const [lessonPath, target] = positional as [string, string];

  const lesson = await readLessonFile(lessonPath);
  if (!lesson.ok) return fail(lesson.error);
  const files = await designFiles(target, resolveInputPath(lessonPath));
  if (!files.ok) return fail(files.error);

  const results: GradedFile[] = [];
  for (const { path, label } of files.files) results.push(await gradeFile(lesson.lesson, path, label));
  const report: GradeReport = { lesson: lesson.lesson.id, results };
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatGrades(lesson.lesson, report));
  return results.every((r) => r.passed) ? 0 : 1;
}

async function readLessonFile(path: string): Promise<{ ok: true; lesson: Lesson } | { ok: false; error: string }> {
  let text: string;
  try {
    const full = resolveInputPath(path);
    if ((await stat(full)).isDirectory()) return { ok: false, error: `${path}: the lesson must be a file` };
    text = await readFile(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : 'it cannot be read'}` };
  }
  const parsed = parseLesson(text);
  return parsed.ok ? parsed : { ok: false, error: `${path}: ${parsed.error}` };
}

/** The design files to grade: the file given, or a folder's `*.json` files in name order. */
async function designFiles(
  target: string,
  lessonFull: string,
): Promise<{ ok: true; files: { path: string; label: string }[] } | { ok: false; error: string }> {
  const full = resolveInputPath(target);
  let isFolder: boolean;
  try {
    isFolder = (await stat(full)).isDirectory();
  } catch {
    return { ok: false, error: `cannot read ${target}: no such file or folder` };
  }
  if (!isFolder) return { ok: true, files: [{ path: target, label: target }] };
  const names = (await readdir(full, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json') && resolve(full, e.name) !== lessonFull)
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return { ok: false, error: `${target} holds no design files (*.json)` };
  return { ok: true, files: names.map((name) => ({ path: join(full, name), label: name })) };
}

async function gradeFile(lesson: Lesson, path: string, label: string): Promise<GradedFile> {
  const input = await loadInput(path);
  if (!input.ok) {
    // The loader names the file by the path it was given; the table names it by its label already.
    const error = input.error.startsWith(`${path}: `) ? input.error.slice(path.length + 2) : input.error;
    return { file: label, passed: false, goals: [], error };
  }
  const results: GoalResult[] = gradeLesson(lesson, input.design);
  return {
    file: label,
    passed: lessonComplete(results),
    goals: results.map((r) => ({ goal: r.goal.id, passed: r.passed, reason: r.reason })),
  };
}

/** The table: one line per file and goal (file, PASS/FAIL, goal id, reason), a line per file, then the class. */
export function formatGrades(lesson: Lesson, report: GradeReport): string {
  const fileWidth = Math.max(4, ...report.results.map((r) => r.file.length));
  const goalWidth = Math.max(4, ...lesson.goals.map((g) => g.id.length));
  const lines = [`${lesson.title} (${lesson.id}): ${lesson.goals.length} goals`, ''];
  for (const r of report.results) {
    const file = r.file.padEnd(fileWidth);
    if (r.error) {
      lines.push(`${file}  FAIL  ${'(file)'.padEnd(goalWidth)}  ${r.error}`);
      continue;
    }
    for (const g of r.goals)
      lines.push(`${file}  ${g.passed ? 'PASS' : 'FAIL'}  ${g.goal.padEnd(goalWidth)}  ${g.reason}`);
  }
  const passed = report.results.filter((r) => r.passed).length;
  lines.push(
    '',
    `${passed} of ${report.results.length} design${report.results.length === 1 ? '' : 's'} meet every goal.`,
  );
  for (const r of report.results) {
    const met = r.goals.filter((g) => g.passed).length;
    lines.push(
      `  ${r.file}: ${r.error ? 'not graded' : r.passed ? 'complete' : `${met} of ${lesson.goals.length} goals`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
