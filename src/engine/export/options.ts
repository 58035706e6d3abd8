/**
 * What an exported diagram shows: the options every exporter (SVG, animated SVG, PNG, PDF, draw.io), the export
 * dialog and the CLI share. Pure data; the caller (dialog or CLI) supplies anything that depends on the clock.
 */
import { diagramGeometry } from '../layout/diagram.ts';
import type { Design, Flow } from '../model/types';
import { cropGeometry } from './crop.ts';

export interface DiagramTitleBlock {
  title: string;
  /** Written as given (the caller supplies it, so a render is deterministic). */
  date: string;
  regions: readonly string[];
}

export interface DiagramOptions {
  /** Resource ids (the selection): draw these and the containers around them, cropped to them. Empty: everything. */
  only?: readonly string[];
  /** A title block (design name, date, regions), or none. Default none (the engine has no clock). */
  titleBlock?: DiagramTitleBlock | false;
  /** A legend of the kinds drawn. Default true. */
  legend?: boolean;
  /** Names or ids of the design's saved flows (design.flows) to draw. Default 'none'. */
  flows?: readonly string[] | 'all' | 'none';
  /** Findings markers from the engine's rules. Default true. */
  findings?: boolean;
  /** Default 'white'. */
  background?: 'white' | 'transparent';
  /** Route tables, security groups and network ACLs drawn too. Default false. */
  showSupporting?: boolean;
}

export type ResolvedDiagramOptions = Required<DiagramOptions>;

export const DEFAULT_DIAGRAM_OPTIONS: ResolvedDiagramOptions = {
  only: [],
  titleBlock: false,
  legend: true,
  flows: 'none',
  findings: true,
  background: 'white',
  showSupporting: false,
};

/** The options with every default filled in (an `undefined` value counts as absent). */
export function resolveDiagramOptions(options: DiagramOptions = {}): ResolvedDiagramOptions {
  const out = { ...DEFAULT_DIAGRAM_OPTIONS };
  for (const key of Object.keys(options) as (keyof DiagramOptions)[]) {
    const value = options[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The date a title block shows: the local calendar day of `now`, `2026-12-08` (the Export dialog and the CLI alike). */
export function titleDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The title block for a design as the dialog and the CLI make it: its name (or `title`), the date, the regions
 * drawn — of the whole design, the regions its resources are in (the design's home region when none says); of a
 * selection (`only`, as DiagramOptions has it), the regions of what is drawn of it, none when nothing drawn is in
 * a region.
 *
 * @example titleBlockFor(design, '2026-12-08', undefined, ['i-web-a']) // { title: design.name, date, regions: ['us-east-1'] }
 */
export function titleBlockFor(
  design: Design,
  date: string,
  title?: string,
  only: readonly string[] = [],
): DiagramTitleBlock {
  const regions = new Set<string>();
  if (only.length > 0) {
    for (const box of cropGeometry(diagramGeometry(design), only).boxes) if (box.region) regions.add(box.region);
    return { title: title ?? design.name, date, regions: [...regions].sort() };
  }
  for (const r of Object.values(design.resources)) {
    if ('region' in r && typeof r.region === 'string' && r.region) regions.add(r.region);
  }
  if (regions.size === 0) regions.add(design.region);
  return { title: title ?? design.name, date, regions: [...regions].sort() };
}

/**
 * The saved flows a `flows` option chooses, in the design's order, and the names or ids that match none
 * (the CLI reports those as bad input).
 */
export function resolveFlows(
  design: Design,
  spec: DiagramOptions['flows'] = 'none',
): { flows: Flow[]; unknown: string[] } {
  if (spec === 'none') return { flows: [], unknown: [] };
  if (spec === 'all') return { flows: [...design.flows], unknown: [] };
  const wanted = new Set(spec);
  const flows = design.flows.filter((f) => wanted.has(f.id) || wanted.has(f.name));
  const unknown = spec.filter((s) => !design.flows.some((f) => f.id === s || f.name === s));
  return { flows, unknown };
}

/**
 * Whether a format's background may be left clear, in the Export dialog and the CLI alike: SVG (still or animated)
 * and PNG; a PDF page is white paper and draw.io has its own canvas.
 */
export function hasBackgroundChoice(format: string): boolean {
  return format === 'svg' || format === 'animated-svg' || format === 'png';
}
