/**
 * The diagram as a diagrams.net (draw.io) file: uncompressed `<mxfile>` XML drawn from the one diagram geometry with
 * the AWS 2021+ library's shapes (model/kinds.ts `drawioStyle`). Containers are parent cells — region ⊃ VPC ⊃ AZ ⊃
 * subnet ⊃ resource — with coordinates relative to their parent, so moving a VPC in diagrams.net moves what it holds;
 * connections are edges attached to the cells they join. Each cell carries its resource's id, kind and CIDRs as data
 * (`<object awsId=… cidr=…>`, shown by diagrams.net's Edit Data), and its label shows the name and CIDR or detail.
 * With findings on, each marked box gets the SVG's findings badge, its messages as the badge's tooltip.
 * Pure and deterministic: the same design and options give the same bytes.
 */
import type { Rect } from '../layout/geometry.ts';
import type { DiagramBox, DiagramConnection } from '../layout/diagram.ts';
import { DRAWN_KINDS, drawioStyle, KINDS } from '../model/kinds.ts';
import type { Design } from '../model/types.ts';
import { drawFlows, legPoints, type DrawnFlow } from './flows.ts';
import { resolveDiagramOptions, resolveFlows, type DiagramOptions } from './options.ts';
import { SEVERITY_COLORS } from './drawing.ts';
import { buildScene, iconKindOf, type Marker, type SceneBox } from './scene.ts';
import { esc, wrap } from './xml.ts';

/** Space around the drawing, and the title block's and legend's sizes, in diagram units. */
const MARGIN = 40;
const TITLE_HEIGHT = 64;
const LEGEND = { row: 32, icon: 24, width: 220, pad: 12, header: 28 } as const;
/** A resource's icon: the library's icons are square with their label underneath. */
const ICON = 40;
const CHIP_ICON = 24;

/** The labels are HTML (`html=1` in the library's styles): the text is escaped as HTML, then as XML. */
function htmlLabel(lines: readonly string[]): string {
  return lines
    .filter((l) => l !== '')
    .map((l) => esc(l))
    .join('<br>');
}

/** A cell id: the box's own id (resource ids, `region:…`, `az:…`); 0 and 1 are the model's root and layer. */
function cellId(id: string): string {
  return id === '0' || id === '1' ? `cell-${id}` : id;
}

