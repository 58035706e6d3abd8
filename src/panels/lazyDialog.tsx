/**
 * A dialog loaded on first use: `open()` shows it (from a toolbar button, a palette entry …) — `openWith(props)`
 * when it is told what to start from — `preload()` starts loading it (on hover or focus of an opener) so it opens at
 * once, and `<Host />` (once, in App or the toolbar) draws it while open — with a small "Loading …" box the first
 * time — so a first visit downloads none of it. Every open starts a fresh dialog (a new form), even when one was
 * open.
 */
import { Suspense, type ComponentType } from 'react';
import { create } from 'zustand';
import { lazyNamed, Loading } from './lazy.tsx';

export interface LazyDialog<P extends object = object> {
  /** Opens it with no props (safe as an onClick: the event is not passed on). */
  open(): void;
  openWith(props: P): void;
  close(): void;
  preload(): void;
  Host: ComponentType;
}

export function lazyDialog<P extends object = object>(
  load: () => Promise<ComponentType<P & { onClose: () => void }>>,
  what: string,
): LazyDialog<P> {
  const Dialog = lazyNamed(load);
  const useOpen = create<{ props?: P; seq: number }>()(() => ({ props: undefined, seq: 0 }));
  const close = () => useOpen.setState({ props: undefined });
  const openWith = (props: P) => useOpen.setState((s) => ({ props, seq: s.seq + 1 }));
  function Host() {
    const { props, seq } = useOpen();
    if (!props) return null;
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
        <Dialog key={seq} {...props} onClose={close} />
      </Suspense>
    );
  }
  return {
    open: () => openWith({} as P),
    openWith,
    close,
    preload: () => void Dialog.preload(),
    Host,
  };
}
