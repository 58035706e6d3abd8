/**
 * The pieces of an exported diagram as SVG markup: the icons as `<symbol>`s, the group boxes in AWS's
 * architecture-diagram styles (https://aws.amazon.com/architecture/icons/, "Groups": region, VPC, Availability
 * Zone, public and private subnet, each with its icon in the top-left corner), resources as their icon with the
 * name and detail under it, connections with their labels, findings badges, the title block and the legend.
 * Colours come from the kinds' one definition (model/kinds.ts); everything else is a class of one `<style>`.
 */
import type { DiagramBox } from '../layout/diagram.ts';
import type { Rect } from '../layout/geometry.ts';
import { AWS_COLORS, GROUP_BOXES, ICON_CORNER, ICON_GRID, KINDS, kindIcon, type DrawnKind } from '../model/kinds.ts';
import { kindLabelOf } from '../model/inspection.ts';
import type { Severity } from '../rules/types.ts';
import { iconKindOf, type Marker, type SceneBox, type SceneConnection } from './scene.ts';
import { el, esc, num, textWidth } from './xml.ts';

export const FONT = 'Arial, Helvetica, sans-serif';
export const SEVERITY_COLORS: Record<Severity, string> = { error: '#D13212', warning: '#E07700', info: '#0972D3' };
const INK = '#232F3E';
const MUTED = '#545B64';

/** The one stylesheet: the classes every element uses instead of repeated attributes. */
export const STYLE = [
  `text{font-family:${FONT};fill:${INK}}`,
  `.n{font-size:11.5px;font-weight:700;text-anchor:middle}`,
  `.d{font-size:10px;fill:${MUTED};text-anchor:middle}`,
  `.h{font-size:13px;font-weight:700}`,
  `.c{font-size:11px;fill:${MUTED}}`,
  `.cn{font-size:11px;font-weight:700}`,
  `.ck{font-size:9.5px;fill:${MUTED}}`,
  `.g{fill:none;stroke-width:2}`,
  `.rg{stroke:${GROUP_BOXES.region.stroke};stroke-dasharray:8 5}`,
  `.vp{stroke:${GROUP_BOXES.vpc.stroke}}`,
  `.az{stroke:${GROUP_BOXES.availabilityZone.stroke};stroke-width:1.5;stroke-dasharray:6 4}`,
  `.sp{stroke:${GROUP_BOXES.publicSubnet.stroke};fill:${GROUP_BOXES.publicSubnet.fill};stroke-width:1.5}`,
  `.sv{stroke:${GROUP_BOXES.privateSubnet.stroke};fill:${GROUP_BOXES.privateSubnet.fill};stroke-width:1.5}`,
  `.ip{color:${GROUP_BOXES.publicSubnet.stroke}}`,
  `.iv{color:${GROUP_BOXES.privateSubnet.stroke}}`,
  `.tp{fill:${GROUP_BOXES.publicSubnet.stroke}}`,
  `.tv{fill:${GROUP_BOXES.privateSubnet.stroke}}`,
  `.rl{font-size:13px;font-weight:700;fill:${AWS_COLORS.region}}`,
  `.al{font-size:11.5px;font-weight:700;fill:${AWS_COLORS.availabilityZone};text-anchor:middle}`,
  `.pl{font-size:11px;font-weight:700;text-anchor:end}`,
  `.ch{fill:#fff;stroke:${AWS_COLORS.networking};stroke-width:1.5}`,
  `.su{fill:#fff;stroke:#B4A2E8}`,
  `.e{fill:none;stroke-width:2}`,
  `.ep{stroke:${AWS_COLORS.networking}}`,
  `.ev{stroke:${AWS_COLORS.general}}`,
  `.ex{stroke:${AWS_COLORS.general};stroke-dasharray:2 4}`,
  `.er{stroke:#A27DFF;stroke-width:1.25;stroke-dasharray:2 3}`,
  `.eq{stroke-dasharray:8 5}`,
  `.el{fill:#fff;stroke-width:1}`,
  `.lt{font-size:10.5px;text-anchor:middle}`,
  `.fb text{font-size:11px;font-weight:700;fill:#fff;text-anchor:middle}`,
  `.tt{font-size:22px;font-weight:700}`,
  `.ts{font-size:12.5px;fill:${MUTED}}`,
  `.lg{font-size:11.5px}`,
  `.lf{font-weight:700}`,
  `.lh{font-size:12px;font-weight:700;fill:${MUTED}}`,
].join('');

