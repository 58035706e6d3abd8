/**
 * Importing CloudFormation templates as a user does: through the Import button or by dropping the file, the
 * VPCs and subnets appear laid out on the canvas; a broken file says why and leaves the open design as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LibraryPage, openApp } from './pages/index.ts';

const FIXTURES = join(import.meta.dirname, '../src/engine/io/cloudformation/fixtures');
const template = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('a CloudFormation template imported from a file shows its VPC and subnets, laid out, and the old design stays in Designs', async ({
  page,
}) => {
  const { canvas, toolbar } = await openApp(page);
  await toolbar.importFile('VPC_FindInMapAZs.yaml', template('corpus/VPC_FindInMapAZs.yaml'));

  await expect(toolbar.status).toContainText('Imported VPC_FindInMapAZs.yaml (CloudFormation template (YAML))');
  // The import report says what became what (and would list anything the model does not hold).
  const report = page.getByRole('dialog', { name: 'Imported VPC_FindInMapAZs.yaml' });
  await expect(report).toContainText('CloudFormation template (YAML)');
  await expect(report.getByRole('list', { name: 'Imported resources' })).toContainText('4 subnets');
  await expect(report).toContainText('everything in the file was imported');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(report).toHaveCount(0);
  await expect(canvas.node('VPC')).toBeVisible();
  await expect(canvas.node('vpc-prod')).toHaveCount(0);
  expect(await canvas.parentOf('VPC')).toBe('region:us-east-1');
  // Mappings and Fn::Select picked the zones; each subnet sits in its zone's band.
  expect(await canvas.parentOf('PublicSubnet1')).toBe('az:VPC:us-east-1a');
  expect(await canvas.parentOf('PrivateSubnet2')).toBe('az:VPC:us-east-1b');
  expect(await canvas.parentOf('NatGateway1')).toBe('PublicSubnet1');
  await expect(canvas.node('PublicSubnet1')).toContainText('10.192.10.0/24');
  await expect(canvas.node('InternetGateway')).toBeVisible();

  // Laid out: the four subnets do not overlap, and public subnets sit above private ones.
  const boxes = await Promise.all(
    ['PublicSubnet1', 'PublicSubnet2', 'PrivateSubnet1', 'PrivateSubnet2'].map((id) => canvas.box(id)),
  );
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  expect(boxes[0]!.y).toBeLessThan(boxes[2]!.y);
  expect(Math.abs(boxes[0]!.y - boxes[1]!.y)).toBeLessThan(2);
  await page.screenshot({ path: test.info().outputPath('import-findinmap.png') });

  await expect(toolbar.button('Undo')).toBeDisabled();
  await new LibraryPage(page).openDesign('Example: two-AZ web app with a peered shared-services VPC');
  await expect(canvas.node('vpc-prod')).toBeVisible();
  await expect(canvas.node('VPC')).toHaveCount(0);
});

test('a template with several VPCs, peering and instances imports, and its findings follow', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  await toolbar.importFile('p02-peered-pair.yaml', template('scenarios/p02-peered-pair.yaml'));
  await page.keyboard.press('Escape');
  for (const id of ['Shared', 'Team', 'Lonely']) await expect(canvas.node(id)).toBeVisible();
  await expect(canvas.edge('Peering')).toBeAttached();
  expect(await canvas.parentOf('Builder')).toBe('TeamSubnet');
  const vpcs = await Promise.all(['Shared', 'Team', 'Lonely'].map((id) => canvas.box(id)));
  expect(overlaps(vpcs[0]!, vpcs[1]!) || overlaps(vpcs[1]!, vpcs[2]!) || overlaps(vpcs[0]!, vpcs[2]!)).toBe(false);
  // The transitive route is an error the Findings panel names by its logical id.
  await expect(page.getByRole('region', { name: 'Findings' })).toContainText('TeamToLonely');
  await page.screenshot({ path: test.info().outputPath('import-peered.png') });
});

test('a template dropped on the canvas is imported too', async ({ page }) => {
  const { canvas } = await openApp(page);
  await canvas.dropFile('bastion.yaml', template('scenarios/p01-bastion-and-private-app.yaml'));
  await expect(page.getByRole('dialog', { name: 'Imported bastion.yaml' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(canvas.node('Vpc')).toBeVisible();
  expect(await canvas.parentOf('Bastion')).toBe('PublicA');
  expect(await canvas.parentOf('AppServer')).toBe('PrivateA');
});

test('broken files say why in one line and leave the open design untouched', async ({ page }) => {
  const { canvas, toolbar } = await openApp(page);
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['broken.yaml', 'Resources:\n  Vpc: {Type: AWS::EC2::VPC\n', /broken\.yaml: The file is not valid YAML/],
    ['empty.yaml', '', /empty\.yaml: The file is empty\./],
    [
      'junk.yaml',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
      /junk\.yaml: The file is not text/,
    ],
    [
      'dangling.yaml',
      'Resources:\n  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Ghost}}\n',
      /refers to Ghost/,
    ],
    [
      'bomb.yaml',
      [
        'Resources: {}',
        'a: &a [x,x,x,x,x,x,x,x,x,x]',
        ...Array.from(
          { length: 8 },
          (_, i) =>
            `l${i}: &l${i} [${Array(10)
              .fill(i ? `*l${i - 1}` : '*a')
              .join(',')}]`,
        ),
      ].join('\n'),
      /alias bomb/,
    ],
    ['huge.yaml', Buffer.alloc(20 * 1024 * 1024, 0x20), /huge\.yaml is too large to import \(20\.0 MB/],
  ];
  for (const [name, content, message] of cases) {
    const chooser = page.waitForEvent('filechooser');
    await toolbar.button('Import').click();
    await (
      await chooser
    ).setFiles({ name, mimeType: 'text/yaml', buffer: typeof content === 'string' ? Buffer.from(content) : content });
    await expect(toolbar.status).toContainText(message, { timeout: 5000 });
    expect(await toolbar.status.locator('span').first().innerText()).not.toContain('\n');
    await expect(canvas.node('vpc-prod')).toBeVisible();
    await expect(toolbar.button('Undo')).not.toHaveAttribute('title', /Undo Import/);
  }
  await page.screenshot({ path: test.info().outputPath('import-broken.png') });
});
