import { beforeEach, describe, expect, it } from 'vitest';
import { aDesign, aVpc } from '../engine/model/builders.ts';
import { exampleDesign, serializeDesign } from '../engine/index.ts';
import { copySelection, paste } from '../canvas/actions.ts';
import { designToFlow } from '../canvas/adapter.ts';
import { intersects } from '../canvas/geometry.ts';
import { useDesignStore } from './designStore.ts';
import { exportFileName, importText, newDesign } from './fileActions.ts';
import { useUiStore } from './uiStore.ts';

beforeEach(() => {
  useDesignStore.getState().load(exampleDesign());
  useDesignStore.setState({ notice: undefined });
});

describe('importing a file', () => {
  it('refuses a broken file with a plain message and leaves the open design alone', async () => {
    const before = useDesignStore.getState().design;
    expect(await importText('{ "format": ', 'broken.json')).toBe(false);
    const { design, notice, past } = useDesignStore.getState();
    expect(design).toBe(before);
    expect(past).toHaveLength(0);
    expect(notice).toMatchObject({ tone: 'error', text: expect.stringContaining('broken.json') });
    expect(notice!.text).not.toMatch(/\n|at .*\.ts/);
  });

  it('replaces the design as one undo step named after the file', async () => {
    const before = useDesignStore.getState().design;
    expect(await importText(serializeDesign(aDesign(aVpc({ id: 'vpc-new' }))), 'new.json')).toBe(true);
    const state = useDesignStore.getState();
    expect(Object.keys(state.design.resources)).toContain('vpc-new');
    expect(state.past.at(-1)?.label).toBe('Import new.json');
    state.undo();
    expect(useDesignStore.getState().design).toBe(before);
  });
});

it('starts a new, empty design in the same region, undoably', () => {
  const before = useDesignStore.getState().design;
  newDesign();
  expect(useDesignStore.getState().design.resources).toEqual({});
  expect(useDesignStore.getState().design.region).toBe(before.region);
  useDesignStore.getState().undo();
  expect(useDesignStore.getState().design).toBe(before);
});

it('names the exported file after the design', () => {
  expect(exportFileName(exampleDesign())).toBe('example-two-az-web-app-with-a-peered-shared-services-vpc.json');
  expect(exportFileName({ ...exampleDesign(), name: '***' })).toBe('design.json');
  expect(exportFileName(exampleDesign(), 'svg')).toBe('example-two-az-web-app-with-a-peered-shared-services-vpc.svg');
});

it('never lets a hostile design name become a path or an unsafe character in the file name', () => {
  expect(exportFileName({ name: '../x<y>' }, 'png')).toBe('x-y.png');
  expect(exportFileName({ name: '..\\..\\Windows\\system32' }, 'pdf')).toBe('windows-system32.pdf');
  expect(exportFileName({ name: 'CON:' }, 'drawio')).toBe('con.drawio');
  expect(exportFileName({ name: '/etc/passwd\u0000.svg' }, 'svg')).toBe('etc-passwd-svg.svg');
  expect(exportFileName({ name: `${'a'.repeat(59)}-${'b'.repeat(10)}` })).toBe(`${'a'.repeat(59)}.json`);
});

it('pastes each copy at a free place, so copies neither stack nor cover the original', () => {
  useDesignStore.getState().select(['vpc-shared']);
  copySelection();
  paste();
  paste();
  const { placed } = designToFlow(useDesignStore.getState().design);
  const vpcs = [...placed.values()].filter((p) => p.type === 'vpc');
  expect(vpcs).toHaveLength(4);
  for (const a of vpcs)
    for (const b of vpcs) if (a !== b) expect(intersects(a.abs, b.abs), `${a.id} overlaps ${b.id}`).toBe(false);
  expect(useUiStore.getState().pasteCount).toBe(2);
});
