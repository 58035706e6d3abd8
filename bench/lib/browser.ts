/**
 * Helpers for browser benchmarks (bench/*.bench.ts that open the app): launch the Chromium `npm test` would use,
 * serve the built app when `npm run bench` has not (BENCH_URL), and open a page with a design seeded as the
 * autosave, noting when its nodes are all on screen.
 *
 * @example
 *   const { browser, url, close } = await launchBench();
 *   const page = await openDesign(browser, url, design);
 *   const ms = await waitRendered(page, drawnNodeCount(design)); // since navigation start
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { isDrawnAsNode, isSupportingKind, serializeDesign, type Design } from '../../src/engine/index.ts';
import { BROWSER_HINT, findChromium } from '../../scripts/lib/browser.mjs';
import { build, serve } from '../../scripts/lib/preview.mjs';
import { ROOT } from '../../scripts/lib/run.mjs';

export const AUTOSAVE_KEY = 'vpc-designer:design';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * How many elements the design's resources need at least: `.react-flow__node`s, or `.folded-leaf`s for the leaves a
 * subnet draws itself when zoomed out (region and AZ boxes come on top).
 */
export function drawnNodeCount(design: Design): number {
  return Object.values(design.resources).filter((r) => isDrawnAsNode(r) && !isSupportingKind(r)).length;
}

/** Headless Chromium and the app's URL; `close()` ends both (the server only if this started it). */
export type Bench = { browser: Browser; url: string; close: () => Promise<void> };

export async function launchBench(): Promise<Bench> {
  const found = findChromium(ROOT, (line) => console.error(line));
  if (!found) throw new Error(BROWSER_HINT);
  let url = process.env.BENCH_URL;
  let stop = () => {};
  if (!url) {
    await build('dist-bench');
    ({ url, stop } = await serve('dist-bench', Number(process.env.BENCH_PORT ?? 4185)));
  }
  const browser = await chromium.launch({
    executablePath: found.path,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Frames as fast as the work allows, so frame timings measure the work rather than the 60 Hz clock.
      '--disable-frame-rate-limit',
      '--disable-gpu-vsync',
    ],
  });
  return {
    browser,
    url,
    close: async () => {
      await browser.close();
      stop();
    },
  };
}

/**
 * A benchmark file's body, given the browser and the served app, which are closed however it ends. A browser that
 * cannot start says why on stderr; an error thrown by `body` becomes one JSON line `{ name, error }`. Both set
 * exit code 1.
 */
export async function withBench(name: string, body: (bench: Bench) => Promise<void>): Promise<void> {
  let bench: Bench;
  try {
    bench = await launchBench();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
    return;
  }
  try {
    await body(bench);
  } catch (error) {
    console.log(JSON.stringify({ name, error: (error as Error).message.split('\n')[0] }));
    process.exitCode = 1;
  } finally {
    await bench.close();
  }
}

/**
 * THE one place the benchmarks put a design where the app opens it on load: a new browser context (1440×900, cold
 * caches) whose storage holds `design` as the open design, as a returning user has it (the design library in
 * IndexedDB, see `returningVisit`). Written when the context is
 * created (`storageState`), not by a script inside the measured page load: the seeding is the harness's work, not
 * the app's. When the app's boot path changes (e.g. the open design read from IndexedDB), change this function only.
 */
export async function contextWithDesign(
  browser: Browser,
  url: string,
  design: Design | undefined,
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: BENCH_VIEWPORT,
    storageState: design ? await returningVisit(browser, url, design) : { cookies: [], origins: [] },
  });
}

const BENCH_VIEWPORT = { width: 1440, height: 900 };

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
const returning = new WeakMap<Design, Map<string, Promise<StorageState>>>();

/**
 * The browser storage of a user returning to `design`: the design library (IndexedDB) and local storage exactly as
 * the app left them, made once per design and URL by letting the app take the design in (as an old single autosave,
 * which it moves into its library) and saving the context's storage. Measured opens then read the library, as every
 * visit after the first does. A build from before the library (BENCH_BASE_URL) keeps the autosave as it is. The
 * visit has the measured pages' window size, and ends once the app has stored the design's picture for the early
 * paint of index.html (`thumb:<id>`, src/library/thumbnails.ts), as a returning user's library holds it — when the
 * build has an early paint (and the copy of it in local storage that the paint reads).
 */
function returningVisit(browser: Browser, url: string, design: Design): Promise<StorageState> {
  const byUrl = returning.get(design) ?? new Map<string, Promise<StorageState>>();
  returning.set(design, byUrl);
  let state = byUrl.get(url);
  if (!state) {
    state = (async () => {
      const seeded: StorageState = {
        cookies: [],
        origins: [
          { origin: new URL(url).origin, localStorage: [{ name: AUTOSAVE_KEY, value: serializeDesign(design) }] },
        ],
      };
      const context = await browser.newContext({ storageState: seeded, viewport: BENCH_VIEWPORT });
      try {
        const page = await context.newPage();
        await page.goto(url);
        await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
        const saveStatus = page.getByRole('status', { name: 'Save status' });
        if ((await saveStatus.count()) === 0) return seeded;
        // Moved in: the old key is gone once the library holds the design, and the open design is saved.
        await page.waitForFunction((k) => localStorage.getItem(k) === null, AUTOSAVE_KEY, { timeout: 60_000 });
        await saveStatus.filter({ hasText: /^Saved$/ }).waitFor({ timeout: 60_000 });
        if (
          await page.evaluate(`[...document.scripts].some((s) => !s.src && s.textContent.includes('"pictureKey"'))`)
        ) {
          // Polled by hand: the check is a promise, which page.evaluate awaits.
          const until = Date.now() + 60_000;
          while (!(await page.evaluate(THUMB_STORED))) {
            if (Date.now() > until) throw new Error('The app did not store the design’s picture within 60 s.');
            await page.waitForTimeout(250);
          }
        }
        return await context.storageState({ indexedDB: true });
      } finally {
        await context.close();
      }
    })();
    byUrl.set(url, state);
  }
  return state;
}

