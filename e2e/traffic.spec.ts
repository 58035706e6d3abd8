/**
 * Traffic simulation as a user meets it: choose a flow and watch its packet move and its hops fill in; take
 * away the security-group rule it needs and see it stop, red, at the group with the reason; undo and see it
 * flow again. Plus the simulation controls and the Exposure report.
 */
import { expect, test } from '@playwright/test';
import { openApp } from './pages/index.ts';
import { TrafficPage } from './pages/TrafficPage.ts';

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
  await expect(traffic.blockMark('flow-transitive').getByRole('img')).toHaveAccessibleName(/blocked at Production ↔ Shared/);

  await traffic.select('transitive');
  await expect(traffic.root.getByRole('group', { name: 'Why it is blocked' })).toContainText('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR');
  await expect(traffic.hop('Peering connection')).toHaveAttribute('data-action', 'deny');
  await page.screenshot({ path: test.info().outputPath('traffic-example.png') });
});

test('trace a flow, watch it, block it by removing the security-group rule, undo to bring it back', async ({ page }) => {
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
  await traffic.hop(/web\s*Security group/).first().getByRole('button').click();
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
  await traffic.flow('app-a → S3').getByRole('button', { name: /^Pause / }).click();
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
