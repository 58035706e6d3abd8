/**
 * Thumbnails and instant open (issue 8, item 9): each design's picture is kept in the library and shown in Designs;
 * on a reload the last design's picture is painted by index.html before the app's script has run, exactly where the
 * canvas then draws the design, and is gone once the canvas has drawn. A share link never shows it.
 */
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { exampleDesign, serializeDesign } from '../src/engine/index.ts';
import { CanvasPage, LibraryPage, openApp, ToolbarPage } from './pages/index.ts';

const PICTURE = '#vpc-early-picture';

/**
 * The open entry's stored picture, read from IndexedDB as the page has it: whether it is there, of the design as
 * last saved (stamped with the index's edited time), measured on a canvas, and its SVG and page region.
 */
async function storedPicture(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ fresh: boolean; svg?: string; box?: { x: number; y: number; width: number; height: number } }>(
        (resolve) => {
          const id = sessionStorage.getItem('vpc-designer:open');
          const open = indexedDB.open('vpc-designer');
          open.onsuccess = () => {
            const store = open.result.transaction('library', 'readonly').objectStore('library');
            const index = store.get('index');
            const thumb = store.get(`thumb:${id}`);
            thumb.onsuccess = () => {
              open.result.close();
              const entry = (index.result as Array<{ id: string; editedAt: number }>).find((e) => e.id === id);
              const t = thumb.result as
                | {
                    svg: string;
                    box: { x: number; y: number; width: number; height: number };
                    editedAt: number;
                    open?: unknown;
                  }
                | undefined;
              // …and kept in web storage too, where the early paint reads it.
              const early = JSON.parse(localStorage.getItem('vpc-designer:early-picture') ?? 'null') as {
                id: string;
                editedAt: number;
              } | null;
              const fresh =
                !!t &&
                !!entry &&
                t.editedAt === entry.editedAt &&
                t.open !== undefined &&
                early?.id === id &&
                early.editedAt === entry.editedAt;
              resolve({ fresh, svg: t?.svg, box: t?.box });
            };
          };
          open.onerror = () => resolve({ fresh: false });
        },
      ),
  );
}

async function waitForFreshPicture(page: Page) {
  await expect(new ToolbarPage(page).saveStatus).toHaveText('Saved');
  await expect.poll(async () => (await storedPicture(page)).fresh, { timeout: 15_000 }).toBe(true);
}

/**
 * Records, from the page's first script on, when the early picture is attached and removed and when the canvas's
 * first node appears (ms since navigation start), in `window.__open`.
 */
