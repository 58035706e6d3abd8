/**
 * Selection you can see and drops that keep the diagram readable: a record opened from the inspector never rides
 * along into the next canvas selection; dropped, pasted and added resources never land on another node; containers
 * grow (and push their neighbours aside); Tidy re-grids a container as one undo step, also for an old design whose
 * nodes overlap.
 */
import { expect, test, type Page } from '@playwright/test';
import { exampleDesign, serializeDesign } from '../src/engine/index.ts';
import { openApp, waitForViewportToSettle, type CanvasPage } from './pages/index.ts';

type Box = { x: number; y: number; width: number; height: number };

/** Where screenshots go (kept out of the repository). */
const shot = (name: string) => `${process.env.E2E_SHOTS ?? 'test-results'}/placement-${name}.png`;

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(child: Box, parent: Box): boolean {
  return (
    child.x >= parent.x &&
    child.y >= parent.y &&
    child.x + child.width <= parent.x + parent.width &&
    child.y + child.height <= parent.y + parent.height
  );
}

/** The screen boxes of every node drawn in `parentId` (or of every node of a kind). */
async function boxesOf(canvas: CanvasPage, selector: string): Promise<Array<{ id: string; box: Box }>> {
  // A drop that lands off screen pans the view to it: read every box from one still frame.
  await waitForViewportToSettle(canvas.page);
  const nodes = canvas.page.locator(`.react-flow__node${selector}`);
  const out: Array<{ id: string; box: Box }> = [];
  for (const node of await nodes.all()) {
    const box = await node.boundingBox();
    if (box) out.push({ id: (await node.getAttribute('data-id'))!, box });
  }
  return out;
}

