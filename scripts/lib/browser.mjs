/**
 * Finds a Chromium for Playwright without ever downloading a browser build, in this order:
 *   1. CHROMIUM_PATH, when it is set and names a file;
 *   2. Playwright's own Chromium, when one is installed (~/.cache/ms-playwright, or PLAYWRIGHT_BROWSERS_PATH);
 *   3. Debian's /usr/bin/chromium;
 *   4. as root: `apt-get update && apt-get install -y chromium`, then /usr/bin/chromium;
 *   5. otherwise: undefined, and the caller prints `BROWSER_HINT`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const APT_INSTALL = 'apt-get update && apt-get install -y chromium';

export const BROWSER_HINT = `No Chromium for the end-to-end tests: run \`sudo sh -c '${APT_INSTALL}'\` (or set CHROMIUM_PATH to a Chromium).`;

/** The Chromium Playwright would launch if its own browsers were installed (full Chrome or the headless shell). */
function playwrightChromium(root) {
  let full;
  try {
    const require = createRequire(join(root, 'package.json'));
    full = require('playwright-core').chromium.executablePath();
  } catch {
    return undefined;
  }
  if (full && existsSync(full)) return full;
  // <browsers>/chromium-<rev>/chrome-linux64/chrome → look for <browsers>/chromium_headless_shell-*/…/chrome-headless-shell
  const browsers = full ? dirname(dirname(dirname(full))) : undefined;
  if (!browsers || !existsSync(browsers)) return undefined;
  for (const dir of readdirSync(browsers)
    .filter((d) => d.startsWith('chromium_headless_shell-'))
    .sort()
    .reverse()) {
    for (const sub of readdirSync(join(browsers, dir))) {
      const shell = join(browsers, dir, sub, 'chrome-headless-shell');
      if (existsSync(shell)) return shell;
    }
  }
  return undefined;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * @param {string} root the project folder (where node_modules is)
 * @param {(line: string) => void} say progress lines
 * @returns {{ path: string, source: string } | undefined}
 */
export function findChromium(root, say = (line) => console.log(line)) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
  if (fromEnv) say(`CHROMIUM_PATH=${fromEnv} does not exist; looking elsewhere.`);

  const own = playwrightChromium(root);
  if (own) return { path: own, source: "Playwright's own Chromium" };

  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: "Debian's chromium" };

  if (isRoot() && process.platform === 'linux' && existsSync('/usr/bin/apt-get')) {
    say(`No Chromium found; installing Debian's chromium (${APT_INSTALL}) …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const ok = spawnSync('sh', ['-c', APT_INSTALL], { stdio: 'inherit', env }).status === 0;
    if (ok && existsSync(DEBIAN_CHROMIUM))
      return { path: DEBIAN_CHROMIUM, source: "Debian's chromium (just installed)" };
    say('Installing chromium with apt-get failed.');
  }
  return undefined;
}
