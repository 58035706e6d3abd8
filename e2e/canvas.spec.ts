/**
 * The canvas as a user meets it: the example design drawn the way AWS diagrams nest things, dragging from the
 * palette, moving containers with what they hold, refused drops, connections, files dropped on the canvas.
 */
import { expect, test } from '@playwright/test';
import {
  aDesign,
  anEndpoint,
  anInstance,
  aPeering,
  aSubnet,
  aVirtualPrivateGateway,
  aVpc,
} from '../src/engine/model/builders.ts';
import { PALETTE_ITEMS, serializeDesign } from '../src/engine/index.ts';
import { LibraryPage, openApp, zoomOf } from './pages/index.ts';

test('a first visit shows the example design framed, with palette, inspector and findings', async ({ page }) => {
  const { canvas, palette } = await openApp(page);
  for (const item of PALETTE_ITEMS) await expect(palette.item(item.label)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Findings' })).toBeAttached();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  // fitView: every top-level thing of the example is inside the visible canvas.
  const area = (await canvas.root.boundingBox())!;
  for (const id of ['vpc-prod', 'vpc-shared', 'internet', 's3-assets']) {
    const b = await canvas.box(id);
    expect(b.x).toBeGreaterThanOrEqual(area.x);
    expect(b.y).toBeGreaterThanOrEqual(area.y);
    expect(b.x + b.width).toBeLessThanOrEqual(area.x + area.width);
    expect(b.y + b.height).toBeLessThanOrEqual(area.y + area.height);
  }
  // Nesting as AWS draws it: region ⊃ VPC ⊃ AZ band ⊃ subnet ⊃ instance.
  expect(await canvas.parentOf('vpc-prod')).toBe('region:us-east-1');
  expect(await canvas.parentOf('subnet-public-a')).toBe('az:vpc-prod:us-east-1a');
  expect(await canvas.parentOf('i-web-a')).toBe('subnet-public-a');
  await expect(canvas.node('az:vpc-prod:us-east-1a')).toContainText('Availability Zone us-east-1a');
  await expect(canvas.node('subnet-public-a')).toContainText('10.0.0.0/24 · 251 usable');
  await expect(canvas.edge('pcx-prod-shared')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('canvas-example-1440.png') });

  await page.setViewportSize({ width: 1280, height: 800 });
  await canvas.fitView();
  await expect(palette.item('AWS service')).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('canvas-example-1280.png') });
});

test('a VPC dragged from the palette onto empty canvas lands where it was dropped', async ({ page }) => {
  const { canvas, palette, toolbar } = await openApp(page);
  // An empty design: the point has room for the whole VPC (placement.spec.ts covers drops among other nodes).
  await toolbar.newDesign();
  const drop = await canvas.emptyPoint();
  await palette.dropAt('VPC', drop);
  await expect(canvas.node('vpc-1')).toBeVisible();
  expect(await canvas.parentOf('vpc-1')).toBe('region:us-east-1');
  const b = await canvas.box('vpc-1');
  expect(Math.abs(b.x - drop.x)).toBeLessThan(30);
  expect(Math.abs(b.y - drop.y)).toBeLessThan(30);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('vpc-1');
});

test('a subnet dropped on a VPC nests in the AZ band under the pointer, and an instance in the subnet', async ({
  page,
}) => {
  const { canvas, palette } = await openApp(page);
  const band = await canvas.box('az:vpc-prod:us-east-1b');
  // Below the band's two subnets: the band's own empty space.
  await palette.dropAt('Subnet', { x: band.x + 20, y: band.y + band.height - 12 });
  await expect(canvas.node('subnet-1')).toBeVisible();
  expect(await canvas.parentOf('subnet-1')).toBe('az:vpc-prod:us-east-1b');
  const bandAfter = await canvas.box('az:vpc-prod:us-east-1b');
  const subnet = await canvas.box('subnet-1');
  expect(subnet.y + subnet.height).toBeLessThanOrEqual(bandAfter.y + bandAfter.height + 1);
  await expect(canvas.node('subnet-1')).toContainText('10.0.2.0/24');

  await palette.dragTo('EC2 instance', canvas.node('subnet-1'), { x: subnet.width / 2, y: subnet.height - 20 });
  await expect(canvas.node('i-1')).toBeVisible();
  expect(await canvas.parentOf('i-1')).toBe('subnet-1');
});

