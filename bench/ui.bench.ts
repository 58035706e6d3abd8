/**
 * Browser benchmarks for issue 2's "Speed" (run by `npm run bench`, or alone with `npx tsx bench/ui.bench.ts`):
 *
 * - open-300-resources: a 300-resource design, seeded in local storage as the autosave, opens and renders (every
 *   resource's `.react-flow__node` in the DOM, measured and inside the canvas, and that frame painted) —
 *   milliseconds from navigation start, median of runs; `findings_shown_ms` is when the Findings panel lists the
 *   design's findings (the rules run after the first frame).
 * - drag-vpc-50-frame: dragging a VPC that holds 50-odd resources with the real mouse (Playwright), 60 moves of
 *   20 px; for each move, the time from the pointer event to the end of the animation frame that draws the change
 *   (Chromium runs without its 60 Hz frame cap, so a frame costs what its work costs rather than waiting for the
 *   clock) — `mean_ms` is the mean over the moves (median of runs); `script_mean_ms` is the part before the DOM
 *   changes (event handling and React), the rest is style, layout and paint.
 *
 * Prints one JSON line per benchmark. Serves the built app itself (dist-bench, port 4185) unless BENCH_URL is set.
 */
import type { Browser } from 'playwright-core';
import type { Design } from '../src/engine/index.ts';
import { generateDesign } from '../src/engine/model/generate.ts';
import { drawnNodeCount, median, openDesign, round, waitRendered, withBench } from './lib/browser.ts';

const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 5);
const DRAG_RUNS = Number(process.env.BENCH_DRAG_RUNS ?? 5);
const DRAG_MOVES = 60;

async function benchOpen(browser: Browser, url: string) {
  // 7 VPCs × 4 subnets × 5 instances, with their gateways, tables, groups and peerings: exactly 300 resources.
  const design = generateDesign({ vpcs: 7, subnetsPerVpc: 4, instancesPerSubnet: 5 });
  const times: number[] = [];
  const loaded: number[] = [];
  const findings: number[] = [];
  const started: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < OPEN_RUNS + 1; i++) {
    const page = await openDesign(browser, url, design);
    const ms = await waitRendered(page, drawnNodeCount(design));
    // When the HTML and the first-visit scripts had loaded and run (the rest is the app building the canvas).
    const dcl = (await page.evaluate(
      "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd",
    )) as number;
    const shown = (await (
      await page.waitForFunction('window.__findingsShown', null, { timeout: 20_000 })
    ).jsonValue()) as number;
    // The app's own marks: its module started (all scripts loaded and evaluated), the saved design read.
    const marks = (await page.evaluate(
      `Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))`,
    )) as Record<string, number>;
    if (i > 0) {
      // the first run warms the disk cache and the server
      times.push(ms);
      loaded.push(dcl);
      findings.push(shown);
      started.push(marks['app:start'] ?? NaN);
      read.push(marks['app:design-loaded'] ?? NaN);
    }
    await page.context().close();
  }
  const median_ms = round(median(times));
  return {
    name: 'open-300-resources',
    n: times.length,
    median_ms,
    min_ms: round(Math.min(...times)),
    max_ms: round(Math.max(...times)),
    scripts_loaded_ms: round(median(loaded)),
    app_start_ms: round(median(started)),
    design_read_ms: round(median(read)),
    findings_shown_ms: round(median(findings)),
    resources: Object.keys(design.resources).length,
    nodes: drawnNodeCount(design),
    budget_ms: 1000,
    ok: median_ms < 1000,
  };
}