/** Icons as symbols, one per kind drawn: the tile in the kind's colour (a subnet's follows `color`), the pictogram. */
export function iconSymbols(kinds: Iterable<DrawnKind>): string {
  let out = '';
  for (const kind of kinds) {
    const icon = kindIcon(kind);
    const tile = kind === 'subnet' ? 'currentColor' : icon.color;
    let body = el('rect', { width: ICON_GRID, height: ICON_GRID, rx: ICON_CORNER, fill: tile });
    for (const e of icon.elements) body += el(e.tag, e.attrs, e.text === undefined ? undefined : esc(e.text));
    out += el('symbol', { id: `i-${kind}`, viewBox: `0 0 ${ICON_GRID} ${ICON_GRID}` }, body);
  }
  return out;
}

/** A `<use>` of a kind's icon at (x, y), `size` wide. */
export function placeIcon(kind: DrawnKind, x: number, y: number, size: number, cls?: string): string {
  return el('use', { 'xlink:href': `#i-${kind}`, x, y, width: size, height: size, class: cls });
}

/**
 * Text that fits `width`: written whole, squeezed by `textLength` when a little too long, cut with an ellipsis
 * (the whole text in its `<title>`) when much too long.
 */
export function fitText(
  text: string,
  a: Record<string, string | number>,
  width: number,
  fontSize: number,
  bold = false,
): string {
  const wanted = textWidth(text, fontSize, bold);
  if (wanted <= width) return el('text', a, esc(text));
  if (wanted * 0.78 <= width)
    return el('text', { ...a, textLength: Math.floor(width), lengthAdjust: 'spacingAndGlyphs' }, esc(text));
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, fontSize, bold) * 0.85 > width) cut = cut.slice(0, -1);
  return el(
    'text',
    { ...a, textLength: Math.floor(width), lengthAdjust: 'spacingAndGlyphs' },
    `${esc(cut)}…${el('title', {}, esc(text))}`,
  );
}

function groupRect(r: Rect, cls: string): string {
  return el('rect', { x: r.x, y: r.y, width: r.width, height: r.height, class: cls });
}

/** One drawn box: a group (region, VPC, AZ band, subnet) or a resource (leaf, border chip, supporting strip). */
export function drawBox(sb: SceneBox): string {
  const { box, rect: r } = sb;
  switch (box.type) {
    case 'region':
      return (
        groupRect(r, 'g rg') +
        placeIcon('region', r.x, r.y, 32) +
        fitText(`Region ${box.title}`, { x: r.x + 40, y: r.y + 21, class: 'rl' }, r.width - 48, 13, true)
      );
    case 'vpc':
      return (
        groupRect(r, 'g vp') +
        placeIcon('vpc', r.x, r.y, 32) +
        fitText(box.title, { x: r.x + 40, y: r.y + 15, class: 'h' }, r.width - 48, 13, true) +
        fitText(box.subtitle, { x: r.x + 40, y: r.y + 30, class: 'c' }, r.width - 48, 11)
      );
    case 'az':
      return (
        groupRect(r, 'g az') +
        fitText(
          `Availability Zone ${box.title}`,
          { x: r.x + r.width / 2, y: r.y + 20, class: 'al' },
          r.width - 16,
          11.5,
          true,
        )
      );
    case 'subnet': {
      const pub = box.isPublic === true;
      const tag = pub ? 'Public subnet' : 'Private subnet';
      const tagWidth = textWidth(tag, 11, true);
      return (
        groupRect(r, pub ? 'sp' : 'sv') +
        placeIcon('subnet', r.x, r.y, 26, pub ? 'ip' : 'iv') +
        fitText(box.title, { x: r.x + 34, y: r.y + 16, class: 'h' }, r.width - 46 - tagWidth, 13, true) +
        el('text', { x: r.x + r.width - 8, y: r.y + 16, class: `pl ${pub ? 'tp' : 'tv'}` }, tag) +
        fitText(box.subtitle, { x: r.x + 34, y: r.y + 31, class: 'c' }, r.width - 42, 11)
      );
    }
    case 'border':
    case 'support': {
      const chip = box.type === 'border';
      const size = chip ? 24 : 20;
      const pad = (r.height - size) / 2;
      const second = chip ? [kindLabelOf(box.resource!), box.subtitle].filter(Boolean).join(' · ') : box.subtitle;
      const tx = r.x + pad + size + 6;
      const tw = r.x + r.width - 6 - tx;
      return (
        el('rect', { x: r.x, y: r.y, width: r.width, height: r.height, rx: 6, class: chip ? 'ch' : 'su' }) +
        placeIcon(iconKindOf(box), r.x + pad, r.y + pad, size) +
        fitText(box.title, { x: tx, y: r.y + r.height / 2 - 2, class: 'cn' }, tw, 11, true) +
        fitText(second, { x: tx, y: r.y + r.height / 2 + 10, class: 'ck' }, tw, 9.5)
      );
    }
    case 'resource': {
      const cx = r.x + r.width / 2;
      return (
        placeIcon(iconKindOf(box), cx - 18, r.y + 2, 36) +
        fitText(box.title, { x: cx, y: r.y + 52, class: 'n' }, r.width + 8, 11.5, true) +
        (box.subtitle ? fitText(box.subtitle, { x: cx, y: r.y + 65, class: 'd' }, r.width + 8, 10) : '')
      );
    }
  }
}

