import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { exampleDesign } from '../engine/index.ts';
import { renderSvg } from '../engine/export/svg.ts';
import { diagramGeometry } from '../engine/layout/diagram.ts';
import { generateDesign } from '../engine/model/generate.ts';
import { THUMB_KEY_PREFIX } from './keys.ts';
import { LibraryStorage } from './storage.ts';
import {
  drawsThumbnail,
  picturePlacement,
  svgBox,
  thumbnailDelay,
  THUMBNAIL_INTERVAL_MS,
  THUMBNAIL_MAX_RESOURCES,
  type OpeningView,
} from './thumbnail.ts';

const THUMB_OPTIONS = {
  titleBlock: false,
  legend: false,
  flows: 'none',
  findings: false,
  background: 'transparent',
} as const;

describe('when a picture is drawn', () => {
  it('draws the first at once, then at most one per interval', () => {
    expect(thumbnailDelay(undefined, 10_000)).toBe(0);
    expect(thumbnailDelay(10_000, 10_000)).toBe(THUMBNAIL_INTERVAL_MS);
    expect(thumbnailDelay(10_000, 11_000)).toBe(THUMBNAIL_INTERVAL_MS - 1000);
    expect(thumbnailDelay(10_000, 10_000 + THUMBNAIL_INTERVAL_MS + 5)).toBe(0);
    // A clock set back never makes the wait longer than one interval.
    expect(thumbnailDelay(50_000, 10_000)).toBe(THUMBNAIL_INTERVAL_MS);
  });

  it('skips designs over the size limit', () => {
    expect(drawsThumbnail(Object.keys(exampleDesign().resources).length)).toBe(true);
    expect(drawsThumbnail(THUMBNAIL_MAX_RESOURCES)).toBe(true);
    expect(drawsThumbnail(THUMBNAIL_MAX_RESOURCES + 1)).toBe(false);
  });
});

describe("the picture's page region", () => {
  it('is the viewBox of the SVG, which holds the whole diagram', () => {
    for (const design of [exampleDesign(), generateDesign({ vpcs: 3, subnetsPerVpc: 2, instancesPerSubnet: 2 })]) {
      const box = svgBox(renderSvg(design, THUMB_OPTIONS))!;
      const { bounds } = diagramGeometry(design);
      expect(box.x).toBeLessThanOrEqual(bounds.x);
      expect(box.y).toBeLessThanOrEqual(bounds.y);
      expect(box.x + box.width).toBeGreaterThanOrEqual(bounds.x + bounds.width);
      expect(box.y + box.height).toBeGreaterThanOrEqual(bounds.y + bounds.height);
    }
    expect(svgBox('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toBeUndefined();
  });
});

describe('where the early paint puts the picture', () => {
  const open: OpeningView = {
    window: { width: 1440, height: 900 },
    canvas: { left: 232, top: 44, width: 864, height: 648 },
    viewport: { x: 40, y: 30, zoom: 0.5 },
  };
  const box = { x: -32, y: 100, width: 800, height: 400 };

  it('maps the page region through the opening viewport, inside the canvas box', () => {
    expect(picturePlacement({ box, open }, { width: 1440, height: 900 })).toEqual({
      canvas: { left: 232, top: 44, width: 864, height: 648 },
      // page x -32 → 40 + (-32 × 0.5) = 24; y 100 → 30 + 50 = 80; sizes halved
      picture: { left: 24, top: 80, width: 400, height: 200 },
    });
  });

  it('paints nothing in a window of another size, or from numbers that do not read', () => {
    expect(picturePlacement({ box, open }, { width: 1439, height: 900 })).toBeUndefined();
    expect(picturePlacement({ box, open }, { width: 1440, height: 901 })).toBeUndefined();
    expect(picturePlacement({ box }, { width: 1440, height: 900 })).toBeUndefined();
    expect(
      picturePlacement({ box, open: { ...open, viewport: { x: 0, y: 0, zoom: 0 } } }, { width: 1440, height: 900 }),
    ).toBeUndefined();
    expect(picturePlacement({ box: { ...box, x: NaN }, open }, { width: 1440, height: 900 })).toBeUndefined();
  });

  it('stands alone, as the inline script needs it', () => {
    // Turned into text and run in the page: no reference to anything outside the function.
    const alone = new Function(`return (${picturePlacement.toString()})`)() as typeof picturePlacement;
    expect(alone({ box, open }, { width: 1440, height: 900 })).toEqual(
      picturePlacement({ box, open }, { width: 1440, height: 900 }),
    );
  });
});

let n = 0;
let storage: LibraryStorage;
beforeEach(() => {
  storage = new LibraryStorage(createStore(`thumb-test-${++n}`, 'library'));
});

describe('pictures in the library', () => {
  it('are stored under their own key, stamped with the entry’s edited time', async () => {
    const a = await storage.createEntry({ name: 'A', origin: 'user', design: exampleDesign(), now: 7 });
    const svg = renderSvg(exampleDesign(), THUMB_OPTIONS);
    const written = await storage.writeThumbnail(a.id, { svg, box: svgBox(svg)! });
    expect(written).toEqual({ svg, box: svgBox(svg), editedAt: 7 });
    expect(await storage.readThumbnail(a.id)).toEqual(written);
    await storage.saveDesign(a.id, '{}', { name: 'A', editedAt: 9 });
    expect((await storage.readThumbnail(a.id))!.editedAt).toBe(7); // older than the design now: not painted early
    expect(THUMB_KEY_PREFIX).toBe('thumb:');
    expect([...(await storage.readThumbnails([a.id, 'missing'])).keys()]).toEqual([a.id]);
  });

  it('are not written for an entry that is gone', async () => {
    expect(
      await storage.writeThumbnail('gone', { svg: '<svg/>', box: { x: 0, y: 0, width: 1, height: 1 } }),
    ).toBeUndefined();
    expect(await storage.readThumbnail('gone')).toBeUndefined();
  });

  it('go with their entry when it is removed for good (deleted from the Trash, or purged)', async () => {
    const a = await storage.createEntry({ name: 'A', origin: 'user', design: exampleDesign() });
    const b = await storage.createEntry({ name: 'B', origin: 'user', design: exampleDesign() });
    for (const e of [a, b])
      await storage.writeThumbnail(e.id, { svg: '<svg/>', box: { x: 0, y: 0, width: 1, height: 1 } });
    await storage.removeEntries([a.id]);
    expect(await storage.readThumbnail(a.id)).toBeUndefined();
    expect(await storage.readThumbnail(b.id)).toBeDefined();
  });
});
