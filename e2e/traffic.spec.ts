/**
 * Traffic simulation as a user meets it: choose a flow and watch its packet move and its hops fill in; take
 * away the security-group rule it needs and see it stop, red, at the group with the reason; undo and see it
 * flow again. Plus the simulation controls, editing a saved flow, reduced motion, packets following a dragged
 * node, and the Exposure report.
 */
import { expect, test } from '@playwright/test';
import { openApp, zoomOf } from './pages/index.ts';
import { TrafficPage, type XY } from './pages/TrafficPage.ts';

/** Two diagram points that are the same up to the precision SVG attributes are written with. */
function expectNear(actual: XY, expected: XY): void {
  expect(actual.x).toBeCloseTo(expected.x, 1);
  expect(actual.y).toBeCloseTo(expected.y, 1);
}

test('the example ships three flows that all animate, one blocked at the peering connection', async ({ page }) => {
  await openApp(page);
  const traffic = new TrafficPage(page);
  await traffic.open();
  await expect(traffic.status('web-a → internet')).toHaveText('Reachable');
  await expect(traffic.status('app-a → S3')).toHaveText('Reachable');
  await expect(traffic.status('transitive')).toHaveText('Blocked at Production ↔ Shared');
  for (const id of ['flow-web-internet', 'flow-app-s3', 'flow-transitive']) {
    const seen = await traffic.transforms(id);
    expect(new Set(seen).size, `${id} moves`).toBeGreaterThan(1);
  }
  await expect(traffic.blockMark('flow-transitive').getByRole('img')).toHaveAccessibleName(
    /blocked at Production ↔ Shared/,
  );

  await traffic.select('transitive');
  await expect(traffic.root.getByRole('group', { name: 'Why it is blocked' })).toContainText(
    'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
  );
  await expect(traffic.hop('Peering connection')).toHaveAttribute('data-action', 'deny');
  await page.screenshot({ path: test.info().outputPath('traffic-example.png') });
});

