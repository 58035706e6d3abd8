import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { waitForViewportToSettle } from './CanvasPage.ts';
import { ExportPage } from './ExportPage.ts';

/** The toolbar across the top, the status message, and the design-file actions. */
export class ToolbarPage {
  readonly root: Locator;
  readonly status: Locator;
  /** "Saved", "Saving…" or "Not saved": whether the open design is in the browser's design library. */
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('banner');
    this.status = page.getByRole('status', { name: 'Message' });
    this.saveStatus = page.getByRole('status', { name: 'Save status' });
  }

  /** Waits until every edit so far is written to the library (so a reload shows it). */
  async saved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved');
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  undo(): Promise<void> {
    return this.button('Undo').click();
  }

  redo(): Promise<void> {
    return this.button('Redo').click();
  }

  /** Starts a new design (a library entry of its own; the open one stays in Designs). */
  async newDesign(): Promise<void> {
    await this.button('New design').click();
    await waitForViewportToSettle(this.page);
  }

  /** Imports a file through the Import button's file picker. */
  async importFile(name: string, text: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.button('Import').click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    // A successful import frames the new design; wait until it stands still.
    await this.page.waitForTimeout(50);
    await waitForViewportToSettle(this.page);
  }

  /** Downloads the design file through the Export dialog. */
  async export(): Promise<Download> {
    const dialog = new ExportPage(this.page);
    await dialog.open();
    return dialog.download('Design file (JSON)');
  }

  showSupportingToggle(): Locator {
    return this.button('Show route tables, security groups and NACLs');
  }
}
