/**
 * The library's presence on screen: its banners (read-only, a save that cannot be read, a browser that will not
 * save) and the Designs and History dialogs — each loaded only when it shows, to keep the first visit small.
 */
import { Suspense } from 'react';
import { lazyNamed } from '../panels/lazy.tsx';
import { useLibraryStore } from './libraryStore.ts';

const LibraryBanners = lazyNamed(() => import('./LibraryBanners.tsx').then((m) => m.LibraryBanners));
const LibraryDialog = lazyNamed(() => import('./LibraryDialog.tsx').then((m) => m.LibraryDialog));
const HistoryDialog = lazyNamed(() => import('./HistoryDialog.tsx').then((m) => m.HistoryDialog));

export function LibraryHost() {
  const banner = useLibraryStore((s) => s.mode !== 'editing' || s.damaged.length > 0 || s.storageProblem !== undefined);
  const dialog = useLibraryStore((s) => s.dialog);
  const close = () => useLibraryStore.getState().openDialog(undefined);
  return (
    <Suspense fallback={null}>
      {banner && <LibraryBanners />}
      {dialog === 'library' && <LibraryDialog onClose={close} />}
      {dialog === 'history' && <HistoryDialog onClose={close} />}
    </Suspense>
  );
}
