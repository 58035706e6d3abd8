/**
 * The design as an SVG picture, drawn from the one diagram geometry (layout/diagram.ts) — never a screenshot:
 * text is text (selectable, searchable), each kind's icon is one `<symbol>` placed with `<use>`, fonts are the
 * system's Arial / Helvetica stack, nothing is referenced outside the file, and the same input always gives the
 * same bytes. The export dialog, the CLI, PNG and PDF all start from this picture.
 */
import { boundsOf, type Rect } from '../layout/geometry.ts';
import { DRAWN_KINDS, KINDS, type DrawnKind } from '../model/kinds.ts';
import type { Design } from '../model/types.ts';
import type { Severity } from '../rules/types.ts';
import {
  drawBox,
  drawConnection,
  drawMarker,
  GROUP_LEGEND,
  iconSymbols,
  SEVERITY_COLORS,
  STYLE,
  placeIcon,
} from './drawing.ts';
import {
  drawBlocked,
  drawFlowPaths,
  drawFlows,
  drawOutside,
  flowExtents,
  flowMarkerDefs,
  FLOW_STYLE,
  placeCallouts,
  type DrawnFlow,
} from './flows.ts';
import { resolveDiagramOptions, resolveFlows, type DiagramOptions, type ResolvedDiagramOptions } from './options.ts';
import { buildScene, iconKindOf, type Scene } from './scene.ts';
import { el, esc, num, wrap } from './xml.ts';

const MARGIN = 32;
const TITLE_HEIGHT = 72;
const LEGEND_COLUMN = 210;
const LEGEND_ROW = 26;

/** What a picture adds on top of the diagram: the animated SVG's packets, say. */
export interface SvgLayers {
  /** Markup over the flows' still paths, and rules for the stylesheet. */
  flows?: (flows: readonly DrawnFlow[]) => { markup: string; style: string };
  /** The `<desc>` line's last words. */
  kind?: string;
}

interface LegendEntry {
  draw: (x: number, y: number) => string;
  label: string;
}

function legendEntries(scene: Scene, kinds: readonly DrawnKind[]): LegendEntry[] {
  const types = new Set(scene.boxes.map((b) => b.box.type));
  const subnets = scene.boxes.filter((b) => b.box.type === 'subnet');
  const swatch = (cls: string) => (x: number, y: number) =>
    el('rect', { x, y: y + 2, width: 22, height: 16, class: cls });
  const out: LegendEntry[] = [];
  if (types.has('region')) out.push({ draw: swatch('g rg'), label: GROUP_LEGEND.region });
  if (types.has('vpc')) out.push({ draw: swatch('g vp'), label: GROUP_LEGEND.vpc });
  if (types.has('az')) out.push({ draw: swatch('g az'), label: GROUP_LEGEND.az });
  if (subnets.some((s) => s.box.isPublic)) out.push({ draw: swatch('sp'), label: GROUP_LEGEND.publicSubnet });
  if (subnets.some((s) => !s.box.isPublic)) out.push({ draw: swatch('sv'), label: GROUP_LEGEND.privateSubnet });
  for (const kind of kinds) {
    if (kind === 'region' || kind === 'subnet' || kind === 'availabilityZone' || kind === 'vpc') continue;
    out.push({ draw: (x, y) => placeIcon(kind, x + 1, y, 20), label: kindLabel(kind) });
  }
  const edges = new Map(scene.connections.map((c) => [c.connection.kind, c]));
  const line = (cls: string) => (x: number, y: number) => el('path', { d: `M${x} ${y + 10}h22`, class: cls });
  if (edges.has('peering')) out.push({ draw: line('e ep'), label: 'Peering connection' });
  if (edges.has('vpn')) out.push({ draw: line('e ev'), label: 'VPN connection' });
  if (edges.has('directConnect')) out.push({ draw: line('e ex'), label: 'Direct Connect association' });
  if (edges.has('endpointRoute')) out.push({ draw: line('e er'), label: 'Gateway endpoint route' });
  const severities = new Set([...scene.markers.values()].map((m) => m.severity));
  for (const s of ['error', 'warning', 'info'] as const satisfies Severity[]) {
    if (!severities.has(s)) continue;
    const label = s === 'error' ? 'Finding: error' : s === 'warning' ? 'Finding: warning' : 'Finding: note';
    out.push({ draw: (x, y) => el('circle', { cx: x + 11, cy: y + 10, r: 8, fill: SEVERITY_COLORS[s] }), label });
  }
  return out;
}

