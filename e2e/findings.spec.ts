/**
 * The Findings panel as a user meets it: draw a mistake (a subnet that overlaps its sibling), see it explained
 * and marked on the canvas, jump to it from the panel, fix it and see it go.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { exampleDesign, serializeDesign, type Design, type Resource } from '../src/engine/index.ts';
import { PalettePage } from './pages/PalettePage.ts';

class FindingsPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Findings' });
  }
  /** The finding rows (one button each) whose text contains `text`. */
  finding(text: string | RegExp): Locator {
    return this.root.getByRole('listitem').filter({ hasText: text });
  }
  toggle(severity: 'Errors' | 'Warnings' | 'Info'): Locator {
    return this.root
      .getByRole('group', { name: 'Show severities' })
      .getByRole('button', { name: new RegExp(`^${severity} \\d+$`) });
  }
  filter(): Locator {
    return this.root.getByLabel('Filter findings');
  }
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const cidrField = (page: Page) => inspector(page).getByLabel('IPv4 CIDR block', { exact: true });

/** Opens a design file through the toolbar's Import button, as a user picking a file would. */
async function importDesign(page: Page, design: Design, name = 'shared-design.json') {
  await page
    .getByLabel('Import file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(serializeDesign(design)) });
}

/** The example design plus whatever a colleague added to it. */
function exampleWith(...extra: Resource[]): Design {
  const design = exampleDesign();
  for (const r of extra) design.resources[r.id] = r;
  return design;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(node(page, 'subnet-public-b')).toBeVisible();
});

test('an overlapping subnet is reported and marked, can be jumped to, and the finding goes once fixed', async ({
  page,
}) => {
  const findings = new FindingsPanel(page);
  // The example design has one deliberate error (a transitive route through a peering connection).
  await expect(findings.root).toContainText('Errors 1 · Warnings 0 · Info 0');
  await expect(findings.finding('VPC peering is not transitive')).toHaveCount(1);

  // Draw the mistake: drop a new subnet into the VPC's us-east-1b zone and give it a block that overlaps
  // "Private A" (10.0.10.0/24). The inspector stores a well-formed block and warns; the rules say why it is wrong.
  const band = page.locator('.react-flow__node[data-id="az:vpc-prod:us-east-1b"]');
  const bandBox = (await band.boundingBox())!;
  await new PalettePage(page).dragTo('Subnet', band, { x: 20, y: bandBox.height - 12 });
  const added = page.locator('.react-flow__node[data-kind="subnet"][data-parent="az:vpc-prod:us-east-1b"]').last();
  const scratchId = (await added.getAttribute('data-id'))!;
  await expect(inspector(page).getByRole('heading', { level: 2 })).toHaveText(scratchId);
  await inspector(page).getByLabel('Name', { exact: true }).fill('Scratch');
  await inspector(page).getByLabel('Name', { exact: true }).press('Enter');
  await cidrField(page).fill('10.0.10.128/25');
  await expect(inspector(page)).toContainText(
    '10.0.10.128/25 overlaps subnet Private A (10.0.10.0/24): AWS will refuse it.',
  );
  await cidrField(page).press('Enter');
  await expect(node(page, scratchId)).toContainText('10.0.10.128/25');

  const overlap = findings.finding('overlaps subnet "Private A" (subnet-private-a)');
  await expect(overlap).toHaveCount(1);
  await expect(overlap).toContainText(
    `Subnet "Scratch" (${scratchId}) overlaps subnet "Private A" (subnet-private-a): 10.0.10.128/25 and 10.0.10.0/24 share addresses`,
  );
  await expect(overlap).toContainText('Fix: Give one of them a block that does not overlap');
  await expect(overlap.getByRole('link', { name: /AWS documentation/ })).toHaveAttribute(
    'href',
    'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  );
  await expect(findings.root).toContainText('Errors 2 · Warnings 0 · Info 0');
  await expect(node(page, scratchId)).toHaveAttribute('data-severity', 'error');
  await page.screenshot({ path: 'test-results/findings-overlap.png' });

  // Jump to it from the panel: the finding selects the subnet (the inspector shows it) and frames it.
  await node(page, 'vpc-shared').click({ position: { x: 12, y: 8 } });
  await expect(inspector(page).getByRole('heading', { level: 2 })).toHaveText('Shared services');
  await overlap.getByRole('button', { name: /^Error: / }).click();
  await expect(inspector(page).getByRole('heading', { level: 2 })).toHaveText('Scratch');
  await expect(overlap.getByRole('button', { name: /^Error: / })).toHaveAttribute('aria-current', 'true');
  await expect(node(page, scratchId)).toBeInViewport();

  // Fix it in the inspector: a block of its own.
  await cidrField(page).fill('10.0.12.0/24');
  await cidrField(page).press('Enter');
  await expect(findings.finding('overlaps')).toHaveCount(0);
  await expect(node(page, scratchId)).not.toHaveAttribute('data-severity');
  await expect(findings.root).toContainText('Errors 1 · Warnings 0 · Info 0');
  await page.screenshot({ path: 'test-results/findings-fixed.png' });

  // Every change re-validates: undoing the fix brings the finding back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(findings.finding('overlaps')).toHaveCount(1);
  await expect(node(page, scratchId)).toHaveAttribute('data-severity', 'error');
});

test('findings can be filtered by severity and by text', async ({ page }) => {
  const findings = new FindingsPanel(page);
  await importDesign(page, exampleWith({ id: 'igw-spare', kind: 'internetGateway', name: 'Spare IGW' }));
  await expect(findings.root).toContainText('Errors 1 · Warnings 1 · Info 0');
  await expect(findings.finding('Spare IGW')).toHaveCount(1);
  await expect(findings.root.getByRole('heading', { name: 'Warnings (1)' })).toBeVisible();

  await findings.toggle('Errors').click();
  await expect(findings.toggle('Errors')).toHaveAttribute('aria-pressed', 'false');
  await expect(findings.finding('VPC peering is not transitive')).toHaveCount(0);
  await expect(findings.finding('Spare IGW')).toHaveCount(1);
  await findings.toggle('Errors').click();

  await findings.filter().fill('transitive');
  await expect(findings.finding('Spare IGW')).toHaveCount(0);
  await expect(findings.finding('VPC peering is not transitive')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/findings-filter.png' });
  await findings.filter().fill('no-such-thing');
  await expect(findings.root).toContainText('No findings match the filter.');
});
