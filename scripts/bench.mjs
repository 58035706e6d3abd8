#!/usr/bin/env node
/**
 * `npm run bench [-- <filter>]`: every benchmark, one JSON line each on stdout (progress goes to stderr).
 *
 * 1. Builds the app once into dist-bench and measures the JavaScript a first visit loads (the entry script and
 *    everything it imports statically, as index.html's modulepreload links list them), gzip'd with zlib's
 *    default level as a web server would: `first-visit-js-gzip-kb`, budget 200 KB (issue 7).
 * 2. Serves dist-bench with `vite preview` on port 4185 (BENCH_PORT) and runs every bench/*.bench.ts with tsx,
 *    passing BENCH_URL; engine benchmarks ignore it, bench/ui.bench.ts opens the app in headless Chromium.
 *
 * A filter runs only the benchmarks whose file name (or `size` for the bundle) contains it. Exits non-zero when
 * a benchmark fails to run; being over budget is reported in the line (`ok: false`), not as a failure.
 * Results and the commands that made them are recorded in docs/BENCHMARKS.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, serve } from './lib/preview.mjs';
import { bin, ROOT } from './lib/run.mjs';

const DIST = 'dist-bench';
const filter = process.argv[2];
const wanted = (name) => !filter || name.includes(filter);
let failed = false;

/** The entry script and its static imports: what a browser fetches before the first screen can run. */
export function firstVisitScripts(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].map((src) => src.replace(/^\//, ''));
  const seen = new Set();
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file) || /^https?:/.test(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static `import … from "./x.js"` / `import "./x.js"`; dynamic `import("./x.js")` is lazy and not counted.
    for (const m of code.matchAll(/\b(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(join(file, '..', m[1]));
    }
  }
  return [...seen];
}

function benchBundleSize(dist) {
  const files = firstVisitScripts(dist);
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gz += gzipSync(bytes).length;
  }
  const allJs = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).length;
  const kb = Math.round((gz / 1024) * 10) / 10;
  return {
    name: 'first-visit-js-gzip-kb',
    n: files.length,
    kb,
    raw_kb: Math.round((raw / 1024) * 10) / 10,
    lazy_chunks: allJs - files.length,
    budget_kb: 200,
    ok: kb <= 200,
  };
}

/** Runs one benchmark file with tsx; its JSON lines go to our stdout, anything else to stderr. */
function runBenchFile(file, env) {
  return new Promise((resolve) => {
    const child = spawn(bin('tsx'), [file], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    const flush = (line) => {
      if (!line.trim()) return;
      if (line.trim().startsWith('{')) process.stdout.write(`${line.trim()}\n`);
      else process.stderr.write(`${line}\n`);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      lines.forEach(flush);
    });
    child.on('close', (code) => {
      flush(buffer);
      resolve(code ?? 1);
    });
  });
}

const benchDir = join(ROOT, 'bench');
const files = existsSync(benchDir)
  ? readdirSync(benchDir)
      .filter((f) => f.endsWith('.bench.ts') && wanted(f))
      .sort()
  : [];
const needsApp = wanted('size') || files.length > 0;

/** Timings are wall-clock: on a busy machine they are pessimistic, so say how busy it was. */
function reportLoad(when) {
  console.error(
    `Machine ${when}: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}.`,
  );
}

reportLoad('at start');
if (needsApp) {
  console.error(`Building the app into ${DIST} …`);
  await build(DIST);
}
if (wanted('size')) console.log(JSON.stringify(benchBundleSize(join(ROOT, DIST))));

if (files.length) {
  const port = Number(process.env.BENCH_PORT ?? 4185);
  const { url, stop } = await serve(DIST, port);
  const stopAndExit = () => {
    stop();
    process.exit(130);
  };
  process.on('SIGINT', stopAndExit);
  process.on('SIGTERM', stopAndExit);
  try {
    for (const file of files) {
      console.error(`Running bench/${file} …`);
      const code = await runBenchFile(join('bench', file), { ...process.env, BENCH_URL: url });
      if (code !== 0) {
        console.error(`bench/${file} exited with ${code}.`);
        failed = true;
      }
    }
  } finally {
    stop();
  }
}
reportLoad('at end');
process.exitCode = failed ? 1 : 0;
