/**
 * What the Export dialog asks, remembered between visits (localStorage), and how its answers become the engine's
 * `DiagramOptions`. A stored value that is not what this version wrote (edited by hand, from another version,
 * corrupted) is read field by field: every field that does not make sense falls back to its default.
 */
import { hasBackgroundChoice, titleBlockFor, titleDate, type DiagramOptions } from '../../engine/export/options.ts';
import type { Design, ResourceId } from '../../engine/index.ts';

export const EXPORT_CHOICES_KEY = 'vpc-designer:export';

export const FORMATS = ['json', 'svg', 'animated-svg', 'png', 'pdf', 'drawio'] as const;
export type ExportFormat = (typeof FORMATS)[number];
export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];
export const PAGE_SIZES = ['a4', 'letter', 'fit'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];
export const BACKGROUNDS = ['white', 'transparent'] as const;
export type Background = (typeof BACKGROUNDS)[number];

export interface ExportChoices {
  format: ExportFormat;
  /** The whole design, or only the selection and the containers around it. */
  scope: 'all' | 'selection';
  titleBlock: boolean;
  legend: boolean;
  /** The design's saved flows to draw: all, none, or these flow ids. */
  flows: 'all' | 'none' | readonly string[];
  findings: boolean;
  /** Route tables, security groups and NACLs. Not remembered: each export starts as the canvas shows them. */
  showSupporting: boolean;
  scale: PngScale;
  background: Background;
  pageSize: PageSize;
  orientation: Orientation;
}

export const DEFAULT_EXPORT_CHOICES: ExportChoices = {
  format: 'svg',
  scope: 'all',
  titleBlock: true,
  legend: true,
  flows: 'all',
  findings: true,
  showSupporting: false,
  scale: 2,
  background: 'white',
  pageSize: 'a4',
  orientation: 'landscape',
};

function oneOf<T>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function flowsChoice(value: unknown): ExportChoices['flows'] {
  if (value === 'all' || value === 'none') return value;
  if (Array.isArray(value) && value.length <= 1000 && value.every((v) => typeof v === 'string'))
    return value as string[];
  return DEFAULT_EXPORT_CHOICES.flows;
}

/**
 * The choices stored in `text` (as `saveExportChoices` wrote them), every missing or senseless field replaced by its
 * default. Never throws.
 *
 * @example parseExportChoices('{"format":"png","scale":7}') // { ...DEFAULT_EXPORT_CHOICES, format: 'png' }
 */
export function parseExportChoices(text: string | null | undefined): Omit<ExportChoices, 'showSupporting'> {
  let stored: unknown;
  try {
    stored = text ? JSON.parse(text) : undefined;
  } catch {
    stored = undefined;
  }
  const s = (stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? stored : {}) as Record<
    string,
    unknown
  >;
  const d = DEFAULT_EXPORT_CHOICES;
  return {
    format: oneOf(FORMATS, s.format, d.format),
    scope: oneOf(['all', 'selection'] as const, s.scope, d.scope),
    titleBlock: flag(s.titleBlock, d.titleBlock),
    legend: flag(s.legend, d.legend),
    flows: flowsChoice(s.flows),
    findings: flag(s.findings, d.findings),
    scale: oneOf(PNG_SCALES, s.scale, d.scale),
    background: oneOf(BACKGROUNDS, s.background, d.background),
    pageSize: oneOf(PAGE_SIZES, s.pageSize, d.pageSize),
    orientation: oneOf(ORIENTATIONS, s.orientation, d.orientation),
  };
}

/** The last choices made in this browser (defaults when there are none or they cannot be read). */
export function loadExportChoices(showSupporting: boolean): ExportChoices {
  let text: string | null = null;
  try {
    text = globalThis.localStorage?.getItem(EXPORT_CHOICES_KEY) ?? null;
  } catch {
    // Storage refused (privacy mode, a sandboxed frame): the defaults.
  }
  return { ...parseExportChoices(text), showSupporting };
}

export function saveExportChoices(choices: ExportChoices): void {
  const { showSupporting: _notRemembered, ...remembered } = choices;
  try {
    globalThis.localStorage?.setItem(EXPORT_CHOICES_KEY, JSON.stringify(remembered));
  } catch {
    // Storage full or refused: the choices are simply not remembered.
  }
}

/** The flow ids `choices.flows` picks in `design` (ids of flows no longer in the design are dropped). */
export function chosenFlowIds(design: Design, flows: ExportChoices['flows']): string[] {
  if (flows === 'none') return [];
  if (flows === 'all') return design.flows.map((f) => f.id);
  const wanted = new Set(flows);
  return design.flows.filter((f) => wanted.has(f.id)).map((f) => f.id);
}

/** The selection's resources that are in the design (what "Only the selection" draws). */
export function selectedResources(design: Design, selection: readonly ResourceId[]): ResourceId[] {
  return selection.filter((id) => Object.hasOwn(design.resources, id));
}

/** Today's date as the title block shows it (`titleDate`). */
export function todayIso(now = new Date()): string {
  return titleDate(now);
}

/**
 * The engine's drawing options for these choices: the title block gets the design's name, `date` and the regions
 * drawn (of the selection, when that is drawn; as the CLI makes it: `titleBlockFor`);
 * "the selection" becomes `only` (an empty selection draws the whole design).
 */
export function diagramOptionsOf(
  design: Design,
  choices: ExportChoices,
  selection: readonly ResourceId[],
  date: string,
): DiagramOptions {
  const only = choices.scope === 'selection' ? selectedResources(design, selection) : [];
  const flows = chosenFlowIds(design, choices.flows);
  return {
    ...(only.length > 0 ? { only } : {}),
    titleBlock: choices.titleBlock ? titleBlockFor(design, date, undefined, only) : false,
    legend: choices.legend,
    flows: flows.length === 0 ? 'none' : flows.length === design.flows.length ? 'all' : flows,
    findings: choices.findings,
    // Only SVG and PNG offer a transparent background: a PDF page is white paper, draw.io has its own canvas.
    background: hasBackgroundChoice(choices.format) ? choices.background : 'white',
    showSupporting: choices.showSupporting,
  };
}
