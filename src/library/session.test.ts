/**
 * The library session headless: boot over a real idb-keyval on fake-indexeddb, with in-memory web storage (Node
 * has no Web Locks, so this tab is always the editor here; two tabs are covered end to end in e2e/library.spec.ts).
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aDesign, aVpc } from '../engine/model/builders.ts';
import { serializeDesign, type Design } from '../engine/index.ts';

function memoryStorage(items: Record<string, string> = {}) {
  return {
    getItem: (k: string) => items[k] ?? null,
    setItem: (k: string, v: string) => void (items[k] = v),
    removeItem: (k: string) => void delete items[k],
    items,
  };
}

let local: ReturnType<typeof memoryStorage>;

beforeEach(() => {
  vi.resetModules();
  local = memoryStorage();
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', memoryStorage());
  vi.stubGlobal('window', { addEventListener: () => {} });
  vi.stubGlobal('BroadcastChannel', undefined);
});
afterEach(() => vi.unstubAllGlobals());

/** Fresh modules (the session is one per tab), booted. */
async function boot() {
  const { bootLibrary } = await import('./boot.ts');
  const { useDesignStore } = await import('../store/designStore.ts');
  const { useLibraryStore } = await import('./libraryStore.ts');
  const session = await import('./session.ts');
  const { LibraryStorage } = await import('./storage.ts');
  await bootLibrary();
  await (await import('./boot.ts')).whenLibraryReady();
  return { designs: useDesignStore, library: useLibraryStore, session, storage: LibraryStorage.open() };
}

const named = (name: string, id = 'vpc-a'): Design => ({ ...aDesign(aVpc({ id })), name });

describe('booting the library', () => {
  it('opens the example on a first visit, as a library entry of its own', async () => {
    const { designs, storage } = await boot();
    expect(designs.getState().design.resources['vpc-prod']).toBeDefined();
    expect((await storage.readIndex()).map((e) => e.name)).toEqual([designs.getState().design.name]);
  });

  it('moves an old autosave in and opens it; an edit is saved to its entry', async () => {
    local.items['vpc-designer:design'] = serializeDesign(named('Old one', 'vpc-old'));
    const { designs, session, storage } = await boot();
    expect(designs.getState().design.resources['vpc-old']).toBeDefined();
    const { renameDesign } = await import('../engine/index.ts');
    designs.getState().execute(renameDesign('Old one, edited'));
    await session.flushSave();
    const [entry] = await storage.readIndex();
    expect(entry?.name).toBe('Old one, edited');
    expect(await storage.readText(entry!.id)).toContain('Old one, edited');
    expect(local.items['vpc-designer:design']).toBeUndefined();
  });

  it('sets an unreadable save aside untouched, says so, and opens the next usable design', async () => {
    const first = await boot();
    const good = await first.storage.createEntry({
      name: 'Good',
      origin: 'user',
      design: named('Good', 'vpc-good'),
      now: Date.now() + 1000,
    });
    const bad = await first.storage.createEntry({
      name: 'Bad',
      origin: 'user',
      text: '{"format":"vpc-designer","res',
      now: 2,
    });
    // A new tab (fresh modules and session storage) in a browser that last had the damaged design open.
    vi.resetModules();
    vi.stubGlobal('sessionStorage', memoryStorage());
    local.items['vpc-designer:last-open'] = bad.id;
    const { designs, library, storage } = await boot();
    expect(library.getState().damaged).toEqual([
      { id: bad.id, name: 'Bad', reason: expect.stringContaining('not complete JSON') },
    ]);
    expect(designs.getState().design.resources['vpc-good']).toBeDefined();
    expect(library.getState().currentId).toBe(good.id);
    expect(await storage.readText(bad.id)).toBe('{"format":"vpc-designer","res');
    expect((await storage.readIndex()).find((e) => e.id === bad.id)?.damaged).toContain('not complete JSON');
  });

  it('keeps working in memory, and says so once, when IndexedDB will not open', async () => {
    vi.stubGlobal('indexedDB', undefined);
    local.items['vpc-designer:design'] = serializeDesign(named('Kept in place', 'vpc-kept'));
    const { designs, library } = await boot();
    expect(designs.getState().design.resources['vpc-kept']).toBeDefined();
    expect(library.getState().storageProblem).toBe('unavailable');
    expect(local.items['vpc-designer:design']).toBeDefined();
  });
});

