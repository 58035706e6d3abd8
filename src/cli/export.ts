/**
 * `export <file> --format svg|animated-svg|png|pdf|drawio|json [--out F] [--flows all|none|NAME…] [--only ID…] [--scale N]
 *  [--title T] [--no-legend] [--background white|transparent] [--page a4|letter|fit] [--orientation landscape|portrait]
 *  [--param Name=Value …]`
 *
 * Draws a design file or CloudFormation template with the same engine functions the app's Export dialog calls
 * (renderSvg, renderDrawio; the PDF from that SVG with svgToPdf, the PNG with resvg), so the pictures are the app's.
 * `animated-svg` is the SVG with the chosen flows' packets moving hop by hop (renderAnimatedSvg; every saved flow
 * unless --flows says otherwise), still under prefers-reduced-motion.
 * `json` writes the design file (a template becomes a design the app opens). Text formats (svg, animated-svg, drawio, json) go to
 * stdout without --out; binary formats (png, pdf) need --out. Exit 0 when written, 2 when the input or an option
 * cannot be used (one line on stderr).
 */
import { writeFile } from 'node:fs/promises';
import { renderDrawio } from '../engine/export/drawio.ts';
import {
  hasBackgroundChoice,
  resolveFlows,
  titleBlockFor,
  titleDate,
  type DiagramOptions,
} from '../engine/export/options.ts';
import { serializeDesign } from '../engine/io/designFile.ts';
import { diagramGeometry } from '../engine/layout/diagram.ts';
import type { Design } from '../engine/model/types.ts';
import { fail, loadInput, parseArgs, parseParams, resolveInputPath, type ArgSpec } from './cli.ts';

export const FORMATS = ['svg', 'animated-svg', 'png', 'pdf', 'drawio', 'json'] as const;
export type ExportFormat = (typeof FORMATS)[number];
const BINARY: ReadonlySet<ExportFormat> = new Set(['png', 'pdf']);

const USAGE =
  'export <file> --format svg|animated-svg|png|pdf|drawio|json [--out F] [--flows all|none|NAME…] [--only ID…] [--scale N] [--title T] [--no-legend] [--background white|transparent] [--page a4|letter|fit] [--orientation landscape|portrait]';
const SPEC: ArgSpec = {
  values: ['format', 'out', 'scale', 'title', 'region', 'page', 'orientation', 'background'],
  flags: ['no-legend'],
  repeated: ['param'],
  multi: ['flows', 'only'],
};
/** The options that shape a picture (not the design file). */
const PICTURE_ONLY = ['flows', 'only', 'scale', 'title', 'no-legend', 'page', 'orientation', 'background'] as const;

/** The most a PNG may be scaled: resvg allocates the whole bitmap, and 8× of a large design is already ~1 GB. */
const MAX_SCALE = 8;

export interface ExportRequest {
  format: ExportFormat;
  options: DiagramOptions;
  scale: number;
  page: { size: 'a4' | 'letter' | 'fit'; orientation: 'landscape' | 'portrait' };
}

/** The date a title block shows (`titleDate`: the local calendar day, as the Export dialog writes it). */
function today(now = new Date()): string {
  return titleDate(now);
}

