/**
 * What the UI shows of the library: the entries, which one is open, whether this tab may edit it, saves that
 * could not be read, a storage problem, and which library dialog is open. The session (`session.ts`) writes it.
 */
import { create } from 'zustand';
import type { LibraryEntry } from './entries.ts';

/**
 * `elsewhere`: another tab was editing it when this tab opened it; `taken`: another tab took it over from this one;
 * `shared`: a design from a share link, in no library entry until the visitor makes a copy.
 */
export type EditMode = 'editing' | 'elsewhere' | 'taken' | 'shared';

export interface DamagedSave {
  id: string;
  name: string;
  reason: string;
}

export interface LibraryState {
  entries: LibraryEntry[];
  currentId?: string;
  mode: EditMode;
  /** Saves found unreadable in this visit: told once, in a notice with a download of the raw data. */
  damaged: DamagedSave[];
  /** Set once when the browser refuses to save (full) or has no storage for the app (unavailable). */
  storageProblem?: 'full' | 'unavailable';
  /**
   * Whether the open design as shown is in the library: `saved`, `saving` (an edit waits to be written), or
   * `unsaved` (the browser refused the last write, or there is no storage: the design lives in this tab only).
   */
  save: 'saved' | 'saving' | 'unsaved';
  dialog?: 'library' | 'history';
  openDialog(dialog: LibraryState['dialog']): void;
}

export const useLibraryStore = create<LibraryState>()((set) => ({
  entries: [],
  mode: 'editing',
  damaged: [],
  save: 'saved',
  openDialog(dialog) {
    set({ dialog });
  },
}));