interface Cell {
  id: string;
  label: string;
  data: Record<string, string | undefined>;
  style: string;
  parent: string;
  geometry: { x: number; y: number; width: number; height: number };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function vertexXml(c: Cell): string {
  const data = Object.entries(c.data)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    // A line break kept as one (an XML parser reads a raw one in an attribute as a space).
    .map(([k, v]) => ` ${k}="${esc(v).replace(/\n/g, '&#10;')}"`)
    .join('');
  const g = c.geometry;
  return (
    `<object label="${esc(c.label)}" id="${esc(c.id)}"${data}>` +
    `<mxCell style="${esc(c.style)}" vertex="1" parent="${esc(c.parent)}">` +
    `<mxGeometry x="${round(g.x)}" y="${round(g.y)}" width="${round(g.width)}" height="${round(g.height)}" as="geometry"/>` +
    `</mxCell></object>`
  );
}

/** The library's plain connector ('AWS / Arrows'), dashed while a peering waits for acceptance and for VPNs. */
function edgeStyle(c: DiagramConnection): string {
  const dashed = c.pending || c.kind === 'vpn' || c.kind === 'endpointRoute';
  return `edgeStyle=orthogonalEdgeStyle;html=1;endArrow=none;elbow=vertical;startArrow=none;strokeColor=#545B64;rounded=0;fontSize=11;${dashed ? 'dashed=1;' : ''}`;
}

function edgeXml(c: DiagramConnection): string {
  const data: Record<string, string | undefined> = { kind: c.kind, awsId: c.resource?.id, status: c.status };
  const attrs = Object.entries(data)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join('');
  const label = htmlLabel([c.name && c.name !== c.resource?.id ? c.name : '', c.label]);
  return (
    `<object label="${esc(label)}" id="${esc(cellId(c.id))}"${attrs}>` +
    `<mxCell style="${esc(edgeStyle(c))}" edge="1" parent="1" source="${esc(cellId(c.source))}" target="${esc(cellId(c.target))}">` +
    `<mxGeometry relative="1" as="geometry"/></mxCell></object>`
  );
}

/** The CIDRs a box's resource has: a VPC's blocks, a subnet's block. */
function cidrOf(box: DiagramBox): string | undefined {
  const r = box.resource;
  if (r?.kind === 'vpc') return r.cidrBlocks.join(', ');
  if (r?.kind === 'subnet') return r.cidrBlock;
  return undefined;
}

/** One box as a cell: containers fill their rectangle; resources are the library's icon with the label below. */
function boxCell({ box, rect }: SceneBox, parent: SceneBox | undefined, offset: { x: number; y: number }): Cell {
  const kind = iconKindOf(box);
  const origin = parent ? parent.rect : { x: -offset.x, y: -offset.y };
  const local: Rect = { x: rect.x - origin.x, y: rect.y - origin.y, width: rect.width, height: rect.height };
  const data = {
    awsId: box.resource?.id,
    kind,
    cidr: cidrOf(box),
    zone: box.type === 'az' || box.type === 'subnet' ? box.zone : undefined,
    region: box.type === 'region' ? box.region : undefined,
    detail: box.type === 'resource' || box.type === 'border' || box.type === 'support' ? box.subtitle : undefined,
  };
  const common = { id: cellId(box.id), data, parent: parent ? cellId(parent.box.id) : '1' };
  const named = box.resource && box.title !== box.resource.id ? [box.title, box.resource.id] : [box.title];
  switch (box.type) {
    case 'region':
    case 'vpc':
    case 'az':
    case 'subnet': {
      // Two lines fit a group's header: "Name (id)" and the CIDR.
      const label = htmlLabel([named.length > 1 ? `${named[0]} (${named[1]})` : named[0]!, box.subtitle]);
      const style = `${drawioStyle(kind, { isPublic: box.isPublic })}${box.type === 'az' ? 'align=left;spacingLeft=10;' : ''}`;
      return { ...common, label, style, geometry: local };
    }
    case 'border':
    case 'support': {
      // A chip on a VPC's border or a strip entry: a small icon with its label to the right.
      const size = Math.min(CHIP_ICON, local.height);
      const style = `${drawioStyle(kind)}labelPosition=right;verticalLabelPosition=middle;align=left;verticalAlign=middle;spacingLeft=4;fontSize=11;`;
      return {
        ...common,
        label: htmlLabel([...named, box.subtitle]),
        style,
        geometry: { x: local.x + 4, y: local.y + (local.height - size) / 2, width: size, height: size },
      };
    }
    case 'resource': {
      const style = `${drawioStyle(kind)}fontSize=11;`;
      return {
        ...common,
        label: htmlLabel([...named, box.subtitle]),
        style,
        geometry: { x: local.x + (local.width - ICON) / 2, y: local.y + 2, width: ICON, height: ICON },
      };
    }
  }
}

/**
 * The design as a `.drawio` file.
 *
 * @example
 * const xml = renderDrawio(exampleDesign(), { legend: false });
 * // '<mxfile host="VPC Designer" …><diagram id="…" name="…"><mxGraphModel …><root><mxCell id="0"/>…'
 */
export function renderDrawio(design: Design, options: DiagramOptions = {}): string {
  const o = resolveDiagramOptions(options);
  // The SVG's scene: the same boxes, the same crop around a selection, the same connections.
  const { boxes, byId, connections, bounds, markers } = buildScene(design, o);
  const top = MARGIN + (o.titleBlock ? TITLE_HEIGHT : 0);
  const offset = { x: MARGIN - bounds.x, y: top - bounds.y };
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];