/** Turns the parsed options into an export request, or one line saying what is wrong. */
export function exportRequest(
  design: Design,
  values: Record<string, string | undefined>,
  flags: Record<string, boolean>,
  lists: Record<string, string[]>,
): { ok: true; request: ExportRequest } | { ok: false; error: string } {
  const format = values.format as ExportFormat;
  if (format === 'json') {
    const given = PICTURE_ONLY.filter((o) => values[o] !== undefined || flags[o] || lists[o]);
    if (given.length > 0)
      return { ok: false, error: `--${given[0]} draws a picture; --format json writes the design file as it is` };
  }
  let scale = 1;
  if (values.scale !== undefined) {
    if (format !== 'png')
      return { ok: false, error: `--scale is for --format png (the ${format} is a vector drawing)` };
    scale = Number(values.scale);
    if (!/^\d*\.?\d+$/.test(values.scale) || !(scale > 0))
      return { ok: false, error: `--scale must be a positive number, not "${values.scale}"` };
    if (scale > MAX_SCALE) return { ok: false, error: `--scale must be at most ${MAX_SCALE}, not ${values.scale}` };
  }
  const size = values.page ?? 'a4';
  if (size !== 'a4' && size !== 'letter' && size !== 'fit')
    return { ok: false, error: `--page must be a4, letter or fit, not "${size}"` };
  const orientation = values.orientation ?? 'landscape';
  if (orientation !== 'landscape' && orientation !== 'portrait')
    return { ok: false, error: `--orientation must be landscape or portrait, not "${orientation}"` };
  if ((values.page !== undefined || values.orientation !== undefined) && format !== 'pdf')
    return { ok: false, error: `--${values.page !== undefined ? 'page' : 'orientation'} is for --format pdf` };

  // As the Export dialog offers it (hasBackgroundChoice): a clear background for SVG, animated SVG and PNG only.
  const background = values.background ?? 'white';
  if (background !== 'white' && background !== 'transparent')
    return { ok: false, error: `--background must be white or transparent, not "${background}"` };
  if (values.background !== undefined && !hasBackgroundChoice(format))
    return { ok: false, error: `--background is for --format svg, animated-svg or png` };

  // --flows all | none | NAME… (names or ids of the design's saved flows).
  const flowArgs = lists.flows ?? [];
  // An animation of no flow would be a still picture: animated-svg draws every saved flow unless told otherwise.
  let flows: DiagramOptions['flows'] = format === 'animated-svg' ? 'all' : 'none';
  if (flowArgs.length === 1 && (flowArgs[0] === 'all' || flowArgs[0] === 'none')) flows = flowArgs[0];
  else if (flowArgs.length > 0) {
    const { unknown } = resolveFlows(design, flowArgs);
    if (unknown.length > 0) {
      const known = design.flows.map((f) => f.name);
      return {
        ok: false,
        error: `--flows: no saved flow named "${unknown[0]}" (${known.length ? `the design has ${known.map((n) => `"${n}"`).join(', ')}` : 'the design has no saved flows'})`,
      };
    }
    flows = flowArgs;
  }

  const only = lists.only ?? [];
  if (only.length > 0) {
    const drawn = diagramGeometry(design).byId;
    const missing = only.find((id) => !drawn.has(id));
    if (missing !== undefined) return { ok: false, error: `--only: nothing drawn has the id "${missing}"` };
  }

  return {
    ok: true,
    request: {
      format,
      scale,
      page: { size, orientation },
      options: {
        only,
        flows,
        legend: !flags['no-legend'],
        background,
        titleBlock: values.title !== undefined ? titleBlockFor(design, today(), values.title, only) : false,
      },
    },
  };
}

/**
 * The exported file's content: text for svg, drawio and json, bytes for png and pdf.
 *
 * @example await exportDesign(design, { format: 'svg', options: { legend: false }, scale: 1, page: { size: 'a4', orientation: 'landscape' } })
 */
export async function exportDesign(design: Design, request: ExportRequest): Promise<string | Uint8Array> {
  switch (request.format) {
    case 'json':
      return serializeDesign(design);
    case 'drawio':
      return renderDrawio(design, request.options);
    case 'svg':
      return (await import('../engine/export/svg.ts')).renderSvg(design, request.options);
    case 'animated-svg':
      return (await import('../engine/export/animatedSvg.ts')).renderAnimatedSvg(design, request.options);
    case 'png': {
      const svg = (await import('../engine/export/svg.ts')).renderSvg(design, request.options);
      return (await import('./png.ts')).svgToPng(svg, request.scale);
    }
    case 'pdf': {
      const svg = (await import('../engine/export/svg.ts')).renderSvg(design, request.options);
      return (await import('../export/pdf.ts')).svgToPdf(svg, request.page);
    }
  }
}

export async function exportCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, SPEC, USAGE);
  if (!parsed.ok) return fail(parsed.error);
  const { file, values, flags, lists } = parsed;
  if (values.format === undefined) return fail(`export needs --format ${FORMATS.join('|')}`);
  if (!(FORMATS as readonly string[]).includes(values.format))
    return fail(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const format = values.format as ExportFormat;
  if (BINARY.has(format) && values.out === undefined)
    return fail(`--format ${format} writes a binary file: give --out FILE`);
  const params = parseParams(lists.param);
  if (!params.ok) return fail(params.error);
  const input = await loadInput(file, { region: values.region, parameters: params.parameters });
  if (!input.ok) return fail(input.error);
  const request = exportRequest(input.design, values, flags, lists);
  if (!request.ok) return fail(request.error);
  const content = await exportDesign(input.design, request.request);
  if (values.out === undefined) {
    process.stdout.write(content);
    return 0;
  }
  try {
    await writeFile(resolveInputPath(values.out), content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such directory'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : 'it cannot be written';
    return fail(`cannot write ${values.out}: ${why}`);
  }
  return 0;
}
