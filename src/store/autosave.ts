/**
 * Autosave: every change to the design is written to localStorage (debounced to once per animation frame's
 * worth of edits), so a reload or a crashed tab comes back to the same design.
 */
import type { Design } from '../engine/index.ts';
import { readDesign, serializeDesign } from '../engine/index.ts';
import { useDesignStore } from './designStore.ts';

export const AUTOSAVE_KEY = 'vpc-designer:design';

export function loadAutosaved(): Design | undefined {
  try {
    const text = localStorage.getItem(AUTOSAVE_KEY);
    if (!text) return undefined;
    const result = readDesign(JSON.parse(text));
    return result.ok ? result.value : undefined;
  } catch {
    return undefined;
  }
}

export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: Design | undefined;
  const save = () => {
    timer = undefined;
    const { design } = useDesignStore.getState();
    try {
      localStorage.setItem(AUTOSAVE_KEY, serializeDesign(design));
    } catch {
      useDesignStore.getState().notify('Could not save to this browser (storage is full or disabled).', 'error');
    }
  };
  const unsubscribe = useDesignStore.subscribe((state) => {
    if (state.design === last) return;
    last = state.design;
    if (timer === undefined) timer = setTimeout(save, 150);
  });
  // Flush on the way out so the last edit before a reload is kept.
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}
