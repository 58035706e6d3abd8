/**
 * The saved design, read while the app's script is still loading. index.html runs `earlyReadScript()` inline
 * (vite.config.ts puts it there), so the IndexedDB open and the read of the library's index and of the design this
 * tab will likely show happen while the browser fetches, compiles and runs the app's JavaScript, instead of after
 * it: the boot (boot.ts) then finds the result waiting, or nearly (`takeEarlyRead`).
 *
 * The inlined function must stand alone (it is turned into text): no imports, no helpers, only what every browser
 * has. It never creates the database: on a first visit it aborts the upgrade IndexedDB starts for a database that
 * does not exist, and the app's own open creates it (storage.ts). Any failure resolves `undefined`, and the boot
 * reads as it always did.
 */
import {
  DESIGN_KEY_PREFIX,
  INDEX_KEY,
  LAST_OPEN_KEY,
  LIBRARY_DB,
  LIBRARY_STORE,
  TAB_OPEN_KEY,
  EARLY_PICTURE_KEY,
} from './keys.ts';
import { paintSketch, picturePlacement } from './thumbnail.ts';

/** What the early read found: the index (as stored) and, when asked for one, the likely design's stored text. */
export interface EarlyRead {
  id: string | undefined;
  index: unknown;
  text: unknown;
}

interface EarlyReadWindow {
  __vpcEarlyRead?: Promise<EarlyRead | undefined>;
}

type Keys = {
  db: string;
  store: string;
  index: string;
  designPrefix: string;
  pictureKey: string;
  tabKey: string;
  lastKey: string;
  pictureId: string;
  appWaitMs: number;
  decodeWaitMs: number;
  pictureMaxChars: number;
};

/** The longest the app's script waits on the early paint (see `startEarlyRead`). */
const APP_WAIT_MS = 1000;
/**
 * The longest the app's script waits on the frame that shows the sketch, once it is drawn: a frame or so (the
 * sketch is drawn synchronously; only the frame that shows it is waited on).
 */
const DECODE_WAIT_MS = 50;

/**
 * The longest sketch painted early, as stored (JSON characters). The limit only keeps a pathological entry from
 * holding the page: the sketch is drawn on a 2D canvas in a few ms, even the 979-resource design's (an SVG picture
 * of it took ~330 ms to decode in an <img>, which is why pictures were once painted for small designs only).
 */
const PICTURE_MAX_CHARS = 1_000_000;

/** The element of the early picture (removed by `removeEarlyPicture`). */
export const EARLY_PICTURE_ID = 'vpc-early-picture';

/**
 * Runs in the page before any module: paints the likely design's picture, and sets `window.__vpcEarlyRead`.
 *
 * The picture (thumbnail.ts; the app keeps the last one drawn in web storage, `EARLY_PICTURE_KEY`, see
 * thumbnails.ts) is its sketch (engine/export/sketch.ts: boxes, tiles and labels, no SVG to decode), drawn by
 * `paint` (thumbnail.ts's `paintSketch`) on a fixed 2D canvas at the canvas's place, aria-hidden and letting clicks
 * through, where the canvas will draw the design — when it is of the design this
 * tab will likely open, the window is the size it was when the picture was measured (`place`: thumbnail.ts's
 * `picturePlacement`), and the address is not a share link (`#d=`, `#embed=`), which opens another design. Once
 * the library's index is read it is taken away again unless the entry is there, neither in the Trash nor damaged,
 * and the picture is of it as last saved (its stamp matches the index's `editedAt`). The app removes it once the
 * canvas has drawn, or at once when another design opens (main.tsx).
 *
 * In the build, the app's script is started from here (`startApp`; vite.config.ts turns its tag into a preload,
 * `link[data-app-entry]`, fetched and compiled meanwhile): when a picture is painted, after that frame — else the
 * app's evaluation holds the main thread and the picture waits for it, on screen no sooner than the canvas — and
 * at once otherwise; never more than DECODE_WAIT_MS after the picture is in, nor APP_WAIT_MS after the start.
 */