  if (o.titleBlock) {
    const t = o.titleBlock;
    const label = `<b>${esc(t.title)}</b><br>${esc([t.date, t.regions.join(', ')].filter(Boolean).join(' · '))}`;
    cells.push(
      vertexXml({
        id: 'vpc-designer-title',
        label,
        data: {},
        style: 'text;html=1;align=left;verticalAlign=top;whiteSpace=wrap;fontSize=16;fontColor=#232F3E;spacing=0;',
        parent: '1',
        geometry: { x: MARGIN, y: MARGIN, width: Math.max(bounds.width, 320), height: TITLE_HEIGHT - 16 },
      }),
    );
  }

  for (const b of boxes) {
    const parent = b.box.parentId ? byId.get(b.box.parentId) : undefined;
    cells.push(vertexXml(boxCell(b, parent, offset)));
  }
  for (const c of connections) cells.push(edgeXml(c.connection));
  for (const [id, marker] of markers) {
    const marked = byId.get(id);
    if (marked)
      cells.push(markerXml(marked, marker, offset, marked.box.parentId ? byId.get(marked.box.parentId) : undefined));
  }
  // The chosen flows, traced by the engine as the SVG draws them: one path per flow along its forward hops.
  const scene = { boxes, byId, connections, bounds, markers: new Map<string, Marker>() };
  drawFlows(design, scene, resolveFlows(design, o.flows).flows).forEach((f, i) => {
    const xml = flowXml(f, i, offset, byId);
    if (xml) cells.push(xml);
  });

  if (o.legend)
    cells.push(
      ...legendCells(
        boxes.map((b) => b.box),
        { x: MARGIN + bounds.width + MARGIN, y: top },
      ),
    );

  const pageWidth = Math.ceil(bounds.width + 2 * MARGIN + (o.legend ? LEGEND.width + MARGIN : 0));
  const pageHeight = Math.ceil(bounds.height + top + MARGIN);
  const name = o.titleBlock ? o.titleBlock.title : design.name;
  return (
    `<mxfile host="VPC Designer" type="device">` +
    `<diagram id="vpc-designer" name="${esc(name || 'Diagram')}">` +
    `<mxGraphModel dx="0" dy="0" grid="1" gridSize="8" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="${pageWidth}" pageHeight="${pageHeight}" math="0" shadow="0">` +
    `<root>${cells.join('')}</root></mxGraphModel></diagram></mxfile>\n`
  );
}

/** A findings marker's radius, as the SVG draws it (drawing.ts `drawMarker`). */
const MARKER_RADIUS = 9;

/**
 * A findings marker as the SVG draws it — a circle in the worst severity's colour on the box's top-right corner (a
 * resource's: its icon's), the count in it — as a cell beside the marked box in the same container, so it moves with
 * it; every message is its tooltip and its data (`messages`, one a line).
 */
function markerXml(
  { box, rect }: SceneBox,
  marker: Marker,
  offset: { x: number; y: number },
  parent: SceneBox | undefined,
): string {
  const origin = parent ? parent.rect : { x: -offset.x, y: -offset.y };
  const cx = box.type === 'resource' ? rect.x + rect.width / 2 + ICON / 2 : rect.x + rect.width;
  const cy = box.type === 'resource' ? rect.y + 3 : rect.y;
  const count = marker.messages.length;
  const noun = marker.severity === 'info' ? 'note' : marker.severity;
  const color = SEVERITY_COLORS[marker.severity];
  const tooltip = `${count} ${noun}${count === 1 ? '' : 's'}:\n${marker.messages.join('\n')}`;
  return vertexXml({
    id: `finding:${box.id}`,
    label: marker.severity === 'info' ? 'i' : count > 9 ? '9+' : String(count),
    data: {
      kind: 'finding',
      severity: marker.severity,
      awsId: box.resource?.id,
      tooltip,
      messages: marker.messages.join('\n'),
    },
    style: `ellipse;html=1;aspect=fixed;fillColor=${color};strokeColor=#FFFFFF;strokeWidth=1.5;fontColor=#FFFFFF;fontStyle=1;fontSize=11;align=center;verticalAlign=middle;resizable=0;`,
    parent: parent ? cellId(parent.box.id) : '1',
    geometry: {
      x: cx - origin.x - MARKER_RADIUS,
      y: cy - origin.y - MARKER_RADIUS,
      width: 2 * MARKER_RADIUS,
      height: 2 * MARKER_RADIUS,
    },
  });
}

