/**
 * Where the design library keeps things, in one place: the IndexedDB database and store (storage.ts), its keys,
 * and the web-storage keys that remember which design a tab and the browser opened last (session.ts). The early
 * read inlined in index.html (earlyRead.ts) reads the same places before the app's script has loaded.
 */
export const LIBRARY_DB = 'vpc-designer';
export const LIBRARY_STORE = 'library';
export const INDEX_KEY = 'index';
export const DESIGN_KEY_PREFIX = 'design:';
export const SNAPSHOTS_KEY_PREFIX = 'snapshots:';
/** Each design's picture (thumbnails.ts): its SVG, for the Designs list and the early paint of index.html. */
export const THUMB_KEY_PREFIX = 'thumb:';
/** sessionStorage: the entry this tab has open (kept across reloads of the tab). */
export const TAB_OPEN_KEY = 'vpc-designer:open';
/**
 * localStorage: the picture of the design drawn last (thumbnails.ts), for index.html to paint before the app's
 * script has loaded (earlyRead.ts) — web storage answers at once, IndexedDB only after it has opened.
 */
export const EARLY_PICTURE_KEY = 'vpc-designer:early-picture';
/** localStorage: the entry opened last in this browser (a new tab opens it). */
export const LAST_OPEN_KEY = 'vpc-designer:last-open';
