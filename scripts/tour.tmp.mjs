import { chromium } from 'playwright-core';
import { build, serve } from './lib/preview.mjs';
await build('dist-tour');
const { url, stop } = await serve('dist-tour', 4411);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
  ]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await ctx.newPage();
    await page.goto(url);
    await page.locator('.react-flow__node').first().waitFor();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `/tmp/shots/home-${w}.png` });
    if (w === 1440) {
      await page.getByRole('button', { name: 'Designs', exact: false }).first().click();
      await page.waitForTimeout(600);
      await page.screenshot({ path: `/tmp/shots/designs.png` });
      await page.keyboard.press('Escape');
      await page
        .getByRole('button', { name: /VPC and more/ })
        .first()
        .click();
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/shots/vpcmore.png` });
      await page
        .getByRole('button', { name: 'Create VPC', exact: false })
        .last()
        .click()
        .catch((e) => console.log('no create', e.message));
      await page.waitForTimeout(800);
      await page.getByRole('button', { name: 'Fit view' }).click();
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/shots/after-create.png` });
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  stop();
}
