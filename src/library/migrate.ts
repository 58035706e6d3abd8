/**
 * The move from the single localStorage autosave (before the library) into the library. The old save becomes an
 * entry of its own — as it is, even when it cannot be read (then it is kept aside as damaged) — and the old key
 * is removed only after the library has it.
 */
import type { Design } from '../engine/index.ts';
import type { LibraryEntry } from './entries.ts';
import { newEntry } from './entries.ts';
import { newId, readSavedText, type LibraryStorage } from './storage.ts';

/** The key the app autosaved its one design under before the library. */
export const OLD_AUTOSAVE_KEY = 'vpc-designer:design';

export interface Migration {
  /** The new entry's record (written once `done` settles). */
  entry: LibraryEntry;
  /** The design, when the old save reads; the app can show it at once, while the write goes on. */
  design?: Design;
  /** Settles when the library holds the entry and the old key is gone; rejects (old key kept) if the write fails. */
  done: Promise<void>;
}

/** Starts moving an old autosave (if any) into the library; undefined when there is nothing to move. */
export function migrateOldAutosave(
  storage: LibraryStorage,
  local: Pick<Storage, 'getItem' | 'removeItem'>,
): Migration | undefined {
  const text = local.getItem(OLD_AUTOSAVE_KEY);
  if (text === null) return undefined;
  const read = readSavedText(text);
  const fields = read.ok
    ? { name: read.design.name, origin: 'user' as const }
    : { name: nameIn(text) ?? 'Autosaved design', origin: 'user' as const, damaged: read.reason };
  const entry: LibraryEntry = {
    ...newEntry({ id: newId(), now: Date.now(), ...fields }),
    ...(read.ok ? {} : { damaged: read.reason }),
  };
  const done = storage
    .createEntry({ ...fields, id: entry.id, now: entry.createdAt, text })
    .then(() => local.removeItem(OLD_AUTOSAVE_KEY));
  return read.ok ? { entry, design: read.design, done } : { entry, done };
}

/** The design's name from a save that parses but cannot be used (a newer format), for the list and the notice. */
function nameIn(text: string): string | undefined {
  try {
    const raw: unknown = JSON.parse(text);
    const name = typeof raw === 'object' && raw !== null ? (raw as { name?: unknown }).name : undefined;
    return typeof name === 'string' && name.trim() ? name.slice(0, 120) : undefined;
  } catch {
    return undefined;
  }
}
