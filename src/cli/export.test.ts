/**
 * `export` run as a child process, as a user runs it: its SVG and draw.io are byte for byte what renderSvg and
 * renderDrawio give for the same design and options (the app's Export dialog calls the same functions), its PNG's
 * pixel size follows --scale, its PDF has its page and its text, it draws AWS templates from the corpus, and every
 * bad input ends with exit 2 and one plain line.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderDrawio } from '../engine/export/drawio.ts';
import { titleBlockFor, titleDate } from '../engine/export/options.ts';
import { renderAnimatedSvg } from '../engine/export/animatedSvg.ts';
import { renderSvg } from '../engine/export/svg.ts';
import { parseDesignFile, serializeDesign } from '../engine/io/designFile.ts';
import { importDesignTextSync } from '../engine/io/importSync.ts';
import { exampleDesign } from '../engine/model/example.ts';
import { svgSize } from '../export/pdf.ts';
import { readPdf } from '../export/pdfReadBack.ts';
import { CORPUS_DIR } from '../testing/corpus.ts';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; bytes: Buffer }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/cli/main.ts', ...args],
      { cwd: process.cwd(), timeout: 120_000, encoding: 'buffer', maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 99) : 0,
          stdout: stdout.toString('utf8'),
          stderr: stderr.toString('utf8'),
          bytes: stdout,
        });
      },
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'vpcd-export-'));
const design = exampleDesign();
const designPath = join(dir, 'example.json');
writeFileSync(designPath, serializeDesign(design));

/** A PNG's pixel size, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * A PNG's top-left pixel as RGBA (8-bit RGBA images, as resvg writes them): the first row's first pixel is stored
 * as it is under every PNG filter (nothing lies above or left of it).
 */
function cornerPixel(bytes: Buffer): number[] {
  expect([bytes[24], bytes[25]]).toEqual([8, 6]); // bit depth 8, colour type RGBA
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.subarray(at + 4, at + 8).toString('latin1') === 'IDAT')
      data.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return [...inflateSync(Buffer.concat(data)).subarray(1, 5)];
}

/** The local calendar day, as the CLI and the Export dialog date a title block. */
function today(): string {
  return titleDate(new Date());
}

