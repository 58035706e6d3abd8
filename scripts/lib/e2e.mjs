/**
 * The Playwright end-to-end run shared by `npm test` and `npm run test:e2e`: finds a browser (see browser.mjs),
 * takes a free port and its own build folder (so parallel runs never serve each other's half-written build),
 * runs Playwright with its list and JSON reporters, and counts the results from the JSON report.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_HINT, findChromium } from './browser.mjs';
import { bin, freePort, ROOT, run } from './run.mjs';

/** Spec files Playwright would pick up from e2e/ (playwright.config.ts: testDir 'e2e'). */
export function hasSpecs() {
  const dir = join(ROOT, 'e2e');
  if (!existsSync(dir)) return false;
  const walk = (d) =>
    readdirSync(d, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? walk(join(d, entry.name)) : /\.(spec|test)\.[cm]?[jt]sx?$/.test(entry.name),
    );
  return walk(dir);
}

/**
 * @param {string[]} args extra Playwright arguments (spec files, --grep, …)
 * @returns {Promise<{ code: number, passed: number, failed: number, skipped: number, noBrowser?: boolean }>}
 */
export async function runE2E(args = []) {
  const browser = findChromium(ROOT);
  if (!browser) {
    console.error(BROWSER_HINT);
    return { code: 1, passed: 0, failed: 1, skipped: 0, noBrowser: true };
  }
  console.log(`Browser: ${browser.path} (${browser.source})`);

  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort(4300);
  const ownDist = !process.env.E2E_DIST;
  const dist = process.env.E2E_DIST ?? `dist-e2e-${port}`;
  const report = process.env.E2E_REPORT ?? join(tmpdir(), `vpc-designer-e2e-${process.pid}.json`);
  rmSync(report, { force: true });

  const env = {
    ...process.env,
    CHROMIUM_PATH: browser.path,
    E2E_PORT: String(port),
    E2E_DIST: dist,
    E2E_REPORT: report,
  };
  const code = await run(bin('playwright'), ['test', ...args], { env });
  if (ownDist) rmSync(join(ROOT, dist), { recursive: true, force: true });

  let stats;
  try {
    stats = JSON.parse(readFileSync(report, 'utf8')).stats;
  } catch {
    stats = undefined;
  }
  if (!process.env.E2E_REPORT) rmSync(report, { force: true });
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  let failed = stats?.unexpected ?? 0;
  // Playwright can fail before any test runs (the web server did not start, a spec does not compile): one failure.
  if (code !== 0 && failed === 0) failed = 1;
  return { code, passed, failed, skipped: stats?.skipped ?? 0 };
}
