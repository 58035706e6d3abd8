import { expect, test } from '@playwright/test';
import { openApp } from './pages/index.ts';

test('first visit shows the example design framed on the canvas', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/canvas-1440.png' });
  await canvas.select('subnet-public-a');
  await toolbar.showSupportingToggle().click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: 'test-results/canvas-1440-rt.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await canvas.fitView();
  await page.screenshot({ path: 'test-results/canvas-1280.png' });
  await expect(canvas.node('vpc-prod')).toBeVisible();
});
