import type { Locator, Page } from '@playwright/test';

/** The design library as the user meets it: the Designs and History dialogs and the library's banners. */
export class LibraryPage {
  readonly dialog: Locator;
  readonly designs: Locator;
  readonly trash: Locator;
  readonly history: Locator;
  readonly readOnlyBanner: Locator;
  readonly damagedAlert: Locator;
  readonly storageAlert: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Designs' });
    this.designs = this.dialog.getByRole('list', { name: 'Designs' });
    this.trash = this.dialog.getByRole('list', { name: 'Trash' });
    this.history = page.getByRole('dialog', { name: 'History' });
    this.readOnlyBanner = page.getByRole('region', { name: 'Read-only' });
    this.damagedAlert = page.getByRole('alert', { name: 'Saved design could not be read' });
    this.storageAlert = page.getByRole('alert', { name: 'Not saving' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Designs', exact: true }).click();
    await this.dialog.waitFor();
  }

  async openHistory(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'History', exact: true }).click();
    await this.history.waitFor();
  }

  /** Opens a design of the library by its name, through the Designs dialog. */
  async openDesign(name: string): Promise<void> {
    await this.open();
    await this.row(name).getByRole('button', { name: 'Open' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** A design's row in the list, by its name. */
  row(name: string): Locator {
    return this.designs.getByRole('listitem', { name, exact: true });
  }

  async rename(from: string, to: string): Promise<void> {
    await this.row(from).getByRole('button', { name: 'Rename' }).click();
    const field = this.dialog.getByRole('textbox', { name: `New name for ${from}` });
    await field.fill(to);
    await field.press('Enter');
  }

  /** Picks a file through one of the dialog's import buttons. */
  async importFile(
    button: 'Import as a new design…' | 'Import into the open design…',
    name: string,
    text: string,
  ): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.dialog.getByRole('button', { name: button }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** The stored text of the design named `name`, as the app last saved it. */
  async storedText(name: string): Promise<string | undefined> {
    const entry = (await this.storedEntries()).find((e) => e.name === name);
    if (!entry) return undefined;
    return this.page.evaluate(
      (key) =>
        new Promise<string | undefined>((resolve, reject) => {
          const open = indexedDB.open('vpc-designer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('library').objectStore('library').get(key);
            request.onsuccess = () => {
              resolve(request.result as string | undefined);
              open.result.close();
            };
          };
        }),
      `design:${entry.id}`,
    );
  }

  /** The library's index as stored in IndexedDB (names and flags), read the way the app writes it. */
  storedEntries(): Promise<Array<{ id: string; name: string; damaged?: string; trashedAt?: number }>> {
    return this.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('vpc-designer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('library').objectStore('library').get('index');
            request.onsuccess = () => {
              resolve(request.result ?? []);
              open.result.close();
            };
          };
        }),
    );
  }
}
