/**
 * Issue 7, item 10 — open at the stack's own speed (`npx tsx bench/open.bench.ts`, or `npm run bench -- open`):
 *
 * The floor is a bare Vite + React + React Flow page (bench/floor: the same @xyflow/react, 6 nodes, fitView). The
 * app opens three designs — the example (33 resources, 14 of them drawn as nodes), 300 and 979 resources (`generateDesign`) — seeded as the open
 * design (bench/lib/browser.ts `contextWithDesign`). Every page is opened the same way (a new browser context: cold
 * caches) and timed by the same probe: from navigation start until every node is in the DOM, measured, inside the
 * canvas, and that frame painted (`waitRendered`). Zoomed out past the level of detail the app's subnets draw their
 * leaves themselves (src/canvas/largeDesign.ts `foldLeaves`): the probe counts those drawn leaves with the nodes, and
 * `flow_nodes` says how many React Flow nodes the page had. Rounds are interleaved — each round opens the floor and every
 * design once, in a rotating order — so the machine's load falls on all of them alike; the first round warms the
 * server and is dropped.
 *
 * The floor is also opened with as many nodes as the 300- and 979-resource designs draw (`open-floor-N-nodes`):
 * each app line's `stack_ratio` is its median over that floor's — the app's cost beyond what React Flow itself takes
 * for that many nodes.
 *
 * One JSON line per page: median, min, max (ms), and `ratio`: the page's median over the floor's median; `ratio_min`
 * and `ratio_max` are the range of the per-round ratios (the page's time over the floor's in the same round).
 * `app_start_ms` / `first_canvas_frame_ms` are the app's own marks (scripts loaded and evaluated; canvas drawn).
 *
 * Issue 8, item 9 — instant open: for the app, `early_paint_ms` is the time until the design's stored sketch, drawn
 * by index.html on a 2D canvas before the app's script has run (src/library/earlyRead.ts), is on screen — the element
 * there and that frame painted (the same kind of probe) — and `early_ratio` its median over the floor's
 * median (the issue's target: under 0.5). `early_paint_mark_ms` is the page's own `app:early-paint` mark (the picture
 * inserted); `early_fcp_ms` / `early_fcp_ratio` the browser's first contentful paint when it is that frame (the probe
 * above waits one more frame, which the app's script, started right after the sketch's frame, can hold).
 * `early_painted` counts the rounds in which it was on screen at all, `early_inserted` those in which it was
 * put in the page (a picture taken away before it showed — not of the design as saved — counts in the second only).
 *
 * BENCH_OPEN_ROUNDS (default 8) sets the rounds. BENCH_BASE_URL adds another build of the app (e.g. an older commit
 * served with `vite preview`), measured in the same rounds and reported with `"build":"base"`, for before/after.
 */
import type { Browser, Page } from 'playwright-core';
import { exampleDesign, type Design } from '../src/engine/index.ts';
import { diagramGeometry } from '../src/engine/layout/diagram.ts';
import { generateDesign } from '../src/engine/model/generate.ts';
import {
  drawnNodeCount,
  FLOOR_NODES,
  median,
  openDesign,
  openFloor,
  round,
  waitRendered,
  withBench,
} from './lib/browser.ts';

const ROUNDS = Number(process.env.BENCH_OPEN_ROUNDS ?? 8);

interface Target {
  name: string;
  build: 'floor' | 'app' | 'base';
  resources?: number;
  /** The nodes React Flow is given for the design (every box of the diagram geometry). */
  boxes?: number;
  open: (browser: Browser) => Promise<{ page: Page; expected: number }>;
}

function designTargets(url: string, build: 'app' | 'base'): Target[] {
  const designs: Array<[string, Design]> = [
    ['open-example', exampleDesign()],
    ['open-300', generateDesign({ vpcs: 7, subnetsPerVpc: 4, instancesPerSubnet: 5 })],
    ['open-979', generateDesign({ vpcs: 20, subnetsPerVpc: 5, instancesPerSubnet: 5 })],
  ];
  return designs.map(([name, design]) => ({
    name,
    build,
    resources: Object.keys(design.resources).length,
    boxes: diagramGeometry(design).boxes.length,
    open: async (browser) => ({ page: await openDesign(browser, url, design), expected: drawnNodeCount(design) }),
  }));
}

