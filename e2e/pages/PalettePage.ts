import type { Locator, Page } from '@playwright/test';

/** The palette: one button per item, draggable onto the canvas or added to the selection with Enter. */
export class PalettePage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Palette' });
  }

  item(label: string): Locator {
    return this.root.getByRole('button', { name: label, exact: true });
  }

  /**
   * HTML5 drag and drop of an item onto a target, at a position relative to the target's top-left corner.
   * Forced: region boxes and AZ bands let pointer events through to the canvas below (the canvas finds the
   * container under the drop point itself), so Playwright's "does the target receive the event" check would fail.
   */
  async dragTo(label: string, target: Locator, position?: { x: number; y: number }): Promise<void> {
    await target.waitFor();
    await this.item(label).dragTo(target, { force: true, ...(position ? { targetPosition: position } : {}) });
  }

  /** Drops an item at a page point over the canvas. */
  async dropAt(label: string, point: { x: number; y: number }): Promise<void> {
    const pane = this.page.locator('.react-flow__pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('The canvas is not visible.');
    await this.dragTo(label, pane, { x: point.x - box.x, y: point.y - box.y });
  }

  /** Adds an item to the selected container from the keyboard. */
  async addWithKeyboard(label: string): Promise<void> {
    await this.item(label).focus();
    await this.page.keyboard.press('Enter');
  }
}
