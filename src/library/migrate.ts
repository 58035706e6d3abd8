/**
 * The move from the single localStorage autosave (before the library) into the library. The old save becomes an
 * entry of its own — as it is, even when it cannot be read (then it is kept aside as damaged) — and the old key
 * is removed only after the library has it.
 */
import type { Design } from '../engine/index.ts';
import type { LibraryEntry } from './entries.ts';
import { readSavedText, type LibraryStorage } from './storage.ts';

/** The key the app autosaved its one design under before the library. */
export const OLD_AUTOSAVE_KEY = 'vpc-designer:design';

export type Migrated = { entry: LibraryEntry; design?: Design };

/**
 * Moves an old autosave (if any) into the library. Returns the new entry and, when it reads, its design; undefined
 * when there was nothing to move. Throws when the library write fails — the old key is then still there.
 */
export async function migrateOldAutosave(storage: LibraryStorage, local: Pick<Storage, 'getItem' | 'removeItem'>): Promise<Migrated | undefined> {
  const text = local.getItem(OLD_AUTOSAVE_KEY);
  if (text === null) return undefined;
  const read = readSavedText(text);
  const entry = await storage.createEntry(
    read.ok
      ? { name: read.design.name, origin: 'user', text }
      : { name: 'Autosaved design (could not be read)', origin: 'user', text, damaged: read.reason },
  );
  local.removeItem(OLD_AUTOSAVE_KEY);
  return read.ok ? { entry, design: read.design } : { entry };
}
