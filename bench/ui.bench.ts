/**
 * Browser benchmarks for issue 2's "Speed" (run by `npm run bench`, or alone with `npx tsx bench/ui.bench.ts`):
 *
 * - open-300-resources: a 300-resource design, seeded in local storage as the autosave, opens and renders (every
 *   resource's `.react-flow__node` in the DOM and measured) — milliseconds from navigation start, median of runs.
 * - drag-vpc-50-frame: dragging a VPC that holds 50 resources with the real mouse (Playwright), 60 moves; for each
 *   move, the time from the pointer event to the end of the frame that shows it (Chromium runs without its 60 Hz
 *   frame cap, so a frame costs what its work costs) — the mean over the moves, median of runs.
 *
 * Prints one JSON line per benchmark. Serves the built app itself (dist-bench, port 4185) unless BENCH_URL is set.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { isDrawnAsNode, isSupportingKind, serializeDesign, type Design } from '../src/engine/index.ts';
import { BROWSER_HINT, findChromium } from '../scripts/lib/browser.mjs';
import { build, serve } from '../scripts/lib/preview.mjs';
import { ROOT } from '../scripts/lib/run.mjs';
import { generateBenchDesign } from './lib/generate.ts';

const AUTOSAVE_KEY = 'vpc-designer:design';
const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 5);
const DRAG_RUNS = Number(process.env.BENCH_DRAG_RUNS ?? 3);
const DRAG_MOVES = 60;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** How many `.react-flow__node`s the design's resources need at least (region and AZ boxes come on top). */
function drawnNodeCount(design: Design): number {
  return Object.values(design.resources).filter((r) => isDrawnAsNode(r) && !isSupportingKind(r)).length;
}

/** Seeds the design as the autosave and records (in window.__rendered) when `expected` nodes are all measured. */
async function openPage(browser: Browser, url: string, design: Design): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(
    ([key, text, expected]) => {
      localStorage.setItem(key, text);
      const w = window as unknown as { __rendered?: number };
      const check = () => {
        const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
        // React Flow keeps a node hidden until it has measured it.
        if (nodes.length >= expected && [...nodes].every((n) => n.style.visibility !== 'hidden')) {
          w.__rendered = performance.now();
        } else {
          requestAnimationFrame(check);
        }
      };
      requestAnimationFrame(check);
    },
    [AUTOSAVE_KEY, serializeDesign(design), drawnNodeCount(design)] as const,
  );
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function waitRendered(page: Page, expected: number): Promise<number> {
  try {
    const handle = await page.waitForFunction(() => (window as unknown as { __rendered?: number }).__rendered, null, {
      timeout: 20_000,
      polling: 50,
    });
    return (await handle.jsonValue()) as number;
  } catch {
    const seen = await page.locator('.react-flow__node').count();
    throw new Error(`The canvas did not render ${expected} nodes within 20 s (it shows ${seen}).`);
  }
}

async function benchOpen(browser: Browser, url: string) {
  const design = generateBenchDesign({ vpcs: 5, resourcesPerVpc: 60 });
  const times: number[] = [];
  for (let i = 0; i < OPEN_RUNS + 1; i++) {
    const page = await openPage(browser, url, design);
    const ms = await waitRendered(page, drawnNodeCount(design));
    if (i > 0) times.push(ms); // the first run warms the disk cache and the server
    await page.context().close();
  }
  const median_ms = round(median(times));
  return {
    name: 'open-300-resources', n: times.length, median_ms, min_ms: round(Math.min(...times)), max_ms: round(Math.max(...times)),
    resources: Object.keys(design.resources).length, nodes: drawnNodeCount(design), budget_ms: 1000, ok: median_ms < 1000,
  };
}

