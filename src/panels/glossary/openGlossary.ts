/**
 * Opens the Glossary from anywhere — the toolbar, an explanation's concept link, a help popover, a lesson's
 * concept chip: `openGlossary('nat-gateway')` shows that entry, `openGlossary()` the whole list. The view itself
 * (and the glossary's data) loads on first use, so a first visit downloads neither.
 *
 * @example <button onClick={() => openGlossary('security-group')}>Security groups</button>
 */
import { create } from 'zustand';

interface GlossaryState {
  open: boolean;
  /** The entry to show; undefined shows the list with the first entry. */
  id?: string;
  /** Bumped on every open, so opening the same entry again shows it even after the user browsed away. */
  seq: number;
}

export const useGlossaryStore = create<GlossaryState>()(() => ({ open: false, seq: 0 }));

let load: (() => Promise<unknown>) | undefined;
/** Where the host registers its loader (GlossaryHost), so `preloadGlossary` starts the download. */
export function registerGlossaryLoader(loader: () => Promise<unknown>): void {
  load = loader;
}

export function openGlossary(id?: string): void {
  useGlossaryStore.setState((s) => ({ open: true, id, seq: s.seq + 1 }));
}

export function closeGlossary(): void {
  useGlossaryStore.setState({ open: false });
}

/** Starts loading the Glossary (on hover or focus of something that opens it) so it opens at once. */
export function preloadGlossary(): void {
  void load?.();
}
