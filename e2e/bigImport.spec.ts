/**
 * Big designs stay responsive (issue 7, item 9): a large design file imports in a worker with its progress shown;
 * Cancel stops it and leaves the open design as it was; the import, let run, shows the design; bad input keeps its
 * one-line message.
 */
import { expect, test, type Page } from '@playwright/test';
import { serializeDesign } from '../src/engine/index.ts';
import { generateDesign } from '../src/engine/model/generate.ts';
import { LibraryPage, openApp } from './pages/index.ts';

const EXAMPLE = 'Example: two-AZ web app with a peered shared-services VPC';

// About 26,000 resources, 9 MB: long enough to import that the progress shows and Cancel can be pressed.
const BIG_DESIGN = generateDesign({ vpcs: 50, subnetsPerVpc: 20, instancesPerSubnet: 24 });
const BIG = serializeDesign(BIG_DESIGN);
const BIG_NAME = BIG_DESIGN.name;

async function chooseFile(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('banner').getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

type ProgressSaid = { region: string | null; progressbar?: string | null; status?: string | null };

/**
 * Presses the progress panel's Cancel the moment it shows, keeping what the panel said then: the worker's second or
 * so is all the time there is, and a loaded machine can take longer than that to land a click from the test.
 */
async function cancelWhenShown(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = new MutationObserver(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel import');
      const panel = button?.closest('section');
      if (!button || !panel) return;
      seen.disconnect();
      (window as unknown as { progressSaid: ProgressSaid }).progressSaid = {
        region: panel.getAttribute('aria-label'),
        progressbar: panel.querySelector('[role="progressbar"]')?.getAttribute('aria-label'),
        status: panel.querySelector('[role="status"]')?.textContent,
      };
      button.click();
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });
}

async function whatProgressSaid(page: Page): Promise<ProgressSaid> {
  const said = await page.waitForFunction(() => (window as unknown as { progressSaid?: ProgressSaid }).progressSaid);
  return (await said.jsonValue()) as ProgressSaid;
}

test('a large design shows its import progress, and Cancel leaves the open design untouched', async ({ page }) => {
  test.setTimeout(120_000);
  const { canvas, toolbar } = await openApp(page);
  const undoBefore = await toolbar.button('Undo').getAttribute('title');
  await cancelWhenShown(page);
  await chooseFile(page, 'big.json', BIG);

  const said = await whatProgressSaid(page);
  expect(said).toMatchObject({ region: 'Importing big.json', progressbar: 'Importing big.json' });
  expect(said.status).toMatch(/Reading big\.json|Checking [\d,]+ resources/);
  const progress = page.getByRole('progressbar', { name: 'Importing big.json' });
  await expect(progress).toHaveCount(0);
  await expect(toolbar.status).toContainText('Import of big.json cancelled: the open design is unchanged.');
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await expect(canvas.node('vpc-0')).toHaveCount(0);
  expect(await toolbar.button('Undo').getAttribute('title')).toBe(undoBefore);
});

test('a large design, let run, is shown with only what is in view drawn, as a design of its own beside the old one', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { canvas, toolbar } = await openApp(page);
  const library = new LibraryPage(page);
  await chooseFile(page, 'big.json', BIG);
  await expect(page.getByRole('progressbar', { name: 'Importing big.json' })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 120_000 });
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
  // Zoomed out to frame 26,000 resources: the VPCs and subnets are drawn, not 24,000 instances.
  await expect(page.locator('.react-flow__node[data-id^="subnet-"]').first()).toBeVisible();
  const drawn = await page.locator('.react-flow__node').count();
  expect(drawn).toBeGreaterThan(100);
  expect(drawn).toBeLessThan(3000);
  await page.screenshot({ path: test.info().outputPath('import-big-shown.png') });
  // The import opened a design of its own: it is saved, and the design open before is one click away in Designs.
  await toolbar.saved();
  await library.openDesign(EXAMPLE);
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await expect(canvas.node('vpc-0')).toHaveCount(0);

  // Opening the large design again reads it off the main thread too, with progress: Cancel keeps the example open;
  // let run, the large design is shown.
  await cancelWhenShown(page);
  await library.openDesign(BIG_NAME);
  expect(await whatProgressSaid(page)).toMatchObject({ progressbar: `Importing ${BIG_NAME}` });
  await expect(toolbar.status).toContainText(`Opening ${BIG_NAME} was cancelled`);
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await expect(canvas.node('vpc-0')).toHaveCount(0);
  const opening = page.getByRole('progressbar', { name: `Importing ${BIG_NAME}` });
  await library.openDesign(BIG_NAME);
  await expect(opening).toBeVisible();
  await expect(opening).toHaveCount(0, { timeout: 120_000 });
  await expect(page.locator('.react-flow__node[data-id^="subnet-"]').first()).toBeVisible();
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
});

test('a broken file still says why in one line and leaves the open design untouched', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  await chooseFile(page, 'broken.json', BIG.slice(0, 200_000));
  await expect(toolbar.status).toContainText(/^broken\.json: /);
  expect((await toolbar.status.innerText()).split('\n').filter((l) => l.trim() && l.trim() !== '×')).toHaveLength(1);
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});
