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
import type { Browser } from 'playwright-core';
import type { Design } from '../src/engine/index.ts';
import { generateDesign } from '../src/engine/model/generate.ts';
import { drawnNodeCount, launchBench, median, openDesign, round, waitRendered } from './lib/browser.ts';

const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 5);
const DRAG_RUNS = Number(process.env.BENCH_DRAG_RUNS ?? 3);
const DRAG_MOVES = 60;

async function benchOpen(browser: Browser, url: string) {
  // 7 VPCs × 4 subnets × 5 instances, with their gateways, tables, groups and peerings: exactly 300 resources.
  const design = generateDesign({ vpcs: 7, subnetsPerVpc: 4, instancesPerSubnet: 5 });
  const times: number[] = [];
  for (let i = 0; i < OPEN_RUNS + 1; i++) {
    const page = await openDesign(browser, url, design);
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
  const page = await openDesign(browser, url, design);
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
    name: 'drag-vpc-50-frame', n: DRAG_RUNS, moves: DRAG_MOVES, resources_in_vpc: held, drawn_in_vpc: drawn, mean_ms,
    p95_ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0), max_ms: round(sorted.at(-1) ?? 0), budget_ms: 16, ok: mean_ms < 16,
  };
}

async function main() {
  let bench: Awaited<ReturnType<typeof launchBench>>;
  try {
    bench = await launchBench();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
    return;
  }
  try {
    for (const [name, run] of [['open-300-resources', benchOpen], ['drag-vpc-50-frame', benchDrag]] as const) {
      try {
        console.log(JSON.stringify(await run(bench.browser, bench.url)));
      } catch (error) {
        console.log(JSON.stringify({ name, error: (error as Error).message.split('\n')[0] }));
        process.exitCode = 1;
      }
    }
  } finally {
    await bench.close();
  }
}

await main();
