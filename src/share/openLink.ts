/**
 * Opening share links, at start-up and whenever the address's fragment changes while the app is open.
 *
 * - `#d=…`: the design shows read-only (the design store's `setReadOnly`, through the library's `shared` mode) with
 *   "Make a copy"; the visitor's designs and the entry they opened last are left as they were.
 * - `#embed=…`: the canvas alone (see EmbedView), for an iframe: no library is opened at all — a frame on another
 *   site has no business with the visitor's designs — and nothing is saved.
 * - A link that cannot be read opens nothing and says why in one line; whatever was open stays.
 */
import { create } from 'zustand';
import { useDesignStore } from '../store/designStore.ts';
import { useLibraryStore } from '../library/libraryStore.ts';
import { leaveShared, READ_ONLY_MESSAGES, showShared } from '../library/session.ts';
import { readShareFragment, shareViewOf, type ShareRead } from './shareLink.ts';

export interface ShareState {
  /** Set when the page is an embed: the canvas alone, or why the embedded link cannot be shown. */
  embed?: { error?: string };
}

export const useShareStore = create<ShareState>()(() => ({}));

/** The link in the page's address, read (never throws: a browser without the streams API reads it as damaged). */
export async function readLocationLink(): Promise<ShareRead> {
  try {
    return await readShareFragment(location.hash);
  } catch {
    return { kind: 'none' };
  }
}

export function isEmbedLink(link: ShareRead): boolean {
  return link.kind !== 'none' && link.view === 'embed';
}

/** An embed link: its design read-only, alone; or the reason it cannot be shown. Touches no library. */
export function showEmbed(link: ShareRead): void {
  if (link.kind === 'shared') {
    const designs = useDesignStore.getState();
    designs.setReadOnly(READ_ONLY_MESSAGES.shared);
    designs.load(link.design);
    useShareStore.setState({ embed: {} });
  } else if (link.kind === 'error') {
    useShareStore.setState({ embed: { error: link.reason } });
  }
}

/** Says why a link could not be opened; the open design stays as it is. */
export function reportBadLink(link: ShareRead): void {
  if (link.kind === 'error') useDesignStore.getState().notify(link.reason, 'error');
}

/** Follows the fragment while the app is open, and takes a shared design's link out of the address once it is left. */
export function watchShareLinks(): void {
  window.addEventListener('hashchange', () => void followLocation());
  // Left by "Make a copy", opening another design, a new one, an import: a reload must not show the link's design
  // again. (replaceState fires no hashchange.)
  useLibraryStore.subscribe((state, prev) => {
    if (prev.mode === 'shared' && state.mode !== 'shared' && shareViewOf(location.hash)) {
      history.replaceState(history.state, '', location.pathname + location.search);
    }
  });
}

async function followLocation(): Promise<void> {
  const link = await readLocationLink();
  // Between the designer and an embed the page changes kind: start afresh.
  if (isEmbedLink(link) !== (useShareStore.getState().embed !== undefined)) {
    location.reload();
    return;
  }
  if (isEmbedLink(link)) return showEmbed(link);
  if (link.kind === 'shared') await showShared(link.design);
  else if (link.kind === 'error') reportBadLink(link);
  else await leaveShared();
}
