/**
 * Benchmark: full validation of a generated design of about 2,000 core resources (50 VPCs, 1,000 subnets,
 * 1,000 instances, with their route tables, routes, gateways, security groups and peering connections).
 * Prints one JSON line: {"name":"validate-2000","n":<resources>,"median_ms":<median of the timed runs>}.
 *
 * Run: npx tsx bench/validate.bench.ts
 */
import { generateDesign } from '../src/engine/model/generate.ts';
import { validateDesign } from '../src/engine/rules/index.ts';

const WARMUP = 15;
const RUNS = 41;

const design = generateDesign({ vpcs: 50, subnetsPerVpc: 20, instancesPerSubnet: 1 });
const n = Object.keys(design.resources).length;
const now = new Date('2025-01-01T00:00:00Z');

let findings = 0;
for (let i = 0; i < WARMUP; i++) findings = validateDesign(design, { now }).length;

const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // A fresh copy of the resources each run, as after an edit: nothing cached on the previous design helps.
  const edited = { ...design, resources: { ...design.resources } };
  const start = performance.now();
  validateDesign(edited, { now });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;

if (findings !== 0) console.error(`note: the generated design has ${findings} findings`);
console.log(JSON.stringify({ name: 'validate-2000', n, median_ms: Math.round(median * 100) / 100 }));