describe('new designs and snapshots', () => {
  it('a new design is a new entry; the one open before keeps its data', async () => {
    const { designs, session, storage } = await boot();
    const before = designs.getState().design;
    await session.createEmptyDesign();
    expect(designs.getState().design.resources).toEqual({});
    const entries = await storage.readIndex();
    expect(entries.map((e) => e.name)).toEqual([before.name, 'Untitled design']);
    expect(JSON.parse((await storage.readText(entries[0]!.id))!)).toEqual(before);
  });

  it('takes a snapshot before an import into the open design, and a restore is one undo step', async () => {
    const { designs } = await boot();
    const manage = await import('./manage.ts');
    const { importText } = await import('../store/fileActions.ts');
    const example = designs.getState().design;
    expect(await importText(serializeDesign(named('Imported', 'vpc-imported')), 'imported.json', 'open')).toBe(true);
    const [snapshot] = await manage.listSnapshots();
    expect(snapshot?.summary).toBe('Before Import imported.json');

    expect(await manage.restoreSnapshot(snapshot!)).toBe(true);
    expect(designs.getState().design.resources['vpc-prod']).toBeDefined();
    designs.getState().undo();
    expect(designs.getState().design.resources['vpc-imported']).toBeDefined();
    designs.getState().undo();
    expect(designs.getState().design).toBe(example);
    expect((await manage.listSnapshots()).map((s) => s.summary)).toEqual([
      // What changed since the previous snapshot (the import), and what the snapshot was taken before.
      expect.stringMatching(/^Import imported\.json — before Restore of /),
      'Before Import imported.json',
    ]);
  });
});

describe('opening a large design', () => {
  it('a cancelled open (the worker stopped) keeps the open design and leaves the saved one unmarked', async () => {
    // Stands in for the import worker the browser runs for a large save (readLarge.ts): the user pressed Cancel.
    vi.doMock('./readLarge.ts', () => ({
      READ_OFF_THREAD_CHARS: 0,
      readSavedDesign: async () => ({ ok: false, reason: 'Opening was cancelled.', cancelled: true }),
      finishReading: async () => {},
    }));
    try {
      const { designs, session, storage } = await boot();
      const example = designs.getState().design.name;
      await session.openAsNewEntry(named('Other', 'vpc-other'), 'user', 'New design');
      const exampleId = (await storage.readIndex()).find((e) => e.name === example)!.id;
      await session.openDesign(exampleId);
      expect(designs.getState().design.name).toBe('Other');
      expect(designs.getState().notice?.text).toContain('was cancelled');
      expect((await storage.readIndex()).find((e) => e.id === exampleId)?.damaged).toBeUndefined();
    } finally {
      vi.doUnmock('./readLarge.ts');
    }
  });
});

describe('share links at start-up', () => {
  /** A visitor who has a design of their own open; returns what their library and last-opened design were. */
  async function visitorWithOwnDesign() {
    const first = await boot();
    await first.session.openAsNewEntry(named('Mine', 'vpc-mine'), 'user', 'New design');
    await first.session.flushSave();
    return { entries: await first.storage.readIndex(), lastOpen: local.items['vpc-designer:last-open'] };
  }

  /** A new tab opened on `hash`, with the address's rewrites recorded. */
  async function openTabAt(hash: string) {
    vi.resetModules();
    vi.stubGlobal('sessionStorage', memoryStorage());
    const replaced: string[] = [];
    vi.stubGlobal('location', { hash, pathname: '/', search: '' });
    vi.stubGlobal('history', {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) => replaced.push(url),
    });
    return { ...(await boot()), replaced };
  }

  it('shows a linked design read-only, touching no entry nor the last-opened one; Make a copy adds an entry', async () => {
    const before = await visitorWithOwnDesign();
    const { shareFragmentFor } = await import('../share/shareLink.ts');
    const tab = await openTabAt(await shareFragmentFor(named('From a colleague', 'vpc-theirs'), 'view'));
    const { renameDesign } = await import('../engine/index.ts');

    expect(tab.designs.getState().design.resources['vpc-theirs']).toBeDefined();
    expect(tab.library.getState().mode).toBe('shared');
    expect(tab.designs.getState().execute(renameDesign('Edited'))).toBe(false);
    expect(tab.designs.getState().notice?.text).toMatch(/shared design, read-only/);
    await tab.session.flushSave();
    expect(await tab.storage.readIndex()).toEqual(before.entries);
    expect(local.items['vpc-designer:last-open']).toBe(before.lastOpen);

    await tab.session.copyShared();
    expect(tab.library.getState().mode).toBe('editing');
    const after = await tab.storage.readIndex();
    expect(after.filter((e) => before.entries.some((b) => b.id === e.id))).toEqual(before.entries);
    const copy = after.find((e) => !before.entries.some((b) => b.id === e.id));
    expect(copy).toMatchObject({ name: 'From a colleague', origin: 'link' });
    expect(tab.replaced).toEqual(['/']); // the link left the address: a reload opens the copy
    expect(tab.designs.getState().execute(renameDesign('Mine now'))).toBe(true);
    await tab.session.flushSave();
    expect((await tab.storage.readIndex()).find((e) => e.id === copy!.id)?.name).toBe('Mine now');
  });

  it('a damaged link opens the usual design, untouched, and says why', async () => {
    const before = await visitorWithOwnDesign();
    const tab = await openTabAt('#d=v1.%%%');
    expect(tab.designs.getState().design.name).toBe('Mine');
    expect(tab.library.getState().mode).toBe('editing');
    expect(tab.designs.getState().notice).toMatchObject({
      tone: 'error',
      text: expect.stringMatching(/^This share link is damaged/),
    });
    expect(await tab.storage.readIndex()).toEqual(before.entries);
  });
});