test('moving a VPC moves everything drawn inside it', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  const { canvas } = await openApp(page);
  const ids = ['vpc-prod', 'az:vpc-prod:us-east-1a', 'subnet-public-a', 'i-web-a', 'igw-prod', 'vpce-s3'];
  const before = await Promise.all(ids.map((id) => canvas.box(id)));
  await canvas.dragNode('vpc-prod', 64, 48);
  const after = await Promise.all(ids.map((id) => canvas.box(id)));
  const dx = after[0]!.x - before[0]!.x;
  const dy = after[0]!.y - before[0]!.y;
  expect(dx).toBeGreaterThan(30);
  expect(dy).toBeGreaterThan(20);
  ids.forEach((id, i) => {
    expect(after[i]!.x - before[i]!.x, id).toBeCloseTo(dx, 0);
    expect(after[i]!.y - before[i]!.y, id).toBeCloseTo(dy, 0);
  });
  await page.screenshot({ path: test.info().outputPath('canvas-moved-vpc.png') });
  expect(problems).toEqual([]);
});

test('an instance dragged onto another subnet of its VPC moves into it', async ({ page }) => {
  const { canvas } = await openApp(page);
  const target = await canvas.pointIn('subnet-private-b', { x: 0.7, y: 0.75 });
  await canvas.dragNodeTo('i-app-a', target);
  await expect.poll(() => canvas.parentOf('i-app-a')).toBe('subnet-private-b');
  // It takes a free address of its new subnet (10.0.11.0/24) and does not cover app-b.
  await expect(canvas.node('i-app-a')).toContainText('10.0.11.');
  const other = await canvas.box('i-app-b');
  const moved = await canvas.box('i-app-a');
  expect(
    moved.x >= other.x + other.width || moved.x + moved.width <= other.x || moved.y >= other.y + other.height,
  ).toBe(true);
  const subnet = await canvas.box('subnet-private-b');
  const instance = await canvas.box('i-app-a');
  expect(instance.x).toBeGreaterThanOrEqual(subnet.x);
  expect(instance.x + instance.width).toBeLessThanOrEqual(subnet.x + subnet.width + 1);
});

test('refused drops say why, in a live status, and change nothing', async ({ page }) => {
  const { canvas, palette, toolbar } = await openApp(page);
  const instances = await canvas.nodesOfKind('instance').count();
  await palette.dropAt('EC2 instance', await canvas.emptyPoint());
  await expect(toolbar.status).toContainText('An EC2 instance runs in a subnet: drop it onto a subnet.');
  await expect(canvas.nodesOfKind('instance')).toHaveCount(instances);

  const subnet = await canvas.box('subnet-private-a');
  await palette.dragTo('VPC', canvas.node('subnet-private-a'), { x: subnet.width - 30, y: subnet.height - 20 });
  await expect(toolbar.status).toContainText('A VPC cannot sit inside another VPC');
  await expect(canvas.nodesOfKind('vpc')).toHaveCount(2);
  await expect(toolbar.button('Undo')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('canvas-refused-drop.png') });

  // The message stays until the user does something else (no timer to race), or dismisses it.
  await page.keyboard.press('Escape');
  await expect(toolbar.status).toHaveText('');
  await palette.dropAt('EC2 instance', await canvas.emptyPoint());
  await toolbar.status.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(toolbar.status).toHaveText('');
});

test('a name with HTML in it shows as text and runs nothing', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const evil = '<img src=x onerror=alert(1)>';
  const design = aDesign(
    aVpc({ id: 'vpc-x', name: evil }),
    aSubnet({ id: 'subnet-x', vpcId: 'vpc-x', name: `${evil} subnet` }),
  );
  design.layout = { 'vpc-x': { x: 0, y: 0 } };
  await toolbar.importFile('evil.json', serializeDesign(design));
  await expect(canvas.node('vpc-x')).toContainText(evil);
  await expect(canvas.node('subnet-x')).toContainText(`${evil} subnet`);
  await expect(canvas.root.locator('img')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(dialogs).toBe(0);
});

