/**
 * Benchmark: traffic traces and the exposure report on the generated benchmark design (50 VPCs, 1,000 subnets,
 * 1,000 instances, with their route tables, NAT gateways, endpoints and peering connections — about 2,950 records).
 * Prints JSON lines:
 *   {"name":"trace-2000","n":<resources>,"median_ms":…}          one trace, the design's index already built
 *   {"name":"trace-2000-first","n":<resources>,"median_ms":…}    the first trace after an edit (index built too)
 *   {"name":"exposure-1000","n":<instances>,"median_ms":…}       the whole report, from a freshly edited design
 * Budgets (issue 4): trace ≤ 1 ms median, exposure ≤ 500 ms.
 *
 * Run: npx tsx bench/trace.bench.ts
 */
import { generateDesign } from '../src/engine/model/generate.ts';
import { exposure, trace, type TraceQuery } from '../src/engine/traffic/index.ts';

const design = generateDesign({ vpcs: 50, subnetsPerVpc: 20, instancesPerSubnet: 1 });
const n = Object.keys(design.resources).length;
const instances = Object.values(design.resources)
  .filter((r) => r.kind === 'instance')
  .map((r) => r.id);

/** A mix of flows: internet in, NAT out, across a peering connection, to S3 through the endpoint, blocked ones. */
function queries(): TraceQuery[] {
  const out: TraceQuery[] = [];
  for (let v = 0; v < 49; v++) {
    out.push({ from: 'internet', to: `i-${v}-0-0`, protocol: 'tcp', port: 443 });
    out.push({ from: `i-${v}-5-0`, to: 'internet', protocol: 'tcp', port: 443 });
    out.push({ from: `i-${v}-0-0`, to: `i-${v}-4-0`, protocol: 'tcp', port: 8080 });
    out.push({ from: `i-${v}-5-0`, to: `i-${v + 1}-6-0`, protocol: 'tcp', port: 22 });
    out.push({
      from: `i-${v}-7-0`,
      to: 'service:s3',
      protocol: 'tcp',
      port: 443,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
    });
    out.push({ from: `i-${v}-8-0`, to: `i-${v}-9-0`, protocol: 'tcp', port: 3389 });
  }
  return out;
}

const median = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 1000) / 1000;
};

// One trace, warm index.
const qs = queries();
for (const q of qs) {
  const outcome = trace(design, q);
  if (!outcome.ok) throw new Error(outcome.error);
}
const warm: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const q of qs) {
    const start = performance.now();
    trace(design, q);
    warm.push(performance.now() - start);
  }
}
const traceMedian = median(warm);
console.log(JSON.stringify({ name: 'trace-2000', n, median_ms: traceMedian, budget_ms: 1, ok: traceMedian <= 1 }));

// The first trace after an edit: a fresh resources object, as the store makes, so the index is rebuilt.
const first: number[] = [];
for (let i = 0; i < 21; i++) {
  const edited = { ...design, resources: { ...design.resources } };
  const start = performance.now();
  trace(edited, qs[i % qs.length]!);
  first.push(performance.now() - start);
}
console.log(JSON.stringify({ name: 'trace-2000-first', n, median_ms: median(first) }));

// The exposure report for every instance, from a freshly edited design each run.
const reports: number[] = [];
let exposed = 0;
for (let i = 0; i < 3; i++) exposed = exposure({ ...design, resources: { ...design.resources } }).exposedCount;
for (let i = 0; i < 11; i++) {
  const edited = { ...design, resources: { ...design.resources } };
  const start = performance.now();
  exposure(edited);
  reports.push(performance.now() - start);
}
if (exposed === 0) console.error('note: no instance of the generated design is exposed to the internet');
const exposureMedian = median(reports);
console.log(
  JSON.stringify({
    name: 'exposure-1000',
    n: instances.length,
    median_ms: exposureMedian,
    budget_ms: 500,
    ok: exposureMedian <= 500,
  }),
);
