/**
 * A dialog loaded on first use: `open()` shows it (from a toolbar button, a palette entry …), `preload()` starts
 * loading it (on hover or focus of an opener) so it opens at once, and `<Host />` (once, in App) draws it while
 * open — with a small "Loading …" box the first time — so a first visit downloads none of it.
 */
import { Suspense, type ComponentType } from 'react';
import { create } from 'zustand';
import { lazyNamed, Loading } from './lazy.tsx';

export interface LazyDialog {
  open(): void;
  preload(): void;
  Host: ComponentType;
}

export function lazyDialog(load: () => Promise<ComponentType<{ onClose: () => void }>>, what: string): LazyDialog {
  const Dialog = lazyNamed(load);
  const useOpen = create<{ open: boolean }>()(() => ({ open: false }));
  const close = () => useOpen.setState({ open: false });
  function Host() {
    const open = useOpen((s) => s.open);
    if (!open) return null;
    return (
      <Suspense
        fallback={
          <div className="dialog-backdrop fixed inset-0 z-50 flex items-center justify-center">
            <div className="rounded bg-white shadow">
              <Loading what={what} />
            </div>
          </div>
        }
      >
        <Dialog onClose={close} />
      </Suspense>
    );
  }
  return {
    open: () => useOpen.setState({ open: true }),
    preload: () => void Dialog.preload(),
    Host,
  };
}