test('a design file dropped on the canvas is imported; a broken one is refused and the design kept', async ({
  page,
}) => {
  const { canvas, toolbar } = await openApp(page);
  await canvas.dropFile('broken.json', '{ "format": "vpc-designer", ');
  await expect(toolbar.status).toContainText('broken.json');
  await expect(toolbar.status).toContainText('not valid JSON');
  await expect(canvas.node('vpc-prod')).toBeVisible();

  const design = aDesign(aVpc({ id: 'vpc-dropped', name: 'Dropped VPC' }));
  await canvas.dropFile('dropped.json', serializeDesign(design));
  await expect(canvas.node('vpc-dropped')).toBeVisible();
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
  await expect(toolbar.status).toContainText('The design open before is kept in Designs.');
  await new LibraryPage(page).openDesign('Example: two-AZ web app with a peered shared-services VPC');
  await expect(canvas.node('vpc-prod')).toBeVisible();
});

test('route tables, security groups and NACLs show inside their VPC when asked', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  await expect(canvas.nodesOfKind('routeTable')).toHaveCount(0);
  await toolbar.showSupportingToggle().click();
  await expect(toolbar.showSupportingToggle()).toHaveAttribute('aria-pressed', 'true');
  await expect(canvas.node('rtb-public')).toBeVisible();
  expect(await canvas.parentOf('rtb-public')).toBe('vpc-prod');
  expect(await canvas.parentOf('sg-tools')).toBe('vpc-shared');
  const vpc = await canvas.box('vpc-prod');
  const rtb = await canvas.box('rtb-public');
  expect(rtb.y + rtb.height).toBeLessThanOrEqual(vpc.y + vpc.height);
  await toolbar.showSupportingToggle().click();
  await expect(canvas.nodesOfKind('routeTable')).toHaveCount(0);
});

test('connecting two VPCs requests a peering connection, drawn dashed while pending', async ({ page }) => {
  const { canvas, palette } = await openApp(page);
  await palette.dropAt('VPC', await canvas.emptyPoint({ x: 20, y: 20 }));
  await expect(canvas.node('vpc-1')).toBeVisible();
  // It lands at the nearest free place, clear of the others: frame them all.
  await canvas.fitView();
  await canvas.clickEmpty();
  const from = canvas.node('vpc-1').locator('.react-flow__handle[data-handleid="r"]');
  const to = canvas.node('vpc-shared').locator('.react-flow__handle[data-handleid="b"]');
  await canvas.node('vpc-1').hover({ position: { x: 10, y: 10 } });
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  const edge = canvas.edge('pcx-1');
  await expect(edge).toBeVisible();
  await expect(edge.locator('path.react-flow__edge-path')).toHaveCSS('stroke-dasharray', /8/);
  await expect(page.locator('.diagram-edge-label', { hasText: 'Peering · pending acceptance' })).toBeVisible();
});

test('a node with an error finding is outlined red and marked for tests', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  const design = aDesign(
    aVpc({ id: 'vpc-o' }),
    aSubnet({ id: 'subnet-one', vpcId: 'vpc-o', cidrBlock: '10.0.1.0/24' }),
    aSubnet({ id: 'subnet-two', vpcId: 'vpc-o', cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1b' }),
  );
  await toolbar.importFile('overlap.json', serializeDesign(design));
  const marked = canvas.root.locator('.react-flow__node[data-kind="subnet"][data-severity="error"]');
  await expect(marked.first()).toBeVisible();
  await expect(marked.first().locator('.node-body')).toHaveCSS('box-shadow', /rgb\(209, 50, 18\)/);
});

test('zoomed out, the whole design stays legible as a diagram', async ({ page }) => {
  const { canvas } = await openApp(page);
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.waitForTimeout(300);
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('canvas-zoomed-out.png') });

  // Zoomed out past the labels' level of detail, boxes keep their colours and each VPC still shows its name at a
  // size that can be read on screen.
  for (let i = 0; i < 8 && (await zoomOf(page)) >= 0.3; i++)
    await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect.poll(() => zoomOf(page)).toBeLessThan(0.3);
  await expect(canvas.node('subnet-public-a')).not.toContainText('10.0.0.0/24');
  const name = canvas.node('vpc-prod').getByText('Production', { exact: true });
  await expect(name).toBeVisible();
  expect((await name.boundingBox())!.height).toBeGreaterThan(10);
  await page.screenshot({ path: test.info().outputPath('canvas-far-out.png') });
});

