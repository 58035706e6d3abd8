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
import { DESIGN_KEY_PREFIX, INDEX_KEY, LAST_OPEN_KEY, LIBRARY_DB, LIBRARY_STORE, TAB_OPEN_KEY } from './keys.ts';

/** What the early read found: the index (as stored) and, when asked for one, the likely design's stored text. */
export interface EarlyRead {
  id: string | undefined;
  index: unknown;
  text: unknown;
}

interface EarlyReadWindow {
  __vpcEarlyRead?: Promise<EarlyRead | undefined>;
}

type Keys = { db: string; store: string; index: string; designPrefix: string; tabKey: string; lastKey: string };

/** Runs in the page before any module: sets `window.__vpcEarlyRead`. */
function startEarlyRead(keys: Keys): void {
  const w = window as unknown as EarlyReadWindow;
  w.__vpcEarlyRead = new Promise((resolve) => {
    try {
      let id: string | undefined;
      try {
        id = sessionStorage.getItem(keys.tabKey) || localStorage.getItem(keys.lastKey) || undefined;
      } catch {
        id = undefined;
      }
      const open = indexedDB.open(keys.db);
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onerror = () => resolve(undefined);
      open.onblocked = () => resolve(undefined);
      open.onsuccess = () => {
        const db = open.result;
        try {
          const store = db.transaction(keys.store, 'readonly').objectStore(keys.store);
          const index = store.get(keys.index);
          const text = id === undefined ? undefined : store.get(keys.designPrefix + id);
          const done = () => {
            db.close();
            resolve({ id, index: index.result, text: text?.result });
          };
          (text ?? index).onsuccess = done;
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

/** The inline script for index.html. */
export function earlyReadScript(): string {
  const keys: Keys = {
    db: LIBRARY_DB,
    store: LIBRARY_STORE,
    index: INDEX_KEY,
    designPrefix: DESIGN_KEY_PREFIX,
    tabKey: TAB_OPEN_KEY,
    lastKey: LAST_OPEN_KEY,
  };
  return `(${startEarlyRead.toString()})(${JSON.stringify(keys)});`;
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
