/**
 * Reduced motion: packets stop travelling and every flow's path is drawn still, its packet parked where it ends
 * up (the destination, or the point where it is dropped). It follows the system's `prefers-reduced-motion`
 * until the user flips the Traffic panel's toggle; that choice is kept (uiStore, local storage).
 */
import { useSyncExternalStore } from 'react';
import { useUiStore } from '../../store/uiStore.ts';

const QUERY = '(prefers-reduced-motion: reduce)';

let query: MediaQueryList | undefined;

/** One query object for every reader: asked on each render of the overlay and of each flow row. */
function mediaQuery(): MediaQueryList | undefined {
  if (typeof matchMedia !== 'function') return undefined;
  return (query ??= matchMedia(QUERY));
}

function subscribe(onChange: () => void): () => void {
  const q = mediaQuery();
  q?.addEventListener('change', onChange);
  return () => q?.removeEventListener('change', onChange);
}

function systemPrefersReduced(): boolean {
  return mediaQuery()?.matches ?? false;
}

/** The system's (browser's) reduced-motion setting, live. */
export function useSystemReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, systemPrefersReduced, () => false);
}

/** Whether traffic should be shown without motion: the user's choice, else the system's. */
export function useReducedMotion(): boolean {
  const choice = useUiStore((s) => s.reduceMotion);
  const system = useSystemReducedMotion();
  return choice ?? system;
}

/**
 * What to store when the user sets reduced motion to `reduce`: nothing (follow the system again) when it is what
 * the system says anyway, else the choice.
 *
 * @example choiceFor(true, true) // undefined: the system already asks for reduced motion
 */
export function choiceFor(reduce: boolean, system: boolean): boolean | undefined {
  return reduce === system ? undefined : reduce;
}