/** One drag of the VPC; resolves with the per-move frame times and how far the VPC node moved. */
async function dragOnce(browser: Browser, url: string, design: Design, vpcId: string) {
  const page = await openPage(browser, url, design);
  await waitRendered(page, drawnNodeCount(design));
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __measuring: boolean };
    w.__frames = [];
    w.__measuring = false;
    window.addEventListener(
      'pointermove',
      () => {
        if (!w.__measuring) return;
        const start = performance.now();
        // After the next animation frame's callbacks, style, layout and paint: a message posted from rAF runs then.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__frames.push(performance.now() - start);
          channel.port2.postMessage(0);
        });
      },
      { capture: true },
    );
  });
  const vpc = page.locator(`.react-flow__node[data-id="${vpcId}"]`);
  const before = await vpc.boundingBox();
  if (!before) throw new Error(`The VPC node ${vpcId} is not on the canvas.`);
  // Grab the VPC by its top-left corner, where its label is and no child sits.
  const x = before.x + 24;
  const y = before.y + 10;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.evaluate(() => ((window as unknown as { __measuring: boolean }).__measuring = true));
  for (let i = 1; i <= DRAG_MOVES; i++) {
    await page.mouse.move(x + i * 4, y + i * 2);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }
  await page.evaluate(() => ((window as unknown as { __measuring: boolean }).__measuring = false));
  await page.mouse.up();
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
  const after = await vpc.boundingBox();
  await page.context().close();
  const moved = after ? Math.hypot(after.x - before.x, after.y - before.y) : 0;
  return { frames, moved };
}

async function benchDrag(browser: Browser, url: string) {
  const design = generateBenchDesign({ vpcs: 1, resourcesPerVpc: 53 });
  const vpcId = 'vpc-0';
  // Everything but the VPC itself and the NAT gateways' Elastic IPs (which live outside it).
  const held = Object.values(design.resources).filter((r) => r.id !== vpcId && r.kind !== 'elasticIp').length;
  const means: number[] = [];
  const all: number[] = [];
  let moved = Infinity;
  for (let i = 0; i < DRAG_RUNS; i++) {
    const run = await dragOnce(browser, url, design, vpcId);
    if (run.frames.length === 0) throw new Error('No frame was measured during the drag.');
    means.push(run.frames.reduce((a, b) => a + b, 0) / run.frames.length);
    all.push(...run.frames);
    moved = Math.min(moved, run.moved);
  }
  if (moved < DRAG_MOVES) throw new Error(`The VPC did not follow the mouse (moved ${Math.round(moved)} px).`);
  const sorted = [...all].sort((a, b) => a - b);
  const mean_ms = round(median(means));
  return {
    name: 'drag-vpc-50-frame', n: DRAG_RUNS, moves: DRAG_MOVES, resources_in_vpc: held, mean_ms,
    p95_ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0), max_ms: round(sorted.at(-1) ?? 0), budget_ms: 16, ok: mean_ms < 16,
  };
}

async function main() {
  const found = findChromium(ROOT, (line) => console.error(line));
  if (!found) {
    console.error(BROWSER_HINT);
    process.exitCode = 1;
    return;
  }
  let url = process.env.BENCH_URL;
  let stop = () => {};
  if (!url) {
    await build('dist-bench');
    ({ url, stop } = await serve('dist-bench', Number(process.env.BENCH_PORT ?? 4185)));
  }
  const browser = await chromium.launch({
    executablePath: found.path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      // Frames as fast as the work allows, so the drag measures frame cost rather than the 60 Hz clock.
      '--disable-frame-rate-limit', '--disable-gpu-vsync'],
  });
  try {
    for (const [name, bench] of [['open-300-resources', benchOpen], ['drag-vpc-50-frame', benchDrag]] as const) {
      try {
        console.log(JSON.stringify(await bench(browser, url)));
      } catch (error) {
        console.log(JSON.stringify({ name, error: (error as Error).message.split('\n')[0] }));
        process.exitCode = 1;
      }
    }
  } finally {
    await browser.close();
    stop();
  }
}

await main();