/** The findings badge on a box's top-right corner: the worst severity's colour, every message in its `<title>`. */
export function drawMarker(box: DiagramBox, r: Rect, marker: Marker): string {
  const x = box.type === 'resource' ? r.x + r.width / 2 + 18 : r.x + r.width;
  const y = box.type === 'resource' ? r.y + 3 : r.y;
  const count = marker.messages.length;
  return el(
    'g',
    { class: 'fb', 'data-severity': marker.severity },
    el(
      'title',
      {},
      esc(
        `${count} ${marker.severity === 'info' ? 'note' : marker.severity}${count === 1 ? '' : 's'}:\n${marker.messages.join('\n')}`,
      ),
    ) +
      el('circle', {
        cx: x,
        cy: y,
        r: 9,
        fill: SEVERITY_COLORS[marker.severity],
        stroke: '#fff',
        'stroke-width': 1.5,
      }) +
      el('text', { x, y: y + 4 }, marker.severity === 'info' ? 'i' : count > 9 ? '9+' : String(count)),
  );
}

const EDGE_CLASS = { peering: 'ep', vpn: 'ev', directConnect: 'ex', endpointRoute: 'er' } as const;

/** The cubic curve a connection is drawn with (leaving and entering its boxes square to their sides). */
function curve(c: SceneConnection): { d: string; mid: { x: number; y: number } } {
  const { from: a, to: b } = c;
  const push = (side: string, p: { x: number; y: number }, d: number) =>
    side === 'r'
      ? { x: p.x + d, y: p.y }
      : side === 'l'
        ? { x: p.x - d, y: p.y }
        : side === 'b'
          ? { x: p.x, y: p.y + d }
          : { x: p.x, y: p.y - d };
  const horizontal = c.connection.sourceSide === 'l' || c.connection.sourceSide === 'r';
  const d = Math.max(30, Math.abs(horizontal ? b.x - a.x : b.y - a.y) / 2);
  const p1 = push(c.connection.sourceSide, a, d);
  const p2 = push(c.connection.targetSide, b, d);
  const mid = { x: (a.x + 3 * p1.x + 3 * p2.x + b.x) / 8, y: (a.y + 3 * p1.y + 3 * p2.y + b.y) / 8 };
  return {
    d: `M${num(a.x)} ${num(a.y)}C${num(p1.x)} ${num(p1.y)} ${num(p2.x)} ${num(p2.y)} ${num(b.x)} ${num(b.y)}`,
    mid,
  };
}

export function drawConnection(c: SceneConnection): string {
  const k = c.connection;
  const { d, mid } = curve(c);
  const cls = `e ${EDGE_CLASS[k.kind]}${k.pending ? ' eq' : ''}`;
  const w = textWidth(k.label, 10.5) + 14;
  const stroke = k.kind === 'peering' ? AWS_COLORS.networking : AWS_COLORS.general;
  return el(
    'g',
    { 'data-connection': k.id },
    el('title', {}, esc(k.name ? `${k.name}: ${k.label}` : k.label)) +
      el('path', { d, class: cls }) +
      el('rect', { x: mid.x - w / 2, y: mid.y - 9, width: w, height: 18, rx: 9, class: 'el', stroke }) +
      el('text', { x: mid.x, y: mid.y + 3.5, class: 'lt' }, esc(k.label)),
  );
}

/** Words for the legend's group swatches. */
export const GROUP_LEGEND = {
  region: KINDS.region.label,
  vpc: KINDS.vpc.label,
  az: KINDS.availabilityZone.label,
  publicSubnet: 'Public subnet',
  privateSubnet: 'Private subnet',
} as const;
