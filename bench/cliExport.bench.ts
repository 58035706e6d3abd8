/**
 * Benchmark: the CLI's SVG export end to end, as CI runs it — `npm run --silent cli -- export <file> --format svg`
 * spawned on the 300-resource benchmark design (the one bench/open.bench.ts opens), start-up, reading, drawing and
 * writing included. Prints one JSON line:
 *   {"name":"cli-export-svg-300","n":<runs>,"median_ms":…,"min_ms":…,"max_ms":…,"svg_kb":…,"load_1m":…,"budget_ms":1000,"ok":…}
 * Budget (issue 8): CLI SVG ≤ 1 s including start-up. Nearly all of it is start-up (npm, Node, loading the
 * TypeScript through tsx); drawing the SVG takes ~15 ms. `load_1m` says how busy the machine was.
 *
 * Run: npx tsx bench/cliExport.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDesign } from '../src/engine/io/designFile.ts';
import { generateDesign } from '../src/engine/model/generate.ts';

const RUNS = 7;
const design = generateDesign({ vpcs: 7, subnetsPerVpc: 4, instancesPerSubnet: 5 });
const dir = mkdtempSync(join(tmpdir(), 'vpcd-bench-cli-'));
const file = join(dir, 'design-300.json');
writeFileSync(file, serializeDesign(design));

const times: number[] = [];
let size = 0;
// One run first, not counted: it warms the disk cache, as a CI job's second command would find it.
for (let run = 0; run <= RUNS; run++) {
  const start = performance.now();
  const result = spawnSync('npm', ['run', '--silent', 'cli', '--', 'export', file, '--format', 'svg'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`cli export failed (${result.status}): ${result.stderr}`);
  if (run > 0) times.push(ms);
  size = Buffer.byteLength(result.stdout);
}
rmSync(dir, { recursive: true, force: true });

const sorted = [...times].sort((a, b) => a - b);
const round = (n: number) => Math.round(n * 10) / 10;
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(
  JSON.stringify({
    name: 'cli-export-svg-300',
    n: RUNS,
    median_ms: round(median),
    min_ms: round(sorted[0]!),
    max_ms: round(sorted.at(-1)!),
    resources: Object.keys(design.resources).length,
    svg_kb: round(size / 1024),
    load_1m: Math.round(loadavg()[0]! * 10) / 10,
    budget_ms: 1000,
    ok: median <= 1000,
  }),
);