test('zoomed out past the level of detail, a subnet draws its leaves; clicking one selects it as a node again', async ({
  page,
}) => {
  const { canvas } = await openApp(page);
  for (let i = 0; i < 10 && (await zoomOf(page)) >= 0.3; i++)
    await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect.poll(() => zoomOf(page)).toBeLessThan(0.3);
  // The instance is no React Flow node now: its subnet's node draws it, named as the node was.
  await expect(canvas.node('i-web-a')).toHaveCount(0);
  const leaf = canvas.node('subnet-public-a').getByRole('button', { name: 'EC2 instance web-a' });
  await expect(leaf).toBeVisible();
  await leaf.click();
  await expect(canvas.node('i-web-a')).toHaveClass(/selected/);
  await expect(canvas.node('subnet-public-a')).not.toHaveClass(/selected/);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('web-a');
  // Zoomed in past the level of detail again, every leaf is a node of its own.
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await expect(canvas.node('i-web-b')).toBeVisible();
  await expect(page.locator('.folded-leaf')).toHaveCount(0);
});

test('VPN, Direct Connect and a pending peering request are drawn as labelled connections', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  const design = aDesign(
    aVpc({ id: 'vpc-a', name: 'App' }),
    aVpc({ id: 'vpc-b', name: 'Data', cidrBlocks: ['10.1.0.0/16'] }),
    aSubnet({ id: 'subnet-a', vpcId: 'vpc-a', name: 'App A' }),
    anInstance({ id: 'i-a', subnetId: 'subnet-a', name: 'app' }),
    anEndpoint({
      id: 'vpce-ssm',
      vpcId: 'vpc-a',
      endpointType: 'Interface',
      serviceName: 'com.amazonaws.us-east-1.ssm',
      subnetIds: ['subnet-a'],
      name: 'SSM endpoint',
    }),
    aVirtualPrivateGateway({ id: 'vgw-a', vpcId: 'vpc-a', name: 'VGW' }),
    aPeering({
      id: 'pcx-ab',
      requesterVpcId: 'vpc-a',
      accepterVpcId: 'vpc-b',
      status: 'pending-acceptance',
      name: 'App to Data',
    }),
    { id: 'cgw-1', kind: 'customerGateway', name: 'Office router', ipAddress: '198.51.100.1', bgpAsn: 65000 },
    {
      id: 'vpn-1',
      kind: 'vpnConnection',
      name: 'Office VPN',
      vpnGatewayId: 'vgw-a',
      customerGatewayId: 'cgw-1',
      staticRoutesOnly: true,
      onPremisesCidrs: ['192.168.0.0/16'],
    },
    {
      id: 'dxgw-1',
      kind: 'directConnectGateway',
      name: 'DX gateway',
      amazonSideAsn: 64512,
      virtualPrivateGatewayIds: ['vgw-a'],
      onPremisesCidrs: [],
    },
  );
  design.layout = {
    'vpc-a': { x: 0, y: 0 },
    'vpc-b': { x: 760, y: 0 },
    'vgw-a': { x: 260, y: 0 },
    'cgw-1': { x: 200, y: -260 },
    'dxgw-1': { x: 420, y: -260 },
  };
  await toolbar.importFile('connections.json', JSON.stringify(design));
  await expect(canvas.edge('vpn-1')).toBeVisible();
  await expect(canvas.edge('dx:dxgw-1:vgw-a')).toBeAttached();
  await expect(page.locator('.diagram-edge-label', { hasText: 'VPN · static routes' })).toBeVisible();
  await expect(page.locator('.diagram-edge-label', { hasText: 'Peering · pending acceptance' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('canvas-connections.png') });
  // The interface endpoint is an ENI inside its subnet; the VGW sits on the VPC's top border.
  expect(await canvas.parentOf('vpce-ssm')).toBe('subnet-a');
  const vpc = await canvas.box('vpc-a');
  const vgw = await canvas.box('vgw-a');
  expect(vgw.y).toBeLessThan(vpc.y);
  expect(vgw.y + vgw.height).toBeGreaterThan(vpc.y);
});