function kindLabel(kind: DrawnKind): string {
  return kind === 'vpcEndpoint' ? 'VPC endpoint' : (DRAWN_LABELS.get(kind) ?? kind);
}

const DRAWN_LABELS = new Map(DRAWN_KINDS.map((k) => [k, KINDS[k].label]));

/** The legend under the drawing: groups, icons, lines and markers drawn, then each flow and how it ends. */
function drawLegend(
  entries: LegendEntry[],
  flows: readonly DrawnFlow[],
  x: number,
  y: number,
  width: number,
): { markup: string; height: number } {
  if (entries.length === 0 && flows.length === 0) return { markup: '', height: 0 };
  const columns = Math.max(1, Math.floor(width / LEGEND_COLUMN));
  let out = el('text', { x, y: y + 14, class: 'lh' }, 'Legend');
  let cy = y + 26;
  entries.forEach((e, i) => {
    const ex = x + (i % columns) * LEGEND_COLUMN;
    const ey = cy + Math.floor(i / columns) * LEGEND_ROW;
    out += e.draw(ex, ey) + el('text', { x: ex + 30, y: ey + 15, class: 'lg' }, esc(e.label));
  });
  cy += Math.ceil(entries.length / columns) * LEGEND_ROW;
  if (flows.length > 0) {
    cy += 8;
    out += el('text', { x, y: cy + 14, class: 'lh' }, 'Traffic flows');
    cy += 26;
    for (const f of flows) {
      const how = f.error
        ? `Not traced: ${f.error}`
        : f.reachable
          ? 'Reaches its destination; replies come back (dashed).'
          : `Blocked: ${f.blocked?.reason ?? ''}`;
      out += el('path', { d: `M${x} ${cy + 10}h22`, class: 'fp', stroke: f.color });
      if (!f.reachable) out += el('circle', { cx: x + 22, cy: cy + 10, r: 5, class: 'xb' });
      const lines = wrap(how, width - 40, 11.5, 3);
      out += el('text', { x: x + 30, y: cy + 15, class: 'lg lf' }, esc(f.flow.name));
      lines.forEach((l, i) => (out += el('text', { x: x + 30, y: cy + 31 + i * 15, class: 'lg' }, esc(l))));
      cy += 22 + lines.length * 15;
    }
  }
  return { markup: el('g', { class: 'legend' }, out), height: cy - y };
}

