import type { Page } from '@playwright/test';
import { CanvasPage } from './CanvasPage.ts';
import { ExportPage } from './ExportPage.ts';
import { LibraryPage } from './LibraryPage.ts';
import { PalettePage } from './PalettePage.ts';
import { ToolbarPage } from './ToolbarPage.ts';

export { CanvasPage, ExportPage, LibraryPage, PalettePage, ToolbarPage };
export { waitForViewportToSettle, zoomOf } from './CanvasPage.ts';

/** Opens the app on a clean slate (each Playwright test has its own storage) and waits for the canvas. */
export async function openApp(page: Page) {
  await page.goto('/');
  const canvas = new CanvasPage(page);
  await canvas.node('vpc-prod').or(canvas.node('region:us-east-1')).first().waitFor();
  return { canvas, palette: new PalettePage(page), toolbar: new ToolbarPage(page) };
}
