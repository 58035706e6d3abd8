import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** Names of the formats as the Export dialog shows them. */
export type FormatName = 'Design file (JSON)' | 'SVG' | 'Animated SVG' | 'PNG' | 'PDF' | 'draw.io';

const DOWNLOAD_BUTTON: Record<FormatName, string> = {
  'Design file (JSON)': 'Download design file',
  SVG: 'Download SVG',
  'Animated SVG': 'Download animated SVG',
  PNG: 'Download PNG',
  PDF: 'Download PDF',
  'draw.io': 'Download draw.io file',
};

/** The Export dialog: its format, its options, and the download it makes. */
export class ExportPage {
  readonly dialog: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Export' });
    this.message = this.dialog.getByRole('status', { name: 'Export message' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Export', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  radio(name: string): Locator {
    return this.dialog.getByRole('radio', { name, exact: true });
  }

  checkbox(name: string): Locator {
    return this.dialog.getByRole('checkbox', { name, exact: true });
  }

  button(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  async format(name: FormatName): Promise<void> {
    await this.radio(name).check();
  }

  /** Chooses `format`, downloads it and returns the download (the dialog closes). */
  async download(format: FormatName): Promise<Download> {
    await this.format(format);
    const download = this.page.waitForEvent('download');
    await this.button(DOWNLOAD_BUTTON[format]).click();
    const done = await download;
    await expect(this.dialog).toHaveCount(0);
    return done;
  }

  /** Opens the dialog, downloads `format` and returns the file's bytes and name. */
  async exportFile(
    format: FormatName,
    choose?: (dialog: ExportPage) => Promise<void>,
  ): Promise<{ name: string; bytes: Buffer }> {
    await this.open();
    await this.format(format);
    await choose?.(this);
    const download = await this.download(format);
    return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
  }
}
