/**
 * UI state that is not part of the design and never enters the undo history: the clipboard, what the canvas
 * shows, requests to frame the diagram, the open bottom tab.
 */
import { create } from 'zustand';
import type { Clipboard } from '../engine/index.ts';

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
  setClipboard(clipboard: Clipboard): void;
  /** Counts a paste and returns how many pastes (this one included) since the last copy. */
  countPaste(): number;
  setShowSupporting(show: boolean): void;
  requestFitView(): void;
  setBottomTab(tab: BottomTab): void;
  reveal(ids: string[]): void;
}

export const useUiStore = create<UiState>()((set, get) => ({
  clipboard: undefined,
  pasteCount: 0,
  showSupporting: false,
  fitViewRequest: 0,
  bottomTab: 'findings',
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
}));
