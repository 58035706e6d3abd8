/**
 * Issue 7, item 9 — big designs stay responsive (`npx tsx bench/bigImport.bench.ts`, or `npm run bench -- bigImport`):
 *
 * - big-import-26k: a ~9 MB design file of ~26,000 resources (`generateDesign({ vpcs: 50, subnetsPerVpc: 20,
 *   instancesPerSubnet: 24 })`, serialised as the app exports it) is imported through the toolbar's file input into
 *   the app showing its example design, in headless Chromium. A PerformanceObserver records every main-thread long
 *   task ('longtask' entries, > 50 ms) from the file's `change` event until the imported design is shown
 *   (its VPCs drawn and that frame painted, the progress panel gone). Reports the longest task
 *   (budget: none over 200 ms), how many passed 200 ms, their sum, when the progress panel first showed, and the
 *   time from the file's `change` event to shown. Median over runs (BENCH_BIG_RUNS, default 3) of fresh pages.
 * - big-import-26k-pan: once shown, the canvas is panned with the mouse (40 moves of 10 px) and zoomed with the
 *   wheel (10 steps in, 10 out): for each input, the time from the event to the end of the frame that draws the
 *   moved viewport (as drag-vpc-50-frame measures a drag). Mean and p95 over the inputs of all runs.
 *
 * `BENCH_TRANSFER=clone` makes the worker send its result as a structured clone instead of a JSON string (through
 * `?import-transfer=clone`), to compare the two.
 */
import type { Browser, Page } from 'playwright-core';
import { exampleDesign, serializeDesign } from '../src/engine/index.ts';
import { generateDesign } from '../src/engine/model/generate.ts';
import { drawnNodeCount, median, openDesign, round, waitRendered, withBench } from './lib/browser.ts';

const RUNS = Number(process.env.BENCH_BIG_RUNS ?? 3);
const NAME = 'big-design.json';

// Page-side code as strings: tsx compiles functions with name helpers that do not exist in the page.
const RECORD = `
  window.__long = [];
  window.__start = undefined;
  window.__progressShown = undefined;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  document.querySelector('input[aria-label="Import file"]').addEventListener('change', () => { window.__start = performance.now(); }, { capture: true });
  (function shown() {
    if (window.__progressShown === undefined && document.querySelector('[role="progressbar"]')) window.__progressShown = performance.now();
    // The imported design's VPCs drawn (vpc-<n>: the example design has none such) and the progress panel gone.
    if (window.__start !== undefined && [...document.querySelectorAll('.react-flow__node[data-id^="vpc-"]')].some((n) => /^vpc-[0-9]+$/.test(n.dataset.id)) && !document.querySelector('[role="progressbar"]')) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__shown = performance.now(); };
      channel.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(shown);
  })();
`;

/** Per input: from the event to the end of the frame that draws the moved viewport. */
const FRAMES = `
  window.__frames = [];
  window.__pending = undefined;
  const mark = () => { if (window.__pending === undefined) window.__pending = performance.now(); };
  window.addEventListener('pointermove', mark, { capture: true });
  window.addEventListener('wheel', mark, { capture: true, passive: true });
  new MutationObserver(() => {
    const start = window.__pending;
    if (start === undefined || start === null) return;
    window.__pending = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__frames.push(performance.now() - start); window.__pending = undefined; };
      channel.port2.postMessage(0);
    });
  }).observe(document.querySelector('.react-flow__viewport'), { attributes: true, attributeFilter: ['style'] });
`;

async function waitFrame(page: Page, count: number): Promise<boolean> {
  return page.waitForFunction(`window.__frames.length > ${count}`, null, { polling: 'raf', timeout: 3000 }).then(
    () => true,
    () => {
      return page.evaluate('window.__pending = undefined').then(() => false);
    },
  );
}

