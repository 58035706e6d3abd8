/**
 * The design library in IndexedDB, through idb-keyval (a ~600-byte wrapper: one database, one object store, keys
 * and values). The small index (`index`: every entry's name, times, origin) is kept apart from each design's text
 * (`design:<id>`) and its snapshots (`snapshots:<id>`), so listing reads one small value however big the designs
 * are. A save writes the design and its index record in one transaction, so they never disagree.
 *
 * A design is stored as the design file's text, exactly as written: a save that cannot be read later is kept
 * byte for byte, for the user to download.
 */
import { createStore, del, delMany, get, getMany, promisifyRequest, set, update, type UseStore } from 'idb-keyval';
import type { Design } from '../engine/index.ts';
import { readDesign } from '../engine/index.ts';
import { newEntry, type EntryOrigin, type LibraryEntry } from './entries.ts';
import {
  DESIGN_KEY_PREFIX,
  INDEX_KEY,
  LIBRARY_DB,
  LIBRARY_STORE,
  SNAPSHOTS_KEY_PREFIX,
  THUMB_KEY_PREFIX,
} from './keys.ts';
import type { Snapshot } from './snapshots.ts';
import type { Thumbnail } from './thumbnail.ts';

const INDEX = INDEX_KEY;
const designKey = (id: string) => `${DESIGN_KEY_PREFIX}${id}`;
const snapshotsKey = (id: string) => `${SNAPSHOTS_KEY_PREFIX}${id}`;
const thumbKey = (id: string) => `${THUMB_KEY_PREFIX}${id}`;

/** A fresh entry id (never one already in the index: see `createEntry`). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** True for the error a browser raises when its storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  return error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)
    ? (error as { name: string }).name === 'QuotaExceededError'
    : false;
}

/**
 * A design as the library stores it: the design file's JSON without indentation — read back by the same reader,
 * but a third smaller and quicker to write (a 26,000-resource design is written after every edit). Export and the
 * downloads of a damaged save give the file as it is.
 */
export function storedText(design: Design): string {
  return JSON.stringify(design);
}

/** The saved text read as a design, or the reason (in plain words) it cannot be. Never throws. */
export function readSavedText(text: string): { ok: true; design: Design } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The saved data is not complete JSON (it may have been cut short or damaged).' };
  }
  const result = readDesign(raw);
  return result.ok ? { ok: true, design: result.value } : { ok: false, reason: result.error };
}

export class LibraryStorage {
  constructor(private readonly store: UseStore) {}

  /** The library in this browser's IndexedDB. Opening is lazy: the first read says whether it works. */
  static open(): LibraryStorage {
    return new LibraryStorage(createStore(LIBRARY_DB, LIBRARY_STORE));
  }

  /** The index and, in the same transaction, the text of the entry likely to open (one round trip at boot). */
  async readIndexAnd(id: string | undefined): Promise<{ entries: LibraryEntry[]; text?: string }> {
    if (id === undefined) return { entries: await this.readIndex() };
    const [entries, text] = await getMany<unknown>([INDEX, designKey(id)], this.store);
    return { entries: (entries as LibraryEntry[] | undefined) ?? [], ...(typeof text === 'string' ? { text } : {}) };
  }

  async readIndex(): Promise<LibraryEntry[]> {
    return (await get<LibraryEntry[]>(INDEX, this.store)) ?? [];
  }

  /** Changes the index atomically (read and write in one transaction, so two tabs never lose each other's entries). */
  async updateIndex(change: (entries: LibraryEntry[]) => LibraryEntry[]): Promise<void> {
    await update<LibraryEntry[]>(INDEX, (old) => change(old ?? []), this.store);
  }

