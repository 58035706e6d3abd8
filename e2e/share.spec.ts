/**
 * Share links, embeds and printing. A link is copied in one browser context and opened in a second one with its own
 * storage (another person's browser): the design shows read-only, "Make a copy" adds it to that person's library,
 * and what they had before is untouched. Embeds show the canvas alone; a damaged link opens nothing and says why;
 * printing shows the diagram alone, fitted to the page.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { serializeDesign } from '../src/engine/index.ts';
import { generateDesign } from '../src/engine/model/generate.ts';
import { CanvasPage, LibraryPage, openApp, ToolbarPage, waitForViewportToSettle } from './pages/index.ts';

const LAST_OPEN_KEY = 'vpc-designer:last-open';

/** Opens Share and copies the link (or the embed code); returns what reached the clipboard. */
async function copyFromShare(page: Page, button: 'Copy link' | 'Copy embed code'): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await new ToolbarPage(page).button('Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog.getByRole('status')).toHaveText(button === 'Copy link' ? 'Link copied' : 'Embed code copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.screenshot({ path: test.info().outputPath(`share-dialog-${button.replace(/ /g, '-')}.png`) });
  await dialog.getByRole('button', { name: 'Close' }).click();
  return text;
}

/** A second person's browser: a context of its own, with a design of theirs saved before the link arrives. */
async function visitorWithOwnDesign(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { toolbar } = await openApp(page);
  await toolbar.newDesign();
  await toolbar.saved();
  const library = new LibraryPage(page);
  await expect.poll(async () => (await library.storedEntries()).length).toBe(2);
  const before = {
    entries: await library.storedEntries(),
    own: await library.storedText('Untitled design'),
    lastOpen: await page.evaluate((key) => localStorage.getItem(key), LAST_OPEN_KEY),
  };
  return { context, page, library, before };
}

test('a share link opens read-only in another browser; Make a copy adds it to that library, untouching the rest', async ({
  page,
  browser,
}) => {
  const { canvas } = await openApp(page);
  await canvas.node('vpc-prod').waitFor();
  const name = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Design name');
  await name.fill('Shared lab');
  await name.press('Enter');
  await expect(page.getByRole('banner')).toContainText('Shared lab');
  const link = await copyFromShare(page, 'Copy link');
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#d=v1\.[A-Za-z0-9_-]+$/);

  const visitor = await visitorWithOwnDesign(browser);
  const tab = visitor.page;
  await tab.goto('about:blank');
  await tab.goto(link);
  const banner = tab.getByRole('region', { name: 'Shared design' });
  await expect(banner).toContainText('Shared design — read-only');
  await expect(tab.getByRole('banner')).toContainText('Shared lab');
  const shared = new CanvasPage(tab);
  await expect(shared.node('vpc-prod')).toBeVisible();
  await waitForViewportToSettle(tab);
  await tab.screenshot({ path: test.info().outputPath('shared-banner.png') });

  // Read-only: no drag, an edit refused in words, nothing written to the visitor's library or last-opened design.
  await expect(shared.node('vpc-prod')).not.toHaveClass(/\bdraggable\b/);
  await shared.select('i-web-a', { at: { x: 0.5, y: 0.8 } });
  await tab.keyboard.press('Delete');
  await expect(new ToolbarPage(tab).status).toContainText('shared design, read-only');
  await expect(shared.node('i-web-a')).toBeVisible();
  expect(await visitor.library.storedEntries()).toEqual(visitor.before.entries);
  expect(await tab.evaluate((key) => localStorage.getItem(key), LAST_OPEN_KEY)).toBe(visitor.before.lastOpen);

  // Make a copy: a new entry, opened for editing; the link leaves the address so a reload shows the copy.
  await banner.getByRole('button', { name: 'Make a copy' }).click();
  await expect(banner).toHaveCount(0);
  await expect(new ToolbarPage(tab).status).toContainText('“Shared lab” is in your designs now');
  await new ToolbarPage(tab).saved();
  await expect
    .poll(async () => (await visitor.library.storedEntries()).map((e) => e.name).sort())
    .toEqual(['Example: two-AZ web app with a peered shared-services VPC', 'Shared lab', 'Untitled design']);
  expect(new URL(tab.url()).hash).toBe('');
  expect(JSON.parse((await visitor.library.storedText('Shared lab'))!).flows).toHaveLength(3);
  await expect(shared.node('vpc-prod')).toHaveClass(/\bdraggable\b/);
  await shared.select('i-web-a', { at: { x: 0.5, y: 0.8 } });
  await tab.keyboard.press('Delete');
  await expect(shared.node('i-web-a')).toHaveCount(0);
  await new ToolbarPage(tab).saved();
  expect(await visitor.library.storedText('Untitled design')).toBe(visitor.before.own);
  await tab.reload();
  await expect(tab.getByRole('banner')).toContainText('Shared lab');
  await expect(tab.getByRole('region', { name: 'Shared design' })).toHaveCount(0);
  await visitor.context.close();
});

