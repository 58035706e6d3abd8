/**
 * Failure drills as a user runs them on the example design: fail Availability Zone us-east-1a from the toolbar and
 * see the flows through it break, with the reason, the zone's components greyed out and badged "Failed", and a
 * banner saying so; Undo brings everything back. Fail one NAT gateway from its inspector: only its zone's private
 * instance loses the internet. A reload keeps the drill (it is saved with the working design), and the exported
 * design file holds it as its own field, never as a change to an AWS resource.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { exampleDesign } from '../src/engine/index.ts';
import { openApp } from './pages/index.ts';
import { ExportPage } from './pages/ExportPage.ts';
import { TrafficPage } from './pages/TrafficPage.ts';
import { ToolbarPage } from './pages/ToolbarPage.ts';

const ZONE_A = ['subnet-public-a', 'subnet-private-a', 'nat-a', 'i-web-a', 'i-app-a'];
const ZONE_B = ['subnet-public-b', 'subnet-private-b', 'nat-b', 'i-web-b', 'i-app-b'];

function drillMenu(page: Page) {
  return {
    button: page.getByRole('banner').getByRole('button', { name: 'Failure drill' }),
    zone: (zone: string) =>
      page
        .getByRole('group', { name: 'Failure drill' })
        .getByRole('checkbox', { name: `Availability Zone ${zone} failed` }),
  };
}

test('failing AZ us-east-1a breaks the flows through it, greys it out, and Undo restores them', async ({ page }) => {
  const { canvas } = await openApp(page);
  const traffic = new TrafficPage(page);
  await traffic.open();
  await expect(traffic.status('web-a → internet')).toHaveText('Reachable');
  await expect(traffic.status('app-a → S3')).toHaveText('Reachable');

  // From the toolbar's menu, by keyboard: focus the button, open it, tick the zone with Space.
  const menu = drillMenu(page);
  await menu.button.focus();
  await page.keyboard.press('Enter');
  await expect(menu.button).toHaveAttribute('aria-expanded', 'true');
  await menu.zone('us-east-1a').focus();
  await page.keyboard.press('Space');
  await expect(menu.zone('us-east-1a')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(menu.button).toBeFocused();

  // The flows through the zone break, each saying which component failed and why.
  await expect(traffic.status('web-a → internet')).toHaveText('Failed (drill): web-a');
  await expect(traffic.status('app-a → S3')).toHaveText('Failed (drill): app-a');
  await expect(traffic.status('transitive')).toHaveText(/^Failed \(drill\)|^Blocked at/);
  await expect(traffic.whatIf).toContainText(
    'The failure drill breaks 2 flows: web-a → internet (HTTPS), app-a → S3 via the endpoint.',
  );
  await traffic.select('web-a → internet');
  await expect(traffic.root.getByRole('group', { name: 'Why it is blocked' })).toContainText(
    'EC2 instance "web-a" is down: Availability Zone us-east-1a has failed (failure drill).',
  );
  // On the canvas the packet stops, red, at the failed instance.
  await expect(traffic.blockMark('flow-web-internet').getByRole('img')).toHaveAccessibleName(/web-a/);

  // The zone and everything in it is greyed out and badged; the other zone is not.
  const banner = page.getByRole('region', { name: 'Failure drill on' });
  await expect(banner).toContainText('Failure drill: AZ us-east-1a failed — 2 of 3 flows break');
  await expect(canvas.node('az:vpc-prod:us-east-1a')).toHaveAttribute('data-failed', 'true');
  await expect(canvas.node('az:vpc-prod:us-east-1a')).toHaveAttribute('aria-label', /failed in the drill/);
  for (const id of ZONE_A) {
    await expect(canvas.node(id), id).toHaveAttribute('data-failed', 'true');
    await expect(canvas.node(id).getByText('Failed', { exact: true }), id).toBeVisible();
  }
  for (const id of ZONE_B) await expect(canvas.node(id), id).not.toHaveAttribute('data-failed', 'true');
  await expect(canvas.node('igw-prod')).not.toHaveAttribute('data-failed', 'true');
  await page.screenshot({ path: test.info().outputPath('drill-az-canvas.png') });
  await traffic.root.screenshot({ path: test.info().outputPath('drill-az-flows.png') });
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.screenshot({ path: test.info().outputPath('drill-az-zoomed.png') });

  // One Undo (the toolbar says what it undoes) brings it all back.
  const undo = page.getByRole('banner').getByRole('button', { name: 'Undo' });
  await expect(undo).toHaveAttribute('title', /^Undo Fail Availability Zone us-east-1a \(drill\)/);
  await undo.click();
  await expect(traffic.status('web-a → internet')).toHaveText('Reachable');
  await expect(traffic.status('app-a → S3')).toHaveText('Reachable');
  await expect(traffic.whatIf).toContainText('Undone: 2 flows are reachable again');
  await expect(banner).toHaveCount(0);
  for (const id of ZONE_A) await expect(canvas.node(id), id).not.toHaveAttribute('data-failed', 'true');
});

test('failing one NAT gateway from its inspector cuts only its zone’s private instance off the internet', async ({
  page,
}) => {
  const { canvas } = await openApp(page);
  const traffic = new TrafficPage(page);
  await traffic.open();
  for (const from of ['app-a (10.0.10.20)', 'app-b (10.0.11.20)']) {
    await traffic.trace({ from, to: 'Internet', protocol: 'TCP', port: 443 });
    await traffic.save();
  }
  await expect(traffic.status(/^app-a → Internet/)).toHaveText('Reachable');
  await expect(traffic.status(/^app-b → Internet/)).toHaveText('Reachable');

  await canvas.select('nat-a', { at: { x: 0.5, y: 0.3 } });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('NAT gateway A');
  await inspector.getByRole('button', { name: 'Fail (drill)' }).click();
  await expect(inspector.getByRole('button', { name: 'Restore' })).toBeVisible();
  await expect(inspector).toContainText('NAT gateway "NAT gateway A" has failed (failure drill).');

  await expect(traffic.status(/^app-a → Internet/)).toHaveText('Failed (drill): NAT gateway A');
  await expect(traffic.status(/^app-b → Internet/)).toHaveText('Reachable');
  await expect(traffic.status('web-a → internet')).toHaveText('Reachable');
  await expect(canvas.node('nat-a')).toHaveAttribute('data-failed', 'true');
  await expect(canvas.node('nat-b')).not.toHaveAttribute('data-failed', 'true');
  await expect(canvas.node('i-app-a')).not.toHaveAttribute('data-failed', 'true');
  await expect(page.getByRole('region', { name: 'Failure drill on' })).toContainText(
    'Failure drill: NAT gateway A failed — 1 of 5 flows breaks',
  );
  await traffic.select(/^app-a → Internet/);
  await page.screenshot({ path: test.info().outputPath('drill-nat-canvas.png') });

  // The drill is kept with the working design: a reload still has it…
  await expect(new ToolbarPage(page).saveStatus).toHaveText('Saved');
  await page.reload();
  await expect(canvas.node('nat-a')).toHaveAttribute('data-failed', 'true');
  await expect(page.getByRole('region', { name: 'Failure drill on' })).toContainText('NAT gateway A failed');

  // …and the exported design file carries it beside the resources, the NAT gateway unchanged among them.
  const exporter = new ExportPage(page);
  await exporter.open();
  const download = await exporter.download('Design file (JSON)');
  const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    resources: Record<string, Record<string, unknown>>;
    failures?: unknown;
  };
  expect(file.failures).toEqual({ resources: ['nat-a'], zones: [] });
  expect(file.resources['nat-a']).toEqual(exampleDesign().resources['nat-a']);
  expect(JSON.stringify(file.resources)).not.toMatch(/fail/i);

  // "Show flows" shows them even when the bottom panels are collapsed.
  const bottom = page.getByRole('button', { name: 'Bottom panels', exact: true });
  await bottom.click();
  await expect(bottom).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('region', { name: 'Failure drill on' }).getByRole('button', { name: 'Show flows' }).click();
  await expect(bottom).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('tab', { name: 'Traffic' })).toHaveAttribute('aria-selected', 'true');

  // End drill restores everything in one step.
  await page.getByRole('region', { name: 'Failure drill on' }).getByRole('button', { name: 'End drill' }).click();
  await expect(canvas.node('nat-a')).not.toHaveAttribute('data-failed', 'true');
  await traffic.open();
  await expect(traffic.status(/^app-a → Internet/)).toHaveText('Reachable');
});

test('Shift+F fails the selected resource on the canvas, and again restores it', async ({ page }) => {
  const { canvas } = await openApp(page);
  await canvas.select('i-web-b', { at: { x: 0.5, y: 0.3 } });
  await page.keyboard.press('Shift+F');
  await expect(canvas.node('i-web-b')).toHaveAttribute('data-failed', 'true');
  await expect(canvas.node('i-web-b')).toHaveAttribute('aria-label', 'EC2 instance web-b (failed in the drill)');
  await page.keyboard.press('Shift+F');
  await expect(canvas.node('i-web-b')).not.toHaveAttribute('data-failed', 'true');
});
