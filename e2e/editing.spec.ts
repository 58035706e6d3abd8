/**
 * Editing habits: one gesture is one undo step, shortcuts do what design tools do (and leave text fields alone),
 * the design survives a reload, files go in and out.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { LibraryPage, openApp, waitForViewportToSettle, zoomOf } from './pages/index.ts';

test('undo and redo start disabled and name the step they will undo', async ({ page }) => {
  const { canvas, palette, toolbar } = await openApp(page);
  await expect(toolbar.button('Undo')).toBeDisabled();
  await expect(toolbar.button('Redo')).toBeDisabled();
  await canvas.select('subnet-private-b', { at: { x: 12, y: 10 } });
  await palette.addWithKeyboard('EC2 instance');
  await expect(canvas.node('i-1')).toBeVisible();
  await expect(toolbar.button('Undo')).toBeEnabled();
  await expect(toolbar.button('Undo')).toHaveAttribute('title', /^Undo Add ec2 instance/);
  await toolbar.undo();
  await expect(canvas.node('i-1')).toHaveCount(0);
  await expect(toolbar.button('Redo')).toHaveAttribute('title', /^Redo Add ec2 instance/);
  await toolbar.redo();
  await expect(canvas.node('i-1')).toBeVisible();
});

test('a drag is one undo step, and redo repeats it', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  const before = await canvas.box('vpc-shared');
  const child = await canvas.box('i-tools');
  await canvas.dragNode('vpc-shared', 80, 56);
  const moved = await canvas.box('vpc-shared');
  expect(moved.x - before.x).toBeGreaterThan(40);
  await expect(toolbar.button('Undo')).toHaveAttribute('title', /^Undo Move/);
  await toolbar.undo();
  await expect.poll(async () => (await canvas.box('vpc-shared')).x).toBeCloseTo(before.x, 0);
  expect((await canvas.box('vpc-shared')).y).toBeCloseTo(before.y, 0);
  expect((await canvas.box('i-tools')).x).toBeCloseTo(child.x, 0);
  // The whole drag was one step: nothing older is left to undo.
  await expect(toolbar.button('Undo')).toBeDisabled();
  await toolbar.redo();
  await expect.poll(async () => (await canvas.box('vpc-shared')).x).toBeCloseTo(moved.x, 0);
});

test('a reload keeps the design, positions included', async ({ page }) => {
  const { canvas, palette, toolbar } = await openApp(page);
  const band = await canvas.box('az:vpc-shared:us-east-1a');
  await palette.dropAt('Subnet', { x: band.x + 24, y: band.y + band.height - 12 });
  await expect(canvas.node('subnet-1')).toBeVisible();
  // The gap between the two VPCs in design units: framing after the reload changes the zoom, not this.
  const gap = async () =>
    ((await canvas.box('vpc-shared')).x - (await canvas.box('vpc-prod')).x) / (await zoomOf(page));
  const original = await gap();
  await canvas.dragNode('vpc-prod', 48, 40);
  const moved = await gap();
  expect(original - moved).toBeGreaterThan(20);
  await toolbar.saved();
  await page.reload();
  await expect(canvas.node('subnet-1')).toBeVisible();
  expect(await canvas.parentOf('subnet-1')).toBe('az:vpc-shared:us-east-1a');
  await expect.poll(gap).toBeCloseTo(moved, 0);
});

test('Delete removes the selection; Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo it', async ({ page }) => {
  const { canvas } = await openApp(page);
  await canvas.select('i-web-a', { at: { x: 0.5, y: 0.8 } });
  await page.keyboard.press('Delete');
  await expect(canvas.node('i-web-a')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(canvas.node('i-web-a')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(canvas.node('i-web-a')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(canvas.node('i-web-a')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(canvas.node('i-web-a')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  // Backspace deletes too, and shift-click selects several at once.
  await canvas.select('i-web-a', { at: { x: 0.5, y: 0.8 } });
  await canvas.select('i-web-b', { at: { x: 0.5, y: 0.8 }, shift: true });
  await page.keyboard.press('Backspace');
  await expect(canvas.node('i-web-a')).toHaveCount(0);
  await expect(canvas.node('i-web-b')).toHaveCount(0);
});

test('keys typed in a text field edit the text, not the canvas', async ({ page }) => {
  const { canvas } = await openApp(page);
  await canvas.select('i-web-a', { at: { x: 0.5, y: 0.8 } });
  const field = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox').first();
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ArrowLeft');
  await expect(canvas.node('i-web-a')).toBeVisible();
});

test('keys pressed on a panel control belong to the control: Backspace on a checkbox does not delete the VPC', async ({
  page,
}) => {
  const { canvas } = await openApp(page);
  await canvas.select('vpc-shared');
  const before = await canvas.box('vpc-shared');
  const dnsHostnames = page
    .getByRole('complementary', { name: 'Inspector' })
    .getByRole('checkbox', { name: 'DNS hostnames' });
  await dnsHostnames.focus();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Delete');
  await page.keyboard.press('ArrowRight');
  await expect(canvas.node('vpc-shared')).toBeVisible();
  expect(await canvas.box('vpc-shared')).toEqual(before);
  // Undo still works from anywhere: toggling the checkbox is one step and Ctrl+Z takes it back.
  await dnsHostnames.press('Space');
  await expect(dnsHostnames).not.toBeChecked();
  await page.keyboard.press('Control+z');
  await expect(dnsHostnames).toBeChecked();
});

test('Ctrl+D duplicates and Ctrl+C / Ctrl+V copy and paste, with what the copy holds', async ({ page }) => {
  const { canvas } = await openApp(page);
  await canvas.select('i-web-a', { at: { x: 0.5, y: 0.8 } });
  await page.keyboard.press('Control+d');
  await expect(canvas.nodesOfKind('instance')).toHaveCount(6);
  await expect(canvas.root.locator('.react-flow__node.selected')).toContainText('web-a copy');

  await canvas.select('subnet-private-a');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(canvas.nodesOfKind('subnet')).toHaveCount(6);
  await expect(canvas.nodesOfKind('instance')).toHaveCount(7);
  await expect(canvas.root.locator('.react-flow__node.selected[data-kind="subnet"]')).toContainText('Private A copy');
});

test('arrow keys nudge the selection, Shift ten times further, one undo step per press', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  await canvas.select('vpc-shared');
  const zoom = await zoomOf(page);
  const start = await canvas.box('vpc-shared');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => ((await canvas.box('vpc-shared')).x - start.x) / zoom).toBeCloseTo(1, 1);
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => ((await canvas.box('vpc-shared')).y - start.y) / zoom).toBeCloseTo(10, 1);
  await expect(toolbar.button('Undo')).toHaveAttribute('title', /^Undo Nudge/);
  await toolbar.undo();
  await expect.poll(async () => (await canvas.box('vpc-shared')).y).toBeCloseTo(start.y, 0);
  expect(((await canvas.box('vpc-shared')).x - start.x) / zoom).toBeCloseTo(1, 1);
  await toolbar.undo();
  await expect.poll(async () => (await canvas.box('vpc-shared')).x).toBeCloseTo(start.x, 0);
});

test('the palette adds to the selected container from the keyboard, or says what to select', async ({ page }) => {
  const { canvas, palette, toolbar } = await openApp(page);
  await palette.addWithKeyboard('EC2 instance');
  await expect(toolbar.status).toContainText('first select the subnet');
  await canvas.select('subnet-shared-a');
  await palette.addWithKeyboard('EC2 instance');
  await expect(canvas.node('i-1')).toBeVisible();
  expect(await canvas.parentOf('i-1')).toBe('subnet-shared-a');
  await palette.addWithKeyboard('Subnet');
  await expect(canvas.node('subnet-1')).toBeVisible();
  expect(await canvas.parentOf('subnet-1')).toBe('az:vpc-shared:us-east-1a');
});

test('New design starts an empty design of its own; the one open before stays in Designs', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  await toolbar.newDesign();
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
  await expect(canvas.node('region:us-east-1')).toContainText('Drag a VPC here');
  await expect(toolbar.button('Undo')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('new-design-empty.png') });
  await new LibraryPage(page).openDesign('Example: two-AZ web app with a peered shared-services VPC');
  await expect(canvas.node('vpc-prod')).toBeVisible();
});

test('Import opens a file as a design of its own; a bad file is refused and the design kept', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  await toolbar.importFile('notes.json', 'just some words');
  await expect(toolbar.status).toContainText('notes.json');
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await expect(toolbar.button('Undo')).toBeDisabled();

  const download = await toolbar.export();
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const text = await readFile((await download.path())!, 'utf8');
  const exported = JSON.parse(text) as { format: string; resources: Record<string, { name: string }> };
  expect(exported.format).toBe('vpc-designer');
  expect(exported.resources['vpc-prod']?.name).toBe('Production');

  exported.resources['vpc-prod']!.name = 'Production (imported)';
  (exported as { name?: string }).name = 'Round trip';
  await toolbar.importFile('roundtrip.json', JSON.stringify(exported));
  await expect(canvas.node('vpc-prod')).toContainText('Production (imported)');
  await expect(toolbar.status).toContainText('Imported roundtrip.json');
  await new LibraryPage(page).openDesign('Example: two-AZ web app with a peered shared-services VPC');
  await expect(canvas.node('vpc-prod')).not.toContainText('(imported)');
});

test('Shift-dragging on empty canvas box-selects, and Delete removes what the box held', async ({ page }) => {
  const { canvas } = await openApp(page);
  const region = await canvas.box('region:us-east-1');
  const vpc = await canvas.box('vpc-prod');
  // From inside the region box (a backdrop: the drag reaches the canvas) to just past the production VPC.
  await page.keyboard.down('Shift');
  await page.mouse.move(region.x + 6, region.y + 6);
  await page.mouse.down();
  await page.mouse.move(vpc.x + vpc.width / 2, vpc.y + vpc.height / 2, { steps: 5 });
  await page.mouse.move(vpc.x + vpc.width + 6, vpc.y + vpc.height + 6, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(canvas.node('vpc-prod')).toHaveClass(/selected/);
  await expect(canvas.node('i-web-a')).toHaveClass(/selected/);
  await expect(canvas.node('vpc-shared')).not.toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
  await expect(canvas.node('i-web-a')).toHaveCount(0);
  await expect(canvas.node('vpc-shared')).toBeVisible();
});

test('a pasted VPC off screen is brought into view without changing the zoom', async ({ page }) => {
  const { canvas } = await openApp(page);
  // The first fit can still be settling on a loaded machine: read the zoom once the view is still.
  await waitForViewportToSettle(page);
  await canvas.select('vpc-shared');
  const zoom = await zoomOf(page);
  await page.keyboard.press('Control+c');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Control+v');
  const last = canvas.root.locator('.react-flow__node.selected[data-kind="vpc"]');
  await expect(last).toHaveCount(1);
  // The pan animates (d3's smooth zoom dips out and back in on a long pan): judge where it comes to rest.
  await waitForViewportToSettle(page);
  await expect(last).toBeInViewport({ ratio: 0.9 });
  expect(await zoomOf(page)).toBeCloseTo(zoom, 3);
});
