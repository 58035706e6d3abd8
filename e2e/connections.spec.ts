/**
 * Connections a user can find: peering from the palette and from a VPC's inspector (a request the accepter accepts,
 * https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html), handles that show on hover with
 * a hint, connection labels that select, a route table added that shows and opens, one-click default routes to the
 * internet gateway and a NAT gateway, info findings for gateways and tables nothing uses, and a NAT instance drawn
 * unlike a plain instance.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { openApp, waitForViewportToSettle, zoomOf } from './pages/index.ts';
import { TrafficPage } from './pages/TrafficPage.ts';

/** The inspector and the Findings panel, as small helpers (the shared page objects cover canvas, palette, toolbar). */
class Panels {
  readonly inspector: Locator;
  readonly findings: Locator;
  constructor(readonly page: Page) {
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.findings = page.getByRole('region', { name: 'Findings' });
  }
  heading(): Locator {
    return this.inspector.getByRole('heading', { level: 2 });
  }
  finding(text: string | RegExp): Locator {
    return this.findings.getByRole('listitem').filter({ hasText: text });
  }
  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Create peering connection' });
  }
}

const shot = (name: string) => test.info().outputPath(`connections-${name}.png`);

async function undo(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true }).click();
}

test('peering from the palette: choose the two VPCs, the connection is drawn and opens in the inspector; one undo removes it', async ({
  page,
}) => {
  const { canvas, palette } = await openApp(page);
  const panels = new Panels(page);
  await canvas.clickEmpty();
  await palette.item('VPC').click();
  await expect(panels.heading()).toHaveText('vpc-1');

  // The selected VPC is the requester; the accepter is chosen; the owner accepts in the same step.
  await palette.item('Peering connection').click();
  const dialog = panels.dialog();
  await expect(dialog.getByLabel('Requester VPC')).toHaveValue('vpc-1');
  await expect(dialog.getByLabel('Requester VPC')).toBeFocused();
  await dialog.getByLabel('Accepter VPC').selectOption('vpc-shared');
  await expect(dialog.getByLabel('Accept the request now')).toBeChecked();
  await expect(dialog.getByLabel('Add routes on both sides')).toBeChecked();
  await page.screenshot({ path: shot('dialog') });
  await dialog.getByRole('button', { name: 'Create peering connection' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(panels.heading()).toHaveText('vpc-1 ↔ Shared services');
  await expect(panels.inspector).toContainText('Active');
  await canvas.fitView();
  await expect(canvas.edge('pcx-1')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'vpc-1 ↔ Shared services: Peering · active' })).toBeVisible();

  await undo(page);
  await expect(canvas.edge('pcx-1')).toHaveCount(0);

  // What AWS refuses is said before anything is pressed: Production and Shared services are already peered.
  await palette.item('Peering connection').click();
  await dialog.getByLabel('Requester VPC').selectOption('vpc-prod');
  await dialog.getByLabel('Accepter VPC').selectOption('vpc-shared');
  await expect(dialog.getByRole('alert')).toContainText('only one peering connection per pair is allowed');
  await expect(dialog.getByRole('button', { name: 'Create peering connection' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(palette.item('Peering connection')).toBeFocused();
});

test("the palette's Peering connection dragged onto a VPC makes it the requester", async ({ page }) => {
  const { canvas, palette } = await openApp(page);
  const panels = new Panels(page);
  await palette.dragTo('Peering connection', canvas.node('vpc-shared'), { x: 60, y: 14 });
  const dialog = panels.dialog();
  await expect(dialog.getByLabel('Requester VPC')).toHaveValue('vpc-shared');
  // Production is already peered with it: the dialog says so rather than offering it silently.
  await dialog.getByLabel('Accepter VPC').selectOption('vpc-prod');
  await expect(dialog.getByRole('alert')).toContainText('only one peering connection per pair is allowed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

test("Peer with… in a VPC's inspector lists the other VPCs and makes a request the accepter has yet to accept", async ({
  page,
}) => {
  const { canvas, palette } = await openApp(page);
  const panels = new Panels(page);
  await canvas.clickEmpty();
  await palette.item('VPC').click();
  await canvas.fitView();
  await canvas.select('vpc-prod');
  await expect(panels.heading()).toHaveText('Production');

  const peerWith = panels.inspector.getByRole('group', { name: 'Peer with…' });
  await expect(peerWith.getByRole('button', { name: 'Peer with Shared services' })).toBeDisabled();
  await expect(peerWith).toContainText('only one peering connection per pair is allowed');
  await peerWith.getByRole('button', { name: 'Peer with vpc-1' }).click();

  const dialog = panels.dialog();
  await expect(dialog.getByLabel('Requester VPC')).toHaveValue('vpc-prod');
  await expect(dialog.getByLabel('Accepter VPC')).toHaveValue('vpc-1');
  await dialog.getByLabel('Accept the request now').uncheck();
  await expect(dialog.getByLabel('Add routes on both sides')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Request peering connection' }).click();

  await expect(panels.heading()).toHaveText('Production ↔ vpc-1');
  await expect(canvas.edge('pcx-1')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Production ↔ vpc-1: Peering · pending acceptance' })).toBeVisible();
  await expect(panels.finding(/waiting for the owner of VPC "?vpc-1/)).toHaveCount(1);
});

test('hovering a VPC shows its handles and what a drag does; clicking or pressing Enter on a connection label selects it', async ({
  page,
}) => {
  const { canvas } = await openApp(page);
  const panels = new Panels(page);
  const handle = canvas.node('vpc-shared').locator('.react-flow__handle').first();
  await expect(handle).toHaveCSS('opacity', '0');
  const header = await canvas.pointIn('vpc-shared', { x: 40, y: 12 });
  await page.mouse.move(header.x, header.y);
  await expect(handle).toHaveCSS('opacity', '1');
  // 14 design units across (more with its invisible margin), whatever the zoom (less a rounding of the zoom).
  const size = await handle.boundingBox();
  expect(size!.width / (await zoomOf(page))).toBeGreaterThan(13.99);
  await expect(canvas.node('vpc-shared').getByText('Drag to another VPC to peer')).toBeVisible();
  await expect(handle).toHaveAttribute('title', 'Drag to another VPC to peer');
  await page.screenshot({ path: shot('hover-handle') });

  const label = page.getByRole('button', { name: 'Production ↔ Shared: Peering · active' });
  await label.click();
  await expect(panels.heading()).toHaveText('Production ↔ Shared');
  await expect(canvas.edge('pcx-prod-shared')).toHaveClass(/selected/);

  await canvas.clickEmpty();
  await expect(panels.heading()).toHaveText('Design');
  await label.focus();
  await page.keyboard.press('Enter');
  await expect(panels.heading()).toHaveText('Production ↔ Shared');
});

test('a route table added from the palette is shown on the canvas and opened, by keyboard and by drag', async ({
  page,
}) => {
  const { canvas, palette } = await openApp(page);
  const panels = new Panels(page);
  const showSupporting = page.getByRole('button', { name: 'Show route tables, security groups and NACLs' });
  await expect(showSupporting).toHaveAttribute('aria-pressed', 'false');

  await canvas.select('vpc-prod');
  await palette.item('Route table').click();
  await expect(panels.heading()).toHaveText('rtb-1');
  await expect(showSupporting).toHaveAttribute('aria-pressed', 'true');
  await expect(canvas.node('rtb-1')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'so that rtb-1 is visible' })).toBeVisible();
  // Nothing uses it yet: an info finding says so.
  await expect(panels.finding('Route table rtb-1 is not associated with any subnet')).toHaveCount(1);

  // Turned off again, a dropped table turns it back on.
  await showSupporting.click();
  await expect(canvas.node('rtb-1')).toHaveCount(0);
  await palette.dragTo('Route table', canvas.node('vpc-shared'), { x: 60, y: 14 });
  await expect(panels.heading()).toHaveText('rtb-2');
  await expect(canvas.node('rtb-2')).toBeVisible();
});

test('unused gateways are info findings; one click routes a subnet to the internet gateway, another a private subnet to the NAT gateway', async ({
  page,
}) => {
  const { canvas, palette } = await openApp(page);
  const panels = new Panels(page);
  const traffic = new TrafficPage(page);

  // A new VPC with an internet gateway nothing routes to.
  await canvas.clickEmpty();
  await palette.item('VPC').click();
  await palette.item('Internet gateway').click();
  const igwUnused = panels.finding('Internet gateway igw-1 is attached to VPC vpc-1, but no route table routes to it');
  await expect(igwUnused).toHaveCount(1);
  await expect(panels.findings).toContainText('Info 1');
  await igwUnused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('info-findings') });

  // A subnet on the VPC's main route table: the one-click route gives it a table of its own.
  await canvas.fitView();
  await canvas.select('vpc-1');
  await palette.item('Subnet').click();
  await expect(panels.heading()).toHaveText('subnet-1');
  const toIgw = panels.inspector.getByRole('button', { name: 'Route to the internet gateway' });
  await expect(toIgw).toHaveAccessibleDescription(
    /Creates a route table for this subnet alone .*0\.0\.0\.0\/0 → igw-1.*main route table/,
  );
  await expect(panels.inspector.getByText(/No public NAT gateway in this VPC/)).toBeVisible();
  await toIgw.click();
  await expect(igwUnused).toHaveCount(0);
  await expect(panels.inspector).toContainText('Public (routes to an internet gateway)');
  await expect(panels.inspector).toContainText('Already routes 0.0.0.0/0 to igw-1: this is a public subnet.');

  // A NAT gateway in the public subnet: nothing routes to it yet.
  await palette.item('NAT gateway').click();
  const natUnused = panels.finding('NAT gateway nat-1 is not the target of any route');
  await expect(natUnused).toHaveCount(1);

  // A private subnet with an instance that cannot reach the internet…
  await canvas.fitView();
  await canvas.select('vpc-1');
  await palette.item('Subnet').click();
  await expect(panels.heading()).toHaveText('subnet-2');
  await palette.item('EC2 instance').click();
  await traffic.open();
  const form = traffic.root.getByRole('form', { name: 'New flow' });
  const source = (await form
    .getByLabel('Source', { exact: true })
    .locator('option', { hasText: /^i-\d+ \(10\.2\./ })
    .textContent())!;
  await traffic.trace({ from: source, to: 'Internet', protocol: 'TCP', port: 443 });
  await traffic.save();
  const flowName = new RegExp(`^${source.split(' ')[0]} → Internet`);
  await expect(traffic.status(flowName)).toHaveText(/^Blocked/);

  // …until one click routes it to the NAT gateway.
  // (Clicked clear of its label, where the trace marks the route table that blocks it.)
  await canvas.fitView();
  await canvas.select('subnet-2', { at: { x: 0.95, y: 0.92 } });
  await expect(panels.heading()).toHaveText('subnet-2');
  const toNat = panels.inspector.getByRole('button', { name: 'Route to the NAT gateway' });
  await expect(toNat).toHaveAccessibleDescription(/0\.0\.0\.0\/0 → nat-1/);
  await toNat.click();
  await expect(traffic.status(flowName)).toHaveText('Reachable');
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(natUnused).toHaveCount(0);

  // One click, one undo step.
  await undo(page);
  await expect(natUnused).toHaveCount(1);
});

test('a NAT instance is drawn unlike a plain instance: its own glyph, and "NAT" beside its address', async ({
  page,
}) => {
  const { canvas, palette } = await openApp(page);
  await canvas.select('subnet-private-b');
  await palette.item('NAT instance').click();
  await expect(canvas.node('i-1')).toContainText('NAT instance i-1');
  await expect(canvas.node('i-1')).toContainText(/NAT · 10\.0\.11\./);
  // app-a is a plain instance of the example design.
  await expect(canvas.node('i-app-a')).not.toContainText('NAT');
  const natGlyph = await canvas.node('i-1').locator('svg').first().innerHTML();
  const plainGlyph = await canvas.node('i-app-a').locator('svg').first().innerHTML();
  expect(natGlyph).not.toBe(plainGlyph);
  // A close-up: zoom in around the two instances.
  const [a, b] = [await canvas.pointIn('i-1'), await canvas.pointIn('i-app-a')];
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -120);
  await waitForViewportToSettle(page);
  await canvas.node('i-1').screenshot({ path: shot('nat-instance') });
  await canvas.node('i-app-a').screenshot({ path: shot('plain-instance') });
});
