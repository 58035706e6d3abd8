import type { Locator, Page } from '@playwright/test';

export interface XY {
  x: number;
  y: number;
}

/** The Traffic and Exposure tabs under the canvas, and the packets the traffic overlay draws on the canvas. */
export class TrafficPage {
  readonly root: Locator;
  readonly flows: Locator;
  readonly hops: Locator;
  readonly whatIf: Locator;
  readonly simulation: Locator;
  readonly newFlowForm: Locator;
  /** The form open on a saved flow (named "Edit flow <its name>"). */
  readonly editForm: Locator;
  readonly reduceMotion: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Traffic' });
    this.flows = this.root.getByRole('list', { name: 'Flows' });
    this.hops = this.root.getByRole('list', { name: 'Hops' });
    this.whatIf = this.root.getByRole('log', { name: 'What-if' });
    this.simulation = this.root.getByRole('toolbar', { name: 'Simulation' });
    this.newFlowForm = this.root.getByRole('form', { name: 'New flow' });
    this.editForm = this.root.getByRole('form', { name: /^Edit flow / });
    this.reduceMotion = this.simulation.getByRole('checkbox', { name: 'Reduce motion' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Traffic' }).click();
    await this.root.waitFor();
  }

  async openExposure(): Promise<Locator> {
    await this.page.getByRole('tab', { name: 'Exposure' }).click();
    const region = this.page.getByRole('region', { name: 'Exposure' });
    await region.waitFor();
    return region;
  }

  flow(name: string | RegExp): Locator {
    return this.flows.getByRole('listitem').filter({ hasText: name });
  }

  status(name: string | RegExp): Locator {
    return this.flow(name).getByTestId('flow-status');
  }

  /** A saved flow's row by its id (its name changes when it is edited). */
  flowById(id: string): Locator {
    return this.flows.locator(`li[data-flow="${id}"]`);
  }

  /** A flow's Edit button (its accessible name is "Edit <flow name>"). */
  editButton(name: string | RegExp): Locator {
    return this.flow(name).getByRole('button', { name: /^Edit / });
  }

  async select(name: string | RegExp): Promise<void> {
    await this.flow(name).getByRole('button').first().click();
  }

  /** Fills the new-flow form (options by their visible label) and presses Trace. */
  async trace(options: { from: string; to: string; protocol?: 'TCP' | 'UDP' | 'ICMP'; port?: number }): Promise<void> {
    const form = this.root.getByRole('form', { name: 'New flow' });
    await form.getByLabel('Source', { exact: true }).selectOption({ label: options.from });
    await form.getByLabel('Destination', { exact: true }).selectOption({ label: options.to });
    if (options.protocol) await form.getByLabel('Protocol').selectOption({ label: options.protocol });
    if (options.port !== undefined) await form.getByLabel('Port').fill(String(options.port));
    await form.getByRole('button', { name: 'Trace' }).click();
  }

  async save(): Promise<void> {
    await this.root.getByRole('form', { name: 'New flow' }).getByRole('button', { name: 'Save flow' }).click();
  }

  hop(name: string | RegExp): Locator {
    return this.hops.getByRole('listitem').filter({ hasText: name });
  }

  /** The packet of a flow on the canvas (its `transform` is what the animation moves). */
  packet(flowId: string): Locator {
    return this.page.locator(`[data-flow-packet="${flowId}"]`);
  }

  /** A flow's path on the canvas: the selected flow's, or every flow's with reduced motion. */
  path(flowId: string): Locator {
    return this.page.locator(`[data-flow-path="${flowId}"]`);
  }

  /** The points of a flow's request (forward) or reply (return) line, in the diagram's coordinates. */
  async pathPoints(flowId: string, direction: 'forward' | 'return' = 'forward'): Promise<XY[]> {
    const points = await this.path(flowId).locator(`polyline[data-direction="${direction}"]`).getAttribute('points');
    return (points ?? '')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => {
        const [x, y] = pair.split(',').map(Number);
        return { x: x!, y: y! };
      });
  }

  /** Where a packet is, in the diagram's coordinates (from its `transform`). */
  async packetPoint(flowId: string): Promise<XY> {
    const transform = await this.packet(flowId).evaluate((el) => (el as SVGGElement).style.transform);
    const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)/.exec(transform);
    if (!m) throw new Error(`Packet ${flowId} has no position: ${transform}`);
    return { x: Number(m[1]), y: Number(m[2]) };
  }

  /** Where a blocked flow's red badge is, in the diagram's coordinates. */
  async blockPoint(flowId: string): Promise<XY> {
    const transform = await this.blockMark(flowId).locator('.traffic-badge').getAttribute('transform');
    const m = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(transform ?? '');
    if (!m) throw new Error(`Flow ${flowId} has no block mark: ${transform}`);
    return { x: Number(m[1]), y: Number(m[2]) };
  }

  /** The red mark where a flow is dropped. */
  blockMark(flowId: string): Locator {
    return this.page.locator(`.traffic-blocked[data-flow="${flowId}"]`);
  }

  /**
   * Transforms of a packet, `ms` apart. The defaults span 2.4 s: longer than a packet ever rests (at the end of
   * its loop), so a playing packet always shows more than one.
   */
  async transforms(flowId: string, samples = 7, ms = 400): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < samples; i++) {
      out.push(await this.packet(flowId).evaluate((el) => (el as SVGGElement).style.transform));
      await this.page.waitForTimeout(ms);
    }
    return out;
  }
}
