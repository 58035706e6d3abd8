import { expect, type Locator, type Page } from '@playwright/test';

/** The design canvas: nodes by resource id, their boxes and parents, and pointer gestures on them. */
export class CanvasPage {
  readonly root: Locator;
  readonly pane: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Canvas' });
    this.pane = page.locator('.react-flow__pane');
  }

  /** A node by its id (a resource id, `region:us-east-1` or `az:<vpc>:<zone>`). */
  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  edge(id: string): Locator {
    return this.page.locator(`.react-flow__edge[data-id="${id}"]`);
  }

  /** Every node of a resource kind (`vpc`, `subnet`, `instance`, …). */
  nodesOfKind(kind: string): Locator {
    return this.page.locator(`.react-flow__node[data-kind="${kind}"]`);
  }

  /** The id of the node a node is drawn inside (its React Flow parent). */
  parentOf(id: string): Promise<string | null> {
    return this.node(id).getAttribute('data-parent');
  }

  async box(id: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`Node ${id} is not visible.`);
    return box;
  }

  /** The page point at a fraction of a node's box (0,0 top-left; 1,1 bottom-right) or an offset in pixels. */
  async pointIn(id: string, at: { x: number; y: number } = { x: 0.5, y: 0.5 }): Promise<{ x: number; y: number }> {
    const b = await this.box(id);
    const x = at.x <= 1 ? b.x + b.width * at.x : b.x + at.x;
    const y = at.y <= 1 ? b.y + b.height * at.y : b.y + at.y;
    return { x, y };
  }

  /** Clicks a node where its own body shows (its label corner by default, clear of its children). */
  async select(id: string, options: { shift?: boolean; at?: { x: number; y: number } } = {}): Promise<void> {
    const p = await this.pointIn(id, options.at ?? { x: 12, y: 10 });
    if (options.shift) await this.page.keyboard.down('Shift');
    await this.page.mouse.click(p.x, p.y);
    if (options.shift) await this.page.keyboard.up('Shift');
  }

  /** Drags a node by (dx, dy) screen pixels with real pointer events, grabbing it at `grab` (see pointIn). */
  async dragNode(id: string, dx: number, dy: number, grab: { x: number; y: number } = { x: 12, y: 10 }): Promise<void> {
    const p = await this.pointIn(id, grab);
    await this.page.mouse.move(p.x, p.y);
    await this.page.mouse.down();
    await this.page.mouse.move(p.x + dx / 2, p.y + dy / 2, { steps: 6 });
    await this.page.mouse.move(p.x + dx, p.y + dy, { steps: 6 });
    await this.page.mouse.up();
  }

  /** Drags a node so the pointer is released over `to` (a page point). */
  async dragNodeTo(
    id: string,
    to: { x: number; y: number },
    grab: { x: number; y: number } = { x: 0.5, y: 0.3 },
  ): Promise<void> {
    const p = await this.pointIn(id, grab);
    await this.dragNode(id, to.x - p.x, to.y - p.y, grab);
  }

  /** A point on empty canvas near the pane's top-left corner (clear of the example design once framed). */
  async emptyPoint(offset = { x: 40, y: 40 }): Promise<{ x: number; y: number }> {
    const box = await this.pane.boundingBox();
    if (!box) throw new Error('The canvas is not visible.');
    return { x: box.x + offset.x, y: box.y + offset.y };
  }

  /** Clicks empty canvas (the top-left corner of the pane), clearing the selection. */
  async clickEmpty(): Promise<void> {
    const box = await this.pane.boundingBox();
    await this.page.mouse.click(box!.x + 8, box!.y + 8);
  }

  async fitView(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Fit view', exact: true }).click();
    await waitForViewportToSettle(this.page);
  }

  /** Drops a file onto the canvas, as a user dragging it from the desktop would. */
  async dropFile(name: string, text: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, content]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([content], fileName, { type: 'application/json' }));
        return dt;
      },
      [name, text] as const,
    );
    await this.root.dispatchEvent('dragover', { dataTransfer });
    await this.root.dispatchEvent('drop', { dataTransfer });
    await waitForViewportToSettle(this.page);
  }

  async expectNodeCount(kind: string, count: number): Promise<void> {
    await expect(this.nodesOfKind(kind)).toHaveCount(count);
  }
}

/** The canvas zoom (React Flow's viewport scale), to turn screen pixels into design units. */
export async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const match = /scale\(([\d.]+)\)/.exec(transform);
  return match ? Number(match[1]) : 1;
}

/** Waits until the canvas stops panning and zooming (fitView after an import or a focus request animates). */
export async function waitForViewportToSettle(page: Page): Promise<void> {
  const read = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  let last = await read();
  for (let stable = 0, i = 0; stable < 3 && i < 50; i++) {
    await page.waitForTimeout(60);
    const now = await read();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}
