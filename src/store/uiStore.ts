/**
 * UI state that is not part of the design and never enters the undo history: the clipboard, what the canvas
 * shows, requests to frame the diagram, the open bottom tab, the reduced-motion choice (the one preference kept
 * across visits, in local storage).
 */
import { create } from 'zustand';
import type { Clipboard } from '../engine/index.ts';

/** Local storage key of the user's reduced-motion choice (`true`/`false`; absent: follow the system). */
export const REDUCE_MOTION_KEY = 'vpc-designer:reduce-motion';

function readReduceMotion(): boolean | undefined {
  try {
    const value = globalThis.localStorage?.getItem(REDUCE_MOTION_KEY);
    return value === 'true' ? true : value === 'false' ? false : undefined;
  } catch {
    return undefined; // storage refused (private mode, a sandboxed frame): follow the system
  }
}

function writeReduceMotion(reduce: boolean | undefined): void {
  try {
    if (reduce === undefined) globalThis.localStorage?.removeItem(REDUCE_MOTION_KEY);
    else globalThis.localStorage?.setItem(REDUCE_MOTION_KEY, String(reduce));
  } catch {
    // Not kept across visits, still applied now.
  }
}

export type BottomTab = 'findings' | 'traffic' | 'exposure';

export interface UiState {
  clipboard?: Clipboard;
  /** Pastes since the last copy: each lands a little further along so copies do not stack exactly. */
  pasteCount: number;
  /** Draw route tables, security groups and network ACLs on the canvas. */
  showSupporting: boolean;
  /** Incremented to ask the canvas to fit the whole design into view (after an import or a new design). */
  fitViewRequest: number;
  bottomTab: BottomTab;
  /** Asks the canvas to scroll these resources into view if they are off screen (after a keyboard add or a paste). */
  revealRequest?: { ids: string[]; seq: number };
  /** Packets stand still (true) or travel (false) whatever the system says; undefined follows `prefers-reduced-motion`. */
  reduceMotion?: boolean;
  setClipboard(clipboard: Clipboard): void;
  /** Counts a paste and returns how many pastes (this one included) since the last copy. */
  countPaste(): number;
  setShowSupporting(show: boolean): void;
  requestFitView(): void;
  setBottomTab(tab: BottomTab): void;
  reveal(ids: string[]): void;
  setReduceMotion(reduce: boolean | undefined): void;
}

export const useUiStore = create<UiState>()((set, get) => ({
  clipboard: undefined,
  pasteCount: 0,
  showSupporting: false,
  fitViewRequest: 0,
  bottomTab: 'findings',
  reduceMotion: readReduceMotion(),
  setClipboard(clipboard) {
    set({ clipboard, pasteCount: 0 });
  },
  countPaste() {
    const pasteCount = get().pasteCount + 1;
    set({ pasteCount });
    return pasteCount;
  },
  setShowSupporting(showSupporting) {
    set({ showSupporting });
  },
  requestFitView() {
    set({ fitViewRequest: get().fitViewRequest + 1 });
  },
  setBottomTab(bottomTab) {
    set({ bottomTab });
  },
  reveal(ids) {
    set({ revealRequest: { ids, seq: (get().revealRequest?.seq ?? 0) + 1 } });
  },
  setReduceMotion(reduceMotion) {
    writeReduceMotion(reduceMotion);
    set({ reduceMotion });
  },
}));