describe('cli export: the pictures are the app’s', () => {
  it('writes the SVG renderSvg draws for the same options, to stdout', async () => {
    const { code, stdout, stderr } = await cli(
      'export',
      designPath,
      '--format',
      'svg',
      '--flows',
      'flow-web-internet',
      'flow-transitive',
      '--no-legend',
      '--title',
      'Prod network',
    );
    expect([code, stderr]).toEqual([0, '']);
    const expected = renderSvg(design, {
      flows: ['flow-web-internet', 'flow-transitive'],
      legend: false,
      titleBlock: titleBlockFor(design, today(), 'Prod network'),
      only: [],
    });
    expect(stdout).toBe(expected);
  }, 60_000);

  it('draws only the chosen resources with --only, as renderSvg does', async () => {
    const { code, stdout } = await cli('export', designPath, '--format', 'svg', '--only', 'i-web-a', 'nat-a');
    expect(code).toBe(0);
    expect(stdout).toBe(
      renderSvg(design, { only: ['i-web-a', 'nat-a'], flows: 'none', legend: true, titleBlock: false }),
    );
    expect(stdout).not.toContain('i-app-b');
  }, 60_000);

  it('writes the draw.io file renderDrawio writes, and the design file for json', async () => {
    const [drawio, json] = await Promise.all([
      cli('export', designPath, '--format', 'drawio', '--flows', 'all'),
      cli('export', designPath, '--format', 'json'),
    ]);
    expect(drawio.code).toBe(0);
    expect(drawio.stdout).toBe(renderDrawio(design, { flows: 'all', legend: true, titleBlock: false, only: [] }));
    expect(json.code).toBe(0);
    const read = parseDesignFile(json.stdout);
    expect(read.ok && read.value).toEqual(design);
  }, 60_000);

  // Issue 8 item 5: the animated traffic picture, for a README or a course page; every saved flow unless --flows says.
  it('writes the animated SVG renderAnimatedSvg draws, every saved flow moving by default', async () => {
    const { code, stdout, stderr } = await cli('export', designPath, '--format', 'animated-svg');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(renderAnimatedSvg(design, { flows: 'all', legend: true, titleBlock: false, only: [] }));
    expect(stdout.match(/<animateMotion/g)?.length ?? 0).toBeGreaterThan(design.flows.length);
    expect(stdout).toContain('prefers-reduced-motion');
  }, 60_000);

  it('writes a PNG whose pixel size follows --scale', async () => {
    const svg = renderSvg(design);
    const { width, height } = svgSize(svg);
    const out1 = join(dir, 'x1.png');
    const out2 = join(dir, 'x2.png');
    const [one, two] = await Promise.all([
      cli('export', designPath, '--format', 'png', '--out', out1),
      cli('export', designPath, '--format', 'png', '--out', out2, '--scale', '2'),
    ]);
    expect([one.code, one.stdout, two.code, two.stdout]).toEqual([0, '', 0, '']);
    expect(pngSize(readFileSync(out1))).toEqual({ width: Math.ceil(width), height: Math.ceil(height) });
    expect(pngSize(readFileSync(out2))).toEqual({ width: Math.ceil(width * 2), height: Math.ceil(height * 2) });
  }, 60_000);

  it('leaves an SVG’s and a PNG’s background clear with --background transparent, white by default', async () => {
    const clear = join(dir, 'clear.png');
    const white = join(dir, 'white.png');
    const [a, b, svg] = await Promise.all([
      cli('export', designPath, '--format', 'png', '--out', clear, '--background', 'transparent'),
      cli('export', designPath, '--format', 'png', '--out', white),
      cli('export', designPath, '--format', 'svg', '--background', 'transparent'),
    ]);
    expect([a.code, b.code, svg.code]).toEqual([0, 0, 0]);
    // The top-left pixel (margin, never drawn on) as RGBA.
    expect(cornerPixel(readFileSync(clear))[3]).toBe(0);
    expect(cornerPixel(readFileSync(white))).toEqual([255, 255, 255, 255]);
    expect(svg.stdout).toBe(
      renderSvg(design, { background: 'transparent', legend: true, titleBlock: false, only: [], flows: 'none' }),
    );
    expect(svg.stdout).not.toBe(renderSvg(design, { legend: true, titleBlock: false, only: [], flows: 'none' }));
  }, 60_000);

  it('writes a PDF with its page and its text', async () => {
    const out = join(dir, 'x.pdf');
    const { code } = await cli(
      'export',
      designPath,
      '--format',
      'pdf',
      '--out',
      out,
      '--page',
      'letter',
      '--orientation',
      'portrait',
    );
    expect(code).toBe(0);
    const pdf = readPdf(readFileSync(out));
    expect(pdf.pages).toEqual([{ width: 612, height: 792 }]);
    const text = pdf.text.join('\n');
    for (const words of ['Production', '10.0.0.0/16', 'Public A', '10.0.10.0/24']) expect(text).toContain(words);
  }, 60_000);
});

describe.each(['VPC_VPC_With_Managed_NAT_And_Private_Subnet.yaml', 'EKS_template.yaml'])(
  'cli export of the AWS template %s',
  (file) => {
    const path = join(CORPUS_DIR, file);
    const imported = importDesignTextSync(readFileSync(path, 'utf8'), path);
    if (!imported.ok) throw new Error(imported.error);
    const cidrs = Object.values(imported.design.resources).flatMap((r) =>
      r.kind === 'subnet' ? [r.cidrBlock] : r.kind === 'vpc' ? r.cidrBlocks : [],
    );

    it('draws it as SVG and draw.io, with every subnet’s and VPC’s CIDR', async () => {
      expect(cidrs.length).toBeGreaterThan(1);
      const [svg, drawio] = await Promise.all([
        cli('export', path, '--format', 'svg'),
        cli('export', path, '--format', 'drawio'),
      ]);
      expect([svg.code, drawio.code, svg.stderr, drawio.stderr]).toEqual([0, 0, '', '']);
      expect(svg.stdout).toBe(renderSvg(imported.design));
      for (const cidr of cidrs) {
        expect(svg.stdout).toContain(cidr);
        expect(drawio.stdout).toContain(cidr);
      }
    }, 60_000);
  },
);

