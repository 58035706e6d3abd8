/**
 * The library's banners: a design open read-only (with "Take over here"), a save that cannot be read (with a
 * download of its raw data), a browser that will not save (with a download of the design). Loaded when one shows.
 */
import type { ReactNode } from 'react';
import { exportDesign } from '../store/fileActions.ts';
import { useLibraryStore } from './libraryStore.ts';
import { downloadEntry } from './manage.ts';
import { copyShared, takeOver } from './session.ts';

const STORAGE_TEXT = {
  full: 'This browser’s storage is full, so your changes are no longer being saved here. Keep working — download the design to keep it.',
  unavailable:
    'This browser is not letting VPC Designer save designs (storage is off or unavailable, as in some private windows). Your work stays in this tab only — download the design to keep it.',
};

function Banner({ tone, label, children }: { tone: 'warn' | 'error'; label: string; children: ReactNode }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'region'}
      aria-label={label}
      className={`flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b px-3 py-1.5 text-sm ${
        tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-amber-300 bg-amber-50 text-amber-950'
      }`}
    >
      {children}
    </div>
  );
}

export function LibraryBanners() {
  const mode = useLibraryStore((s) => s.mode);
  const damaged = useLibraryStore((s) => s.damaged);
  const storageProblem = useLibraryStore((s) => s.storageProblem);
  return (
    <>
      {mode === 'shared' && (
        <Banner tone="warn" label="Shared design">
          <span className="font-semibold">Shared design — read-only</span>
          <span>Opened from a link: it is not in your designs, and nothing of yours was changed.</span>
          <button
            type="button"
            className="dialog-button dialog-button-primary ml-auto"
            onClick={() => void copyShared()}
          >
            Make a copy
          </button>
        </Banner>
      )}
      {(mode === 'elsewhere' || mode === 'taken') && (
        <Banner tone="warn" label="Read-only">
          <span className="font-semibold">
            {mode === 'elsewhere' ? 'Open in another tab' : 'Taken over by another tab'}
          </span>
          <span>
            {mode === 'elsewhere'
              ? 'This design is being edited in another tab, so here it is read-only and follows that tab’s changes.'
              : 'Another tab is editing this design now; this tab is read-only and follows its changes.'}
          </span>
          <button type="button" className="dialog-button dialog-button-primary ml-auto" onClick={takeOver}>
            Take over here
          </button>
        </Banner>
      )}
      {damaged.map((d) => (
        <Banner key={d.id} tone="error" label="Saved design could not be read">
          <span>
            <span className="font-semibold">“{d.name}” could not be opened.</span> {d.reason} It is kept aside,
            untouched, in Designs; a usable design is open instead.
          </span>
          <span className="ml-auto flex gap-2">
            <button type="button" className="dialog-button" onClick={() => void downloadEntry(d.id)}>
              Download its data
            </button>
            <button
              type="button"
              className="dialog-button"
              onClick={() => useLibraryStore.setState((s) => ({ damaged: s.damaged.filter((x) => x.id !== d.id) }))}
            >
              Dismiss
            </button>
          </span>
        </Banner>
      ))}
      {storageProblem && (
        <Banner tone="error" label="Not saving">
          <span>
            <span className="font-semibold">Not saved in this browser.</span> {STORAGE_TEXT[storageProblem]}
          </span>
          <span className="ml-auto flex gap-2">
            <button type="button" className="dialog-button dialog-button-primary" onClick={exportDesign}>
              Download the design
            </button>
            <button
              type="button"
              className="dialog-button"
              onClick={() => useLibraryStore.setState({ storageProblem: undefined })}
            >
              Dismiss
            </button>
          </span>
        </Banner>
      )}
    </>
  );
}