async function main() {
  await withBench('open-floor-ratio', async ({ browser, url }) => {
    const apps = designTargets(url, 'app');
    // The stack alone with as many nodes as each larger design draws: how much of the app's time React Flow itself
    // takes for that many nodes (reported as `stack_ratio`; the budgets stay against the 6-node floor).
    const sized = [...new Set(apps.map((t) => t.boxes!).filter((n) => n > 50))];
    const targets: Target[] = [
      {
        name: 'open-floor',
        build: 'floor',
        open: async (b) => ({ page: await openFloor(b, url), expected: FLOOR_NODES }),
      },
      ...sized.map((n): Target => ({
        name: `open-floor-${n}-nodes`,
        build: 'floor',
        boxes: n,
        open: async (b) => ({ page: await openFloor(b, url, n), expected: n }),
      })),
      ...apps,
      ...(process.env.BENCH_BASE_URL ? designTargets(process.env.BENCH_BASE_URL, 'base') : []),
    ];
    const times = targets.map(() => [] as number[]);
    const marks = targets.map(() => ({
      start: [] as number[],
      frame: [] as number[],
      early: [] as number[],
      earlyMark: [] as number[],
      earlyFcp: [] as number[],
      flowNodes: [] as number[],
    }));
    for (let round_ = 0; round_ <= ROUNDS; round_++) {
      for (let k = 0; k < targets.length; k++) {
        const i = (k + round_) % targets.length; // a rotating order
        const target = targets[i]!;
        const { page, expected } = await target.open(browser);
        const ms = await waitRendered(page, expected);
        const early = (await page.evaluate('window.__earlyPainted')) as number | undefined;
        const fcp = (await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime`)) as
          number | undefined;
        const flowNodes = (await page.evaluate(`document.querySelectorAll('.react-flow__node').length`)) as number;
        const m = (await page.evaluate(
          `Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))`,
        )) as Record<string, number>;
        await page.context().close();
        if (round_ === 0) continue; // warms the server and the disk cache
        times[i]!.push(ms);
        marks[i]!.start.push(m['app:start'] ?? NaN);
        marks[i]!.frame.push(m['app:first-canvas-frame'] ?? NaN);
        if (early !== undefined) marks[i]!.early.push(early);
        marks[i]!.flowNodes.push(flowNodes);
        if (m['app:early-paint'] !== undefined) marks[i]!.earlyMark.push(m['app:early-paint']);
        // The browser's own first contentful paint is the sketch's frame when nothing was painted before it.
        if (fcp !== undefined && m['app:early-paint'] !== undefined && fcp >= m['app:early-paint'])
          marks[i]!.earlyFcp.push(fcp);
      }
      console.error(
        `round ${round_}: ${targets.map((t, i) => `${t.build}:${t.name}=${round(times[i]!.at(-1) ?? NaN)}`).join(' ')}`,
      );
    }
    const floor = times[0]!;
    const floorMedian = median(floor);
    const budgets: Record<string, number> = { 'open-example': 1.15, 'open-300': 1.4, 'open-979': 1.8 };
    targets.forEach((t, i) => {
      const ts = times[i]!;
      const perRound = ts.map((v, r) => v / floor[r]!);
      const ratio = Math.round((median(ts) / floorMedian) * 100) / 100;
      const budget = budgets[t.name];
      const sizedFloor =
        t.build !== 'floor' ? targets.findIndex((f) => f.build === 'floor' && f.boxes === t.boxes) : -1;
      console.log(
        JSON.stringify({
          name: t.name,
          build: t.build,
          n: ts.length,
          ...(t.resources !== undefined ? { resources: t.resources } : {}),
          median_ms: round(median(ts)),
          min_ms: round(Math.min(...ts)),
          max_ms: round(Math.max(...ts)),
          ...(t.boxes !== undefined ? { boxes: t.boxes } : {}),
          // The React Flow nodes on the page when it was timed (zoomed out, leaves are drawn by their subnets).
          flow_nodes: median(marks[i]!.flowNodes),
          ...(t.build === 'floor'
            ? t.boxes
              ? { ratio: Math.round((median(ts) / floorMedian) * 100) / 100 }
              : {}
            : {
                ratio,
                ratio_min: Math.round(Math.min(...perRound) * 100) / 100,
                ratio_max: Math.round(Math.max(...perRound) * 100) / 100,
                app_start_ms: round(median(marks[i]!.start)),
                first_canvas_frame_ms: round(median(marks[i]!.frame)),
                ...(marks[i]!.early.length
                  ? {
                      early_paint_ms: round(median(marks[i]!.early)),
                      early_paint_mark_ms: round(median(marks[i]!.earlyMark)),
                      early_fcp_ms: round(median(marks[i]!.earlyFcp)),
                      early_fcp_ratio: Math.round((median(marks[i]!.earlyFcp) / floorMedian) * 100) / 100,
                      early_ratio: Math.round((median(marks[i]!.early) / floorMedian) * 100) / 100,
                      early_target_ratio: 0.5,
                      early_ok: median(marks[i]!.early) / floorMedian < 0.5,
                    }
                  : {}),
                early_painted: marks[i]!.early.length,
                early_inserted: marks[i]!.earlyMark.length,
                ...(sizedFloor > 0
                  ? { stack_ratio: Math.round((median(ts) / median(times[sizedFloor]!)) * 100) / 100 }
                  : {}),
                ...(budget && t.build === 'app' ? { budget_ratio: budget, ok: ratio <= budget } : {}),
              }),
        }),
      );
    });
  });
}

await main();
