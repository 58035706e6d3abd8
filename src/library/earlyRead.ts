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
import { picturePlacement } from './thumbnail.ts';

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
 * The longest it waits on the picture's decoding, once the picture is in the page: a frame or so. A small design's
 * picture decodes within it (~40 ms for 11 KB) and paints first; a large one's takes longer (~330 ms for 195 KB),
 * and the canvas itself, which the app's script draws, must not wait that long (issue 7 item 10: `npm run bench --
 * open` measured the 979-resource design 140 ms slower to draw with a 300 ms wait).
 */
const DECODE_WAIT_MS = 50;

/**
 * The largest picture painted early. Decoding an SVG picture holds the main thread (~40 ms for 11 KB, ~330 ms for
 * the 979-resource design's 195 KB), and the app's script — which draws the live canvas — waits behind it: `npm run
 * bench -- open` measured the 979-resource design's canvas at 1,130 ms with its picture painted early and 874 ms
 * without, and the 300-resource design's (~60 KB picture) ~100 ms later than without. A larger design opens
 * without one; the example design's (11 KB) paints.
 */
const PICTURE_MAX_CHARS = 24_000;

/** The element of the early picture (removed by `removeEarlyPicture`). */
export const EARLY_PICTURE_ID = 'vpc-early-picture';

/**
 * Runs in the page before any module: paints the likely design's picture, and sets `window.__vpcEarlyRead`.
 *
 * The picture (thumbnail.ts; the app keeps the last one drawn in web storage, `EARLY_PICTURE_KEY`, see
 * thumbnails.ts) is painted where the canvas will draw the design — a fixed box at the canvas's place holding an
 * <img> of the SVG (an image runs no script), aria-hidden and letting clicks through — when it is of the design this
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
function startEarlyRead(keys: Keys, place: typeof picturePlacement): void {
  const w = window as unknown as EarlyReadWindow;
  let started = false;
  const startApp = () => {
    if (started) return;
    started = true;
    const entry = document.querySelector<HTMLLinkElement>('link[data-app-entry]');
    if (!entry) return;
    const insert = () => {
      const script = document.createElement('script');
      script.type = 'module';
      script.crossOrigin = '';
      script.src = entry.href;
      document.head.appendChild(script);
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
    const t =
      id === undefined || /^#(d|embed)=/.test(location.hash)
        ? undefined
        : JSON.parse(localStorage.getItem(keys.pictureKey) || 'null');
    const at =
      t && t.id === id && typeof t.svg === 'string' && t.svg.length <= keys.pictureMaxChars
        ? place(t, { width: window.innerWidth, height: window.innerHeight })
        : undefined;
    if (at) {
      const px = (n: number) => n + 'px';
      const box = document.createElement('div');
      box.id = keys.pictureId;
      box.dataset.id = id;
      box.setAttribute('aria-hidden', 'true');
      box.style.cssText = 'position:fixed;overflow:hidden;pointer-events:none;z-index:1;';
      box.style.left = px(at.canvas.left);
      box.style.top = px(at.canvas.top);
      box.style.width = px(at.canvas.width);
      box.style.height = px(at.canvas.height);
      const img = document.createElement('img');
      img.alt = '';
      img.style.cssText = 'position:absolute;max-width:none;';
      img.style.left = px(at.picture.left);
      img.style.top = px(at.picture.top);
      img.style.width = px(at.picture.width);
      img.style.height = px(at.picture.height);
      img.src = URL.createObjectURL(new Blob([t.svg], { type: 'image/svg+xml' }));
      box.appendChild(img);
      (document.body || document.documentElement).appendChild(box);
      performance.mark('app:early-paint');
      picture = t;
      const after = () => requestAnimationFrame(() => setTimeout(startApp, 0));
      img.decode().then(after, after);
      // A large picture decodes slowly: the app does not wait more than this on it.
      setTimeout(startApp, keys.decodeWaitMs);
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
 * `startEarlyRead`). Unchanged when the page has no single entry script of that form.
 */
export function deferAppEntry(html: string): string {
  const tags = [...html.matchAll(/<script type="module" crossorigin src="([^"]+)"><\/script>/g)];
  if (tags.length !== 1) return html;
  const [tag, src] = tags[0]! as unknown as [string, string];
  return html.replace(tag, `<link rel="modulepreload" crossorigin href="${src}" data-app-entry>`);
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
  return `(${startEarlyRead.toString()})(${JSON.stringify(keys)}, ${picturePlacement.toString()});`;
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
  const box = document.getElementById(EARLY_PICTURE_ID);
  if (!box) return;
  const img = box.querySelector('img');
  if (img?.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
  box.remove();
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
