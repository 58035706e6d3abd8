/**
 * The app's one-line messages (a refused drop, an import result) in a live region over the canvas: screen
 * readers announce them, sighted users see them. A message stays until the user does something else — presses
 * a key or the pointer anywhere outside it — or dismisses it, so nobody who looked away for a moment (or whose
 * machine was slow) misses it; a timer that fades it would also break WCAG's "timing adjustable".
 */
import { useEffect, useRef, useState } from 'react';
import { useDesignStore } from '../store/designStore.ts';

export function StatusNotice() {
  const notice = useDesignStore((s) => s.notice);
  const [hiddenSeq, setHiddenSeq] = useState<number | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);
  const visible = notice !== undefined && hiddenSeq !== notice.seq;

  useEffect(() => {
    if (!visible) return;
    const shownSeq = notice.seq;
    // Capture on window runs before any handler of the app, so an action that itself posts a new message hides
    // the old one first and the new one stays.
    const onAction = (event: Event) => {
      if (event.target instanceof Node && box.current?.contains(event.target)) return;
      if (event instanceof KeyboardEvent && ['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return;
      setHiddenSeq(shownSeq);
    };
    window.addEventListener('pointerdown', onAction, true);
    window.addEventListener('keydown', onAction, true);
    return () => {
      window.removeEventListener('pointerdown', onAction, true);
      window.removeEventListener('keydown', onAction, true);
    };
  }, [visible, notice]);

  return (
    <div className="pointer-events-none absolute inset-x-0 top-3 z-10 flex justify-center px-4">
      <div
        ref={box}
        role="status"
        aria-label="Message"
        aria-live="polite"
        data-tone={visible ? notice.tone : undefined}
        className={visible ? 'status-notice pointer-events-auto' : 'sr-only'}
      >
        {visible && (
          <>
            <span>{notice.text}</span>
            <button
              type="button"
              aria-label="Dismiss message"
              className="status-dismiss"
              onClick={() => setHiddenSeq(notice.seq)}
            >
              ×
            </button>
          </>
        )}
      </div>
    </div>
  );
}
