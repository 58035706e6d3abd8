/**
 * `grade` as a teacher runs it: a folder of solved and unsolved designs (written from lesson 1's starting design
 * and its reference solution), the table, the JSON, the exit codes, and the lesson files it refuses. One case
 * spawns the real CLI; the rest call the command in-process with stdout and stderr captured.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { serializeDesign } from '../engine/io/designFile.ts';
import { SOLUTIONS } from '../engine/lessons/catalog/solutions/index.ts';
import { parseLesson } from '../engine/lessons/parse.ts';
import type { Lesson } from '../engine/lessons/types.ts';
import { gradeCommand } from './grade.ts';

const ROOT = resolve(__dirname, '../..');
const LESSON_FILE = join(ROOT, 'src/engine/lessons/catalog/01-nat-gateway.lesson.json');
const LESSON_TEXT = readFileSync(LESSON_FILE, 'utf8');
const work = mkdtempSync(join(tmpdir(), 'vpc-grade-'));
const CLASS = join(work, 'class');
const SOLVED = join(work, 'solved');

let lesson: Lesson;

beforeAll(() => {
  const read = parseLesson(LESSON_TEXT);
  if (!read.ok) throw new Error(read.error);
  lesson = read.lesson;
  const solved = SOLUTIONS['01-nat-gateway']!(lesson.start);
  mkdirSync(CLASS);
  mkdirSync(SOLVED);
  writeFileSync(join(CLASS, 'alice.json'), serializeDesign(solved));
  writeFileSync(join(CLASS, 'bob.json'), serializeDesign(lesson.start));
  writeFileSync(join(CLASS, 'notes.txt'), 'not a design, not graded');
  writeFileSync(join(SOLVED, 'alice.json'), serializeDesign(solved));
  writeFileSync(join(SOLVED, 'dan.json'), serializeDesign({ ...solved, name: 'Dan' }));
});

afterEach(() => vi.restoreAllMocks());

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    return { code: await gradeCommand(args), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

/** Lesson 1's file with one change, written to the work folder. */
function brokenLesson(
  name: string,
  edit: (raw: Record<string, unknown> & { goals: Record<string, unknown>[] }) => void,
) {
  const raw = JSON.parse(LESSON_TEXT) as Record<string, unknown> & { goals: Record<string, unknown>[] };
  edit(raw);
  const path = join(work, `${name}.lesson.json`);
  writeFileSync(path, JSON.stringify(raw));
  return path;
}

describe('grade', () => {
  it('prints one line per student and goal, and exits 1 when a design misses a goal', async () => {
    const { code, stdout, stderr } = await run([LESSON_FILE, CLASS]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const rows = stdout.split('\n').filter((l) => /^(alice|bob)\.json /.test(l));
    expect(rows).toHaveLength(2 * lesson.goals.length);
    const row = (file: string, goal: string) => rows.find((l) => l.startsWith(file) && l.includes(` ${goal} `))!;
    for (const g of lesson.goals) expect(row('alice.json', g.id)).toMatch(/ PASS /);
    expect(row('bob.json', 'nat-public')).toMatch(/ FAIL .*"NAT gateway" is not in a public subnet/);
    expect(row('bob.json', 'app-out')).toMatch(/ FAIL .*"App server" → the internet/);
    expect(row('bob.json', 'nat-eip')).toMatch(/ PASS /);
    expect(stdout).toContain('1 of 2 designs meet every goal.');
    expect(stdout).not.toContain('notes.txt');
  });

  it('exits 0 when every design meets every goal', async () => {
    const { code, stdout } = await run([LESSON_FILE, SOLVED]);
    expect(code).toBe(0);
    expect(stdout).toContain('2 of 2 designs meet every goal.');
  });

  it('grades a single design file too', async () => {
    const { code, stdout } = await run([LESSON_FILE, join(CLASS, 'bob.json')]);
    expect(code).toBe(1);
    expect(stdout.split('\n').filter((l) => l.includes(' FAIL '))).toHaveLength(3);
  });

  it('gives the JSON shape {lesson, results: [{file, passed, goals: [{goal, passed, reason}]}]}', async () => {
    const { code, stdout } = await run([LESSON_FILE, CLASS, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      lesson: string;
      results: { file: string; passed: boolean; goals: { goal: string; passed: boolean; reason: string }[] }[];
    };
    expect(report.lesson).toBe('nat-gateway');
    expect(report.results.map((r) => [r.file, r.passed])).toEqual([
      ['alice.json', true],
      ['bob.json', false],
    ]);
    expect(report.results[1]!.goals.map((g) => [g.goal, g.passed])).toEqual([
      ['nat-public', false],
      ['nat-eip', true],
      ['private-route', false],
      ['app-out', false],
      ['no-way-in', true],
    ]);
    for (const g of report.results[1]!.goals) expect(Object.keys(g)).toEqual(['goal', 'passed', 'reason']);
  });

  it('fails a student file it cannot read, and still grades the others', async () => {
    const folder = join(work, 'with-bad');
    mkdirSync(folder);
    writeFileSync(join(folder, 'alice.json'), readFileSync(join(SOLVED, 'alice.json')));
    writeFileSync(join(folder, 'eve.json'), '{"format": "something else"}');
    const { code, stdout } = await run([LESSON_FILE, folder, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { results: { file: string; passed: boolean; error?: string }[] };
    expect(report.results.map((r) => [r.file, r.passed])).toEqual([
      ['alice.json', true],
      ['eve.json', false],
    ]);
    expect(report.results[1]!.error).toBeTruthy();
  });

  it('refuses, with one line and exit 2, a lesson with an unknown field, a missing resource or a newer version', async () => {
    const cases: [string, (raw: Record<string, unknown> & { goals: Record<string, unknown>[] }) => void, string][] = [
      ['unknown', (raw) => (raw.difficulty = 'hard'), 'The lesson has an unknown field "difficulty" in the lesson.'],
      [
        'missing',
        (raw) => ((raw.goals[3]!.flow as Record<string, unknown>).from = 'i-nobody'),
        'Goal "app-out" names "i-nobody", which is not in the starting design.',
      ],
      [
        'newer',
        (raw) => (raw.formatVersion = 7),
        'The lesson was made by a newer VPC Designer (format 7; this one reads up to 1).',
      ],
    ];
    for (const [name, edit, message] of cases) {
      const path = brokenLesson(name, edit);
      const { code, stdout, stderr } = await run([path, CLASS]);
      expect(code, name).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`vpc-designer: ${path}: ${message}\n`);
    }
  });

  it('refuses bad paths and arguments with exit 2', async () => {
    expect((await run([LESSON_FILE])).stderr).toMatch(/^vpc-designer: give a lesson file and a design file or folder/);
    expect((await run([LESSON_FILE, CLASS, '--csv'])).stderr).toMatch(/^vpc-designer: unknown option --csv/);
    expect((await run([join(work, 'nope.json'), CLASS])).code).toBe(2);
    expect((await run([LESSON_FILE, join(work, 'nowhere')])).stderr).toMatch(/no such file or folder/);
    const empty = join(work, 'empty');
    mkdirSync(empty);
    expect((await run([LESSON_FILE, empty])).stderr).toBe(`vpc-designer: ${empty} holds no design files (*.json)\n`);
  });

  it('runs as a real command: table on stdout, exit codes as documented', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpc-designer.mjs'), 'grade', LESSON_FILE, CLASS], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^bob\.json +FAIL +app-out /m);
    const refused = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/vpc-designer.mjs'), 'grade', brokenLesson('spawned', (raw) => (raw.formatVersion = 2)), CLASS],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  });
});