const RECORD_OPEN = `
  window.__open = {};
  new MutationObserver(() => {
    const o = window.__open;
    const picture = document.getElementById('vpc-early-picture');
    if (picture && o.pictureAt === undefined) o.pictureAt = performance.now();
    if (!picture && o.pictureAt !== undefined && o.removedAt === undefined) o.removedAt = performance.now();
    if (o.nodeAt === undefined && document.querySelector('.react-flow__node')) o.nodeAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

test('after an edit and a reload, the picture is painted before the canvas, where the canvas draws it, then goes', async ({
  page,
}) => {
  const { canvas } = await openApp(page);
  await canvas.select('i-web-a', { at: { x: 0.5, y: 0.8 } });
  await page.keyboard.press('Delete');
  await expect(canvas.node('i-web-a')).toHaveCount(0);
  await waitForFreshPicture(page);
  const { svg } = await storedPicture(page);
  expect(svg).not.toContain('i-web-a'); // the picture is of the design as edited
  const sketch = await page.evaluate(() => localStorage.getItem('vpc-designer:early-picture')!);
  expect(sketch).not.toContain('web-a'); // and so is the sketch painted early

  await page.addInitScript(RECORD_OPEN);
  await page.reload();
  await canvas.node('vpc-prod').waitFor();
  await expect(page.locator(PICTURE)).toHaveCount(0);
  const times = (await page.evaluate('window.__open')) as { pictureAt?: number; nodeAt?: number; removedAt?: number };
  expect(times.pictureAt).toBeDefined();
  expect(times.pictureAt!).toBeLessThan(times.nodeAt!);
  expect(times.removedAt!).toBeGreaterThanOrEqual(times.nodeAt!);
  const region = await canvas.node('region:us-east-1').boundingBox();
  await page.screenshot({ path: test.info().outputPath('canvas-opened.png') });

  // The same load with the app's script held back: the early picture stays on screen, to be looked at and measured.
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
  await page.reload();
  const picture = page.locator(PICTURE);
  await expect(picture).toHaveAttribute('aria-hidden', 'true');
  await expect(picture).toHaveCSS('pointer-events', 'none');
  await expect(page.locator('.react-flow')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('early-picture.png') });
  // Where the sketch draws the region: its first box (page coordinates), through the opening view it was kept with.
  const kept = (await page.evaluate(() => JSON.parse(localStorage.getItem('vpc-designer:early-picture')!))) as {
    open: { canvas: { left: number; top: number }; viewport: { x: number; y: number; zoom: number } };
    sketch: { b: number[]; styles: Array<[string, string]> };
  };
  const shown = (await picture.boundingBox())!;
  expect(shown.x).toBeCloseTo(kept.open.canvas.left, 0);
  expect(shown.y).toBeCloseTo(kept.open.canvas.top, 0);
  const [rx, ry, rw, rh, style] = kept.sketch.b as [number, number, number, number, number];
  expect(kept.sketch.styles[style]![1]).toBe('#00A4A6'); // the region's dashed teal border
  const { x: vx, y: vy, zoom } = kept.open.viewport;
  const drawn = { x: shown.x + vx + rx * zoom, y: shown.y + vy + ry * zoom, width: rw * zoom, height: rh * zoom };
  // …and the canvas element really shows it there: the middle of the region's icon tile (its second box) is the
  // tile's colour.
  const tile = kept.sketch.styles[kept.sketch.b[9]!]![0];
  const pixel = await picture.evaluate(
    (c: HTMLCanvasElement, at) => [...c.getContext('2d')!.getImageData(at.x, at.y, 1, 1).data].slice(0, 3),
    { x: Math.round(drawn.x - shown.x + 16 * zoom), y: Math.round(drawn.y - shown.y + 16 * zoom) },
  );
  expect(pixel).toEqual([1, 3, 5].map((i) => parseInt(tile.slice(i, i + 2), 16)));
  for (const k of ['x', 'y', 'width', 'height'] as const)
    expect(Math.abs(drawn[k] - region![k]), `${k}: picture ${drawn[k]}, canvas ${region![k]}`).toBeLessThanOrEqual(3);
});

test('the picture is never painted in a window of another size', async ({ page }) => {
  await openApp(page);
  await waitForFreshPicture(page);
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
  await page.reload();
  await page.waitForLoadState('load');
  // The early read is over (it sets its promise) and painted nothing.
  await page.waitForFunction('window.__vpcEarlyRead').then((h) => h.evaluate((p) => p));
  await expect(page.locator(PICTURE)).toHaveCount(0);
});

test('Designs shows each design with its picture', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  await waitForFreshPicture(page);
  await toolbar.button('New design').click();
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
  await canvas.node('region:us-east-1').waitFor();
  await waitForFreshPicture(page);
  const library = new LibraryPage(page);
  await library.open();
  const rows = library.designs.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    const name = (await row.getAttribute('aria-label'))!;
    const picture = row.getByRole('img', { name: `Picture of ${name}` });
    await expect(picture).toBeVisible();
    await expect(picture).toHaveJSProperty('complete', true);
    expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
  await library.dialog.screenshot({ path: test.info().outputPath('designs-with-pictures.png') });
});

test('a share link shows no early picture', async ({ page }) => {
  await openApp(page);
  await waitForFreshPicture(page);
  const link = `/#d=v1.${deflateRawSync(serializeDesign({ ...exampleDesign(), name: 'Shared lab' })).toString('base64url')}`;
  await page.addInitScript(RECORD_OPEN);
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByRole('region', { name: 'Shared design' })).toBeVisible();
  await new CanvasPage(page).node('vpc-prod').waitFor();
  expect(((await page.evaluate('window.__open')) as { pictureAt?: number }).pictureAt).toBeUndefined();
});

test('a picture older than the last save is taken away as soon as the library is read', async ({ page }) => {
  await openApp(page);
  await waitForFreshPicture(page);
  // As when the tab closed between a save and the next picture: the kept picture is of an earlier save.
  await page.evaluate(() => {
    const key = 'vpc-designer:early-picture';
    const kept = JSON.parse(localStorage.getItem(key)!) as { editedAt: number };
    localStorage.setItem(key, JSON.stringify({ ...kept, editedAt: kept.editedAt - 1 }));
  });
  await page.addInitScript(RECORD_OPEN);
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
  await page.reload();
  await expect.poll(async () => page.evaluate('window.__open.removedAt !== undefined')).toBe(true);
  expect(((await page.evaluate('window.__open')) as { pictureAt?: number }).pictureAt).toBeDefined();
  await expect(page.locator(PICTURE)).toHaveCount(0);
});

test('an open Designs list shows the open design’s picture as redrawn after an edit', async ({ page }) => {
  const { canvas } = await openApp(page);
  await waitForFreshPicture(page);
  await canvas.select('i-web-a', { at: { x: 0.5, y: 0.8 } });
  await page.keyboard.press('Delete');
  await expect(canvas.node('i-web-a')).toHaveCount(0);
  // Open while the edit is being saved: the picture of the design as edited is drawn after the save, behind it.
  const library = new LibraryPage(page);
  await library.open();
  const picture = library.designs.getByRole('listitem').first().getByRole('img');
  await expect(picture).toBeVisible();
  const shown = () =>
    picture.evaluate(async (img: HTMLImageElement) => (await fetch(img.src)).text()).catch(() => 'unreadable');
  await expect.poll(shown, { timeout: 15_000 }).toContain('</svg>');
  await expect.poll(shown, { timeout: 15_000 }).not.toContain('id="n-i-web-a"');
  expect((await storedPicture(page)).fresh).toBe(true);
});
