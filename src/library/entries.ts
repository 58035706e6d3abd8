/**
 * The design library's index records, as plain data and pure functions: what an entry is, how copies are named,
 * which entries are listed, and when the trash forgets. Storage (`storage.ts`) and the session (`session.ts`) use
 * these; nothing here touches IndexedDB or the DOM.
 */

/** Where a design came from: drawn here, opened from a file, a share link or a lesson (issues 8 and 9). */
export type EntryOrigin = 'user' | 'file' | 'link' | 'lesson';

export interface LibraryEntry {
  id: string;
  /** The design's own name (`Design.name`), kept here so the list needs no design read. */
  name: string;
  createdAt: number;
  editedAt: number;
  origin: EntryOrigin;
  /** Set when deleted: the entry sits in the Trash and is purged `TRASH_DAYS` later. */
  trashedAt?: number;
  /** Why the saved data cannot be read. The data is kept untouched; the entry is never opened or written. */
  damaged?: string;
}

export const TRASH_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/** A new entry record; `id` and `now` are passed in so tests stay deterministic. */
export function newEntry(fields: { id: string; name: string; origin: EntryOrigin; now: number }): LibraryEntry {
  return { id: fields.id, name: fields.name, origin: fields.origin, createdAt: fields.now, editedAt: fields.now };
}

/**
 * The name of a copy: `Web app` → `Web app (copy)`, then `Web app (copy 2)`; a copy of a copy counts on from its
 * original's name rather than stacking `(copy) (copy)`.
 *
 * @example copyName('Web app', ['Web app', 'Web app (copy)']) // 'Web app (copy 2)'
 */
export function copyName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  if (!used.has(`${base} (copy)`)) return `${base} (copy)`;
  for (let n = 2; ; n++) if (!used.has(`${base} (copy ${n})`)) return `${base} (copy ${n})`;
}

/** Entries not in the trash, most recently edited first. */
export function listDesigns(entries: readonly LibraryEntry[]): LibraryEntry[] {
  return entries.filter((e) => e.trashedAt === undefined).sort((a, b) => b.editedAt - a.editedAt);
}

/** Entries in the trash, most recently deleted first. */
export function listTrash(entries: readonly LibraryEntry[]): LibraryEntry[] {
  return entries.filter((e) => e.trashedAt !== undefined).sort((a, b) => b.trashedAt! - a.trashedAt!);
}

/** The entry to open when there is no better choice: the most recently edited one that can be read. */
export function mostRecentUsable(entries: readonly LibraryEntry[], except?: string): LibraryEntry | undefined {
  return listDesigns(entries).find((e) => !e.damaged && e.id !== except);
}

/** Whole days left before a trashed entry is purged (0 on its last day). */
export function daysLeftInTrash(entry: LibraryEntry, now: number): number {
  if (entry.trashedAt === undefined) return TRASH_DAYS;
  return Math.max(0, Math.ceil((entry.trashedAt + TRASH_DAYS * DAY - now) / DAY));
}

/** Splits the index into the entries kept and the ids whose time in the trash is over. */
export function purgeExpired(
  entries: readonly LibraryEntry[],
  now: number,
): { kept: LibraryEntry[]; purged: string[] } {
  const kept: LibraryEntry[] = [];
  const purged: string[] = [];
  for (const e of entries) {
    if (e.trashedAt !== undefined && now - e.trashedAt >= TRASH_DAYS * DAY) purged.push(e.id);
    else kept.push(e);
  }
  return { kept, purged };
}

/** Plain words for an entry's origin, shown in the list. */
export function describeOrigin(origin: EntryOrigin): string {
  return { user: 'Drawn here', file: 'Opened from a file', link: 'Opened from a link', lesson: 'From a lesson' }[
    origin
  ];
}

/**
 * When something happened, in words: `just now`, `5 min ago`, `3 h ago`, else the date and time.
 *
 * @example describeTime(now - 5 * 60_000, now) // '5 min ago'
 */
export function describeTime(at: number, now: number, locale?: string): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 12 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
