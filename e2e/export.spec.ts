/**
 * The Export dialog: every format downloads a file whose content is read back (SVG and draw.io parsed as XML,
 * the PNG's size from its header, the PDF's page from its MediaBox, the design file parsed), Copy image puts a
 * PNG on the clipboard, the choices survive a reload (and a corrupted stored value does not break the dialog),
 * "only the selection" draws only it and its containers, the app's SVG is the CLI's, and the dialog works from
 * the keyboard.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { exampleDesign, serializeDesign } from '../src/engine/index.ts';
import { generateDesign } from '../src/engine/model/generate.ts';
import { MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE } from '../src/export/png.ts';
import { ExportPage, openApp } from './pages/index.ts';

const EXAMPLE = exampleDesign();
const EXAMPLE_FILE = 'example-two-az-web-app-with-a-peered-shared-services-vpc';
const VPC_NAMES = ['Production', 'Shared services'];
const SUBNET_NAMES = ['Public A', 'Public B', 'Private A', 'Private B', 'Tools A'];
const CIDRS = [
  '10.0.0.0/16',
  '10.1.0.0/16',
  '10.0.0.0/24',
  '10.0.1.0/24',
  '10.0.10.0/24',
  '10.0.11.0/24',
  '10.1.0.0/24',
];

interface ParsedXml {
  root: string;
  error: string | null;
  text: string;
  width: number;
  height: number;
  /** Every href (plain or xlink) and every url(...) in attributes or style sheets. */
  refs: string[];
  names: string[];
}