describe('cli export: bad input', () => {
  it('exits 2 with one plain line for each thing it cannot use', async () => {
    const garbage = join(dir, 'garbage.json');
    writeFileSync(garbage, '{"this is": "not a design"');
    const cases: [string[], RegExp][] = [
      [['export', designPath], /needs --format/],
      [
        ['export', designPath, '--format', 'gif'],
        /--format must be one of svg, animated-svg, png, pdf, drawio, json, not "gif"/,
      ],
      [
        ['export', designPath, '--format', 'png', '--out', join(dir, 'a.png'), '--background', 'pink'],
        /--background must be white or transparent, not "pink"/,
      ],
      [
        ['export', designPath, '--format', 'pdf', '--out', join(dir, 'a.pdf'), '--background', 'transparent'],
        /--background is for --format svg, animated-svg or png/,
      ],
      [['export', join(dir, 'missing.json'), '--format', 'svg'], /cannot read .*missing\.json: no such file/],
      [['export', garbage, '--format', 'svg'], /./],
      [['export', dir, '--format', 'svg'], /is a directory/],
      [['export', designPath, '--format', 'svg', '--only', 'i-nope'], /--only: nothing drawn has the id "i-nope"/],
      [
        ['export', designPath, '--format', 'png', '--out', join(dir, 'a.png'), '--scale', '0'],
        /--scale must be a positive number, not "0"/,
      ],
      [
        ['export', designPath, '--format', 'png', '--out', join(dir, 'a.png'), '--scale', 'big'],
        /--scale must be a positive number, not "big"/,
      ],
      [
        ['export', designPath, '--format', 'png', '--out', join(dir, 'a.png'), '--scale', '-2'],
        /--scale (must be a positive number|needs a value)/,
      ],
      [['export', designPath, '--format', 'png'], /--format png writes a binary file: give --out FILE/],
      [['export', designPath, '--format', 'pdf'], /--format pdf writes a binary file: give --out FILE/],
      [
        ['export', designPath, '--format', 'svg', '--flows', 'no such flow'],
        /--flows: no saved flow named "no such flow"/,
      ],
      [['export', designPath, '--format', 'svg', '--scale', '2'], /--scale is for --format png/],
      [
        ['export', designPath, '--format', 'svg', '--out', join(dir, 'nowhere', 'x.svg')],
        /cannot write .*: no such directory/,
      ],
      [['export', designPath, '--format', 'json', '--only', 'i-web-a'], /--only draws a picture/],
      [['export', designPath, '--format', 'svg', '--colour'], /unknown option --colour/],
    ];
    // A few at a time: each is a Node start-up, and the machine may be shared.
    const results: Awaited<ReturnType<typeof cli>>[] = [];
    for (let i = 0; i < cases.length; i += 4)
      results.push(...(await Promise.all(cases.slice(i, i + 4).map(([args]) => cli(...args)))));
    results.forEach(({ code, stdout, stderr }, i) => {
      const [args, message] = cases[i]!;
      expect(code, args.join(' ')).toBe(2);
      expect(stdout, args.join(' ')).toBe('');
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr, args.join(' ')).toMatch(/^vpc-designer: /);
      expect(stderr, args.join(' ')).toMatch(message);
      expect(stderr, args.join(' ')).not.toMatch(/\bat .*\.ts:\d+/);
    });
    expect(existsSync(join(dir, 'a.png'))).toBe(false);
  }, 300_000);
});
