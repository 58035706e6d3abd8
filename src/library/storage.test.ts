import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { aDesign, aVpc } from '../engine/model/builders.ts';
import { DESIGN_FORMAT_VERSION, serializeDesign } from '../engine/index.ts';
import { migrateOldAutosave, OLD_AUTOSAVE_KEY } from './migrate.ts';
import { LibraryStorage, readSavedText } from './storage.ts';

let n = 0;
let storage: LibraryStorage;
beforeEach(() => {
  // A database of its own for each test: nothing carries over.
  storage = new LibraryStorage(createStore(`test-${++n}`, 'library'));
});

/** An in-memory stand-in for localStorage. */
function fakeLocal(items: Record<string, string>) {
  return {
    items,
    getItem: (k: string) => items[k] ?? null,
    removeItem: (k: string) => void delete items[k],
  };
}

describe('the library', () => {
  it('creates entries side by side, each with its own id, never overwriting another', async () => {
    const a = await storage.createEntry({ name: 'A', origin: 'user', design: aDesign(aVpc({ id: 'vpc-a' })) });
    const b = await storage.createEntry({ name: 'A', origin: 'file', design: aDesign(aVpc({ id: 'vpc-b' })) });
    expect(a.id).not.toBe(b.id);
    expect((await storage.readIndex()).map((e) => [e.name, e.origin])).toEqual([
      ['A', 'user'],
      ['A', 'file'],
    ]);
    expect(await storage.readText(a.id)).toContain('vpc-a');
    expect(await storage.readText(b.id)).toContain('vpc-b');
  });

  it('saves a design and its edited time and name together', async () => {
    const a = await storage.createEntry({ name: 'A', origin: 'user', design: aDesign(), now: 1 });
    await storage.saveDesign(a.id, serializeDesign({ ...aDesign(aVpc()), name: 'Renamed' }), {
      name: 'Renamed',
      editedAt: 50,
    });
    expect(await storage.readIndex()).toEqual([
      expect.objectContaining({ id: a.id, name: 'Renamed', createdAt: 1, editedAt: 50 }),
    ]);
    const read = readSavedText((await storage.readText(a.id))!);
    expect(read.ok && read.design.name).toBe('Renamed');
  });

  it('removes an entry with its data and snapshots, leaving the others', async () => {
    const a = await storage.createEntry({ name: 'A', origin: 'user', design: aDesign() });
    const b = await storage.createEntry({ name: 'B', origin: 'user', design: aDesign() });
    await storage.writeSnapshots(a.id, [{ id: 's', at: 1, summary: 'x', text: '{}' }]);
    await storage.removeEntries([a.id]);
    expect((await storage.readIndex()).map((e) => e.id)).toEqual([b.id]);
    expect(await storage.readText(a.id)).toBeUndefined();
    expect(await storage.readSnapshots(a.id)).toEqual([]);
  });
});

describe('reading a saved design', () => {
  it('says in plain words why a cut-short or newer save cannot be read', () => {
    const text = serializeDesign(aDesign(aVpc()));
    expect(readSavedText(text.slice(0, text.length / 2))).toEqual({
      ok: false,
      reason: expect.stringContaining('not complete JSON'),
    });
    const newer = readSavedText(JSON.stringify({ ...JSON.parse(text), formatVersion: DESIGN_FORMAT_VERSION + 1 }));
    expect(newer).toEqual({ ok: false, reason: expect.stringContaining('newer VPC Designer') });
  });
});

describe('moving the old autosave into the library', () => {
  it('makes it an entry, then removes the old key', async () => {
    const design = aDesign(aVpc({ id: 'vpc-kept' }));
    const local = fakeLocal({ [OLD_AUTOSAVE_KEY]: serializeDesign(design) });
    const migrated = migrateOldAutosave(storage, local);
    expect(migrated?.design?.resources['vpc-kept']).toBeDefined();
    await migrated!.done;
    expect(await storage.readText(migrated!.entry.id)).toBe(serializeDesign(design));
    expect(local.items[OLD_AUTOSAVE_KEY]).toBeUndefined();
  });

  it('keeps a damaged autosave aside, byte for byte, marked with why', async () => {
    const local = fakeLocal({ [OLD_AUTOSAVE_KEY]: '{"format":"vpc-designer","resour' });
    const migrated = migrateOldAutosave(storage, local);
    await migrated!.done;
    expect(migrated?.design).toBeUndefined();
    expect(migrated?.entry.damaged).toContain('not complete JSON');
    expect(await storage.readText(migrated!.entry.id)).toBe('{"format":"vpc-designer","resour');
    expect((await storage.readIndex())[0]?.damaged).toBeDefined();
  });

  it('leaves the old key in place when the library cannot take it', async () => {
    const broken = new LibraryStorage(() => Promise.reject(new DOMException('full', 'QuotaExceededError')));
    const local = fakeLocal({ [OLD_AUTOSAVE_KEY]: serializeDesign(aDesign()) });
    await expect(migrateOldAutosave(broken, local)!.done).rejects.toThrow();
    expect(local.items[OLD_AUTOSAVE_KEY]).toBeDefined();
  });

  it('does nothing when there is no old autosave', async () => {
    expect(migrateOldAutosave(storage, fakeLocal({}))).toBeUndefined();
    expect(await storage.readIndex()).toEqual([]);
  });
});