/** One drag of the VPC; resolves with the per-move frame times and how far the VPC node moved. */
async function dragOnce(browser: Browser, url: string, design: Design, vpcId: string) {
  const page = await openDesign(browser, url, design);
  await waitRendered(page, drawnNodeCount(design));
  // A string, not a function: tsx compiles functions with name helpers that do not exist in the page.
  // A move counts once the canvas has changed for it (with snap to grid, not every pointer move does): from the
  // pointer event to the end of the animation frame that draws the change (a message posted from a
  // requestAnimationFrame callback runs after that frame's style, layout and paint).
  await page.evaluate(`
    window.__frames = [];
    window.__scripts = [];
    window.__pending = undefined;
    window.__measuring = false;
    window.addEventListener('pointermove', () => {
      if (window.__measuring && window.__pending === undefined) window.__pending = performance.now();
    }, { capture: true });
    new MutationObserver(() => {
      const start = window.__pending;
      if (start === undefined) return;
      window.__pending = null;
      window.__scripts.push(performance.now() - start);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.__frames.push(performance.now() - start);
          window.__pending = undefined;
        };
        channel.port2.postMessage(0);
      });
    }).observe(document.querySelector('.react-flow__nodes') ?? document.body, { subtree: true, attributes: true, childList: true });
  `);
  const vpc = page.locator(`.react-flow__node[data-id="${vpcId}"]`);
  const before = await vpc.boundingBox();
  if (!before) throw new Error(`The VPC node ${vpcId} is not on the canvas.`);
  // Grab the VPC by its top-left corner, where its label is and no child sits.
  const x = before.x + 24;
  const y = before.y + 10;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 5, y + 5); // past React Flow's drag threshold, not measured
  await page.evaluate('window.__measuring = true');
  let measured = 0;
  let far: Awaited<ReturnType<typeof vpc.boundingBox>> = null;
  for (let i = 1; i <= DRAG_MOVES; i++) {
    // Right for half the moves, then back, 20 px at a time (several grid steps at any zoom the canvas uses).
    const dx = i <= DRAG_MOVES / 2 ? i * 20 : (DRAG_MOVES - i) * 20;
    await page.mouse.move(x + 5 + dx, y + 5 + (i % 2) * 20);
    const changed = await page
      .waitForFunction(`window.__frames.length > ${measured}`, null, { polling: 'raf', timeout: 1000 })
      .then(
        () => true,
        () => false,
      );
    if (changed) measured++;
    else await page.evaluate('window.__pending = undefined'); // the move changed nothing on screen
    if (i === DRAG_MOVES / 2) far = await vpc.boundingBox();
  }
  await page.evaluate('window.__measuring = false');
  const frames = (await page.evaluate('window.__frames')) as number[];
  const scripts = (await page.evaluate('window.__scripts')) as number[];
  await page.mouse.up();

  await page.context().close();
  const moved = far ? Math.hypot(far.x - before.x, far.y - before.y) : 0;
  return { frames, scripts: scripts.slice(0, frames.length), moved };
}

async function benchDrag(browser: Browser, url: string) {
  // One VPC: 3 AZs, 6 subnets, 3 NAT gateways, 36 instances, an internet gateway, an S3 endpoint, and its tables,
  // groups and ACL. 47 of its resources are drawn inside it (50 nodes with the AZ bands).
  const design = generateDesign({ vpcs: 1, subnetsPerVpc: 6, instancesPerSubnet: 6 });
  const vpcId = 'vpc-0';
  // Everything but the VPC itself and the NAT gateways' Elastic IPs (which live outside it).
  const inside = Object.values(design.resources).filter((r) => r.id !== vpcId && r.kind !== 'elasticIp');
  const held = inside.length;
  const drawn = drawnNodeCount({ ...design, resources: Object.fromEntries(inside.map((r) => [r.id, r])) });
  const means: number[] = [];
  const all: number[] = [];
  const scriptMeans: number[] = [];
  let measuredMoves = Infinity;
  let moved = Infinity;
  for (let i = 0; i < DRAG_RUNS; i++) {
    const run = await dragOnce(browser, url, design, vpcId);
    if (run.frames.length === 0) throw new Error('No frame was measured during the drag.');
    means.push(run.frames.reduce((a, b) => a + b, 0) / run.frames.length);
    all.push(...run.frames);
    scriptMeans.push(run.scripts.reduce((a, b) => a + b, 0) / Math.max(1, run.scripts.length));
    moved = Math.min(moved, run.moved);
    measuredMoves = Math.min(measuredMoves, run.frames.length);
  }
  if (moved < DRAG_MOVES) throw new Error(`The VPC did not follow the mouse (moved ${Math.round(moved)} px).`);
  const sorted = [...all].sort((a, b) => a - b);
  const mean_ms = round(median(means));
  return {
    name: 'drag-vpc-50-frame',
    n: DRAG_RUNS,
    moves: DRAG_MOVES,
    measured_moves: measuredMoves,
    resources_in_vpc: held,
    drawn_in_vpc: drawn,
    mean_ms,
    script_mean_ms: round(median(scriptMeans)),
    p95_ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    max_ms: round(sorted.at(-1) ?? 0),
    budget_ms: 16,
    ok: mean_ms < 16,
  };
}

async function main() {
  await withBench('ui', async (bench) => {
    // Each benchmark reports on its own line, so one that fails leaves the other's result.
    for (const [name, run] of [
      ['open-300-resources', benchOpen],
      ['drag-vpc-50-frame', benchDrag],
    ] as const) {
      try {
        console.log(JSON.stringify(await run(bench.browser, bench.url)));
      } catch (error) {
        console.log(JSON.stringify({ name, error: (error as Error).message.split('\n')[0] }));
        process.exitCode = 1;
      }
    }
  });
}

await main();