/** Parses XML with the browser's own parser (what a viewer does) and reports what the tests check. */
function parseXml(page: Page, xml: string, type: 'image/svg+xml' | 'text/xml'): Promise<ParsedXml> {
  return page.evaluate(
    ([text, mime]) => {
      const doc = new DOMParser().parseFromString(text!, mime as DOMParserSupportedType);
      const error = doc.querySelector('parsererror');
      const all = [...doc.querySelectorAll('*')];
      const refs: string[] = [];
      for (const el of all) {
        for (const attr of [...el.attributes]) {
          if (attr.localName === 'href' || attr.localName === 'src') refs.push(attr.value);
          for (const m of attr.value.matchAll(/url\(\s*['"]?([^'")]+)/g)) refs.push(m[1]!);
        }
        if (el.localName === 'style')
          for (const m of (el.textContent ?? '').matchAll(/(?:url\(\s*['"]?([^'")]+)|@import\s+['"]?([^'";]+))/g))
            refs.push((m[1] ?? m[2])!);
      }
      const root = doc.documentElement;
      return {
        root: root.localName,
        error: error ? error.textContent : null,
        text: all
          .filter((el) => el.localName === 'text' || el.localName === 'tspan' || el.localName === 'title')
          .map((el) => el.textContent)
          .join('\n'),
        width: Number.parseFloat(root.getAttribute('width') ?? ''),
        height: Number.parseFloat(root.getAttribute('height') ?? ''),
        refs,
        names: all.map((el) => el.localName),
      };
    },
    [xml, type],
  );
}

/** The PNG's width and height from its IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The alpha of the PNG's top-left pixel and whether that pixel is white, decoded by the browser. */
function cornerPixel(page: Page, bytes: Buffer): Promise<{ alpha: number; white: boolean }> {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(4, 4);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const [r, g, b, a] = context.getImageData(1, 1, 1, 1).data;
    return { alpha: a!, white: r === 255 && g === 255 && b === 255 };
  }, bytes.toString('base64'));
}

/** The PDF's pages (each `/Type /Page` object) and the first page's MediaBox, read from the file's text. */
function pdfPages(bytes: Buffer): { pages: number; mediaBox: number[] } {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![s\w])/g)].length;
  const box = /\/MediaBox\s*\[\s*([-\d.\s]+)\]/.exec(text)?.[1];
  expect(box, 'the PDF names its page size in a MediaBox').toBeDefined();
  return { pages, mediaBox: box!.trim().split(/\s+/).map(Number) };
}

function expectPictureOfExample(xml: ParsedXml) {
  expect(xml.error).toBeNull();
  for (const name of [...VPC_NAMES, ...SUBNET_NAMES, 'web-a', 'app-b', 'tools']) expect(xml.text).toContain(name);
  for (const cidr of CIDRS) expect(xml.text).toContain(cidr);
}

test('each format downloads a file whose content is the design: JSON, SVG, PNG at 1×/2×/4×, PDF pages, draw.io', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  const dialog = new ExportPage(page);

  const json = await dialog.exportFile('Design file (JSON)');
  expect(json.name).toBe(`${EXAMPLE_FILE}.json`);
  const design = JSON.parse(json.bytes.toString('utf8')) as typeof EXAMPLE;
  expect(design.format).toBe('vpc-designer');
  expect(design.name).toBe(EXAMPLE.name);
  expect(Object.keys(design.resources).sort()).toEqual(Object.keys(EXAMPLE.resources).sort());
  expect(design.flows.map((f) => f.id)).toEqual(EXAMPLE.flows.map((f) => f.id));

  const svgFile = await dialog.exportFile('SVG');
  expect(svgFile.name).toBe(`${EXAMPLE_FILE}.svg`);
  const svgText = svgFile.bytes.toString('utf8');
  const svg = await parseXml(page, svgText, 'image/svg+xml');
  expect(svg.root).toBe('svg');
  expectPictureOfExample(svg);
  expect(svg.text).toContain(await page.evaluate(() => new Date().toLocaleDateString('sv'))); // the title block's date
  expect(
    svg.refs.filter((ref) => !ref.startsWith('#') && !ref.startsWith('data:')),
    'no external references',
  ).toEqual([]);
  expect(svg.width).toBeGreaterThan(100);

  // The animated traffic picture: every saved flow chosen, one moving packet per hop, still under reduced motion.
  const animated = await dialog.exportFile('Animated SVG', async (d) => {
    await d.button('All flows').click();
  });
  expect(animated.name).toBe(`${EXAMPLE_FILE}.animated.svg`);
  const animatedText = animated.bytes.toString('utf8');
  const moving = await parseXml(page, animatedText, 'image/svg+xml');
  expect(moving.root).toBe('svg');
  expectPictureOfExample(moving);
  expect(moving.names.filter((n) => n === 'animateMotion').length).toBeGreaterThan(EXAMPLE.flows.length);
  expect(animatedText).toContain('prefers-reduced-motion');

  for (const scale of [1, 2, 4] as const) {
    const png = await dialog.exportFile('PNG', (d) => d.radio(`${scale}×`).check());
    expect(png.name).toBe(`${EXAMPLE_FILE}.png`);
    expect(pngSize(png.bytes)).toEqual({
      width: Math.round(svg.width * scale),
      height: Math.round(svg.height * scale),
    });
  }
  const white = await dialog.exportFile('PNG', async (d) => {
    await d.radio('1×').check();
    await d.radio('White').check();
  });
  expect(await cornerPixel(page, white.bytes)).toEqual({ alpha: 255, white: true });
  const clear = await dialog.exportFile('PNG', (d) => d.radio('Transparent').check());
  expect((await cornerPixel(page, clear.bytes)).alpha).toBe(0);

  // A4 is 595.28 × 841.89 pt, Letter 612 × 792 pt (ISO 216; ANSI/ASME Y14.1).
  const pages = [
    { size: 'A4', orientation: 'Landscape', width: 841.89, height: 595.28 },
    { size: 'A4', orientation: 'Portrait', width: 595.28, height: 841.89 },
    { size: 'Letter', orientation: 'Landscape', width: 792, height: 612 },
  ];
  for (const want of pages) {
    const pdf = await dialog.exportFile('PDF', async (d) => {
      await d.radio(want.size).check();
      await d.radio(want.orientation).check();
    });
    expect(pdf.name).toBe(`${EXAMPLE_FILE}.pdf`);
    const { pages: count, mediaBox } = pdfPages(pdf.bytes);
    expect(count).toBe(1);
    expect(mediaBox[2]! - mediaBox[0]!).toBeCloseTo(want.width, 0);
    expect(mediaBox[3]! - mediaBox[1]!).toBeCloseTo(want.height, 0);
  }
  const fitted = await dialog.exportFile('PDF', (d) => d.radio('Fit to drawing').check());
  const fit = pdfPages(fitted.bytes);
  expect(fit.pages).toBe(1);
  // Fitted to the drawing: the page has the picture's shape (pt to px is a uniform scale).
  expect((fit.mediaBox[2]! - fit.mediaBox[0]!) / (fit.mediaBox[3]! - fit.mediaBox[1]!)).toBeCloseTo(
    svg.width / svg.height,
    1,
  );

  const drawio = await dialog.exportFile('draw.io');
  expect(drawio.name).toBe(`${EXAMPLE_FILE}.drawio`);
  const mx = await parseXml(page, drawio.bytes.toString('utf8'), 'text/xml');
  expect(mx.error).toBeNull();
  expect(mx.root).toBe('mxfile');
  expect(mx.names).toContain('mxGraphModel');
  const drawioText = drawio.bytes.toString('utf8');
  for (const text of [...VPC_NAMES, ...SUBNET_NAMES, ...CIDRS]) expect(drawioText).toContain(text);
});

test('a PNG larger than a browser can draw is drawn at the largest scale that fits, and the dialog says so', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { toolbar } = await openApp(page);
  // The 300-resource benchmark design: seven VPCs, more pixels at 4× than a browser's canvas holds.
  await toolbar.importFile(
    'wide.json',
    serializeDesign({ ...generateDesign({ vpcs: 7, subnetsPerVpc: 4, instancesPerSubnet: 5 }), name: 'Wide' }),
  );
  const dialog = new ExportPage(page);
  await dialog.open();
  await dialog.format('SVG');
  const svg = await parseXml(
    page,
    await dialog.download('SVG').then(async (d) => readFile((await d.path())!, 'utf8')),
    'image/svg+xml',
  );
  expect(svg.width * 4).toBeGreaterThan(MAX_CANVAS_SIDE);

  await dialog.open();
  await dialog.format('PNG');
  await dialog.radio('4×').check();
  const warning = dialog.dialog.getByText(
    /^At 4× the picture would be \d+ × \d+ px, more than a browser can draw; it is drawn at [\d.]+× \(\d+ × \d+ px\)\.$/,
  );
  await expect(warning).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.button('Download PNG').click();
  const size = pngSize(await readFile((await (await download).path())!));
  expect(size.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
  expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
  expect(size.width).toBeGreaterThan(svg.width * 2);
  expect(size.width / size.height).toBeCloseTo(svg.width / svg.height, 1);
  await expect(toolbar.status).toContainText('it is drawn at');
});

test('Copy image puts a PNG of the picture on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const dialog = new ExportPage(page);
  await dialog.open();
  await dialog.format('PNG');
  await dialog.radio('1×').check();
  await dialog.button('Copy image').click();
  await expect(dialog.message).toHaveText('Copied the picture to the clipboard as a PNG (1×).');
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item!.getType('image/png');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return { types: item!.types, b64: btoa(String.fromCharCode(...bytes.subarray(0, 64))) };
  });
  expect(copied.types).toContain('image/png');
  const size = pngSize(Buffer.from(copied.b64, 'base64'));
  await dialog.button('Cancel').click();
  const svg = await parseXml(page, (await dialog.exportFile('SVG')).bytes.toString('utf8'), 'image/svg+xml');
  expect(size).toEqual({ width: Math.round(svg.width), height: Math.round(svg.height) });
});

test('a browser that refuses the clipboard gets a plain message, and the dialog stays usable', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'write', {
      value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    });
  });
  await openApp(page);
  const dialog = new ExportPage(page);
  await dialog.open();
  await dialog.button('Copy image').click();
  await expect(dialog.message).toHaveText(
    'The browser refused to put the image on the clipboard: download the PNG instead.',
  );
  await expect(dialog.button('Download SVG')).toBeEnabled();
});

