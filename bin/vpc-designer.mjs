#!/usr/bin/env node
/**
 * The package's command: runs src/cli/main.ts, so the CLI and the browser share one engine without a build step.
 *
 * Start-up is most of a CLI run (exporting an SVG takes ~15 ms; loading ~150 TypeScript modules through tsx took
 * ~0.5 s of CPU), and CI calls the CLI once per picture. So the first run bundles src/cli/main.ts with esbuild
 * (tsx's own compiler) into one JavaScript file under node_modules/.cache, named after the sources' count and
 * newest time, and later runs load that file; when anything under src/ changes, the next run bundles again. If bundling
 * fails, the command runs the TypeScript through tsx's loader, as before.
 * Usage: vpc-designer check <file> [--json] [--region R].
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli', 'main.ts');

/** The sources the CLI may load (src/ and this package's manifest), as their count and newest modification time. */
function sourcesKey() {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  let count = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|mjs|json)$/.test(e.name)) {
        newest = Math.max(newest, statSync(path).mtimeMs);
        count++;
      }
    }
  };
  walk(join(root, 'src'));
  // The count too: deleting a file changes no remaining file's time.
  return `${Math.floor(newest)}-${count}`;
}

/** The bundled CLI for the current sources, built when missing; undefined when it cannot be built. */
async function bundled() {
  try {
    const dir = join(root, 'node_modules', '.cache', 'vpc-designer-cli');
    const file = join(dir, `main-${sourcesKey()}.mjs`);
    if (existsSync(file)) return file;
    const { build } = await import('esbuild');
    mkdirSync(dir, { recursive: true });
    // Written under a private name, then renamed: runs started together never load a half-written file.
    const partial = `${file}.${process.pid}.tmp`;
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: partial,
      logLevel: 'silent',
    });
    renameSync(partial, file);
    // Bundles of older sources are of no more use.
    for (const old of readdirSync(dir))
      if (old.startsWith('main-') && old.endsWith('.mjs') && join(dir, old) !== file)
        rmSync(join(dir, old), { force: true });
    return file;
  } catch {
    return undefined;
  }
}

try {
  const file = await bundled();
  if (file) {
    await import(pathToFileURL(file).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(entry).href);
  }
} catch (error) {
  // Never a stack trace: one line saying why.
  process.stderr.write(`vpc-designer: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exitCode = 2;
}
