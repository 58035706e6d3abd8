/**
 * While a file imports (in a worker, see src/import/): what is happening, a progress bar and Cancel, over the
 * canvas. Cancel stops the import and leaves the open design as it was. Small imports finish before it shows.
 */
import { useEffect, useState } from 'react';
import { useImportProgress } from '../../import/importProgress.ts';

/** Imports that finish sooner never show the panel (no flash for a small file). */
const SHOW_AFTER_MS = 250;

export function ImportProgress() {
  const active = useImportProgress((s) => s.active);
  const [shownFor, setShownFor] = useState<string | undefined>(undefined);
  const name = active?.name;
  useEffect(() => {
    if (!name) return;
    const timer = setTimeout(() => setShownFor(name), SHOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setShownFor(undefined);
    };
  }, [name]);
  if (!active || shownFor !== active.name) return null;
  const percent = Math.round(active.progress.fraction * 100);
  return (
    <div className="pointer-events-none absolute inset-x-0 top-14 z-20 flex justify-center px-4">
      <section aria-label={`Importing ${active.name}`} className="import-progress pointer-events-auto">
        <p role="status" aria-live="polite" className="text-[13px]">
          {active.progress.text}
        </p>
        <div
          role="progressbar"
          aria-label={`Importing ${active.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%: ${active.progress.text}`}
          className="import-progress-track"
        >
          <div className="import-progress-bar" style={{ width: `${percent}%` }} />
        </div>
        {active.cancel && (
          <button type="button" className="dialog-button self-end" onClick={active.cancel}>
            Cancel import
          </button>
        )}
      </section>
    </div>
  );
}
