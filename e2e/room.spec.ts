/**
 * Room to work at 1280 × 720: the palette, the inspector and the bottom panels collapse (from the keyboard too) and
 * stay collapsed after a reload; the canvas grows into the room; the minimap can be hidden; Fit view never frames
 * the design under the minimap; the toolbar fits without wrapping.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, waitForViewportToSettle } from './pages/index.ts';

test.use({ viewport: { width: 1280, height: 720 } });

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('Not visible.');
  return box;
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function toggles(page: Page) {
  return {
    palette: page.getByRole('button', { name: 'Palette', exact: true }),
    inspector: page.getByRole('button', { name: 'Inspector', exact: true }),
    bottom: page.getByRole('button', { name: 'Bottom panels', exact: true }),
    minimap: page.getByRole('button', { name: 'Minimap', exact: true }),
  };
}

/** No drawn node — region boxes and AZ bands included — lies under the minimap. */
async function expectNothingUnderMinimap(page: Page): Promise<void> {
  const minimap = await boxOf(
    page.getByRole('img', { name: 'Minimap' }).or(page.locator('.react-flow__minimap')).first(),
  );
  const nodes = page.locator('.react-flow__node');
  const count = await nodes.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const node = nodes.nth(i);
    const box = await node.boundingBox();
    if (!box) continue;
    expect(intersects(box, minimap), `${await node.getAttribute('data-id')} is under the minimap`).toBe(false);
  }
}

test('the toolbar fits at 1280 × 720 without wrapping, every button named', async ({ page }) => {
  await openApp(page);
  const header = await boxOf(page.getByRole('banner'));
  expect(header.height).toBeLessThanOrEqual(48);
  for (const name of [
    'Undo',
    'Redo',
    'Copy',
    'Paste',
    'Duplicate',
    'Delete',
    'Show route tables, security groups and NACLs',
    'Fit view',
    'New design',
    'Import',
    'Export',
  ]) {
    const box = await boxOf(page.getByRole('banner').getByRole('button', { name, exact: true }));
    expect(box.x + box.width, name).toBeLessThanOrEqual(1280);
    expect(box.y, name).toBeGreaterThanOrEqual(header.y);
    expect(box.y + box.height, name).toBeLessThanOrEqual(header.y + header.height);
  }
  await page.screenshot({ path: test.info().outputPath('room-1280-expanded.png') });
});

test('panels collapse from the keyboard, the canvas grows, and the layout survives a reload', async ({ page }) => {
  const { canvas } = await openApp(page);
  const t = toggles(page);
  const before = await boxOf(canvas.root);
  for (const toggle of [t.palette, t.inspector, t.bottom])
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  await t.palette.focus();
  await page.keyboard.press('Enter');
  await expect(t.palette).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('complementary', { name: 'Palette' })).toHaveCount(0);
  const noPalette = await boxOf(canvas.root);
  expect(noPalette.width).toBeGreaterThan(before.width + 150);

  await t.inspector.focus();
  await page.keyboard.press('Space');
  await expect(t.inspector).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  const noInspector = await boxOf(canvas.root);
  expect(noInspector.width).toBeGreaterThan(noPalette.width + 250);

  await t.bottom.focus();
  await page.keyboard.press('Enter');
  await expect(t.bottom).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('tabpanel')).toHaveCount(0);
  const noBottom = await boxOf(canvas.root);
  expect(noBottom.height).toBeGreaterThan(noInspector.height + 150);

  await canvas.fitView();
  await expectNothingUnderMinimap(page);
  await page.screenshot({ path: test.info().outputPath('room-1280-collapsed.png') });

  // Kept across a reload.
  await page.reload();
  await canvas.root.waitFor();
  for (const toggle of [t.palette, t.inspector, t.bottom])
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect((await boxOf(canvas.root)).width).toBeCloseTo(noBottom.width, 0);

  // A tab opens the bottom panels again; the toggles bring the side panels back.
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(t.bottom).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Findings' })).toBeVisible();
  await t.palette.click();
  await t.inspector.click();
  await expect(page.getByRole('complementary', { name: 'Palette' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
});

test('on opening and after Fit view no node lies under the minimap, and the minimap can be hidden', async ({
  page,
}) => {
  const { canvas } = await openApp(page);
  const t = toggles(page);
  // The first framing, before anything is clicked, keeps the minimap's corner clear too.
  await waitForViewportToSettle(page);
  await expectNothingUnderMinimap(page);
  await canvas.fitView();
  await expectNothingUnderMinimap(page);

  await t.minimap.click();
  await expect(t.minimap).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.reload();
  await canvas.root.waitFor();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await t.minimap.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await canvas.fitView();
  await waitForViewportToSettle(page);
  await expectNothingUnderMinimap(page);
});

test('at 1440 × 900 everything shows with room to spare', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { canvas } = await openApp(page);
  await waitForViewportToSettle(page);
  await expectNothingUnderMinimap(page);
  await canvas.fitView();
  await expectNothingUnderMinimap(page);
  await page.screenshot({ path: test.info().outputPath('room-1440.png') });
});
