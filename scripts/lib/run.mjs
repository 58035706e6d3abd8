/** Small helpers shared by the test, e2e and bench scripts: run a command with streamed output, find a free port. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (the parent of scripts/). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A binary from node_modules/.bin, so no step depends on npx's lookup or prompts. */
export function bin(name) {
  return join(ROOT, 'node_modules', '.bin', name);
}

/**
 * Runs a command with its output streamed to ours and resolves with its exit code (a signal counts as 1).
 * Ctrl+C reaches the child through the shared process group; we wait for it to finish.
 */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first port in [from, from + span) nobody listens on, so parallel runs on one machine never collide. */
export async function freePort(from, span = 100) {
  for (let port = from; port < from + span; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port between ${from} and ${from + span - 1}.`);
}
