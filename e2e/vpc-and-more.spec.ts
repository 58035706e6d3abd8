/**
 * "VPC and more" as a user meets it: open the form from the palette or the empty canvas, change options and watch
 * the preview follow, create the network, and prove it works — a private instance reaches the internet through its
 * own AZ's NAT gateway, the Findings panel has nothing to say, and one Undo takes it all away.
 * https://docs.aws.amazon.com/vpc/latest/userguide/create-vpc.html#create-vpc-and-other-resources
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './pages/index.ts';
import { TrafficPage } from './pages/TrafficPage.ts';

function dialogOf(page: Page) {
  return page.getByRole('dialog', { name: 'Create VPC and more' });
}

test('opened from the palette: options change the preview, and a bad CIDR gets one plain message', async ({ page }) => {
  const { palette, canvas } = await openApp(page);
  await palette.root.getByRole('button', { name: 'VPC and more' }).click();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  const preview = dialog.getByRole('region', { name: 'Preview' });
  // The console's defaults, beside the example design's VPCs: the next free /16, two AZs, no NAT gateway.
  await expect(dialog.getByLabel('IPv4 CIDR block')).toHaveValue('10.2.0.0/16');
  await expect(preview.getByRole('region', { name: 'Route tables' })).toContainText('(3)');
  await expect(preview.getByRole('region', { name: 'Network connections' })).not.toContainText('NAT gateway');

  await dialog.getByRole('group', { name: 'NAT gateways' }).getByLabel('1 per AZ').check();
  await expect(preview.getByRole('region', { name: 'Network connections' }).getByText(/^NAT gateway,/)).toHaveCount(2);
  await dialog.getByRole('group', { name: 'Number of Availability Zones (AZs)' }).getByLabel('3').check();
  await expect(preview.getByRole('group', { name: 'Subnets in us-east-1c' })).toContainText('10.2.32.0/20');
  await expect(preview.getByRole('region', { name: 'Network connections' }).getByText(/^NAT gateway,/)).toHaveCount(3);

  // No public subnets: NAT gateways cannot be chosen, and the form says why.
  await dialog.getByRole('group', { name: 'Number of public subnets' }).getByLabel('0').check();
  await expect(dialog.getByRole('group', { name: 'NAT gateways' }).getByLabel('1 per AZ')).toBeDisabled();
  await expect(dialog.getByRole('group', { name: 'NAT gateways' })).toHaveAccessibleDescription(
    'A NAT gateway lives in a public subnet: add public subnets first.',
  );

  const cidr = dialog.getByLabel('IPv4 CIDR block');
  await cidr.fill('10.2.0.1/16');
  await expect(cidr).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('10.2.0.1/16 is not a network address: did you mean 10.2.0.0/16?')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create VPC' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Fix the fields marked in red first.');
  await page.screenshot({ path: test.info().outputPath('vpc-and-more-invalid.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(canvas.nodesOfKind('vpc')).toHaveCount(2);
});

test('from the empty canvas: create, a private instance reaches the internet through its AZ’s NAT gateway, no findings, one Undo', async ({
  page,
}) => {
  const { toolbar, canvas, palette } = await openApp(page);
  await toolbar.newDesign();
  const call = page.getByRole('group', { name: 'Start your design' });
  await call.getByRole('button', { name: 'Create VPC and more…' }).click();
  const dialog = dialogOf(page);
  await dialog.getByRole('group', { name: 'NAT gateways' }).getByLabel('1 per AZ').check();
  // A subnet CIDR edited by hand is kept; one outside the VPC is refused in place.
  const private2 = dialog.getByLabel('Private subnet 2 CIDR block in us-east-1b');
  await expect(private2).toHaveValue('10.0.144.0/20');
  await private2.fill('10.9.0.0/24');
  await expect(dialog.getByText("10.9.0.0/24 is outside the VPC's block 10.0.0.0/16.")).toBeVisible();
  await private2.fill('10.0.200.0/24');
  await expect(
    dialog.getByRole('region', { name: 'Preview' }).getByRole('group', { name: 'Subnets in us-east-1b' }),
  ).toContainText('10.0.200.0/24');
  await page.screenshot({ path: test.info().outputPath('vpc-and-more-dialog.png') });
  await dialog.getByRole('button', { name: 'Create VPC' }).click();
  await expect(dialog).toBeHidden();
  await expect(call).toBeHidden();

  await canvas.expectNodeCount('vpc', 1);
  await canvas.expectNodeCount('subnet', 4);
  await canvas.expectNodeCount('natGateway', 2);
  await expect(toolbar.button('Undo')).toHaveAttribute('title', /Undo Create project and more/);
  await page.screenshot({ path: test.info().outputPath('vpc-and-more-created.png') });

  // The network has nothing to report.
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Findings' })).toContainText('No findings');

  // An instance in the second AZ's private subnet reaches the internet through that AZ's NAT gateway only.
  await canvas.select('subnet-4');
  await palette.addWithKeyboard('EC2 instance');
  await canvas.expectNodeCount('instance', 1);
  const traffic = new TrafficPage(page);
  await traffic.open();
  await traffic.trace({ from: 'i-1 (10.0.200.10)', to: 'Internet' });
  await expect(traffic.hop(/project-nat-public2-us-east-1b/).first()).toBeVisible();
  await expect(traffic.hop(/project-nat-public1-us-east-1a/)).toHaveCount(0);
  await expect(traffic.status(/i-1 → Internet/)).toHaveText('Reachable');
  // Nothing on the internet reaches it.
  await traffic.trace({ from: 'Internet', to: 'i-1 (10.0.200.10)' });
  await expect(traffic.status(/Internet → i-1/)).toHaveText(/^Blocked/);
  await page.screenshot({ path: test.info().outputPath('vpc-and-more-trace.png') });

  // Undo the instance, then one Undo removes the whole network.
  await toolbar.undo();
  await canvas.expectNodeCount('instance', 0);
  await toolbar.undo();
  await canvas.expectNodeCount('vpc', 0);
  await canvas.expectNodeCount('subnet', 0);
  await canvas.expectNodeCount('natGateway', 0);
  await expect(call).toBeVisible();
});

test('beside an existing design: the new network lands clear of the VPCs already drawn', async ({ page }) => {
  const { palette, canvas, toolbar } = await openApp(page);
  await palette.root.getByRole('button', { name: 'VPC and more' }).focus();
  await page.keyboard.press('Enter');
  const dialog = dialogOf(page);
  await expect(dialog.getByLabel('Name tag auto-generation')).toBeFocused();
  await dialog.getByLabel('Name tag auto-generation').fill('staging');
  await dialog.getByRole('group', { name: 'Number of private subnets' }).getByLabel('4').check();
  await dialog.getByRole('button', { name: 'Create VPC' }).click();
  await expect(dialog).toBeHidden();
  await canvas.expectNodeCount('vpc', 3);
  await expect(canvas.node('vpc-1')).toContainText('staging-vpc');
  await expect(canvas.node('vpc-1')).toContainText('10.2.0.0/16');
  const created = await canvas.box('vpc-1');
  for (const other of ['vpc-prod', 'vpc-shared', 's3-assets']) {
    const box = await canvas.box(other);
    const apart =
      created.x >= box.x + box.width ||
      box.x >= created.x + created.width ||
      created.y >= box.y + box.height ||
      box.y >= created.y + created.height;
    expect(apart, `staging-vpc overlaps ${other}`).toBe(true);
  }
  await page.screenshot({ path: test.info().outputPath('vpc-and-more-beside-example.png') });
  await toolbar.undo();
  await canvas.expectNodeCount('vpc', 2);
});

test('on an empty canvas a VPC dragged from the palette can be dropped where the call to action sits', async ({
  page,
}) => {
  const { toolbar, palette, canvas } = await openApp(page);
  await toolbar.newDesign();
  const call = page.getByRole('group', { name: 'Start your design' });
  await palette.dragTo('VPC', call, { x: 40, y: 20 });
  await canvas.expectNodeCount('vpc', 1);
  await expect(call).toBeHidden();
});

test('the form fits a 1280 × 720 screen: its buttons show without scrolling the page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const { palette } = await openApp(page);
  await palette.root.getByRole('button', { name: 'VPC and more' }).click();
  const dialog = dialogOf(page);
  await dialog.getByRole('group', { name: 'Number of private subnets' }).getByLabel('4').check();
  await expect(dialog.getByRole('button', { name: 'Create VPC' })).toBeInViewport();
  // The last options of the form, scrolled to, still show their effect in the preview beside them.
  await dialog.getByRole('group', { name: 'NAT gateways' }).getByLabel('1 per AZ').check();
  await expect(dialog.getByRole('checkbox', { name: 'Enable DNS resolution' })).toBeInViewport();
  await expect(dialog.getByRole('region', { name: 'Network connections' })).toBeInViewport();
  await expect(dialog.getByRole('region', { name: 'Network connections' }).getByText(/^NAT gateway,/)).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('vpc-and-more-1280.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
