/**
 * Writes each lesson's starting design (scripts/lessons/starts.ts) into the `start` field of its catalogue file,
 * src/engine/lessons/catalog/<name>.lesson.json, keeping everything else in the file as written.
 *
 * Run: npx tsx scripts/build-lessons.ts [name…]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeDesign } from '../src/engine/io/designFile.ts';
import { STARTS } from './lessons/starts.ts';

const CATALOG = join(import.meta.dirname, '../src/engine/lessons/catalog');
const wanted = process.argv.slice(2);
for (const [name, build] of Object.entries(STARTS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const file = join(CATALOG, `${name}.lesson.json`);
  const lesson = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  lesson.start = JSON.parse(serializeDesign(build()));
  writeFileSync(file, `${JSON.stringify(lesson, null, 2)}\n`);
  execFileSync(join(import.meta.dirname, '../node_modules/.bin/prettier'), ['--write', '--log-level', 'warn', file]);
  console.error(`wrote ${name}`);
}