function startEarlyRead(keys: Keys, place: typeof picturePlacement, paint: typeof paintSketch): void {
  const w = window as unknown as EarlyReadWindow;
  let started = false;
  const startApp = () => {
    if (started) return;
    started = true;
    const entry = document.querySelector<HTMLLinkElement>('link[data-app-entry]');
    if (!entry) return;
    const run = () => {
      const script = document.createElement('script');
      script.type = 'module';
      script.crossOrigin = '';
      script.src = entry.href;
      document.head.appendChild(script);
    };
    // The stylesheet does not hold the first paint (`deferAppEntry` marks it for print, where it loads without
    // blocking rendering): it applies to the screen, loaded, before the app's script runs — never an unstyled app.
    const insert = () => {
      const style = document.querySelector<HTMLLinkElement>('link[data-app-style]');
      if (!style) return run();
      style.media = 'all';
      if (style.sheet) return run();
      style.addEventListener('load', run, { once: true });
      style.addEventListener('error', run, { once: true });
    };
    // As the tag it replaces, it runs once the page is parsed.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', insert, { once: true });
    else insert();
  };
  setTimeout(startApp, keys.appWaitMs);
  let id: string | undefined;
  let picture: { editedAt?: unknown } | undefined;
  try {
    id = sessionStorage.getItem(keys.tabKey) || localStorage.getItem(keys.lastKey) || undefined;
  } catch {
    id = undefined;
  }
  // The picture, painted at once: read from web storage, which answers synchronously (IndexedDB takes a few
  // hundred ms to open in a cold tab). Checked against the library's index when that is read, below.
  try {
    const raw = id === undefined || /^#(d|embed)=/.test(location.hash) ? null : localStorage.getItem(keys.pictureKey);
    const t = raw && raw.length <= keys.pictureMaxChars ? JSON.parse(raw) : undefined;
    const at =
      t && t.id === id && t.sketch && Array.isArray(t.sketch.b)
        ? place({ box: t.sketch.box, open: t.open }, { width: window.innerWidth, height: window.innerHeight })
        : undefined;
    if (at) {
      const px = (n: number) => n + 'px';
      const dpr = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.id = keys.pictureId;
      canvas.dataset.id = id;
      canvas.setAttribute('aria-hidden', 'true');
      canvas.style.cssText = 'position:fixed;pointer-events:none;z-index:1;';
      canvas.style.left = px(at.canvas.left);
      canvas.style.top = px(at.canvas.top);
      canvas.style.width = px(at.canvas.width);
      canvas.style.height = px(at.canvas.height);
      canvas.width = Math.round(at.canvas.width * dpr);
      canvas.height = Math.round(at.canvas.height * dpr);
      if (paint(canvas, t.sketch, at.picture, dpr)) {
        (document.body || document.documentElement).appendChild(canvas);
        performance.mark('app:early-paint');
        picture = t;
        // The app's script starts after the frame that shows the sketch: its evaluation would hold that frame.
        requestAnimationFrame(() => setTimeout(startApp, 0));
        setTimeout(startApp, keys.decodeWaitMs);
      }
    }
  } catch {
    picture = undefined;
  }
  if (!picture) startApp();
  /** Takes the picture away: it is not of the design as last saved, or the entry will not open. */
  const unpaint = () => {
    const box = document.getElementById(keys.pictureId);
    if (box) box.remove();
  };
  w.__vpcEarlyRead = new Promise((resolve) => {
    try {
      const open = indexedDB.open(keys.db);
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onerror = () => {
        unpaint();
        resolve(undefined);
      };
      open.onblocked = () => resolve(undefined);
      open.onsuccess = () => {
        const db = open.result;
        try {
          const store = db.transaction(keys.store, 'readonly').objectStore(keys.store);
          const index = store.get(keys.index);
          const text = id === undefined ? undefined : store.get(keys.designPrefix + id);
          if (picture) {
            index.onsuccess = () => {
              const entries = index.result as
                Array<{ id: string; editedAt: number; trashedAt?: number; damaged?: string }> | undefined;
              const entry = Array.isArray(entries) ? entries.find((e) => e && e.id === id) : undefined;
              if (!entry || entry.trashedAt !== undefined || entry.damaged || picture!.editedAt !== entry.editedAt)
                unpaint();
            };
          }
          const done = () => {
            db.close();
            resolve({ id, index: index.result, text: text?.result });
          };
          if (text || !picture) (text ?? index).onsuccess = done;
          else index.addEventListener('success', done);
          index.onerror = () => resolve(undefined);
          if (text) text.onerror = () => resolve(undefined);
        } catch {
          db.close();
          resolve(undefined);
        }
      };
    } catch {
      resolve(undefined);
    }
  });
}

