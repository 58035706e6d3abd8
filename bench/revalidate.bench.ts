/**
 * Browser benchmark for issue 3's "re-validation after one edit in the browser within a frame": the 2,000-resource
 * design of validate-2000 (50 VPCs, 1,000 subnets, 1,000 instances) opened in the app, then 25 edits made as a user
 * makes them — the design's name typed into the inspector and committed with Enter, each a new design that every
 * rule runs on again (validation is whole-design; what changed does not matter). The app records each
 * validation's time as the User Timing measure `app:validate` (src/store/findings.ts); this reads it after each
 * edit. Prints {"name":"revalidate-2000-browser","n","median_ms","p95_ms","budget_ms":16.7,"ok"}.
 *
 * Run: npm run bench -- revalidate   (or alone: npx tsx bench/revalidate.bench.ts)
 */
import { generateDesign } from '../src/engine/model/generate.ts';
import { launchBench, median, openDesign, round } from './lib/browser.ts';

const EDITS = 25;
const WARMUP = 5;

const design = generateDesign({ vpcs: 50, subnetsPerVpc: 20, instancesPerSubnet: 1 });
const n = Object.keys(design.resources).length;
const { browser, url, close } = await launchBench();
try {
  // Only a few nodes need to be on screen to start editing; the whole design is in the model either way.
  const page = await openDesign(browser, url, design, 1);
  const name = page.getByRole('textbox', { name: 'Design name' });
  await name.waitFor({ timeout: 60_000 });
  const times: number[] = [];
  for (let i = 0; i < WARMUP + EDITS; i++) {
    await page.evaluate('performance.clearMeasures("app:validate")');
    await name.fill(`Benchmark design ${i}`);
    await name.press('Enter');
    const ms = (await (
      await page.waitForFunction(`performance.getEntriesByName('app:validate')[0]?.duration`, null, { timeout: 30_000 })
    ).jsonValue()) as number;
    if (i >= WARMUP) times.push(ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
  const med = median(times);
  console.log(
    JSON.stringify({
      name: 'revalidate-2000-browser',
      n,
      edits: EDITS,
      median_ms: round(med),
      p95_ms: round(p95),
      max_ms: round(sorted.at(-1)!),
      budget_ms: 16.7,
      ok: med <= 16.7,
    }),
  );
} finally {
  await close();
}