function drawTitle(options: ResolvedDiagramOptions, x: number, y: number): string {
  const t = options.titleBlock;
  if (!t) return '';
  const sub = [
    t.date,
    t.regions.length ? `${t.regions.length === 1 ? 'Region' : 'Regions'}: ${t.regions.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('  ·  ');
  return el(
    'g',
    { class: 'title' },
    el('text', { x, y: y + 24, class: 'tt' }, esc(t.title)) + el('text', { x, y: y + 46, class: 'ts' }, esc(sub)),
  );
}

/** A summary for `<desc>`: what is drawn. */
function describe(design: Design, scene: Scene, flows: readonly DrawnFlow[], kind: string): string {
  const counts = new Map<string, number>();
  for (const b of scene.boxes)
    if (b.box.resource) counts.set(b.box.resource.kind, (counts.get(b.box.resource.kind) ?? 0) + 1);
  const parts = [...counts].map(
    ([k, n]) => `${n} ${n === 1 ? KINDS[k as DrawnKind].word : KINDS[k as DrawnKind].words}`,
  );
  const blocked = flows.filter((f) => !f.reachable).length;
  const flowText = flows.length
    ? `; ${flows.length} traffic flow${flows.length === 1 ? '' : 's'}${blocked ? `, ${blocked} blocked` : ''}`
    : '';
  return `${kind} of the AWS network design "${design.name}": ${parts.join(', ') || 'nothing drawn'}${flowText}. Made with VPC Designer.`;
}

/** The SVG document around a diagram, shared by the still and the animated picture. */
export function composeSvg(design: Design, options: DiagramOptions = {}, layers: SvgLayers = {}): string {
  const o = resolveDiagramOptions(options);
  const scene = buildScene(design, o);
  const chosen = resolveFlows(design, o.flows).flows;
  const flows = drawFlows(design, scene, chosen);

  const kinds = new Set<DrawnKind>();
  for (const b of scene.boxes) if (b.box.type !== 'az' && b.box.type !== 'subnet') kinds.add(iconKindOf(b.box));
  if (scene.boxes.some((b) => b.box.type === 'subnet')) kinds.add('subnet');
  const ordered = DRAWN_KINDS.filter((k) => kinds.has(k));

  // What a callout should not hide: resources, and the headers of groups (their names and CIDRs).
  const obstacles = scene.boxes.map((b) =>
    b.box.type === 'resource' || b.box.type === 'border' || b.box.type === 'support'
      ? b.rect
      : { ...b.rect, height: 40 },
  );
  const callouts = placeCallouts(flows, obstacles);
  const content =
    boundsOf([scene.bounds, ...flowExtents(flows, callouts)].filter((r) => r.width > 0 || r.height > 0)) ??
    scene.bounds;
  const legendEntries_ = o.legend ? legendEntries(scene, ordered) : [];
  const innerWidth = Math.max(content.width, o.legend || o.titleBlock ? 640 : 0);
  const titleHeight = o.titleBlock ? TITLE_HEIGHT : 0;
  const left = content.x;
  const top = content.y - titleHeight;
  const legend = o.legend
    ? drawLegend(legendEntries_, flows, left, content.y + content.height + 32, innerWidth)
    : { markup: '', height: 0 };
  const view: Rect = {
    x: Math.floor(left - MARGIN),
    y: Math.floor(top - MARGIN),
    width: Math.ceil(innerWidth + 2 * MARGIN),
    height: Math.ceil(titleHeight + content.height + (legend.height ? legend.height + 32 : 0) + 2 * MARGIN),
  };

  let body = '';
  if (o.background === 'white')
    body += el('rect', { x: view.x, y: view.y, width: view.width, height: view.height, fill: '#fff' });
  body += drawTitle(o, left, top);
  if (o.titleBlock)
    body += el('path', {
      d: `M${num(left)} ${num(top + 60)}h${num(innerWidth)}`,
      stroke: '#D5DBDB',
      'stroke-width': 1,
    });
  // Groups first (parents before children), then the resources, connections, flows and markers on top.
  const leaves = (t: string) => t === 'resource' || t === 'border' || t === 'support';
  let groups = '';
  let items = '';
  for (const sb of scene.boxes) {
    const markup = el('g', { id: `n-${sb.box.id}`, 'data-kind': iconKindOf(sb.box) }, drawBox(sb));
    if (leaves(sb.box.type)) items += markup;
    else groups += markup;
  }
  body +=
    el('g', { class: 'groups' }, groups) +
    el('g', { class: 'connections' }, scene.connections.map(drawConnection).join('')) +
    el('g', { class: 'resources' }, items);
  let markers = '';
  for (const [id, m] of scene.markers) {
    const sb = scene.byId.get(id)!;
    markers += drawMarker(sb.box, sb.rect, m);
  }
  let extraStyle = '';
  if (flows.length > 0) {
    const paths = flows
      .map((f, i) =>
        el(
          'g',
          { class: 'flow', 'data-flow': f.flow.id },
          el('title', {}, esc(f.flow.name)) + drawFlowPaths(f, `f${i}`),
        ),
      )
      .join('');
    const extra = layers.flows?.(flows);
    extraStyle = extra?.style ?? '';
    body += el(
      'g',
      { class: 'flows' },
      paths + drawOutside(flows) + (extra?.markup ?? '') + flows.map((f) => drawBlocked(f, callouts.get(f))).join(''),
    );
  }
  body += el('g', { class: 'findings' }, markers);
  body += legend.markup;

  const style = STYLE + (flows.length > 0 ? FLOW_STYLE : '') + extraStyle;
  const defs = el('defs', {}, el('style', {}, style) + iconSymbols(ordered) + flowMarkerDefs(flows));
  const title = o.titleBlock ? o.titleBlock.title : design.name;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${view.width}" height="${view.height}" viewBox="${num(view.x)} ${num(view.y)} ${view.width} ${view.height}" role="img">` +
    el('title', {}, esc(title)) +
    el('desc', {}, esc(describe(design, scene, flows, layers.kind ?? 'Diagram'))) +
    defs +
    body +
    '</svg>\n'
  );
}

/**
 * The design as a still SVG picture.
 *
 * @example
 * renderSvg(exampleDesign(), { titleBlock: titleBlockFor(design, '2026-12-08'), flows: 'all' })
 * // '<svg xmlns="http://www.w3.org/2000/svg" … viewBox="…"><title>Example</title><desc>Diagram of …</desc>…'
 */
export function renderSvg(design: Design, options: DiagramOptions = {}): string {
  return composeSvg(design, options);
}
