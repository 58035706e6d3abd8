/**
 * Builds the app into its own folder and serves it with `vite preview`, for the browser benchmarks
 * (default: dist-bench on port 4185, so it never disturbs `npm start`, e2e runs or someone else's build), with the
 * benchmarks' floor page (bench/floor: Vite + React + React Flow alone) beside it at /floor/.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bin, ROOT, run } from './run.mjs';

export async function build(outDir = 'dist-bench') {
  const code = await run(bin('vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']);
  if (code !== 0) throw new Error(`vite build --outDir ${outDir} failed (exit ${code}).`);
  // The floor page the open benchmark compares the app with (bench/floor), served at /floor/.
  const floor = join(ROOT, outDir, 'floor');
  const floorCode = await run(bin('vite'), [
    'build',
    '--config',
    join('bench', 'floor', 'vite.config.ts'),
    '--outDir',
    floor,
    '--emptyOutDir',
  ]);
  if (floorCode !== 0) throw new Error(`vite build of bench/floor failed (exit ${floorCode}).`);
}

async function isUp(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** Serves an already-built folder; resolves once the page answers. `stop()` ends the server it started. */
export async function serve(outDir = 'dist-bench', port = 4185) {
  const url = `http://127.0.0.1:${port}/`;
  if (await isUp(url)) throw new Error(`Port ${port} is already in use: stop what runs there (or set BENCH_PORT).`);
  const child = spawn(
    bin('vite'),
    ['preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    if (!exited) child.kill('SIGTERM');
  };
  for (let i = 0; i < 100 && !exited; i++) {
    if (await isUp(url)) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url}.`);
}