async function panAndZoom(page: Page): Promise<number[]> {
  await page.evaluate(FRAMES);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('No canvas pane.');
  // An empty spot: the fitted design is taller than wide, so the pane's left edge (half way down, above the
  // zoom controls and away from the message at the top) shows no node.
  const x = pane.x + 30;
  const y = pane.y + pane.height / 2;
  let measured = 0;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 5, y + 5);
  for (let i = 1; i <= 40; i++) {
    const dx = i <= 20 ? i * 10 : (40 - i) * 10;
    await page.mouse.move(x + 5 + dx, y + 5 + (i % 2) * 10);
    if (await waitFrame(page, measured)) measured++;
  }
  await page.mouse.up();
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, i < 10 ? -120 : 120);
    if (await waitFrame(page, measured)) measured++;
  }
  return (await page.evaluate('window.__frames')) as number[];
}

async function importOnce(browser: Browser, url: string, text: string, transfer: string) {
  const example = exampleDesign();
  const page = await openDesign(browser, `${url}${transfer === 'clone' ? '?import-transfer=clone' : ''}`, example);
  await waitRendered(page, drawnNodeCount(example));
  await page.evaluate(RECORD);
  await page
    .locator('input[aria-label="Import file"]')
    .setInputFiles({ name: NAME, mimeType: 'application/json', buffer: Buffer.from(text) });
  const shown = (await (
    await page.waitForFunction('window.__shown', null, { timeout: 180_000, polling: 100 })
  ).jsonValue()) as number;
  const start = (await page.evaluate('window.__start')) as number;
  const progressShown = (await page.evaluate('window.__progressShown')) as number | undefined;
  const long = ((await page.evaluate('window.__long')) as Array<{ start: number; duration: number }>) // Tasks that start from the change event on: the one that dispatches it is Playwright's (it builds the 9 MB
    // File from what the harness sent; the app's change handler in it only starts reading the file).
    .filter((t) => t.start >= start && t.start <= shown);
  const frames = await panAndZoom(page);
  await page.context().close();
  return {
    shownMs: shown - start,
    progressMs: progressShown === undefined ? NaN : progressShown - start,
    longest: Math.max(0, ...long.map((t) => t.duration)),
    over200: long.filter((t) => t.duration > 200).length,
    longSum: long.reduce((a, t) => a + t.duration, 0),
    tasks: long.map((t) => round(t.duration)),
    frames,
  };
}

async function main() {
  const transfer = process.env.BENCH_TRANSFER ?? 'json';
  const design = generateDesign({ vpcs: 50, subnetsPerVpc: 20, instancesPerSubnet: 24 });
  const text = serializeDesign(design);
  await withBench('big-import-26k', async (bench) => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await importOnce(bench.browser, bench.url, text, transfer);
      console.error(`run ${i + 1}: shown ${round(run.shownMs)} ms, long tasks ${JSON.stringify(run.tasks)}`);
      runs.push(run);
    }
    const longest = median(runs.map((r) => r.longest));
    console.log(
      JSON.stringify({
        name: 'big-import-26k',
        n: RUNS,
        transfer,
        resources: Object.keys(design.resources).length,
        mb: round(text.length / 1024 / 1024),
        longest_task_ms: round(longest),
        longest_task_max_ms: round(Math.max(...runs.map((r) => r.longest))),
        tasks_over_200: Math.max(...runs.map((r) => r.over200)),
        long_task_sum_ms: round(median(runs.map((r) => r.longSum))),
        progress_shown_ms: round(median(runs.map((r) => r.progressMs))),
        shown_ms: round(median(runs.map((r) => r.shownMs))),
        shown_min_ms: round(Math.min(...runs.map((r) => r.shownMs))),
        shown_max_ms: round(Math.max(...runs.map((r) => r.shownMs))),
        budget_task_ms: 200,
        ok: runs.every((r) => r.longest <= 200),
      }),
    );
    const frames = runs.flatMap((r) => r.frames).sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        name: 'big-import-26k-pan',
        n: frames.length,
        mean_ms: round(frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length)),
        median_ms: round(median(frames)),
        p95_ms: round(frames[Math.floor(frames.length * 0.95)] ?? NaN),
        max_ms: round(frames.at(-1) ?? NaN),
      }),
    );
  });
}

await main();