test('a link put in the address while the app is open shows that design; taking it away brings the own design back', async ({
  page,
}) => {
  const { canvas, toolbar } = await openApp(page);
  const link = await copyFromShare(page, 'Copy link');
  await toolbar.newDesign();
  await toolbar.saved();
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
  await page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
  await expect(page.getByRole('region', { name: 'Shared design' })).toBeVisible();
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('region', { name: 'Shared design' })).toHaveCount(0);
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Untitled design');

  // An embed link put in the address turns the page into the embed (the canvas alone), and back.
  const embed = new URL(link).hash.replace('#d=', '#embed=');
  await page.evaluate((hash) => (location.hash = hash), embed);
  await expect(page.getByRole('link', { name: 'Open in VPC Designer' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('banner')).toContainText('Untitled design');
});

test('the embed code shows the canvas alone in an iframe: no toolbar or panels, nodes, packets, zoom', async ({
  page,
  browser,
}) => {
  await openApp(page);
  const code = await copyFromShare(page, 'Copy embed code');
  expect(code).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#embed=v1\.[A-Za-z0-9_-]+" title="Example: two-AZ web app with a peered shared-services VPC — VPC Designer"/,
  );

  const context = await browser.newContext();
  const host = await context.newPage();
  await host.setContent(`<!doctype html><title>Course page</title><h1>Week 3: VPCs</h1>${code}`);
  const frame = host.frameLocator('iframe');
  await expect(frame.locator('.react-flow__node[data-id="vpc-prod"]')).toBeVisible();
  await expect(frame.getByRole('toolbar')).toHaveCount(0);
  await expect(frame.getByRole('banner')).toHaveCount(0);
  await expect(frame.getByRole('navigation', { name: 'Toolbar' })).toHaveCount(0);
  await expect(frame.getByRole('complementary')).toHaveCount(0);
  await expect(frame.getByRole('tablist')).toHaveCount(0);
  // The saved flows play, and the view zooms.
  await expect(frame.locator('[data-flow-packet="flow-web-internet"]')).toHaveCount(1);
  await expect(frame.getByRole('link', { name: 'Open in VPC Designer' })).toHaveAttribute('href', /#d=v1\./);
  const zoom = () =>
    frame.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  const before = await zoom();
  await frame.getByRole('button', { name: 'Zoom In' }).click();
  await expect.poll(zoom).toBeGreaterThan(before);
  await host.screenshot({ path: test.info().outputPath('embed.png') });
  await context.close();
});

test('a damaged link opens nothing and says why; the visitor’s design stays open and untouched', async ({
  browser,
}) => {
  const visitor = await visitorWithOwnDesign(browser);
  const tab = visitor.page;
  await tab.goto('about:blank');
  await tab.goto('/#d=v1.not*base64');
  const status = new ToolbarPage(tab).status;
  await expect(status).toContainText('This share link is damaged: its data has characters a link never holds');
  await expect(tab.getByRole('banner')).toContainText('Untitled design');
  await expect(tab.getByRole('region', { name: 'Shared design' })).toHaveCount(0);
  await expect(new ToolbarPage(tab).saveStatus).toHaveText('Saved');

  // While open: a link of a newer version, and one holding something else than a design ({"format":"drawio"}).
  await tab.evaluate(() => (location.hash = '#d=v7.AAAA'));
  await expect(status).toContainText(
    'This share link was made by a newer VPC Designer (link format v7; this one reads v1).',
  );
  const notADesign = `#d=v1.${deflateRawSync('{"format":"drawio"}').toString('base64url')}`;
  await tab.evaluate((hash) => (location.hash = hash), notADesign);
  await expect(status).toContainText(
    'This share link does not hold a usable design: the file is not a VPC Designer design (format is "drawio").',
  );
  await expect(tab.getByRole('banner')).toContainText('Untitled design');
  expect(await visitor.library.storedEntries()).toEqual(visitor.before.entries);
  expect(await visitor.library.storedText('Untitled design')).toBe(visitor.before.own);
  expect(await tab.evaluate((key) => localStorage.getItem(key), LAST_OPEN_KEY)).toBe(visitor.before.lastOpen);

  // An embed that cannot be read says so in place of the canvas.
  await tab.goto('about:blank');
  await tab.goto('/#embed=v1.');
  await expect(tab.getByRole('alert')).toHaveText(/This share link is damaged: its data does not unpack/);
  await visitor.context.close();
});

test('the clipboard refused: the link is shown selected to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
    });
  });
  await openApp(page);
  await new ToolbarPage(page).button('Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  const field = dialog.getByRole('textbox', { name: 'Link' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(/#d=v1\./);
  const selected = await field.evaluate(
    (el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd) === el.value,
  );
  expect(selected).toBe(true);
  await expect(dialog).toContainText('did not let the app copy');
});

