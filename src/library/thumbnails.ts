/**
 * Keeps each design's picture in the library (`thumb:<id>`): the Designs list shows it, and index.html paints it
 * before the app's script has loaded (earlyRead.ts). Drawn after a save — not on every keystroke: at most one every
 * THUMBNAIL_INTERVAL_MS, in idle time, with the SVG renderer loaded on first use (a dynamic import: first-visit
 * JavaScript does not grow) — and after a design opens, when its stored picture is missing, older than the design,
 * or was measured in another window size. Designs over THUMBNAIL_MAX_RESOURCES resources get none (thumbnail.ts).
 * The design drawn last is also kept in web storage as a sketch for the early paint (`keepForEarlyPaint`).
 */
import { sketchOf, type Sketch } from '../engine/export/sketch.ts';
import { diagramGeometry } from '../engine/layout/diagram.ts';
import { minimapAtOpening, openingViewport } from '../canvas/openingFit.ts';
import { useDesignStore } from '../store/designStore.ts';
import { EARLY_PICTURE_KEY } from './keys.ts';
import { useLibraryStore } from './libraryStore.ts';
import { currentEntryId, isSavedDesign, libraryStorage, queueWrite } from './session.ts';
import { drawsThumbnail, svgBox, thumbnailDelay, type OpeningView, type Thumbnail } from './thumbnail.ts';

/** The largest sketch kept for the early paint (web storage holds ~5 MB per site, counted in UTF-16). */
const EARLY_PICTURE_MAX_CHARS = 1_000_000;

let lastAt: number | undefined;

/** How many pictures this tab has stored; the Designs list reads them again when it changes (`onThumbnailStored`). */
let stored = 0;
const storedListeners = new Set<() => void>();

/** Calls `listener` after each picture this tab stores; returns the unsubscribe. For useSyncExternalStore. */
export function onThumbnailStored(listener: () => void): () => void {
  storedListeners.add(listener);
  return () => storedListeners.delete(listener);
}

/** The count of pictures stored so far (changes with each). */
export function thumbnailsStored(): number {
  return stored;
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Whether the pending picture may be skipped when the stored one is still good (after an open, not a save). */
let onlyIfStale = true;

/**
 * From the canvas's first frame on (it is measured for the early paint): a picture after each save that completes,
 * and after a design opens. Returns the unsubscribe.
 */
export function watchThumbnails(): () => void {
  if (useLibraryStore.getState().currentId !== undefined) scheduleThumbnail('opened');
  return useLibraryStore.subscribe((state, prev) => {
    if (state.currentId !== prev.currentId) scheduleThumbnail('opened');
    else if (state.save === 'saved' && prev.save === 'saving') scheduleThumbnail('saved');
  });
}

/** Draws the open design's picture soon (throttled, in idle time): after a save, or (`opened`) after an open. */
export function scheduleThumbnail(reason: 'saved' | 'opened'): void {
  if (reason === 'saved') onlyIfStale = false;
  if (timer !== undefined) return;
  const delay = reason === 'opened' ? 0 : thumbnailDelay(lastAt, Date.now());
  timer = setTimeout(() => {
    const run = () => {
      timer = undefined;
      const stale = onlyIfStale;
      onlyIfStale = true;
      void drawThumbnail(stale).catch((error: unknown) => console.warn('Could not store the design picture:', error));
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
    else run();
  }, delay);
}

/** Where the canvas is now, and the viewport it opens `design` with in that box. Undefined without a canvas. */
function openingView(
  bounds: { x: number; y: number; width: number; height: number },
  nodeCount: number,
): OpeningView | undefined {
  const pane = document.querySelector('.react-flow');
  if (!pane) return undefined;
  const r = pane.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return undefined;
  const size = { width: r.width, height: r.height };
  return {
    window: { width: window.innerWidth, height: window.innerHeight },
    canvas: { left: r.left, top: r.top, width: r.width, height: r.height },
    viewport: openingViewport(bounds, size, minimapAtOpening(nodeCount)),
  };
}

const sameView = (a: OpeningView | undefined, b: OpeningView | undefined) => JSON.stringify(a) === JSON.stringify(b);

async function drawThumbnail(onlyIfStale: boolean): Promise<void> {
  const storage = libraryStorage();
  const id = currentEntryId();
  const { design, readOnly } = useDesignStore.getState();
  // A read-only tab leaves the picture to the editing tab; an unsaved edit is drawn after its save.
  if (!storage || !id || readOnly !== undefined || !isSavedDesign(design)) return;
  lastAt = Date.now();
  if (!drawsThumbnail(Object.keys(design.resources).length)) {
    await queueWrite(() => storage.deleteThumbnail(id));
    return;
  }
  const geometry = diagramGeometry(design, { showSupporting: false });
  const open = geometry.boxes.length > 0 ? openingView(geometry.bounds, geometry.boxes.length) : undefined;
  if (onlyIfStale) {
    const stored = await storage.readThumbnail(id);
    const entry = useLibraryStore.getState().entries.find((e) => e.id === id);
    if (stored && entry && stored.editedAt === entry.editedAt && sameView(stored.open, open)) {
      keepForEarlyPaint(id, stored, sketchOf(geometry)); // the design opened now is the one a reload opens
      return;
    }
  }
  const { renderSvg } = await import('../engine/export/svg.ts');
  if (currentEntryId() !== id || useDesignStore.getState().design !== design) return; // moved on meanwhile
  const svg = renderSvg(design, {
    titleBlock: false,
    legend: false,
    flows: 'none',
    findings: false,
    background: 'transparent',
    showSupporting: false,
  });
  const box = svgBox(svg);
  if (!box) return;
  const thumb: Omit<Thumbnail, 'editedAt'> = { svg, box, ...(open ? { open } : {}) };
  const written = await queueWrite(() => storage.writeThumbnail(id, thumb));
  if (written) {
    stored++;
    for (const listener of storedListeners) listener();
  }
  if (written?.open) keepForEarlyPaint(id, written, sketchOf(geometry));
}

/**
 * Keeps the design's sketch where index.html's early paint reads it (web storage: read at once, see earlyRead.ts) —
 * one, of the design drawn last, with the picture's stamp and opening view; one too large for web storage's few MB
 * is left out (none is painted).
 */
function keepForEarlyPaint(id: string, thumb: Thumbnail, sketch: Sketch): void {
  try {
    const kept = JSON.stringify({ id, editedAt: thumb.editedAt, open: thumb.open, sketch });
    if (kept.length > EARLY_PICTURE_MAX_CHARS) localStorage.removeItem(EARLY_PICTURE_KEY);
    else localStorage.setItem(EARLY_PICTURE_KEY, kept);
  } catch {
    // Web storage full or refused: no early paint, the canvas draws as it always did.
  }
}
