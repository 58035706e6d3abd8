/**
 * The inspector as a user meets it: select on the canvas, edit, see the canvas follow; bad input is explained
 * and never stored; every edit is one undo step; names are text, never markup.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';

/** A small page object for the inspector (the shared ones in e2e/pages belong to the canvas work). */
class InspectorPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Inspector' });
  }
  field(label: string) {
    return this.root.getByLabel(label, { exact: true });
  }
  group(name: string) {
    return this.root.getByRole('group', { name, exact: true });
  }
  heading() {
    return this.root.getByRole('heading', { level: 2 });
  }
}

/** Where screenshots go (E2E_SHOTS keeps them out of the shared test-results folder other runs clean). */
const shot = (name: string) => `${process.env.E2E_SHOTS ?? 'test-results'}/inspector-${name}.png`;

/** A node on the canvas by its resource id (React Flow puts the node id in data-id). */
function node(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Clicks a container near its top-left corner (its label), so a child inside it is not hit instead. */
async function selectNode(page: Page, id: string) {
  await node(page, id).click({ position: { x: 12, y: 8 } });
}

async function undo(page: Page) {
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(node(page, 'subnet-public-a')).toBeVisible();
});

test('a bad subnet CIDR is explained and never stored; a good one updates the canvas', async ({ page }) => {
  const inspector = new InspectorPanel(page);
  await selectNode(page, 'subnet-public-a');
  await expect(inspector.heading()).toHaveText('Public A');
  const cidr = inspector.field('IPv4 CIDR block');
  await expect(cidr).toHaveValue('10.0.0.0/24');
  await expect(inspector.root).toContainText(
    '251 usable — AWS reserves 5 per subnet: network, VPC router, DNS, future use, broadcast',
  );

  for (const [bad, message] of [
    ['10.0.0.1/16', '10.0.0.1/16 is not a network address: did you mean 10.0.0.0/16?'],
    ['10.0.0.0/33', '/33 is not a prefix length: use /0 to /32.'],
    ['banana', '"banana" is not a CIDR block: write it like 10.0.0.0/16.'],
  ] as const) {
    await cidr.fill(bad);
    await cidr.press('Enter');
    await expect(cidr).toHaveAttribute('aria-invalid', 'true');
    await expect(cidr).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  }
  await cidr.blur();
  // The model kept its last good value: the canvas still shows it, and so does a reload.
  await expect(node(page, 'subnet-public-a')).toContainText('10.0.0.0/24');
  await page.screenshot({ path: shot('bad-cidr') });
  await page.reload();
  await expect(node(page, 'subnet-public-a')).toContainText('10.0.0.0/24');

  await selectNode(page, 'subnet-public-a');
  await cidr.fill('10.0.5.0/24');
  await expect(cidr).toHaveAttribute('aria-invalid', 'false');
  await expect(inspector.root).toContainText('10.0.5.0 – 10.0.5.255');
  await cidr.press('Enter');
  await expect(node(page, 'subnet-public-a')).toContainText('10.0.5.0/24');

  // One edit, one undo step.
  await undo(page);
  await expect(node(page, 'subnet-public-a')).toContainText('10.0.0.0/24');
  await expect(cidr).toHaveValue('10.0.0.0/24');
});

test('a next-free suggestion fills the subnet CIDR in one click', async ({ page }) => {
  const inspector = new InspectorPanel(page);
  await selectNode(page, 'subnet-public-a');
  await inspector.root.getByRole('button', { name: 'Use 10.0.2.0/24' }).click();
  await expect(node(page, 'subnet-public-a')).toContainText('10.0.2.0/24');
});

test('editing a security-group rule, with validation and undo', async ({ page }) => {
  const inspector = new InspectorPanel(page);
  await node(page, 'i-web-a').click();
  await expect(inspector.heading()).toHaveText('web-a');
  await inspector.root.getByRole('button', { name: 'Open web' }).click();
  await expect(inspector.heading()).toHaveText('web');

  const rule = inspector.group('Inbound rule 1');
  const ports = rule.getByLabel('Port range');
  await expect(ports).toHaveValue('443');
  await ports.fill('70000');
  await ports.press('Enter');
  await expect(rule.getByRole('alert')).toHaveText('Ports run from 0 to 65535.');
  await ports.fill('8443');
  await ports.press('Enter');
  await expect(ports).toHaveValue('8443');

  await rule.getByLabel('Source type').selectOption('group');
  await expect(rule.getByLabel('Source', { exact: true })).toHaveValue('sg-web');
  await inspector.root.getByRole('button', { name: 'Add inbound rule' }).click();
  await expect(inspector.group('Inbound rule 3')).toBeVisible();
  await page.screenshot({ path: shot('security-group') });

  await undo(page);
  await expect(inspector.group('Inbound rule 3')).toHaveCount(0);
  await undo(page);
  await expect(rule.getByLabel('Source type')).toHaveValue('cidr');
  await undo(page);
  await expect(ports).toHaveValue('443');
});

test('the instance private IP names the reserved address it hits', async ({ page }) => {
  const inspector = new InspectorPanel(page);
  await node(page, 'i-web-a').click();
  const ip = inspector.field('Private IPv4 address');
  await ip.fill('10.0.0.1');
  await expect(ip).toHaveAccessibleDescription(/reserved by AWS: it is the VPC router \(\+1\)/);
  await ip.fill('10.0.0.255');
  await expect(ip).toHaveAccessibleDescription(/the broadcast address/);
  await ip.press('Escape');
  await expect(ip).toHaveValue('10.0.0.20');
});

test('a hostile name renders as text', async ({ page }) => {
  const inspector = new InspectorPanel(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await selectNode(page, 'subnet-public-a');
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await inspector.field('Name').fill(hostile);
  await inspector.field('Name').press('Enter');
  await expect(inspector.heading()).toHaveText(hostile);
  await expect(node(page, 'subnet-public-a')).toContainText('<img src=x');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('nothing selected edits the design; several selected offers Delete', async ({ page }) => {
  const inspector = new InspectorPanel(page);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(inspector.heading()).toHaveText('Design');
  const account = inspector.field('Account');
  await account.fill('1234');
  await account.press('Enter');
  await expect(account).toHaveAccessibleDescription(/12 digits/);
  await account.fill('222222222222');
  await account.press('Enter');
  await expect(account).toHaveAttribute('aria-invalid', 'false');

  await node(page, 'i-web-a').click();
  await node(page, 'i-web-b').click({ modifiers: ['Shift'] });
  await expect(inspector.heading()).toHaveText('2 resources selected');
  await inspector.root.getByRole('button', { name: 'Delete 2 resources' }).click();
  await expect(node(page, 'i-web-a')).toHaveCount(0);
  await expect(node(page, 'i-web-b')).toHaveCount(0);
  await page.screenshot({ path: shot('design') });
});

test('keyboard: Backspace in a field edits text, not the design; Enter commits one step', async ({ page }) => {
  const inspector = new InspectorPanel(page);
  await selectNode(page, 'subnet-public-a');
  const name = inspector.field('Name');
  await name.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('Web');
  await page.keyboard.press('Enter');
  await expect(node(page, 'subnet-public-a')).toContainText('Public Web');
  // Tab moves on through the form: the next control is the help button of the fact row after the name.
  await page.keyboard.press('Tab');
  await expect(inspector.root.getByRole('button', { name: 'About VPC' })).toBeFocused();
  await undo(page);
  await expect(node(page, 'subnet-public-a')).toContainText('Public A');
});
