/**
 * Managing the library's entries (the Designs and History dialogs, loaded on demand): rename, duplicate, delete
 * to the Trash and restore, download as stored, and restoring a snapshot as one undo step.
 */
import { emptyDesign, renameDesign as renameCommand, replaceDesign } from '../engine/index.ts';
import { useDesignStore } from '../store/designStore.ts';
import { downloadText, exportFileName } from '../store/download.ts';
import { copyName, mostRecentUsable, type LibraryEntry } from './entries.ts';
import { useLibraryStore } from './libraryStore.ts';
import {
  announceIndexChange,
  currentEntryId,
  flushSave,
  holdsLock,
  libraryStorage,
  lockNameOf,
  openAsNewEntry,
  openEntry,
  queueWrite,
  readEntry,
  refreshEntries,
  reportStorageProblem,
  snapshotBefore,
} from './session.ts';
import type { Snapshot } from './snapshots.ts';
import { readSavedText, storedText } from './storage.ts';

const library = () => useLibraryStore.getState();
const designs = () => useDesignStore.getState();
const locks = () => (typeof navigator !== 'undefined' ? navigator.locks : undefined);

export async function listSnapshots(): Promise<Snapshot[]> {
  const store = libraryStorage();
  const id = currentEntryId();
  return store && id ? store.readSnapshots(id) : [];
}

/** Brings back a snapshot as one undoable step (after a snapshot of the design as it is now). */
export async function restoreSnapshot(snapshot: Snapshot): Promise<boolean> {
  const read = readSavedText(snapshot.text);
  if (!read.ok) {
    designs().notify(`That snapshot cannot be read: ${read.reason}`, 'error');
    return false;
  }
  if (designs().readOnly !== undefined) return designs().execute(replaceDesign(read.design, 'Restore'));
  const time = new Date(snapshot.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  await snapshotBefore(`Restore of ${time}`);
  const done = designs().execute(replaceDesign(read.design, `Restore snapshot of ${time}`));
  if (done) designs().notify(`Restored the design as it was at ${time}. Undo brings back what was there.`);
  return done;
}

/** Whether another tab holds `id` open for editing. */
async function isOpenElsewhere(id: string): Promise<boolean> {
  if (!locks() || holdsLock(id)) return false;
  const state = await locks()!.query();
  return (state.held ?? []).some((l) => l.name === lockNameOf(id));
}

async function changeIndex(change: () => Promise<void>): Promise<void> {
  try {
    await queueWrite(change);
  } catch (error) {
    reportStorageProblem(error);
  }
  announceIndexChange();
  await refreshEntries();
}

export async function renameEntry(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!libraryStorage() || !trimmed) return;
  if (id === currentEntryId()) {
    designs().execute(renameCommand(trimmed));
    await flushSave();
    return;
  }
  if (await isOpenElsewhere(id)) {
    designs().notify('That design is being edited in another tab: rename it there.', 'error');
    return;
  }
  const read = await readEntry(id);
  if (!read.ok) return;
  await changeIndex(() =>
    libraryStorage()!.saveDesign(id, storedText({ ...read.design, name: trimmed }), {
      name: trimmed,
      editedAt: Date.now(),
    }),
  );
}

export async function duplicateEntry(id: string): Promise<void> {
  if (!libraryStorage()) return;
  if (id === currentEntryId()) await flushSave();
  const read = await readEntry(id);
  if (!read.ok) return;
  const name = copyName(
    read.design.name,
    library().entries.map((e) => e.name),
  );
  await changeIndex(async () => {
    await libraryStorage()!.createEntry({ name, origin: 'user', design: { ...read.design, name } });
  });
  designs().notify(`Made a copy: ${name}.`);
}

/** Moves an entry to the Trash (restorable for 30 days). The open design is left for the most recent other one. */
export async function trashEntry(id: string): Promise<void> {
  if (!libraryStorage()) return;
  if (id !== currentEntryId() && (await isOpenElsewhere(id))) {
    designs().notify('That design is being edited in another tab: close it there first.', 'error');
    return;
  }
  if (id === currentEntryId()) await flushSave();
  await changeIndex(() => libraryStorage()!.patchEntry(id, { trashedAt: Date.now() }));
  if (id === currentEntryId()) {
    const next = mostRecentUsable(library().entries, id);
    if (!next || !(await openEntry(next.id)))
      await openAsNewEntry(
        emptyDesign({ region: designs().design.region, accountId: designs().design.accountId }),
        'user',
        'New design',
      );
  }
}

export async function restoreEntry(id: string): Promise<void> {
  if (!libraryStorage()) return;
  await changeIndex(() =>
    libraryStorage()!.updateIndex((entries) => entries.map((e) => (e.id === id ? withoutTrash(e) : e))),
  );
}

function withoutTrash(entry: LibraryEntry): LibraryEntry {
  const { trashedAt: _trashed, ...rest } = entry;
  return rest;
}

/** Downloads an entry's data as stored — for a save that cannot be read, the raw text, untouched. */
export async function downloadEntry(id: string): Promise<void> {
  if (!libraryStorage()) return;
  const text = await libraryStorage()!.readText(id);
  if (text === undefined) {
    designs().notify('There is no saved data for that design.', 'error');
    return;
  }
  const entry = library().entries.find((e) => e.id === id) ?? library().damaged.find((d) => d.id === id);
  const read = readSavedText(text);
  downloadText(
    read.ok
      ? exportFileName(read.design)
      : `${exportFileName({ ...designs().design, name: entry?.name ?? 'design' }).replace(/\.json$/, '')}-as-saved.json`,
    text,
  );
}