test('trace a flow, watch it, block it by removing the security-group rule, undo to bring it back', async ({
  page,
}) => {
  await openApp(page);
  const traffic = new TrafficPage(page);
  await traffic.open();

  // Choose a flow and trace it: the hop list fills and the packet moves.
  await traffic.trace({ from: 'Internet', to: 'web-a (10.0.0.20)', protocol: 'TCP', port: 443 });
  await expect(traffic.hops.getByRole('listitem')).toHaveCount(10);
  await expect(traffic.hop(/Production IGW.*translates destination 198\.51\.100\.20 → 10\.0\.0\.20/)).toBeVisible();
  await expect(traffic.hop(/web\s*Security group.*sg-web-https/)).toHaveAttribute('data-action', 'allow');
  await expect(traffic.hop(/Network ACL.*reply to the client's ports/)).toBeVisible();
  const moving = await traffic.transforms('draft');
  expect(new Set(moving).size).toBeGreaterThan(1);
  await traffic.save();
  await expect(traffic.status('Internet → web-a (TCP 443)')).toHaveText('Reachable');
  await page.screenshot({ path: test.info().outputPath('traffic-traced.png') });

  // Clicking the security-group hop selects the group in the inspector, with the rule that allowed it marked.
  await traffic
    .hop(/web\s*Security group/)
    .first()
    .getByRole('button')
    .click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText('sg-web');
  await expect(inspector.locator('[data-highlighted="true"]')).toHaveCount(1);
  await expect(inspector.locator('[data-highlighted="true"]')).toContainText('Inbound rule 1');
  await page.screenshot({ path: test.info().outputPath('traffic-rule-highlighted.png') });

  // Remove the rule through the inspector: the flow stops at the group, in red, with the reason.
  await inspector.getByRole('button', { name: 'Remove inbound rule 1' }).click();
  await expect(traffic.status('Internet → web-a (TCP 443)')).toHaveText('Blocked at web');
  await expect(traffic.whatIf).toHaveText('This change blocks 1 flow: Internet → web-a (TCP 443).');
  const why = traffic.root.getByRole('group', { name: 'Why it is blocked' });
  await expect(why).toContainText('Blocked at web (Security group)');
  await expect(why).toContainText('ENI_SG_RULES_MISMATCH');
  await expect(why).toContainText('no inbound rule allowing');
  await expect(traffic.blockMark('flow-4')).toHaveAttribute('data-component', 'sg-web');
  await expect(traffic.blockMark('flow-4').locator('.traffic-ring')).toHaveCount(1);
  await expect(traffic.packet('flow-4')).toHaveAttribute('data-leg', 'blocked', { timeout: 10_000 });
  await page.screenshot({ path: test.info().outputPath('traffic-blocked.png') });

  // Undo: the rule is back and the flow reachable again.
  await page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(traffic.status('Internet → web-a (TCP 443)')).toHaveText('Reachable');
  await expect(traffic.whatIf).toHaveText('Undone: 1 flow is reachable again: Internet → web-a (TCP 443).');
  await expect(traffic.blockMark('flow-4')).toHaveCount(0);
  const again = await traffic.transforms('flow-4');
  expect(new Set(again).size).toBeGreaterThan(1);
});

test('play, pause, step forward and back through the selected flow', async ({ page }) => {
  await openApp(page);
  const traffic = new TrafficPage(page);
  await traffic.open();
  await traffic.select('web-a → internet');
  const controls = traffic.simulation;
  await controls.getByRole('button', { name: 'Step forward' }).click();
  const current = traffic.hops.locator('[aria-current="step"]');
  await expect(current).toHaveCount(1);
  const first = await current.textContent();
  await controls.getByRole('button', { name: 'Step forward' }).click();
  await expect(current).not.toHaveText(first!);
  await controls.getByRole('button', { name: 'Step back' }).click();
  await expect(current).toHaveText(first!);
  // Stepping holds the packet still.
  const held = await traffic.transforms('flow-web-internet', 3);
  expect(new Set(held).size).toBe(1);
  await controls.getByRole('button', { name: 'Play' }).click();
  expect(new Set(await traffic.transforms('flow-web-internet')).size).toBeGreaterThan(1);
  // Pause stops every packet; a flow's own toggle pauses just that one.
  await controls.getByRole('button', { name: 'Pause' }).click();
  expect(new Set(await traffic.transforms('flow-app-s3', 3)).size).toBe(1);
  await controls.getByRole('button', { name: 'Play' }).click();
  await traffic
    .flow('app-a → S3')
    .getByRole('button', { name: /^Pause / })
    .click();
  expect(new Set(await traffic.transforms('flow-app-s3', 3)).size).toBe(1);
  expect(new Set(await traffic.transforms('flow-web-internet')).size).toBeGreaterThan(1);
  await controls.getByLabel('Speed').selectOption('4');
});

test('the exposure report lists the ports each instance has open to the internet', async ({ page }) => {
  await openApp(page);
  const traffic = new TrafficPage(page);
  const exposure = await traffic.openExposure();
  await expect(exposure).toContainText('2 of 5 instances reachable from the internet.');
  const web = exposure.locator('tr[data-instance="i-web-a"]');
  await expect(web).toContainText('TCP 443');
  await expect(web).toContainText('TCP 80');
  await expect(web).toContainText('Internet → Production IGW');
  await expect(exposure.locator('tr[data-instance="i-app-a"]')).toContainText('Not reachable');
  await web.getByRole('button', { name: 'web-a' }).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('i-web-a');
  await page.screenshot({ path: test.info().outputPath('exposure.png') });
});

test('edit a saved flow in place: the form comes filled in, Cancel leaves it, Save changes is one undo step', async ({
  page,
}) => {
  await openApp(page);
  const traffic = new TrafficPage(page);
  await traffic.open();
  const row = traffic.flowById('flow-web-internet');
  await expect(row.getByTestId('flow-status')).toHaveText('Reachable');

  // From the keyboard: the Edit button opens the same form, filled in, with the focus on its first field.
  await traffic.editButton('web-a → internet').press('Enter');
  const form = traffic.root.getByRole('form', { name: 'Edit flow web-a → internet (HTTPS)' });
  await expect(form).toBeVisible();
  await expect(traffic.newFlowForm).toBeHidden();
  await expect(form.getByLabel('Source', { exact: true })).toBeFocused();
  await expect(form.getByLabel('Source', { exact: true })).toHaveValue('i-web-a');
  await expect(form.getByLabel('Destination', { exact: true })).toHaveValue('internet');
  await expect(form.getByLabel('Port')).toHaveValue('443');
  await expect(form.getByLabel('Name (optional)')).toHaveValue('web-a → internet (HTTPS)');
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(traffic.hops.getByRole('listitem')).toHaveCount(11);

  // Cancel (Escape) leaves the flow as it was and puts the focus back on its Edit button.
  await form.getByLabel('Port').fill('22');
  await page.keyboard.press('Escape');
  await expect(traffic.editForm).toHaveCount(0);
  await expect(traffic.newFlowForm).toBeVisible();
  await expect(traffic.editButton('web-a → internet')).toBeFocused();
  await expect(row).toContainText('web-a → internet (HTTPS)');
  await expect(row.getByTestId('flow-status')).toHaveText('Reachable');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  // Edit it for real: to app-a on SSH, named after its endpoints again. The group on app-a has no rule for 22.
  await traffic.editButton('web-a → internet').click();
  await form.getByLabel('Destination', { exact: true }).selectOption({ label: 'app-a (10.0.10.20)' });
  await form.getByLabel('Port').fill('22');
  await form.getByLabel('Name (optional)').fill('');
  await expect(form.getByLabel('Name (optional)')).toHaveAttribute('placeholder', 'web-a → app-a (TCP 22)');
  await page.screenshot({ path: test.info().outputPath('traffic-edit-form.png') });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(traffic.editForm).toHaveCount(0);
  await expect(row).toContainText('web-a → app-a (TCP 22)');
  await expect(row.getByTestId('flow-status')).toHaveText('Blocked at app');
  await expect(traffic.whatIf).toHaveText('This change blocks 1 flow: web-a → app-a (TCP 22).');
  await expect(traffic.hops.getByRole('listitem')).toHaveCount(6);
  await expect(traffic.hop(/app\s*Security group/)).toHaveAttribute('data-action', 'deny');
  await expect(traffic.blockMark('flow-web-internet')).toHaveAttribute('data-component', 'sg-app');
  await page.screenshot({ path: test.info().outputPath('traffic-edited.png') });

  // One undo step brings the flow, its trace and its hops back.
  const undo = page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toHaveAttribute('title', /^Undo Edit flow/);
  await undo.click();
  await expect(row).toContainText('web-a → internet (HTTPS)');
  await expect(row.getByTestId('flow-status')).toHaveText('Reachable');
  await expect(traffic.hops.getByRole('listitem')).toHaveCount(11);
  await expect(traffic.blockMark('flow-web-internet')).toHaveCount(0);
  await expect(undo).toBeDisabled();
});

test('with reduced motion the packets stand still, every path is drawn, and the blocked point is still marked', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  const traffic = new TrafficPage(page);
  await traffic.open();
  // The toggle follows the system setting; playing makes no sense without motion.
  await expect(traffic.reduceMotion).toBeChecked();
  await expect(
    traffic.simulation
      .getByRole('button', { name: 'Play' })
      .or(traffic.simulation.getByRole('button', { name: 'Pause' })),
  ).toBeDisabled();

  const ids = ['flow-web-internet', 'flow-app-s3', 'flow-transitive'];
  for (const id of ids) {
    expect(new Set(await traffic.transforms(id, 4, 300)).size, `${id} stands still`).toBe(1);
    await expect(traffic.path(id)).toBeVisible();
  }
  // The blocked flow's packet rests on its red mark, which keeps its label; a reachable one rests at its destination.
  await expect(traffic.blockMark('flow-transitive').getByRole('img')).toHaveAccessibleName(
    /blocked at Production ↔ Shared/,
  );
  await expect(traffic.packet('flow-transitive')).toHaveAttribute('data-leg', 'blocked');
  expectNear(await traffic.packetPoint('flow-transitive'), await traffic.blockPoint('flow-transitive'));
  expectNear(await traffic.packetPoint('flow-web-internet'), (await traffic.pathPoints('flow-web-internet')).at(-1)!);
  await page.screenshot({ path: test.info().outputPath('traffic-reduced-motion.png') });

  // The canvas jumps to a new view instead of gliding: the frame after Fit view already shows where it ends.
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  const viewport = () =>
    page
      .locator('.react-flow__viewport')
      .evaluate(
        (el) =>
          new Promise<string>((done) =>
            requestAnimationFrame(() => requestAnimationFrame(() => done((el as HTMLElement).style.transform))),
          ),
      );
  const justAfter = await viewport();
  await page.waitForTimeout(400);
  expect(await viewport()).toBe(justAfter);

  // Stepping still moves the selected packet hop by hop, without travelling.
  await traffic.select('transitive');
  await expect(traffic.hops.locator('[aria-current="step"]')).toContainText('Peering connection');
  await traffic.simulation.getByRole('button', { name: 'Step back' }).click();
  await expect(traffic.hops.locator('[aria-current="step"]')).not.toContainText('Peering connection');

  // The toggle overrides the system setting, and the choice is kept after a reload.
  await traffic.reduceMotion.uncheck();
  await traffic.simulation.getByRole('button', { name: 'Play' }).click();
  expect(new Set(await traffic.transforms('flow-app-s3')).size).toBeGreaterThan(1);
  await page.reload();
  await traffic.open();
  await expect(traffic.reduceMotion).not.toBeChecked();
  expect(new Set(await traffic.transforms('flow-app-s3')).size).toBeGreaterThan(1);
});

test('a packet path follows a node while it is dragged, not just after the drop', async ({ page }) => {
  const { canvas } = await openApp(page);
  const traffic = new TrafficPage(page);
  await traffic.open();
  await traffic.select('web-a → internet');
  const path = traffic.path('flow-web-internet');
  await expect(path).toBeVisible();
  const before = await traffic.pathPoints('flow-web-internet');
  const centre = (b: { x: number; y: number; width: number; height: number }) => ({
    x: b.x + b.width / 2,
    y: b.y + b.height / 2,
  });
  // The request's last stop is the Internet node's centre, where the reply's line starts.
  const internetStop = path.locator('.traffic-stop').nth(before.length - 1);
  // Hold this flow's packet there (the other flows' packets keep moving).
  await traffic.hops
    .getByRole('listitem')
    .nth(before.length - 1)
    .getByRole('button')
    .click();
  await expect(traffic.hops.getByRole('listitem').nth(before.length - 1)).toHaveAttribute('aria-current', 'step');
  await expect.poll(() => traffic.packetPoint('flow-web-internet')).toEqual(before.at(-1));

  // Grab the Internet node and move it while the packets play; read the path before letting go.
  const nodeBefore = centre(await canvas.box('internet'));
  const grab = await canvas.pointIn('internet', { x: 0.5, y: 0.5 });
  const dx = 160;
  const dy = 60;
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + dx / 2, grab.y + dy / 2, { steps: 5 });
  await page.mouse.move(grab.x + dx, grab.y + dy, { steps: 5 });
  const zoom = await zoomOf(page);
  await expect
    .poll(async () => (await traffic.pathPoints('flow-web-internet')).at(-1)!.x - before.at(-1)!.x, { timeout: 5_000 })
    .toBeGreaterThan(dx / zoom / 2);
  const during = await traffic.pathPoints('flow-web-internet');
  // It moved by the distance the node moved (on the grid; React Flow starts the drag one pointer step late, so the
  // node's own move is the measure, not the pointer's), and sits on the node's centre on screen.
  const node = centre(await canvas.box('internet'));
  expect(Math.abs(during.at(-1)!.x - before.at(-1)!.x - (node.x - nodeBefore.x) / zoom)).toBeLessThanOrEqual(2);
  expect(Math.abs(during.at(-1)!.y - before.at(-1)!.y - (node.y - nodeBefore.y) / zoom)).toBeLessThanOrEqual(2);
  expect(node.x - nodeBefore.x).toBeGreaterThan(dx / 2);
  const stop = centre((await internetStop.boundingBox())!);
  expect(Math.abs(stop.x - node.x)).toBeLessThan(2);
  expect(Math.abs(stop.y - node.y)).toBeLessThan(2);
  // web-a did not move, and neither did the start of the path; the reply's line starts at the moved node.
  expect(during[0]).toEqual(before[0]);
  expect((await traffic.pathPoints('flow-web-internet', 'return'))[0]).toEqual(during.at(-1));
  // The held packet moved with its stop.
  expectNear(await traffic.packetPoint('flow-web-internet'), during.at(-1)!);
  // The other packets hold their place on their paths while the drag lasts (so the drag keeps its frame rate).
  expect(new Set(await traffic.transforms('flow-app-s3', 3, 200)).size).toBe(1);
  await page.screenshot({ path: test.info().outputPath('traffic-drag.png') });
  await page.mouse.up();

  // After the drop the design has the new position (one undo step), and the path stays where the node is.
  await expect(page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
  expect(await traffic.pathPoints('flow-web-internet')).toEqual(during);
  expect(new Set(await traffic.transforms('flow-app-s3')).size, 'packets travel again after the drop').toBeGreaterThan(
    1,
  );
});
