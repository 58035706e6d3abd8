/**
 * The app's one-line messages (a refused drop, an import result) in a live region over the canvas: screen
 * readers announce them, sighted users see them, and they fade after a while.
 */
import { useEffect, useState } from 'react';
import { useDesignStore } from '../store/designStore.ts';

const SHOW_MS = { info: 5000, error: 9000 } as const;

export function StatusNotice() {
  const notice = useDesignStore((s) => s.notice);
  const [hiddenSeq, setHiddenSeq] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setHiddenSeq(notice.seq), SHOW_MS[notice.tone]);
    return () => clearTimeout(timer);
  }, [notice]);
  const visible = notice !== undefined && hiddenSeq !== notice.seq;
  return (
    <div className="pointer-events-none absolute inset-x-0 top-3 z-10 flex justify-center px-4">
      <div
        role="status"
        aria-live="polite"
        data-tone={visible ? notice.tone : undefined}
        className={visible ? 'status-notice pointer-events-auto' : 'sr-only'}
      >
        {visible && (
          <>
            <span>{notice.text}</span>
            <button type="button" aria-label="Dismiss message" className="status-dismiss" onClick={() => setHiddenSeq(notice.seq)}>
              ×
            </button>
          </>
        )}
      </div>
    </div>
  );
}
