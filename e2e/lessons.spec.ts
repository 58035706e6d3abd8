/**
 * Teaching mode through the UI alone (issue 9): lesson 1 completed by dragging and one-click routing, graded live;
 * a wrong attempt offers the first hint; progress survives a reload; the student's own design stays in the
 * library, untouched; a bad lesson file gives one line; a lesson made from the example design exports a file that
 * parses, and shared as a link it is offered to another browser.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { gradeLesson } from '../src/engine/lessons/grade.ts';
import { parseLesson } from '../src/engine/lessons/parse.ts';
import { exampleDesign } from '../src/engine/index.ts';
import { LibraryPage, openApp, waitForViewportToSettle } from './pages/index.ts';

const EXAMPLE = exampleDesign().name;

function lessonPanel(page: Page) {
  return page.getByRole('complementary', { name: 'Lesson' });
}

async function openLessons(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Lessons', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lessons' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

const LESSON_1 = 'NAT gateway: outbound internet for a private subnet';

test('lesson 1 through the UI alone: a wrong attempt shows the first hint, the fix is graded complete, and it lasts', async ({
  page,
}) => {
  test.setTimeout(90_000); // a whole lesson, a reload and two library switches
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const { canvas, toolbar } = await openApp(page);
  await toolbar.saved();
  const library = new LibraryPage(page);
  const ownBefore = await library.storedText(EXAMPLE);
  expect(ownBefore).toBeDefined();

  const dialog = await openLessons(page);
  await expect(dialog.getByRole('listitem', { name: LESSON_1 })).toContainText('Not started');
  await shoot(page, 'lessons-dialog');
  await dialog.getByRole('listitem', { name: LESSON_1 }).getByRole('button', { name: 'Start' }).click();
  const panel = lessonPanel(page);
  const met = panel.getByRole('status', { name: 'Goals met' });
  const goals = panel.getByRole('list', { name: 'Goals' });
  const hints = panel.getByRole('list', { name: 'Hints' });
  await expect(panel.getByRole('heading', { name: LESSON_1 })).toBeVisible();
  await expect(met).toHaveText('2 of 5 met');
  await expect(goals.getByRole('listitem').first()).toContainText('Not met: The NAT gateway sits in a public subnet.');
  await expect(hints).toHaveCount(0);
  await waitForViewportToSettle(page);
  await shoot(page, 'lesson-goals');

  // A concept chip opens its glossary entry.
  await panel.getByRole('list', { name: 'Concepts' }).getByRole('button', { name: 'NAT gateway' }).click();
  const glossary = page.getByRole('dialog', { name: 'Glossary' });
  await expect(glossary.getByRole('heading', { name: 'NAT gateway' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(glossary).toBeHidden();

  // A wrong attempt: the app server moved into the public subnet meets no more goals (it has no public address).
  await canvas.dragNodeTo('i-app', await canvas.pointIn('subnet-public', { x: 0.7, y: 0.6 }));
  await expect(canvas.parentOf('i-app')).resolves.toBe('subnet-public');
  await expect(hints.getByRole('listitem')).toHaveCount(1);
  await expect(hints.getByRole('listitem').first()).toContainText('The NAT gateway is in the Private subnet.');
  await expect(panel.getByText('Not there yet — here is a hint.')).toBeVisible();
  await expect(met).toHaveText('2 of 5 met');
  await shoot(page, 'lesson-hint');
  await toolbar.undo();
  await expect(canvas.parentOf('i-app')).resolves.toBe('subnet-private');

  // The fix: the NAT gateway dragged into the public subnet, then the private subnet routed to it.
  await canvas.dragNodeTo('nat-lab', await canvas.pointIn('subnet-public', { x: 0.3, y: 0.6 }));
  await expect(canvas.parentOf('nat-lab')).resolves.toBe('subnet-public');
  await expect(goals.getByRole('listitem').first()).toContainText('Met: The NAT gateway sits in a public subnet.');
  await expect(met).toHaveText('3 of 5 met');
  await canvas.select('subnet-private');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Route to the NAT gateway' }).click();
  await expect(met).toHaveText('5 of 5 met');
  const success = panel.getByRole('region', { name: 'Lesson complete' });
  await expect(success).toContainText('Lesson complete');
  await expect(success).toContainText('The app server has only a private address');
  await toolbar.saved();
  await shoot(page, 'lesson-complete');

  // Progress survives a reload: the lesson's design reopens, graded complete, and the list says so.
  await page.reload();
  await expect(lessonPanel(page).getByRole('region', { name: 'Lesson complete' })).toBeVisible();
  await expect(lessonPanel(page).getByRole('status', { name: 'Goals met' })).toHaveText('5 of 5 met');
  const again = await openLessons(page);
  await expect(again.getByRole('listitem', { name: LESSON_1 })).toContainText('Complete');
  await again.getByRole('button', { name: 'Close' }).click();

  // The student's own design is still in the library, exactly as it was; the lesson's is an entry of its own.
  expect(await library.storedText(EXAMPLE)).toBe(ownBefore);
  const names = (await library.storedEntries()).map((e) => e.name);
  expect(names).toEqual(expect.arrayContaining([EXAMPLE, `${LESSON_1} (lesson)`]));
  await library.openDesign(EXAMPLE);
  await expect(lessonPanel(page)).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText(EXAMPLE);

  // Opening the lesson again returns to its design (still complete), not a fresh copy.
  const entries = (await library.storedEntries()).length;
  const list = await openLessons(page);
  await list.getByRole('listitem', { name: LESSON_1 }).getByRole('button', { name: 'Open' }).click();
  await expect(lessonPanel(page).getByRole('status', { name: 'Goals met' })).toHaveText('5 of 5 met');
  await expect(canvas.parentOf('nat-lab')).resolves.toBe('subnet-public');
  expect((await library.storedEntries()).length).toBe(entries);
  expect(errors).toEqual([]);
});

test('a bad lesson file is refused in one line, and nothing else changes', async ({ page }) => {
  const { toolbar } = await openApp(page);
  await toolbar.saved();
  const dialog = await openLessons(page);
  const rows = dialog.getByRole('listitem');
  const before = await rows.allTextContents();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import lesson file…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'broken.lesson.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "vpc-des') });
  const alert = dialog.getByRole('alert', { name: 'Lessons message' });
  await expect(alert).toHaveText(/^This is not a lesson file this app can open: .+/);
  expect((await alert.textContent())!.split('\n')).toHaveLength(1);
  expect(await rows.allTextContents()).toEqual(before);
  await expect(page.getByRole('banner')).toContainText(EXAMPLE);
});

test('an imported challenge lists under Challenges; its faults stay hidden until revealed or found', async ({
  page,
}) => {
  const lesson1 = JSON.parse(await readFile('src/engine/lessons/catalog/01-nat-gateway.lesson.json', 'utf8'));
  const challenge = {
    ...lesson1,
    id: 'nat-challenge',
    kind: 'challenge',
    title: 'The app server is cut off',
    summary: 'Two faults keep it offline.',
    goals: lesson1.goals.map((g: { id: string }) => ({
      ...g,
      fault: g.id === 'nat-public' ? 'The NAT gateway was placed in the private subnet.' : undefined,
    })),
  };
  await openApp(page);
  const dialog = await openLessons(page);
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import lesson file…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'c.lesson.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(challenge)) });
  await expect(dialog.getByRole('status', { name: 'Lessons message' })).toHaveText(
    '“The app server is cut off” is in your lessons now.',
  );
  const row = dialog.getByRole('list', { name: 'Challenges' }).getByRole('listitem', { name: challenge.title });
  await expect(row).toContainText('Imported');
  await row.getByRole('button', { name: 'Start' }).click();
  const panel = lessonPanel(page);
  await expect(panel).toContainText('Challenge');
  // Neither the fault nor why its goal fails shows yet; a goal without a fault shows its reason.
  await expect(panel).not.toContainText('placed in the private subnet');
  const reason = (id: string) => gradeLesson(challenge, challenge.start).find((r) => r.goal.id === id)!.reason;
  await expect(panel).not.toContainText(reason('nat-public'));
  await expect(panel).toContainText(reason('private-route'));
  await panel
    .getByRole('button', { name: 'Reveal the fault behind: The NAT gateway sits in a public subnet.' })
    .click();
  await expect(panel).toContainText('The fault: The NAT gateway was placed in the private subnet.');
  await expect(panel).toContainText(reason('nat-public'));
  await shoot(page, 'challenge-revealed');
  // Kept across a reload, like the rest of the progress.
  await page.reload();
  await expect(lessonPanel(page)).toContainText('The fault: The NAT gateway was placed in the private subnet.');
});

test('a teacher makes a lesson from the example design: its file parses, and a link offers it to a student', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await openLessons(page);
  await page.getByRole('button', { name: 'Make a lesson from this design…' }).click();
  const author = page.getByRole('dialog', { name: 'Make a lesson from this design' });
  await author.getByLabel('Title').fill('Lock down the web tier');
  await author.getByLabel('Summary (one line for the list)').fill('Close what should not be open.');
  // Every saved flow starts as what it does now; the first is flipped to make the lesson something to do.
  const flows = exampleDesign().flows;
  const first = author.getByLabel(`Goal for ${flows[0]!.name}`);
  const now = await first.inputValue();
  await first.selectOption(now === 'reach' ? 'block' : 'reach');
  await author.getByLabel(`Goal for ${flows[1]!.name}`).selectOption('ignore');
  await author.getByRole('textbox', { name: 'Hint 1' }).fill('Look at the web security group.');
  await author.getByRole('button', { name: 'Add a hint' }).click();
  await author.getByRole('textbox', { name: 'Hint 2' }).fill('Inbound rules decide who may open a connection.');
  await expect(author.getByRole('status', { name: 'Lesson goals' })).toHaveText(`${flows.length - 1} goals.`);

  // No explanation yet: one line says what is missing, and nothing downloads.
  await author.getByRole('button', { name: 'Export lesson file' }).click();
  await expect(author.getByRole('alert', { name: 'Authoring message' })).toHaveText(
    'Write the explanation the student reads on success.',
  );
  await author.getByLabel('Explanation shown on success').fill('Security groups are stateful.\n\nReplies go back out.');
  await shoot(page, 'authoring-dialog');

  const download = page.waitForEvent('download');
  await author.getByRole('button', { name: 'Export lesson file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('lock-down-the-web-tier.lesson.json');
  const read = parseLesson(await readFile((await file.path())!, 'utf8'));
  if (!read.ok) throw new Error(read.error);
  expect(read.lesson.title).toBe('Lock down the web tier');
  expect(read.lesson.goals).toHaveLength(flows.length - 1);
  expect(read.lesson.hints).toEqual([
    'Look at the web security group.',
    'Inbound rules decide who may open a connection.',
  ]);
  expect(read.lesson.start.resources).toEqual(exampleDesign().resources);

  // Shared as a link, it is offered in another browser, and starts there as a lesson of its own.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await author.getByRole('button', { name: 'Copy lesson link' }).click();
  await expect(author.getByRole('status', { name: 'Authoring message' })).toHaveText('Lesson link copied.');
  const link = await author.getByLabel('Lesson link').inputValue();
  expect(link).toMatch(/\/#lesson=v1\.[A-Za-z0-9_-]+$/);
  await author.getByRole('button', { name: 'Close' }).click();

  const student = await (await browser.newContext()).newPage();
  await student.goto(link);
  const offered = student.getByRole('region', { name: 'Lesson from a link' });
  await expect(offered).toContainText('Lock down the web tier');
  await offered.getByRole('button', { name: 'Add to my lessons and start' }).click();
  await expect(lessonPanel(student)).toContainText('Lock down the web tier');
  await expect(lessonPanel(student).getByRole('status', { name: 'Goals met' })).toHaveText(
    `${flows.length - 2} of ${flows.length - 1} met`,
  );
  expect(new URL(student.url()).hash).toBe('');
  const dialog = await openLessons(student);
  await expect(dialog.getByRole('listitem', { name: 'Lock down the web tier' })).toContainText('In progress');
  await student.context().close();
});
