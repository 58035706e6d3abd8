/**
 * Starting the app on the library: before the first render, read the index, move an old single autosave in, and
 * open the design this tab should show — its own from before a reload, the one opened last, or the most recent —
 * so the first frame is the user's design, not the example swapped out a moment later. A save that cannot be read
 * is set aside (untouched) and the next usable one opens; with nothing usable, the example opens as a new entry.
 *
 * When IndexedDB is missing or will not open (some private modes), the tab works in memory and says so once.
 *
 * A share link in the address (src/share) comes first: its design shows read-only and no entry is opened, so the
 * visitor's designs and the one they opened last stay as they were; a link that cannot be read opens nothing and
 * the usual design opens, with the reason told.
 */
import type { Design } from '../engine/index.ts';
import { isEmbedLink, readLocationLink, reportBadLink, showEmbed, watchShareLinks } from '../share/openLink.ts';
import { useDesignStore } from '../store/designStore.ts';
import { takeEarlyRead } from './earlyRead.ts';
import { purgeExpired, type LibraryEntry } from './entries.ts';
import { useLibraryStore } from './libraryStore.ts';
import { migrateOldAutosave, OLD_AUTOSAVE_KEY, type Migration } from './migrate.ts';
import {
  adoptOpen,
  chooseEntry,
  markDamaged,
  rememberedIds,
  openEntry,
  openExample,
  queueWrite,
  refreshEntries,
  reportStorageProblem,
  showShared,
  startSession,
} from './session.ts';
import { LibraryStorage, readSavedText } from './storage.ts';

let ready: Promise<void> = Promise.resolve();

/** Resolves when the boot has finished in the background too (the library written to, this tab's lock held). */
export function whenLibraryReady(): Promise<void> {
  return ready;
}

/** Resolves when the app may render: the design to show is in the design store. Never rejects. */
export async function bootLibrary(): Promise<void> {
  const link = await readLocationLink();
  try {
    if (isEmbedLink(link)) showEmbed(link);
    else if (link.kind === 'shared') await bootShared(link.design);
    else await boot();
  } catch (error) {
    // The net under a bug: the app still opens (on what is loaded, else the example), and says it is not saving.
    console.error(error);
    reportStorageProblem(error, 'unavailable');
  }
  if (!isEmbedLink(link)) reportBadLink(link);
  watchShareLinks();
}

/** A share link's design, read-only; the library is opened only for "Make a copy" and the Designs list. */
async function bootShared(design: Design): Promise<void> {
  let storage: LibraryStorage | undefined;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available.');
    storage = LibraryStorage.open();
    useLibraryStore.setState({ entries: await storage.readIndex() });
  } catch (error) {
    storage = undefined;
    reportStorageProblem(error, 'unavailable');
  }
  startSession(storage);
  await showShared(design);
}

async function boot(): Promise<void> {
  let storage: LibraryStorage;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available.');
    storage = LibraryStorage.open();
  } catch (error) {
    startInMemory(error);
    return;
  }

  let migration: Migration | undefined;
  try {
    migration = migrateOldAutosave(storage, localStorage);
  } catch (error) {
    // localStorage itself refused (disabled): nothing to move.
    console.warn(error);
  }
  if (migration?.design) {
    // An old autosave that reads opens at once: it becomes a new entry (an id no other tab holds), so the first
    // render needs nothing from IndexedDB; the library catches up in the background.
    useDesignStore.getState().load(migration.design);
    ready = adoptMigrated(storage, migration, migration.design);
    return;
  }

  let entries;
  // The design this tab will most likely open is read with the index, in one transaction.
  const likely = rememberedIds()[0];
  let likelyText: string | undefined;
  try {
    // Usually read already, while the app's script loaded (earlyRead.ts).
    const early = await takeEarlyRead(likely);
    ({ entries, text: likelyText } = early
      ? {
          entries: (early.index as LibraryEntry[] | undefined) ?? [],
          text: typeof early.text === 'string' ? early.text : undefined,
        }
      : await storage.readIndexAnd(likely));
  } catch (error) {
    startInMemory(error);
    return;
  }
  startSession(storage);

  if (migration) {
    // An old autosave that cannot be read: kept aside as a damaged entry, and told.
    const { entry } = migration;
    void queueWrite(() => migration.done).catch((error: unknown) => reportStorageProblem(error));
    entries = [...entries, entry];
    void markDamaged(entry, entry.damaged!);
  }

  const { kept } = purgeExpired(entries, Date.now());
  const tried = new Set<string>();
  for (let next = chooseEntry(kept); next; next = chooseEntry(kept.filter((e) => !tried.has(e.id)))) {
    tried.add(next.id);
    if (await openEntry(next.id, undefined, next.id === likely ? likelyText : undefined)) return finishBoot(storage);
  }
  await openExample();
  finishBoot(storage);
}

async function adoptMigrated(storage: LibraryStorage, migration: Migration, design: Design): Promise<void> {
  try {
    await migration.done;
  } catch (error) {
    // The library cannot take it (full, or IndexedDB failed to open): the old key stays, the tab works in memory.
    startSession(undefined);
    reportStorageProblem(error);
    return;
  }
  startSession(storage);
  await adoptOpen(migration.entry.id, design);
  finishBoot(storage);
}

/** After the first design is open: the list for the Designs dialog, and the trash's expired entries purged. */
function finishBoot(storage: LibraryStorage): void {
  void refreshEntries().then((entries) => {
    const { purged } = purgeExpired(entries, Date.now());
    if (purged.length) void queueWrite(() => storage.removeEntries(purged)).then(refreshEntries);
  });
}

/** No library: the old autosave (if any) is shown, kept where it is, and the user is told once. */
function startInMemory(error: unknown): void {
  startSession(undefined);
  try {
    const text = localStorage.getItem(OLD_AUTOSAVE_KEY);
    const read = text === null ? undefined : readSavedText(text);
    if (read?.ok) useDesignStore.getState().load(read.design);
  } catch {
    // No web storage at all: the example stays.
  }
  reportStorageProblem(error, 'unavailable');
}
