import type { Locator, Page } from '@playwright/test';

/** The Traffic and Exposure tabs under the canvas, and the packets the traffic overlay draws on the canvas. */
export class TrafficPage {
  readonly root: Locator;
  readonly flows: Locator;
  readonly hops: Locator;
  readonly whatIf: Locator;
  readonly simulation: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Traffic' });
    this.flows = this.root.getByRole('list', { name: 'Flows' });
    this.hops = this.root.getByRole('list', { name: 'Hops' });
    this.whatIf = this.root.getByRole('log', { name: 'What-if' });
    this.simulation = this.root.getByRole('toolbar', { name: 'Simulation' });
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