/** In the page: resolves true once the open entry's picture, measured on the canvas, of the design as saved, is stored. */
const THUMB_STORED = `new Promise((resolve) => {
  const id = sessionStorage.getItem('vpc-designer:open');
  const open = indexedDB.open('vpc-designer');
  open.onerror = () => resolve(false);
  open.onsuccess = () => {
    const store = open.result.transaction('library', 'readonly').objectStore('library');
    const index = store.get('index');
    const get = store.get('thumb:' + id);
    get.onsuccess = () => {
      open.result.close();
      const entry = (index.result || []).find((e) => e.id === id);
      const early = JSON.parse(localStorage.getItem('vpc-designer:early-picture') || 'null');
      resolve(!!(get.result && get.result.open && entry && get.result.editedAt === entry.editedAt && early && early.id === id && early.editedAt === entry.editedAt));
    };
    get.onerror = () => { open.result.close(); resolve(false); };
  };
})`;

/**
 * A new page (1440×900, its own context) with `design` in local storage as the autosave, as a returning user has it.
 * From the first frame on it records in `window.__rendered` the time (ms since navigation start) at which the design
 * is on screen as the user sees it — `expected` nodes in the DOM, measured (not `visibility: hidden`) and all inside
 * the canvas (the whole design framed, not a corner of it at zoom 1) — and that frame has been painted: the time is
 * taken in a task posted from the frame's animation-frame callback, so after that frame's style, layout and paint.
 *
 * `window.__findingsShown` is the same for the Findings panel listing the design's findings.
 *
 * The design is seeded by `contextWithDesign` (the app's reading and parsing of it is measured).
 */
export async function openDesign(
  browser: Browser,
  url: string,
  design: Design,
  expected = drawnNodeCount(design),
): Promise<Page> {
  const context = await contextWithDesign(browser, url, design);
  await context.addInitScript(renderedProbe(expected));
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/**
 * The page script that sets `window.__rendered` (and `window.__findingsShown`), see `openDesign`. A string, not a
 * function: tsx compiles functions with name helpers that do not exist in the page.
 */
function renderedProbe(expected: number): string {
  return `
    (function check() {
      const pane = document.querySelector('.react-flow');
      // A node, or a leaf its subnet's node draws when zoomed out (src/canvas/largeDesign.ts, foldLeaves).
      const nodes = pane ? pane.querySelectorAll('.react-flow__node, .folded-leaf') : [];
      // React Flow keeps a node hidden until it has measured it.
      if (pane && nodes.length >= ${expected} && [...nodes].every((n) => n.style.visibility !== 'hidden')) {
        const box = pane.getBoundingClientRect();
        const framed = [...nodes].every((n) => {
          const r = n.getBoundingClientRect();
          return r.width > 0 && r.left >= box.left - 1 && r.top >= box.top - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1;
        });
        if (framed) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { window.__rendered = performance.now(); };
          channel.port2.postMessage(0);
          return;
        }
      }
      requestAnimationFrame(check);
    })();
    // When the early picture (index.html's paint of the stored design's sketch, src/library/earlyRead.ts) is on
    // screen: the canvas there (drawn before it is put in the page), and that frame painted.
    (function early() {
      const picture = document.getElementById('vpc-early-picture');
      if (picture) {
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { window.__earlyPainted = performance.now(); };
          channel.port2.postMessage(0);
        });
        return;
      }
      if (window.__rendered === undefined) requestAnimationFrame(early);
    })();
    // When the Findings panel shows the design's findings (the rules run after the design is drawn), painted.
    (function findings() {
      if (document.querySelector('section[aria-label="Findings"]')) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__findingsShown = performance.now(); };
        channel.port2.postMessage(0);
        return;
      }
      requestAnimationFrame(findings);
    })();
  `;
}

/**
 * The floor page (bench/floor, served at /floor/ beside the app: Vite + React + React Flow alone, 6 nodes, fitView),
 * opened the way `openDesign` opens the app, with the same probe: `waitRendered(page, FLOOR_NODES)`. With `nodes`,
 * the floor showing that many nodes (`?nodes=N`).
 */
export async function openFloor(browser: Browser, url: string, nodes = FLOOR_NODES): Promise<Page> {
  const context = await contextWithDesign(browser, url, undefined);
  await context.addInitScript(renderedProbe(nodes));
  const page = await context.newPage();
  await page.goto(new URL(nodes === FLOOR_NODES ? 'floor/' : `floor/?nodes=${nodes}`, url).href);
  return page;
}

export const FLOOR_NODES = 6;

/** Resolves with `window.__rendered` (see `openDesign`), or fails saying how many nodes did show. */
export async function waitRendered(page: Page, expected: number, timeout = 20_000): Promise<number> {
  try {
    const handle = await page.waitForFunction('window.__rendered', null, {
      timeout,
      polling: 50,
    });
    return (await handle.jsonValue()) as number;
  } catch {
    const seen = await page.locator('.react-flow__node').count();
    throw new Error(
      `The canvas did not show ${expected} nodes, all framed, within ${timeout / 1000} s (it has ${seen}).`,
    );
  }
}
