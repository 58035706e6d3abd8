#!/usr/bin/env node
/**
 * `npm test`: type check (the app, then the engine alone without DOM or Node types), lint, format (Prettier: code
 * only, see .prettierignore; `npm run format` fixes it), unit tests (Vitest), end-to-end tests (Playwright in
 * Chromium), in that order.
 *
 * Each step's output is streamed as it runs; the first failing step stops the run. The last line is always
 * `N passed, N failed` (read by CI, which cannot read Vitest's or Playwright's summaries). It counts unit and
 * end-to-end tests; a failed type check, lint or format check counts as one failed test each (a passing one is not a test
 * and adds nothing). The exit code is non-zero on any failure, and also when no test ran at all.
 *
 * Options: --no-e2e skips the browser tests (for a quick loop; CI never passes it).
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasSpecs, runE2E } from './lib/e2e.mjs';
import { bin, run } from './lib/run.mjs';

const skipE2E = process.argv.includes('--no-e2e');
const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function heading(text) {
  console.log(`\n=== ${text} ===`);
}

function finish(failedStep) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failedStep) console.log(`\nFAILED: ${failedStep} (stopped there after ${seconds} s).`);
  else if (totals.passed + totals.failed === 0) console.log('\nFAILED: no test ran.');
  else console.log(`\nAll steps passed in ${seconds} s.`);
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
  console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
  process.exit(failedStep || totals.passed + totals.failed === 0 ? 1 : 0);
}

/** A static check (type check, lint): one failed test when it fails, nothing when it passes. */
async function staticCheck(name, command, args) {
  heading(name);
  const code = await run(command, args);
  if (code !== 0) {
    totals.failed += 1;
    finish(name);
  }
  console.log(`${name}: ok`);
}

async function unitTests() {
  heading('Unit tests (vitest)');
  const report = join(tmpdir(), `vpc-designer-unit-${process.pid}.json`);
  rmSync(report, { force: true });
  const code = await run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  let result;
  try {
    result = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    result = undefined;
  }
  rmSync(report, { force: true });
  let failed = result?.numFailedTests ?? 0;
  // A file that fails to load fails its suite without failing a test: count each such suite once.
  if (code !== 0 && failed === 0) failed = Math.max(1, result?.numFailedTestSuites ?? 0);
  totals.passed += result?.numPassedTests ?? 0;
  totals.failed += failed;
  totals.skipped += (result?.numPendingTests ?? 0) + (result?.numTodoTests ?? 0);
  if (code !== 0) finish('unit tests');
}

async function e2eTests() {
  heading('End-to-end tests (Playwright)');
  if (skipE2E) {
    console.log('Skipped (--no-e2e).');
    return;
  }
  if (!hasSpecs()) {
    console.log('No specs in e2e/: nothing to run.');
    return;
  }
  const result = await runE2E();
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
  if (result.code !== 0 || result.failed > 0)
    finish(result.noBrowser ? 'end-to-end tests (no browser)' : 'end-to-end tests');
}

await staticCheck('Type check (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
// The engine again on its own, without the DOM or Node types: the CLI and exporters run it with neither.
await staticCheck('Type check, engine without DOM or Node (tsc)', bin('tsc'), [
  '--noEmit',
  '-p',
  'tsconfig.engine.json',
]);
await staticCheck('Lint (eslint)', bin('eslint'), ['.']);
await staticCheck('Format (prettier)', bin('prettier'), ['--check', '.']);
await unitTests();
await e2eTests();
finish();