  async patchEntry(id: string, patch: Partial<LibraryEntry>): Promise<void> {
    await this.updateIndex((entries) => entries.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  }

  readText(id: string): Promise<string | undefined> {
    return get<string>(designKey(id), this.store);
  }

  /** Writes the design's text and its index record (name, edited time) in one transaction. */
  saveDesign(id: string, text: string, fields: { name: string; editedAt: number }): Promise<void> {
    return this.store('readwrite', (os) => {
      os.put(text, designKey(id));
      const index = os.get(INDEX);
      index.onsuccess = () => {
        const entries = (index.result as LibraryEntry[] | undefined) ?? [];
        os.put(
          entries.map((e) => (e.id === id ? { ...e, ...fields } : e)),
          INDEX,
        );
      };
      return promisifyRequest(os.transaction);
    });
  }

  /**
   * Adds a design as a new entry — from the user, a file, a share link or a lesson — and returns its record. It
   * never overwrites another entry: the id is fresh, and the design and its record are written in one transaction.
   * `text` stores data as it is (a damaged save being kept aside, with `damaged` saying why). An `id` may be given
   * (made with `newId`) when the caller needs it before the write ends; `add` refuses one already stored.
   */
  createEntry(fields: {
    name: string;
    origin: EntryOrigin;
    design?: Design;
    text?: string;
    damaged?: string;
    now?: number;
    id?: string;
  }): Promise<LibraryEntry> {
    const entry: LibraryEntry = {
      ...newEntry({
        id: fields.id ?? newId(),
        name: fields.name,
        origin: fields.origin,
        now: fields.now ?? Date.now(),
      }),
      ...(fields.damaged ? { damaged: fields.damaged } : {}),
    };
    const text = fields.text ?? storedText(fields.design!);
    return this.store('readwrite', (os) => {
      os.add(text, designKey(entry.id));
      const index = os.get(INDEX);
      index.onsuccess = () => os.put([...((index.result as LibraryEntry[] | undefined) ?? []), entry], INDEX);
      return promisifyRequest(os.transaction).then(() => entry);
    });
  }

  /** Removes entries for good: their designs, snapshots, pictures and index records. */
  async removeEntries(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    await delMany(
      ids.flatMap((id) => [designKey(id), snapshotsKey(id), thumbKey(id)]),
      this.store,
    );
    await this.updateIndex((entries) => entries.filter((e) => !gone.has(e.id)));
  }

  async readSnapshots(id: string): Promise<Snapshot[]> {
    return (await get<Snapshot[]>(snapshotsKey(id), this.store)) ?? [];
  }

  writeSnapshots(id: string, list: Snapshot[]): Promise<void> {
    return set(snapshotsKey(id), list, this.store);
  }

  /**
   * Stores an entry's picture, stamped with the entry's `editedAt` as the index has it in the same transaction (the
   * early paint shows a picture only when the stamp still matches: never an older drawing of the design). Nothing is
   * written when the entry is gone (deleted meanwhile); returns what was written.
   */
  writeThumbnail(id: string, thumb: Omit<Thumbnail, 'editedAt'>): Promise<Thumbnail | undefined> {
    return this.store('readwrite', (os) => {
      let written: Thumbnail | undefined;
      const index = os.get(INDEX);
      index.onsuccess = () => {
        const entry = ((index.result as LibraryEntry[] | undefined) ?? []).find((e) => e.id === id);
        if (!entry) return;
        written = { ...thumb, editedAt: entry.editedAt };
        os.put(written, thumbKey(id));
      };
      return promisifyRequest(os.transaction).then(() => written);
    });
  }

  readThumbnail(id: string): Promise<Thumbnail | undefined> {
    return get<Thumbnail>(thumbKey(id), this.store);
  }

  /** Every entry's picture that is stored, by id (for the Designs list). */
  async readThumbnails(ids: readonly string[]): Promise<Map<string, Thumbnail>> {
    const found = await getMany<Thumbnail | undefined>(ids.map(thumbKey), this.store);
    return new Map(ids.flatMap((id, i) => (found[i] ? [[id, found[i]] as const] : [])));
  }

  deleteThumbnail(id: string): Promise<void> {
    return del(thumbKey(id), this.store);
  }

  /** For tests and the bench: forgets one key. */
  deleteKey(key: string): Promise<void> {
    return del(key, this.store);
  }
}
