/**
 * Designs: the library. Every design in this browser, most recently edited first, the open one marked; open,
 * rename, duplicate and delete (to the Trash, restorable for 30 days); a new design; import a file as a new design
 * or into the open one. Saves that cannot be read are listed with a download of their data.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { IMPORT_ACCEPT, importFile, type ImportTarget } from '../store/fileActions.ts';
import { daysLeftInTrash, describeOrigin, describeTime, listDesigns, listTrash, type LibraryEntry } from './entries.ts';
import { useLibraryStore } from './libraryStore.ts';
import { Modal } from './Modal.tsx';
import { downloadEntry, duplicateEntry, renameEntry, restoreEntry, trashEntry } from './manage.ts';
import { createEmptyDesign, libraryStorage, openDesign, refreshEntries } from './session.ts';
import { onThumbnailStored, thumbnailsStored } from './thumbnails.ts';

/**
 * Blob URLs of the stored pictures (thumbnails.ts) of `entries`, read when the list (or an edit time) changes or
 * this tab stores a picture (the open design's, drawn a little after its save: the list shows it as it is now), and
 * revoked when they are read again or the dialog closes. An <img> of an SVG runs no script.
 */
function useThumbnailUrls(entries: readonly LibraryEntry[]): ReadonlyMap<string, string> {
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const key = entries.map((e) => `${e.id}@${e.editedAt}`).join(' ');
  const drawn = useSyncExternalStore(onThumbnailStored, thumbnailsStored);
  useEffect(() => {
    const storage = libraryStorage();
    if (!storage || !key) return;
    let live = true;
    let made: Map<string, string> | undefined;
    void storage
      .readThumbnails(key.split(' ').map((k) => k.slice(0, k.lastIndexOf('@'))))
      .then((thumbs) => {
        if (!live) return;
        made = new Map(
          [...thumbs].map(([id, t]) => [id, URL.createObjectURL(new Blob([t.svg], { type: 'image/svg+xml' }))]),
        );
        setUrls(made);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      for (const url of made?.values() ?? []) URL.revokeObjectURL(url);
    };
  }, [key, drawn]);
  return urls;
}

/** An entry's picture, or a neutral placeholder when it has none (not drawn yet, too large, or damaged). */
function Thumb({ url, name }: { url: string | undefined; name: string }) {
  const frame = 'h-14 w-20 shrink-0 rounded border border-gray-200 bg-white';
  return url ? (
    <img src={url} alt={`Picture of ${name}`} className={`${frame} object-contain p-0.5`} />
  ) : (
    <div
      role="img"
      aria-label={`No picture of ${name} yet`}
      className={`${frame} bg-[repeating-linear-gradient(45deg,#f3f4f6_0_6px,#fff_6px_12px)]`}
    />
  );
}

function RenameField({ entry, onDone }: { entry: LibraryEntry; onDone: () => void }) {
  const [name, setName] = useState(entry.name);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const commit = () => {
    onDone();
    if (name.trim() && name.trim() !== entry.name) void renameEntry(entry.id, name);
  };
  return (
    <input
      ref={input}
      aria-label={`New name for ${entry.name}`}
      className="w-full rounded border border-gray-400 px-1.5 py-0.5 text-sm"
      value={name}
      onChange={(e) => setName(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    />
  );
}

function DesignRow({
  entry,
  isOpen,
  now,
  thumb,
  onClose,
}: {
  entry: LibraryEntry;
  isOpen: boolean;
  now: number;
  thumb: string | undefined;
  onClose: () => void;
}) {
  const [renaming, setRenaming] = useState(false);
  return (
    <li
      aria-label={entry.name}
      aria-current={isOpen ? 'true' : undefined}
      className={`flex items-center gap-2 py-2 ${isOpen ? 'bg-sky-50' : ''}`}
    >
      <Thumb url={entry.damaged ? undefined : thumb} name={entry.name} />
      <div className="min-w-0 flex-1 px-1">
        {renaming ? (
          <RenameField entry={entry} onDone={() => setRenaming(false)} />
        ) : (
          <div className="truncate text-sm font-medium" title={entry.name}>
            {entry.name}
            {isOpen && (
              <span className="ml-2 rounded bg-sky-700 px-1.5 py-px text-[11px] font-semibold text-white">Open</span>
            )}
          </div>
        )}
        <div className="truncate text-xs text-gray-600">
          {entry.damaged ? (
            <span className="text-red-800" title={entry.damaged}>
              Cannot be read: {entry.damaged}
            </span>
          ) : (
            <>
              Edited {describeTime(entry.editedAt, now)} · {describeOrigin(entry.origin)}
            </>
          )}
        </div>
      </div>
      {entry.damaged ? (
        <button type="button" className="dialog-button" onClick={() => void downloadEntry(entry.id)}>
          Download data
        </button>
      ) : (
        <>
          <button
            type="button"
            className="dialog-button"
            disabled={isOpen}
            onClick={() => {
              // Closed first: a large design opens with its progress (and Cancel) over the canvas.
              onClose();
              void openDesign(entry.id);
            }}
          >
            Open
          </button>
          <button type="button" className="dialog-button" onClick={() => setRenaming(true)}>
            Rename
          </button>
          <button type="button" className="dialog-button" onClick={() => void duplicateEntry(entry.id)}>
            Duplicate
          </button>
        </>
      )}
      <button type="button" className="dialog-button" onClick={() => void trashEntry(entry.id)}>
        Delete
      </button>
    </li>
  );
}

export function LibraryDialog({ onClose }: { onClose: () => void }) {
  const entries = useLibraryStore((s) => s.entries);
  const currentId = useLibraryStore((s) => s.currentId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<ImportTarget>('new');
  useEffect(() => void refreshEntries(), []);
  const now = Date.now();
  const designs = listDesigns(entries);
  const trash = listTrash(entries);
  const thumbs = useThumbnailUrls(designs);
  const pick = (t: ImportTarget) => {
    setTarget(t);
    fileInput.current?.click();
  };
  return (
    <Modal title="Designs" onClose={onClose} wide>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="dialog-button dialog-button-primary"
          onClick={() => void createEmptyDesign().then(onClose)}
        >
          New design
        </button>
        <button type="button" className="dialog-button" onClick={() => pick('new')}>
          Import as a new design…
        </button>
        <button type="button" className="dialog-button" onClick={() => pick('open')}>
          Import into the open design…
        </button>
        <input
          ref={fileInput}
          type="file"
          aria-label="Import file into the library"
          accept={IMPORT_ACCEPT}
          className="hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file, target).then((ok) => ok && onClose());
          }}
        />
      </div>
      <h3 className="mt-4 text-sm font-semibold">In this browser</h3>
      <ul aria-label="Designs" className="mt-1 divide-y divide-gray-200">
        {designs.map((entry) => (
          <DesignRow
            key={entry.id}
            entry={entry}
            isOpen={entry.id === currentId}
            now={now}
            thumb={thumbs.get(entry.id)}
            onClose={onClose}
          />
        ))}
      </ul>
      <h3 className="mt-4 text-sm font-semibold">Trash</h3>
      {trash.length === 0 ? (
        <p className="mt-1 text-xs text-gray-600">Deleted designs stay here for 30 days, then go for good.</p>
      ) : (
        <ul aria-label="Trash" className="mt-1 divide-y divide-gray-200">
          {trash.map((entry) => (
            <li key={entry.id} aria-label={entry.name} className="flex items-center gap-2 py-2">
              <div className="min-w-0 flex-1 px-1">
                <div className="truncate text-sm">{entry.name}</div>
                <div className="text-xs text-gray-600">
                  Deleted {describeTime(entry.trashedAt!, now)} · gone for good in {daysLeftInTrash(entry, now)} days
                </div>
              </div>
              <button type="button" className="dialog-button" onClick={() => void restoreEntry(entry.id)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
