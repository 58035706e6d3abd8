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
import { DESIGN_KEY_PREFIX, INDEX_KEY, LAST_OPEN_KEY, LIBRARY_DB, LIBRARY_STORE, TAB_OPEN_KEY, THUMB_KEY_PREFIX } from './keys.ts';
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
  thumbPrefix: string;
  tabKey: string;
  lastKey: string;
  pictureId: string;
  appWaitMs: number;
  decodeWaitMs: number;
};

/** The longest the app's script waits on the early paint (see `startEarlyRead`). */
const APP_WAIT_MS = 1000;
/** The longest it waits on the picture's decoding, once the picture is in the page. */
const DECODE_WAIT_MS = 300;

/** The element of the early picture (removed by `removeEarlyPicture`). */
export const EARLY_PICTURE_ID = 'vpc-early-picture';

/**
 * Runs in the page before any module: sets `window.__vpcEarlyRead`, and paints the likely design's stored picture
 * (thumbnail.ts) where the canvas will draw it — a fixed box at the canvas's place holding an <img> of the SVG (an
 * image runs no script), aria-hidden and letting clicks through — when the picture is of the design as last saved
 * (its stamp matches the index's `editedAt`), the entry is neither in the Trash nor damaged, the window is the size
 * it was when the picture was measured (`place`: thumbnail.ts's `picturePlacement`), and the address is not a share
 * link (`#d=`, `#embed=`), which opens another design. The app removes it once the canvas has drawn (main.tsx).
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
  w.__vpcEarlyRead = new Promise((resolve) => {
    try {
      let id: string | undefined;
      try {
        id = sessionStorage.getItem(keys.tabKey) || localStorage.getItem(keys.lastKey) || undefined;
      } catch {
        id = undefined;
      }
      const shared = /^#(d|embed)=/.test(location.hash);
      if (id === undefined || shared) startApp(); // no picture to paint
      const open = indexedDB.open(keys.db);
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onerror = () => {
        startApp();
        resolve(undefined);
      };
      open.onblocked = () => {
        startApp();
        resolve(undefined);
      };
      open.onsuccess = () => {
        const db = open.result;
        try {
          const store = db.transaction(keys.store, 'readonly').objectStore(keys.store);
          const index = store.get(keys.index);
          const thumb = id === undefined || shared ? undefined : store.get(keys.thumbPrefix + id);
          const text = id === undefined ? undefined : store.get(keys.designPrefix + id);
          if (thumb) {
            // Requests in one transaction succeed in order: the index is in when the picture is.
            thumb.onerror = startApp;
            thumb.onsuccess = () => {
              let painting = false;
              try {
                const t = thumb.result as { svg?: unknown; editedAt?: unknown } | undefined;
                const entries = index.result as Array<{ id: string; editedAt: number; trashedAt?: number; damaged?: string }> | undefined;
                const entry = Array.isArray(entries) ? entries.find((e) => e && e.id === id) : undefined;
                if (!t || typeof t.svg !== 'string' || !entry || entry.trashedAt !== undefined || entry.damaged || t.editedAt !== entry.editedAt) return;
                const at = place(t as Parameters<typeof picturePlacement>[0], { width: window.innerWidth, height: window.innerHeight });
                if (!at) return;
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
                img.decoding = 'sync';
                img.style.cssText = 'position:absolute;max-width:none;';
                img.style.left = px(at.picture.left);
                img.style.top = px(at.picture.top);
                img.style.width = px(at.picture.width);
                img.style.height = px(at.picture.height);
                img.src = URL.createObjectURL(new Blob([t.svg], { type: 'image/svg+xml' }));
                box.appendChild(img);
                (document.body || document.documentElement).appendChild(box);
                performance.mark('app:early-paint');
                painting = true;
                const after = () => requestAnimationFrame(() => setTimeout(startApp, 0));
                img.decode().then(after, after);
                // A large picture decodes slowly: the app does not wait more than this on it.
                setTimeout(startApp, keys.decodeWaitMs);
              } catch {
                // No picture: the canvas draws as it always did.
              }
              if (!painting) startApp();
            };
          }
          const done = () => {
            db.close();
            resolve({ id, index: index.result, text: text?.result });
          };
          (text ?? thumb ?? index).onsuccess = done;
          index.onerror = () => resolve(undefined);
          if (text) text.onerror = () => resolve(undefined);
          if (!thumb) startApp();
        } catch {
          db.close();
          startApp();
          resolve(undefined);
        }
      };
    } catch {
      startApp();
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
    thumbPrefix: THUMB_KEY_PREFIX,
    tabKey: TAB_OPEN_KEY,
    lastKey: LAST_OPEN_KEY,
    pictureId: EARLY_PICTURE_ID,
    appWaitMs: APP_WAIT_MS,
    decodeWaitMs: DECODE_WAIT_MS,
  };
  return `(${startEarlyRead.toString()})(${JSON.stringify(keys)}, ${picturePlacement.toString()});`;
}

/** Settles when the early read (and so any early paint) is over; at once when there is none. Call before the boot. */
export function earlyReadOver(): Promise<void> {
  const pending = (globalThis as unknown as EarlyReadWindow).__vpcEarlyRead;
  return pending ? pending.then(() => undefined, () => undefined) : Promise.resolve();
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
