/**
 * Never losing work: the design library (several designs, the Trash), two tabs on one design, saves that cannot
 * be read, a browser that will not save, snapshots restored as one undo step, and the move from the old single
 * autosave. Two pages of one browser context share IndexedDB, Web Locks and BroadcastChannel: two tabs of a user.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DESIGN_FORMAT_VERSION, serializeDesign } from '../src/engine/index.ts';
import { aDesign, aVpc } from '../src/engine/model/builders.ts';
import { CanvasPage, LibraryPage, openApp, ToolbarPage } from './pages/index.ts';

const EXAMPLE = 'Example: two-AZ web app with a peered shared-services VPC';
const OLD_AUTOSAVE_KEY = 'vpc-designer:design';

/** Writes `text` where the app kept its one design before the library, then reloads as a returning user. */
async function seedOldAutosave(page: Page, text: string) {
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [OLD_AUTOSAVE_KEY, text]);
  await page.reload();
}

/** Selects a resource (clicking low in its box, clear of its label) and deletes it with the Delete key. */
async function deleteNode(page: Page, id: string) {
  await new CanvasPage(page).select(id, { at: { x: 0.5, y: 0.8 } });
  await page.keyboard.press('Delete');
}

test('designs: new, rename, duplicate, delete to the Trash and restore, open another', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  const library = new LibraryPage(page);

  await toolbar.button('New design').click();
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
  await expect(canvas.node('region:us-east-1')).toContainText('Drag a VPC here');

  await library.open();
  await expect(library.row('Untitled design')).toHaveAttribute('aria-current', 'true');
  await expect(library.row(EXAMPLE)).not.toHaveAttribute('aria-current', 'true');
  await library.rename('Untitled design', 'Lab network');
  await expect(library.row('Lab network')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('banner')).toContainText('Lab network');

  await library.row(EXAMPLE).getByRole('button', { name: 'Duplicate' }).click();
  await expect(library.row(`${EXAMPLE} (copy)`)).toBeVisible();
  await library.row(`${EXAMPLE} (copy)`).getByRole('button', { name: 'Delete' }).click();
  await expect(library.row(`${EXAMPLE} (copy)`)).toHaveCount(0);
  const trashed = library.trash.getByRole('listitem', { name: `${EXAMPLE} (copy)` });
  await expect(trashed).toContainText('gone for good in 30 days');
  await page.screenshot({ path: test.info().outputPath('library-dialog.png') });
  await trashed.getByRole('button', { name: 'Restore' }).click();
  await expect(library.row(`${EXAMPLE} (copy)`)).toBeVisible();
  await expect(library.trash).toHaveCount(0);

  // Open the example again: its design comes back as it was; the keyboard closes the dialog.
  await library.row(EXAMPLE).getByRole('button', { name: 'Open' }).click();
  await expect(library.dialog).toHaveCount(0);
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await library.open();
  await expect(library.row(EXAMPLE)).toHaveAttribute('aria-current', 'true');
  // Keyboard: focus starts in the dialog and Tab keeps it there.
  await expect(library.dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(library.designs.getByRole('button', { name: 'Delete' }).last()).toBeFocused(); // the Trash is empty
  await page.keyboard.press('Tab');
  await expect(library.dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(library.dialog).toHaveCount(0);

  // A reload reopens what this tab had open, and every design is still there.
  await page.reload();
  await expect(canvas.node('vpc-prod')).toBeVisible();
  expect((await library.storedEntries()).map((e) => e.name).sort()).toEqual(
    [EXAMPLE, `${EXAMPLE} (copy)`, 'Lab network'].sort(),
  );
});

test('a file imported becomes a design of its own; the open design is kept in the library', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  const library = new LibraryPage(page);
  await toolbar.importFile(
    'team.json',
    serializeDesign({ ...aDesign(aVpc({ id: 'vpc-team' })), name: 'Team network' }),
  );
  await expect(canvas.node('vpc-team')).toBeVisible();
  await expect(toolbar.status).toContainText('The design open before is kept in Designs.');
  await expect(toolbar.button('Undo')).toBeDisabled();
  await library.open();
  await expect(library.row('Team network')).toHaveAttribute('aria-current', 'true');
  await expect(library.row('Team network')).toContainText('Opened from a file');
  await expect(library.row(EXAMPLE)).toBeVisible();
});

