#!/usr/bin/env node
/**
 * `node scripts/screenshot.mjs [out.png]`: the README's screenshot — the built app with the example design a first
 * visit shows, at 1440×900 in headless Chromium. Default output: docs/screenshot.png.
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BROWSER_HINT, findChromium } from './lib/browser.mjs';
import { build, serve } from './lib/preview.mjs';
import { ROOT } from './lib/run.mjs';

const out = process.argv[2] ?? join(ROOT, 'docs', 'screenshot.png');
const found = findChromium(ROOT);
if (!found) {
  console.error(BROWSER_HINT);
  process.exit(1);
}
await build('dist-screenshot');
const { url, stop } = await serve('dist-screenshot', Number(process.env.SCREENSHOT_PORT ?? 4186));
const browser = await chromium.launch({
  executablePath: found.path,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(1000); // fit view and fonts settle
  await page.screenshot({ path: out });
  console.log(`Wrote ${out}`);
} finally {
  await browser.close();
  stop();
}
