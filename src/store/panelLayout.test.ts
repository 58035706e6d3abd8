import { afterEach, describe, expect, it, vi } from 'vitest';

/** A local storage that holds `initial`, or one that refuses every call. */
function fakeStorage(initial: Record<string, string> = {}, refuse = false): Storage {
  const data = new Map(Object.entries(initial));
  const check = () => {
    if (refuse) throw new Error('SecurityError');
  };
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (check(), data.get(k) ?? null),
    setItem: (k, v) => (check(), void data.set(k, v)),
    removeItem: (k) => void data.delete(k),
  };
}

async function freshStore(storage: Storage) {
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  return import('./panelLayout.ts');
}

afterEach(() => vi.unstubAllGlobals());

describe('the panel layout preference', () => {
  it('starts with everything open, and keeps collapsed panels and a hidden minimap for the next visit', async () => {
    const storage = fakeStorage();
    const { usePanelLayout, PANEL_LAYOUT_KEY } = await freshStore(storage);
    expect(usePanelLayout.getState()).toMatchObject({
      collapsed: { palette: false, inspector: false, bottom: false },
      minimapHidden: false,
    });
    usePanelLayout.getState().toggle('palette');
    usePanelLayout.getState().toggle('bottom');
    usePanelLayout.getState().toggleMinimap();
    const next = await freshStore(fakeStorage({ [PANEL_LAYOUT_KEY]: storage.getItem(PANEL_LAYOUT_KEY)! }));
    expect(next.usePanelLayout.getState()).toMatchObject({
      collapsed: { palette: true, inspector: false, bottom: true },
      minimapHidden: true,
    });
    next.usePanelLayout.getState().expand('bottom');
    expect(next.usePanelLayout.getState().collapsed.bottom).toBe(false);
  });

  it('opens everything when the saved value is damaged, and still works when storage refuses', async () => {
    const damaged = await freshStore(fakeStorage({ 'vpc-designer:panels': '{"collapsed": ' }));
    expect(damaged.usePanelLayout.getState().collapsed).toEqual({ palette: false, inspector: false, bottom: false });
    const refused = await freshStore(fakeStorage({}, true));
    refused.usePanelLayout.getState().toggle('inspector');
    expect(refused.usePanelLayout.getState().collapsed.inspector).toBe(true);
  });
});