test('the last choices are remembered after a reload; a corrupted stored value falls back to the defaults', async ({
  page,
}) => {
  await openApp(page);
  const dialog = new ExportPage(page);
  await dialog.open();
  await dialog.format('PNG');
  await dialog.radio('4×').check();
  await dialog.radio('Transparent').check();
  await dialog.checkbox('Legend').uncheck();
  await dialog.checkbox('Title block').uncheck();
  await dialog.button('No flows').click();
  await dialog.checkbox(EXAMPLE.flows[1]!.name).check();
  await dialog.button('Cancel').click();

  await page.reload();
  await openApp(page);
  await dialog.open();
  await expect(dialog.radio('PNG')).toBeChecked();
  await expect(dialog.radio('4×')).toBeChecked();
  await expect(dialog.radio('Transparent')).toBeChecked();
  await expect(dialog.checkbox('Legend')).not.toBeChecked();
  await expect(dialog.checkbox('Title block')).not.toBeChecked();
  await expect(dialog.checkbox('Findings markers')).toBeChecked();
  await expect(dialog.checkbox(EXAMPLE.flows[0]!.name)).not.toBeChecked();
  await expect(dialog.checkbox(EXAMPLE.flows[1]!.name)).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('export-remembered.png') });
  await page.keyboard.press('Escape');

  await page.evaluate(() => localStorage.setItem('vpc-designer:export', '{"format":"exe","scale":"huge",'));
  await page.reload();
  await openApp(page);
  await dialog.open();
  await expect(dialog.radio('SVG')).toBeChecked();
  await expect(dialog.checkbox('Legend')).toBeChecked();
  const download = await dialog.download('SVG');
  expect(await readFile((await download.path())!, 'utf8')).toContain('<svg');
});