test('a design too large for a link says so and offers the file instead', async ({ page }) => {
  const { toolbar } = await openApp(page);
  const big = generateDesign({ vpcs: 20, subnetsPerVpc: 10, instancesPerSubnet: 4 });
  await toolbar.importFile('big.json', serializeDesign(big));
  await toolbar.button('Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await expect(dialog.getByRole('alert')).toContainText('This design is too large for a link');
  await expect(dialog.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('share-too-long.png') });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the design file' }).click();
  expect(JSON.parse(await readFile(await (await download).path(), 'utf8')).name).toBe(big.name);
});

test('printing shows the diagram alone, fitted to the page', async ({ page }) => {
  const { canvas } = await openApp(page);
  await waitForViewportToSettle(page);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Palette' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  await expect(page.getByRole('tablist', { name: 'Bottom panels' })).toBeHidden();
  await expect(page.locator('.react-flow__minimap')).toBeHidden();
  await expect(page.locator('.react-flow__controls')).toBeHidden();
  // Every node inside the printed area (259 × 185 mm at 96 px per inch).
  const area = { width: (259 / 25.4) * 96, height: (185 / 25.4) * 96 };
  for (const id of ['region:us-east-1', 'vpc-prod', 'i-web-a']) {
    const box = (await canvas.node(id).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(-1);
    expect(box.y).toBeGreaterThanOrEqual(-1);
    expect(box.x + box.width).toBeLessThanOrEqual(area.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(area.height + 1);
  }
  await page.screenshot({ path: test.info().outputPath('print-media.png') });

  // The real print path (Chromium's PDF printing fires beforeprint and afterprint itself).
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: null });
  const pdf = await page.pdf({
    format: 'A4',
    landscape: true,
    margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' },
  });
  const file = test.info().outputPath('print.pdf');
  await writeFile(file, pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  let text: string | undefined;
  try {
    text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } catch {
    test
      .info()
      .annotations.push({ type: 'note', description: 'pdftotext not installed: the PDF’s text was not read back' });
  }
  if (text !== undefined) {
    expect(text).toContain('Production');
    for (const panelText of ['NETWORKING', 'Findings', 'Design name', 'New design'])
      expect(text).not.toContain(panelText);
    expect(text.split('\f').filter((p) => p.trim()).length).toBe(1);
  }
  // The screen view comes back as it was after printing.
  await expect(page.getByRole('banner')).toBeVisible();
});