/**
 * The built index.html with the app's entry script turned into a preload that the early read starts (see
 * `startEarlyRead`), and its stylesheet loaded without holding the first paint (for print; the early read applies
 * it to the screen before it starts the app): the sketch is on screen as soon as the page is parsed. Unchanged when
 * the page has no single entry script of that form.
 */
export function deferAppEntry(html: string): string {
  const tags = [...html.matchAll(/<script type="module" crossorigin src="([^"]+)"><\/script>/g)];
  if (tags.length !== 1) return html;
  const [tag, src] = tags[0]! as unknown as [string, string];
  const styles = [...html.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)">/g)];
  const styled =
    styles.length === 1
      ? html.replace(
          styles[0]![0],
          `<link rel="stylesheet" crossorigin href="${styles[0]![1]}" media="print" data-app-style>`,
        )
      : html;
  return styled.replace(tag, `<link rel="modulepreload" crossorigin href="${src}" data-app-entry>`);
}

/** The inline script for index.html. */
export function earlyReadScript(): string {
  const keys: Keys = {
    db: LIBRARY_DB,
    store: LIBRARY_STORE,
    index: INDEX_KEY,
    designPrefix: DESIGN_KEY_PREFIX,
    pictureKey: EARLY_PICTURE_KEY,
    tabKey: TAB_OPEN_KEY,
    lastKey: LAST_OPEN_KEY,
    pictureId: EARLY_PICTURE_ID,
    appWaitMs: APP_WAIT_MS,
    decodeWaitMs: DECODE_WAIT_MS,
    pictureMaxChars: PICTURE_MAX_CHARS,
  };
  return `(${startEarlyRead.toString()})(${JSON.stringify(keys)}, ${picturePlacement.toString()}, ${paintSketch.toString()});`;
}

/** Settles when the early read (and so any early paint) is over; at once when there is none. Call before the boot. */
export function earlyReadOver(): Promise<void> {
  const pending = (globalThis as unknown as EarlyReadWindow).__vpcEarlyRead;
  return pending
    ? pending.then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve();
}

/** Removes the early picture (if any): once the canvas has drawn, or at once when another design opens. */
export function removeEarlyPicture(): void {
  document.getElementById(EARLY_PICTURE_ID)?.remove();
}

/** The entry the early picture shows (undefined: none painted). */
export function earlyPictureId(): string | undefined {
  return document.getElementById(EARLY_PICTURE_ID)?.dataset.id;
}

/**
 * The early read's result, once: for the boot's first read of the library (`readIndexAnd`). Undefined when there
 * was none (tests, a page without the inline script), when it failed, or when it read another design than `id`.
 */
export async function takeEarlyRead(id: string | undefined): Promise<EarlyRead | undefined> {
  const w = globalThis as unknown as EarlyReadWindow;
  const pending = w.__vpcEarlyRead;
  if (!pending) return undefined;
  delete w.__vpcEarlyRead;
  const read = await pending;
  return read && read.id === id ? read : undefined;
}
