/**
 * Benchmark for issue 8's "SVG of the 300-resource design ≤ 300 ms in the browser" (run by `npm run bench`, or
 * alone with `npx tsx bench/svg.bench.ts`):
 *
 * - svg-300: `renderSvg` of the generated 300-resource design (7 VPCs × 4 subnets × 5 instances) with a title
 *   block, legend, findings and four traced flows — the export dialog's work for that design. The same engine code,
 *   bundled by Vite as the app bundles it, runs in headless Chromium (`browser_median_ms`, the budgeted number) and
 *   in Node (`node_median_ms`, what the CLI spends before start-up). Also the still and animated files' sizes
 *   (issue 8: under 1 MB). Each run draws a fresh copy of the design, so nothing cached helps.
 *
 * Prints one JSON line. Needs no app server (it opens a blank page).
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { renderAnimatedSvg } from '../src/engine/export/animatedSvg.ts';
import { renderSvg } from '../src/engine/export/svg.ts';
import { BROWSER_HINT, findChromium } from '../scripts/lib/browser.mjs';
import { ROOT } from '../scripts/lib/run.mjs';
import { median, round } from './lib/browser.ts';
import { svgBenchDesign, SVG_BENCH_OPTIONS } from './lib/svgEntry.ts';

const NAME = 'svg-300';
const WARMUP = 5;
const RUNS = 21;
const BUDGET_MS = 300;

function timeNode(): number {
  const design = svgBenchDesign();
  for (let i = 0; i < WARMUP; i++) renderSvg(structuredClone(design), SVG_BENCH_OPTIONS);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const copy = structuredClone(design);
    const start = performance.now();
    renderSvg(copy, SVG_BENCH_OPTIONS);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The engine's SVG export bundled for the page, as one script defining `window.svgBench`. */
async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'bench/lib/svgEntry.ts'), formats: ['iife'], name: 'svgBench', fileName: 'svg-bench' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('bundling the SVG export for the browser produced no script');
  return chunk.code;
}

async function timeBrowser(script: string): Promise<number> {
  const found = findChromium(ROOT, (line) => console.error(line));
  if (!found) throw new Error(BROWSER_HINT);
  const browser = await chromium.launch({
    executablePath: found.path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>svg bench</title>');
    await page.addScriptTag({ content: script });
    // A string, not a function: tsx compiles functions with name helpers that do not exist in the page.
    const times = (await page.evaluate(`(() => {
      const { svgBenchDesign, SVG_BENCH_OPTIONS, renderSvg } = window.svgBench;
      const design = svgBenchDesign();
      let length = 0;
      for (let i = 0; i < ${WARMUP}; i++) length = renderSvg(structuredClone(design), SVG_BENCH_OPTIONS).length;
      if (length < 1000) throw new Error('the page drew an empty SVG');
      const times = [];
      for (let i = 0; i < ${RUNS}; i++) {
        const copy = structuredClone(design);
        const start = performance.now();
        renderSvg(copy, SVG_BENCH_OPTIONS);
        times.push(performance.now() - start);
      }
      return times;
    })()`)) as number[];
    return median(times);
  } finally {
    await browser.close();
  }
}

try {
  const design = svgBenchDesign();
  const still = renderSvg(design, SVG_BENCH_OPTIONS);
  const animated = renderAnimatedSvg(design, SVG_BENCH_OPTIONS);
  const nodeMs = timeNode();
  const browserMs = await timeBrowser(await bundle());
  const bytes = new TextEncoder().encode(still).length;
  const animatedBytes = new TextEncoder().encode(animated).length;
  console.log(
    JSON.stringify({
      name: NAME,
      resources: Object.keys(design.resources).length,
      flows: design.flows.length,
      runs: RUNS,
      browser_median_ms: round(browserMs),
      node_median_ms: round(nodeMs),
      bytes,
      animated_bytes: animatedBytes,
      budget_ms: BUDGET_MS,
      ok: browserMs <= BUDGET_MS && bytes < 1_000_000 && animatedBytes < 1_000_000,
    }),
  );
} catch (error) {
  console.log(JSON.stringify({ name: NAME, error: (error as Error).message.split('\n')[0] }));
  process.exitCode = 1;
}
