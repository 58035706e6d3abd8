/**
 * The exported animated SVG (issue 8, item 5) plays wherever it is shown and honours `prefers-reduced-motion`:
 * opened on its own, its stylesheet hides the packets under `reduce` (SMIL cannot be paused by a media query).
 *
 * Inside an <img> the SVG is its own document, and Chromium does not pass the reduced-motion preference into it
 * (checked with Playwright's emulation: `prefers-color-scheme` reaches an <img>'s SVG, `prefers-reduced-motion`
 * does not), so no stylesheet inside the file can stop it there. A page embeds it as the README shows instead:
 * `<picture>` with a still SVG for `(prefers-reduced-motion: reduce)` — the page evaluates that media query itself.
 */
import { expect, test, type Page } from '@playwright/test';
import { renderAnimatedSvg } from '../src/engine/export/animatedSvg.ts';
import { renderSvg } from '../src/engine/export/svg.ts';
import { exampleDesign } from '../src/engine/index.ts';

const ANIMATED = renderAnimatedSvg(exampleDesign(), { flows: 'all', legend: false });
const STILL = renderSvg(exampleDesign(), { flows: 'all', legend: false });

/** Serves both SVGs and a page embedding them as the README shows, with <picture>. */
async function serve(page: Page) {
  await page.route(/\/(animated|still)\.svg/, (route) =>
    route.fulfill({
      contentType: 'image/svg+xml',
      body: route.request().url().includes('animated') ? ANIMATED : STILL,
      headers: { 'cache-control': 'no-store' },
    }),
  );
  await page.route('**/embedded.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      // A new address each time: no image cached from the load before.
      body:
        `<!doctype html><body style="margin:0"><picture>` +
        `<source media="(prefers-reduced-motion: reduce)" srcset="/still.svg?${Date.now()}">` +
        `<img id="diagram" alt="Traffic" src="/animated.svg?${Date.now()}"></picture></body>`,
    }),
  );
}

/** Whether two screenshots of the picture, 600 ms apart, differ: something moved. */
async function moves(page: Page, selector: string): Promise<boolean> {
  const target = page.locator(selector);
  const a = await target.screenshot({ animations: 'allow' });
  await page.waitForTimeout(600); // packets move 320 units a second: frames 600 ms apart differ unless none moves
  const b = await target.screenshot({ animations: 'allow' });
  return !a.equals(b);
}

test('opened on its own, the animated SVG moves, and stands still with its packets hidden under reduced motion', async ({
  page,
}) => {
  await serve(page);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('/animated.svg');
  expect(await moves(page, 'svg')).toBe(true);
  expect(
    await page
      .locator('.pk')
      .first()
      .evaluate((e) => getComputedStyle(e).display),
  ).not.toBe('none');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/animated.svg');
  expect(await moves(page, 'svg')).toBe(false);
  expect(await page.locator('.pk').count()).toBeGreaterThan(0);
  for (const packet of await page.locator('.pk, .pr').all())
    expect(await packet.evaluate((e) => getComputedStyle(e).display)).toBe('none');
  // The paths are still drawn.
  expect(await page.locator('g.flow').count()).toBe(exampleDesign().flows.length);
});

test('embedded in a page as the README shows, it plays, and under reduced motion the page shows the still picture', async ({
  page,
}) => {
  await serve(page);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('/embedded.html');
  const img = page.locator('#diagram');
  await expect(img).toHaveJSProperty('complete', true);
  expect(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).toContain('/animated.svg');
  expect(await moves(page, '#diagram')).toBe(true);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/embedded.html');
  await expect(img).toHaveJSProperty('complete', true);
  expect(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).toContain('/still.svg');
  expect(await moves(page, '#diagram')).toBe(false);
  await page.screenshot({ path: test.info().outputPath('embedded-reduced-motion.png') });
});