/**
 * A flow as an edge: leaving its source's cell, through its forward hops (waypoints on the page), to its
 * destination's cell — or, blocked, to the point where the packet stops, its label saying why.
 */
function flowXml(
  f: DrawnFlow,
  index: number,
  offset: { x: number; y: number },
  byId: ReadonlyMap<string, SceneBox>,
): string | undefined {
  if (f.error) return undefined;
  const points = legPoints(f, 'forward').map((p) => ({ x: p.x + offset.x, y: p.y + offset.y }));
  if (points.length < 2) return undefined;
  const source = byId.has(f.flow.from) ? cellId(f.flow.from) : undefined;
  const target = f.reachable && byId.has(f.flow.to) ? cellId(f.flow.to) : undefined;
  // A blocked flow's reason, on lines of a readable width, by the point where it stops.
  const reason = wrap(`Blocked: ${f.blocked?.reason ?? ''}`, 320, 11, 6).map(esc);
  const label = f.reachable ? esc(f.flow.name) : [esc(f.flow.name), ...reason].join('<br>');
  const style = `edgeStyle=none;html=1;rounded=1;endArrow=${f.reachable ? 'block' : 'cross'};endFill=1;strokeWidth=2;strokeColor=${f.color};fontColor=${f.color};fontSize=11;labelBackgroundColor=#FFFFFF;`;
  const point = (p: { x: number; y: number }, as?: string) =>
    `<mxPoint x="${round(p.x)}" y="${round(p.y)}"${as ? ` as="${as}"` : ''}/>`;
  const inner = points.slice(1, -1);
  return (
    `<object label="${esc(label)}" id="${esc(`flow:${f.flow.id}:${index}`)}" kind="flow" flowId="${esc(f.flow.id)}" reachable="${f.reachable ? 1 : 0}">` +
    `<mxCell style="${esc(style)}" edge="1" parent="1"${source ? ` source="${esc(source)}"` : ''}${target ? ` target="${esc(target)}"` : ''}>` +
    `<mxGeometry${f.reachable ? '' : ' x="0.7"'} relative="1" as="geometry">${point(points[0]!, 'sourcePoint')}${point(points.at(-1)!, 'targetPoint')}` +
    `${inner.length ? `<Array as="points">${inner.map((p) => point(p)).join('')}</Array>` : ''}</mxGeometry></mxCell></object>`
  );
}

/** A legend of the kinds drawn (in the kinds' own order): a box holding each kind's icon and its plural label. */
function legendCells(boxes: readonly DiagramBox[], at: { x: number; y: number }): string[] {
  const drawn = new Set(boxes.map(iconKindOf));
  const kinds = DRAWN_KINDS.filter(
    (k) => drawn.has(k) && KINDS[k].drawio.type !== 'group' && KINDS[k].drawio.type !== 'box',
  );
  if (kinds.length === 0) return [];
  const id = 'vpc-designer-legend';
  const out = [
    vertexXml({
      id,
      label: 'Legend',
      data: {},
      style:
        'rounded=0;whiteSpace=wrap;html=1;container=1;collapsible=0;fillColor=#FFFFFF;strokeColor=#879196;verticalAlign=top;align=left;spacingLeft=12;fontStyle=1;fontColor=#232F3E;',
      parent: '1',
      geometry: {
        x: at.x,
        y: at.y,
        width: LEGEND.width,
        height: LEGEND.header + kinds.length * LEGEND.row + LEGEND.pad,
      },
    }),
  ];
  kinds.forEach((kind, i) => {
    out.push(
      vertexXml({
        id: `${id}:${kind}`,
        label: KINDS[kind].plural,
        data: { kind },
        style: `${drawioStyle(kind)}labelPosition=right;verticalLabelPosition=middle;align=left;verticalAlign=middle;spacingLeft=8;fontSize=11;`,
        parent: id,
        geometry: { x: LEGEND.pad, y: LEGEND.header + i * LEGEND.row, width: LEGEND.icon, height: LEGEND.icon },
      }),
    );
  });
  return out;
}