test('two tabs: the second shows the design read-only and follows it; Take over here swaps who edits', async ({
  page,
  context,
}) => {
  const first = await openApp(page);
  const firstLibrary = new LibraryPage(page);
  await expect.poll(async () => (await firstLibrary.storedEntries()).length).toBe(1);

  const tab2 = await context.newPage();
  const second = await openApp(tab2);
  const secondLibrary = new LibraryPage(tab2);
  await expect(secondLibrary.readOnlyBanner).toContainText('Open in another tab');
  await expect(firstLibrary.readOnlyBanner).toHaveCount(0);
  await tab2.screenshot({ path: test.info().outputPath('read-only-banner.png') });

  // The read-only tab offers no drag (nothing to snap back) and refuses an edit, in words.
  await expect(second.canvas.node('vpc-prod')).not.toHaveClass(/\bdraggable\b/);
  await expect(first.canvas.node('vpc-prod')).toHaveClass(/\bdraggable\b/);
  await expect(tab2.getByRole('complementary', { name: 'Inspector' }).getByLabel('Design name')).toBeDisabled();
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Design name')).toBeEnabled();
  await deleteNode(tab2, 'i-web-a');
  await expect(second.toolbar.status).toContainText('open for editing in another tab');
  await expect(second.canvas.node('i-web-a')).toBeVisible();

  // The editing tab's change reaches the read-only one live.
  await deleteNode(page, 'i-web-a');
  await expect(first.canvas.node('i-web-a')).toHaveCount(0);
  await expect(second.canvas.node('i-web-a')).toHaveCount(0);

  // Take over at once after an edit the first tab has not saved yet (saves wait 300 ms): the first tab saves it and
  // lets go, so the second edits from a design that has it, with a history of its own; the first is told.
  await deleteNode(page, 'i-app-b');
  await secondLibrary.readOnlyBanner.getByRole('button', { name: 'Take over here' }).click();
  await expect(secondLibrary.readOnlyBanner).toHaveCount(0);
  await expect(second.canvas.node('i-app-b')).toHaveCount(0);
  await expect(second.canvas.node('vpc-prod')).toHaveClass(/\bdraggable\b/);
  await expect(first.canvas.node('vpc-prod')).not.toHaveClass(/\bdraggable\b/);
  await expect(firstLibrary.readOnlyBanner).toContainText('Taken over by another tab');
  await expect(first.toolbar.status).toContainText(
    'Another tab took over this design, with every edit made here saved',
  );
  await expect(second.toolbar.button('Undo')).toBeDisabled();
  await deleteNode(tab2, 'i-web-b');
  await expect(second.canvas.node('i-web-b')).toHaveCount(0);
  await expect(first.canvas.node('i-web-b')).toHaveCount(0);
  // The read-only tab's own history cannot bring its old state back over the other tab's edits.
  await page.keyboard.press('Control+z');
  await expect(first.toolbar.status).toContainText('being edited in another tab');
  await expect(first.canvas.node('i-web-a')).toHaveCount(0);

  // The tab that was editing goes away (closed or crashed): the other may edit again, from the latest save.
  await tab2.close();
  await expect(firstLibrary.readOnlyBanner).toHaveCount(0);
  await expect(first.toolbar.status).toContainText('you can edit it here now');
  await deleteNode(page, 'i-app-a');
  await expect(first.canvas.node('i-app-a')).toHaveCount(0);

  // Nothing was overwritten: once saved, a reload shows all four deletions.
  const saved = async () =>
    JSON.parse((await firstLibrary.storedText(EXAMPLE)) ?? '{}') as { resources?: Record<string, unknown> };
  await expect.poll(async () => Object.hasOwn((await saved()).resources ?? { 'i-app-a': 1 }, 'i-app-a')).toBe(false);
  await page.reload();
  await expect(first.canvas.node('vpc-prod')).toBeVisible();
  for (const id of ['i-web-a', 'i-web-b', 'i-app-a', 'i-app-b']) await expect(first.canvas.node(id)).toHaveCount(0);
});

for (const [what, text, reason] of [
  ['a damaged save', '{"format":"vpc-designer","formatVersion":1,"name":"Cut sh', 'not complete JSON'],
  [
    'a save from a newer version',
    JSON.stringify({ ...aDesign(aVpc({ id: 'vpc-future' })), formatVersion: DESIGN_FORMAT_VERSION + 1 }),
    'newer VPC Designer',
  ],
] as const) {
  test(`${what} is kept aside untouched, told in plain words and downloadable; a usable design opens`, async ({
    page,
  }) => {
    const { canvas } = await openApp(page);
    const library = new LibraryPage(page);
    await seedOldAutosave(page, text);
    await expect(library.damagedAlert).toContainText(reason);
    await expect(library.damagedAlert).toContainText('kept aside, untouched');
    await expect(canvas.node('vpc-prod')).toBeVisible();
    if (what === 'a damaged save') await page.screenshot({ path: test.info().outputPath('damaged-save.png') });

    const download = page.waitForEvent('download');
    await library.damagedAlert.getByRole('button', { name: 'Download its data' }).click();
    expect(await readFile((await (await download).path())!, 'utf8')).toBe(text);

    // Edits to the open design never touch the damaged one, and it is listed as unreadable.
    await deleteNode(page, 'i-web-a');
    await new ToolbarPage(page).saved();
    const damaged = (await library.storedEntries()).find((e) => e.damaged);
    expect(damaged?.damaged).toContain(reason);
    await library.open();
    await expect(library.designs.getByRole('listitem').filter({ hasText: 'Cannot be read' })).toContainText(reason);
  });
}

