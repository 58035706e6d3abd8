/**
 * Where the Export dialog lives: the toolbar's Export calls `openExport()`; `<ExportHost />` (in App) loads the
 * dialog — and with it the SVG renderer — on first use, so a first visit downloads neither.
 */
import { Suspense } from 'react';
import { create } from 'zustand';
import { lazyNamed, Loading } from '../lazy.tsx';

const ExportDialog = lazyNamed(() => import('./ExportDialog.tsx').then((m) => m.ExportDialog));

const useExport = create<{ open: boolean }>()(() => ({ open: false }));

export function openExport(): void {
  useExport.setState({ open: true });
}

function close(): void {
  useExport.setState({ open: false });
}

/** Starts loading the dialog (on hover or focus of the Export button) so it opens at once. */
export function preloadExport(): void {
  void ExportDialog.preload();
}

export function ExportHost() {
  const open = useExport((s) => s.open);
  if (!open) return null;
  return (
    <Suspense
      fallback={
        <div className="dialog-backdrop fixed inset-0 z-50 flex items-center justify-center">
          <div className="rounded bg-white shadow">
            <Loading what="Export" />
          </div>
        </div>
      }
    >
      <ExportDialog onClose={close} />
    </Suspense>
  );
}