test('only the selection: the selected resource and its containers, nothing else; disabled with a reason when nothing is selected', async ({
  page,
}) => {
  const { canvas } = await openApp(page);
  const dialog = new ExportPage(page);
  await dialog.open();
  await expect(dialog.radio('Only the selection')).toBeDisabled();
  await expect(
    dialog.dialog.getByText('Nothing is selected: select resources on the canvas to export only them.'),
  ).toBeVisible();
  await dialog.button('Cancel').click();

  await canvas.select('i-app-a');
  // Flows and findings off: their labels and messages name other resources.
  const file = await dialog.exportFile('SVG', async (d) => {
    await d.radio('Only the selection (1)').check();
    await d.button('No flows').click();
    await d.checkbox('Findings markers').uncheck();
  });
  const svg = await parseXml(page, file.bytes.toString('utf8'), 'image/svg+xml');
  expect(svg.error).toBeNull();
  for (const present of ['app-a', 'Private A', '10.0.10.0/24', 'Production', '10.0.0.0/16'])
    expect(svg.text).toContain(present);
  for (const absent of ['app-b', 'web-a', 'Public A', 'Private B', 'Shared services', 'Tools A', '10.1.0.0/16'])
    expect(svg.text).not.toContain(absent);
});

test('a hostile design name gives a safe file name', async ({ page }) => {
  const { toolbar } = await openApp(page);
  await toolbar.importFile('hostile.json', serializeDesign({ ...EXAMPLE, name: '../x<y>' }));
  const dialog = new ExportPage(page);
  for (const [format, name] of [
    ['SVG', 'x-y.svg'],
    ['draw.io', 'x-y.drawio'],
    ['Design file (JSON)', 'x-y.json'],
  ] as const) {
    expect((await dialog.exportFile(format)).name).toBe(name);
  }
});

/** The CLI's SVG of the example design, with these export options. */
async function cliSvg(args: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'export-e2e-'));
  const designFile = join(dir, 'design.json');
  await writeFile(designFile, serializeDesign(EXAMPLE));
  const out = join(dir, 'cli.svg');
  await promisify(execFile)(
    'npx',
    ['tsx', 'src/cli/main.ts', 'export', designFile, '--format', 'svg', '--out', out, ...args],
    { cwd: process.cwd() },
  );
  return readFile(out, 'utf8');
}

test('the app’s SVG is the CLI’s for the same design and options', async ({ page }) => {
  test.setTimeout(60_000);
  const { canvas } = await openApp(page);
  const dialog = new ExportPage(page);
  // The title block is off: its date is the day of the export (the CLI's in UTC, the app's in the user's zone).
  const whole = await dialog.exportFile('SVG', async (d) => {
    await d.checkbox('Title block').uncheck();
    await d.checkbox('Legend').uncheck();
    await d.button('All flows').click();
  });
  expect(whole.bytes.toString('utf8')).toBe(await cliSvg(['--flows', 'all', '--no-legend']));

  const flow = EXAMPLE.flows[1]!;
  await canvas.select('i-app-a');
  const selected = await dialog.exportFile('SVG', async (d) => {
    await d.radio('Only the selection (1)').check();
    await d.checkbox('Legend').check();
    await d.button('No flows').click();
    await d.checkbox(flow.name).check();
  });
  expect(selected.bytes.toString('utf8')).toBe(await cliSvg(['--only', 'i-app-a', '--flows', flow.name]));
});

test('the dialog works from the keyboard, with named controls, and gives focus back', async ({ page }) => {
  await openApp(page);
  const dialog = new ExportPage(page);
  const exportButton = page.getByRole('banner').getByRole('button', { name: 'Export', exact: true });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  await expect(dialog.dialog).toBeVisible();
  // Focus starts on the chosen format; arrow keys move between formats.
  await expect(dialog.radio('SVG')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.radio('Animated SVG')).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.radio('PNG')).toBeChecked();
  await expect(dialog.radio('2×')).toBeVisible();
  for (const name of ['1×', '2×', '4×', 'White', 'Transparent']) await expect(dialog.radio(name)).toBeVisible();
  for (const name of ['Title block', 'Legend', 'Findings markers', 'Route tables, security groups and NACLs'])
    await expect(dialog.checkbox(name)).toBeVisible();
  await expect(dialog.dialog.getByRole('group', { name: /Traffic flows drawn/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('export-png.png') });
  // Enter in the form downloads.
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.png$/);
  await expect(dialog.dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();
});