async function expectNoOverlap(canvas: CanvasPage, selector: string): Promise<void> {
  const boxes = await boxesOf(canvas, selector);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlap(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.id} overlaps ${boxes[j]!.id}`).toBe(false);
    }
  }
}

test('clicking empty canvas clears a route table opened from the inspector; Delete then removes only the subnet clicked', async ({
  page,
}) => {
  const { canvas, toolbar } = await openApp(page);
  const heading = inspector(page).getByRole('heading', { level: 2 });
  await canvas.select('subnet-public-a');
  await expect(heading).toHaveText('Public A');
  await inspector(page).getByRole('button', { name: 'Open Public routes' }).click();
  await expect(heading).toHaveText('Public routes');
  await canvas.clickEmpty();
  await expect(heading).toHaveText('Design');
  await canvas.select('subnet-private-a');
  await expect(heading).toHaveText('Private A');
  await expect(toolbar.button('Delete')).toHaveAttribute('title', /^Delete 1 selected/);
  await page.keyboard.press('Delete');
  await expect(canvas.node('subnet-private-a')).toHaveCount(0);
  await expect(toolbar.status).toContainText('Deleted Private A.');
  // The route table is still there: show route tables and find it.
  await toolbar.button('Show route tables, security groups and NACLs').click();
  await expect(canvas.node('rtb-public')).toBeVisible();
});

test('clicking another subnet replaces a record opened from the inspector instead of adding to it', async ({
  page,
}) => {
  const { canvas, toolbar } = await openApp(page);
  const heading = inspector(page).getByRole('heading', { level: 2 });
  await canvas.select('subnet-public-a');
  await inspector(page).getByRole('button', { name: 'Open Public routes' }).click();
  await expect(heading).toHaveText('Public routes');
  await canvas.select('subnet-private-b');
  await expect(heading).toHaveText('Private B');
  // Shift+click builds a selection of what is drawn, and the toolbar says how many.
  await canvas.select('subnet-public-b', { shift: true });
  await expect(heading).toHaveText('2 resources selected');
  await expect(toolbar.button('Delete')).toHaveAttribute('title', /^Delete 2 selected/);
  await expect(toolbar.button('Duplicate')).toHaveAttribute('title', /^Duplicate 2 selected/);
});

test('a NAT instance dropped next to a NAT gateway lands beside it, not on it', async ({ page }) => {
  const { canvas, palette } = await openApp(page);
  const nat = await canvas.box('nat-a');
  await palette.dropAt('NAT instance', { x: nat.x + nat.width / 2 + 8, y: nat.y + nat.height / 2 });
  await expect(canvas.node('i-1')).toBeVisible();
  expect(await canvas.parentOf('i-1')).toBe('subnet-public-a');
  await expectNoOverlap(canvas, '[data-parent="subnet-public-a"]');
  const subnet = await canvas.box('subnet-public-a');
  for (const { box } of await boxesOf(canvas, '[data-parent="subnet-public-a"]'))
    expect(inside(box, subnet)).toBe(true);
});

test('several instances dropped at one point in a subnet never overlap; the subnet grows and pushes the subnet below down', async ({
  page,
}) => {
  const { canvas, palette } = await openApp(page);
  const before = await canvas.box('subnet-public-a');
  const nat = await canvas.box('nat-a');
  for (let i = 1; i <= 4; i++) {
    await palette.dropAt('EC2 instance', { x: nat.x + nat.width / 2, y: nat.y + nat.height / 2 });
    await expect(canvas.node(`i-${i}`)).toBeVisible();
  }
  await expectNoOverlap(canvas, '[data-parent="subnet-public-a"]');
  const subnet = await canvas.box('subnet-public-a');
  expect(subnet.width * subnet.height).toBeGreaterThan(before.width * before.height);
  for (const { box } of await boxesOf(canvas, '[data-parent="subnet-public-a"]'))
    expect(inside(box, subnet)).toBe(true);
  // The subnets of the zone, the VPCs on the page: none overlaps another.
  await expectNoOverlap(canvas, '[data-parent="az:vpc-prod:us-east-1a"]');
  await expectNoOverlap(canvas, '[data-kind="vpc"]');
  await canvas.fitView();
  await canvas.node('subnet-public-a').screenshot({ path: shot('subnet-after-drops') });
});

test('a second VPC dropped between two VPCs overlaps neither, also after a reload', async ({ page }) => {
  const { canvas, palette, toolbar } = await openApp(page);
  const prod = await canvas.box('vpc-prod');
  const shared = await canvas.box('vpc-shared');
  await palette.dropAt('VPC', { x: (prod.x + prod.width + shared.x) / 2, y: prod.y + 60 });
  await expect(canvas.node('vpc-1')).toBeVisible();
  // The new VPC is clear of everything on the page, and no two VPCs overlap.
  const clearOfAll = async () => {
    await waitForViewportToSettle(page);
    const mine = await canvas.box('vpc-1');
    for (const { id, box } of await boxesOf(canvas, '[data-parent="region:us-east-1"]'))
      if (id !== 'vpc-1') expect(overlap(mine, box), `vpc-1 overlaps ${id}`).toBe(false);
    await expectNoOverlap(canvas, '[data-kind="vpc"]');
  };
  await clearOfAll();
  await canvas.fitView();
  await page.screenshot({ path: shot('new-vpc') });
  await toolbar.saved();
  await page.reload();
  await expect(canvas.node('vpc-1')).toBeVisible();
  await clearOfAll();
});

test('Tidy re-grids a subnet as one undo step (from the inspector and with Shift+T)', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  // Pile the web server onto the NAT gateway, as a hand-made layout (or an old save) might.
  const nat = await canvas.box('nat-a');
  const web = await canvas.box('i-web-a');
  await canvas.dragNode('i-web-a', nat.x - web.x + 12, nat.y - web.y + 6, { x: 0.5, y: 0.5 });
  const piled = await canvas.box('i-web-a');
  expect(overlap(piled, await canvas.box('nat-a'))).toBe(true);
  await canvas.node('subnet-public-a').screenshot({ path: shot('tidy-before') });

  await canvas.select('subnet-public-a');
  await inspector(page).getByRole('button', { name: 'Tidy subnet' }).click();
  await expectNoOverlap(canvas, '[data-parent="subnet-public-a"]');
  await canvas.node('subnet-public-a').screenshot({ path: shot('tidy-after') });
  await expect(toolbar.button('Undo')).toHaveAttribute('title', /^Undo Tidy/);

  await toolbar.undo();
  await expect.poll(async () => overlap(await canvas.box('i-web-a'), await canvas.box('nat-a'))).toBe(true);
  // One step: the drag is what is left to undo.
  await expect(toolbar.button('Undo')).toHaveAttribute('title', /^Undo Move/);

  await canvas.select('subnet-public-a');
  await page.keyboard.press('Shift+T');
  await expectNoOverlap(canvas, '[data-parent="subnet-public-a"]');
});

test('a design saved with overlapping VPCs is fixed by Tidy on the VPC', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  const old = exampleDesign();
  // Saved before drops found free places: the shared VPC sits on top of the production VPC.
  old.layout['vpc-shared'] = { x: 300, y: 200 };
  await toolbar.importFile('overlapping.json', serializeDesign(old));
  await expect(canvas.node('vpc-shared')).toBeVisible();
  expect(overlap(await canvas.box('vpc-prod'), await canvas.box('vpc-shared'))).toBe(true);
  await canvas.fitView();
  await page.screenshot({ path: shot('old-overlap-before') });
  // Loading moves nothing on its own: the layout is the user's until they ask.
  // The production VPC's corner is clear of the other: select it, and Tidy moves what it overlaps aside.
  await canvas.select('vpc-prod');
  await inspector(page).getByRole('button', { name: 'Tidy VPC' }).click();
  await expectNoOverlap(canvas, '[data-parent="region:us-east-1"]');
  await canvas.fitView();
  await page.screenshot({ path: shot('old-overlap-after') });
});
