/**
 * What the first screen does not need is loaded on demand: the Traffic and Exposure panels, the inspector forms
 * other than the design's, the traffic overlay and the import report. `lazyNamed` wraps such a part (with
 * `Loading` as the small fallback while it arrives), `useAfterFirstFrame` holds work back until the browser has
 * painted, and `firstCanvasFrame` (`useFirstCanvasFrame` in a component) settles once the canvas has drawn its nodes.
 */
import { createElement, lazy, useEffect, useState, type ComponentType } from 'react';

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="px-3 py-2 text-xs text-gray-500">
      Loading {what}…
    </p>
  );
}

/** A lazily loaded component, plus `preload()`; once loaded it renders at once (no fallback, no flicker). */
export type Preloadable<P> = ComponentType<P> & { preload(): Promise<unknown> };

export function lazyNamed<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => (pending ??= load().then((c) => (loaded = c)));
  const Lazy = lazy(async () => ({ default: await preload() }));
  const Named = (props: P) => createElement((loaded ?? Lazy) as ComponentType<P>, props);
  return Object.assign(Named, { preload });
}

/**
 * False until `ready` has been true across one painted frame (an animation frame, then a task after it), and
 * true from then on.
 */
export function useAfterFirstFrame(ready = true): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (after || !ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAfter(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [after, ready]);
  return after;
}

let painted = false;
let markPainted: () => void = () => {};
/** Settles after the canvas's first frame with its nodes measured (or with no nodes to draw). */
export const firstCanvasFrame = new Promise<void>((resolve) => {
  markPainted = () => {
    if (painted) return;
    painted = true;
    performance.mark('app:first-canvas-frame');
    resolve();
  };
});
export function markFirstCanvasFrame(): void {
  markPainted();
}

/**
 * False until the canvas's first frame has been painted (see `firstCanvasFrame`), true from then on: for work the
 * first screen can show a frame or two later (the design's findings), so that the design itself appears sooner.
 */
export function useFirstCanvasFrame(): boolean {
  const [done, setDone] = useState(painted);
  useEffect(() => {
    if (done) return;
    let live = true;
    void firstCanvasFrame.then(() => {
      if (live) setDone(true);
    });
    return () => {
      live = false;
    };
  }, [done]);
  return done;
}