test('the old single autosave moves into the library, nothing lost', async ({ page }) => {
  const { canvas } = await openApp(page);
  const library = new LibraryPage(page);
  await seedOldAutosave(
    page,
    serializeDesign({ ...aDesign(aVpc({ id: 'vpc-kept', name: 'Kept' })), name: 'My old design' }),
  );
  await expect(canvas.node('vpc-kept')).toBeVisible();
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), OLD_AUTOSAVE_KEY)).toBeNull();
  await library.open();
  await expect(library.row('My old design')).toHaveAttribute('aria-current', 'true');
  await expect(library.row(EXAMPLE)).toBeVisible();
  await page.reload();
  await expect(canvas.node('vpc-kept')).toBeVisible();
});

test('storage full: told once, with a download, and the tab keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  });
  const { canvas, toolbar } = await openApp(page);
  const library = new LibraryPage(page);
  await expect(library.storageAlert).toContainText('storage is full');
  await library.storageAlert.getByRole('button', { name: 'Dismiss' }).click();
  await deleteNode(page, 'i-web-a');
  await expect(canvas.node('i-web-a')).toHaveCount(0);
  await expect(toolbar.saveStatus).toHaveText('Not saved'); // a save was tried and failed
  await expect(library.storageAlert).toHaveCount(0);
  await expect(toolbar.button('Undo')).toBeEnabled();
  // The design as it is in the tab can be downloaded.
  const exported = JSON.parse(await readFile((await (await toolbar.export()).path())!, 'utf8')) as {
    resources: Record<string, unknown>;
  };
  expect(exported.resources['i-web-a']).toBeUndefined();
});

test('no storage at all (IndexedDB will not open): told once, and the tab works in memory', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('IndexedDB is disabled.', 'InvalidStateError');
    };
  });
  const { canvas } = await openApp(page);
  const library = new LibraryPage(page);
  await expect(library.storageAlert).toContainText('Your work stays in this tab only');
  const download = page.waitForEvent('download');
  await library.storageAlert.getByRole('button', { name: 'Download the design' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  await deleteNode(page, 'i-web-a');
  await expect(canvas.node('i-web-a')).toHaveCount(0);
});

test('History lists snapshots with what changed; a restore is one undo step', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  const library = new LibraryPage(page);
  await library.open();
  await library.importFile(
    'Import into the open design…',
    'into.json',
    serializeDesign(aDesign(aVpc({ id: 'vpc-into' }))),
  );
  await expect(canvas.node('vpc-into')).toBeVisible();
  await expect(toolbar.button('Undo')).toHaveAttribute('title', /Undo Import into\.json/);

  await library.openHistory();
  const snapshot = library.history.getByRole('listitem').filter({ hasText: 'Before Import into.json' });
  await expect(snapshot).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('history.png') });
  await snapshot.getByRole('button', { name: 'Restore' }).click();
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await expect(canvas.node('vpc-into')).toHaveCount(0);
  await expect(toolbar.button('Undo')).toHaveAttribute('title', /Undo Restore snapshot of/);
  await toolbar.undo();
  await expect(canvas.node('vpc-into')).toBeVisible();
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
  // The restore itself was preceded by a snapshot of what was there.
  await library.openHistory();
  await expect(
    library.history
      .getByRole('listitem')
      .filter({ hasText: 'before Restore of' })
      .or(library.history.getByRole('listitem').filter({ hasText: 'Before Restore of' })),
  ).toHaveCount(1);
});

test('after a few minutes of editing a snapshot is taken, saying what changed', async ({ page }) => {
  await page.clock.install();
  const { canvas } = await openApp(page);
  const library = new LibraryPage(page);
  await deleteNode(page, 'i-web-a');
  await expect(canvas.node('i-web-a')).toHaveCount(0);
  // Saved (after its short delay), before the minutes pass.
  await page.clock.runFor(500);
  await expect.poll(async () => (await library.storedText(EXAMPLE))?.includes('"i-web-a"')).toBe(false);
  await page.clock.fastForward('04:00');
  await deleteNode(page, 'i-web-b');
  await expect(canvas.node('i-web-b')).toHaveCount(0);
  await page.clock.fastForward(1000); // the save after the edit, which takes the snapshot
  await library.openHistory();
  await expect(library.history.getByRole('listitem')).toHaveCount(1);
  await expect(library.history.getByRole('listitem')).toContainText('Delete ×2');
});
