/**
 * The diagram as a diagrams.net (draw.io) file: uncompressed `<mxfile>` XML drawn from the one diagram geometry with
 * the AWS 2021+ library's shapes (model/kinds.ts `drawioStyle`). Containers are parent cells — region ⊃ VPC ⊃ AZ ⊃
 * subnet ⊃ resource — with coordinates relative to their parent, so moving a VPC in diagrams.net moves what it holds;
 * connections are edges attached to the cells they join. Each cell carries its resource's id, kind and CIDRs as data
 * (`<object awsId=… cidr=…>`, shown by diagrams.net's Edit Data), and its label shows the name and CIDR or detail.
 * Pure and deterministic: the same design and options give the same bytes.
 */
import { isNatInstance } from '../model/queries.ts';
import { DRAWN_KINDS, drawioStyle, KINDS, type DrawnKind } from '../model/kinds.ts';
import type { Design } from '../model/types.ts';
import { diagramGeometry, type DiagramBox, type DiagramConnection } from '../layout/diagram.ts';
import { cropGeometry } from './crop.ts';
import { resolveDiagramOptions, type DiagramOptions } from './options.ts';

/** Space around the drawing, and the title block's and legend's sizes, in diagram units. */
const MARGIN = 40;
const TITLE_HEIGHT = 64;
const LEGEND = { row: 32, icon: 24, width: 220, pad: 12, header: 28 } as const;
/** A resource's icon: the library's icons are square with their label underneath. */
const ICON = 40;
const CHIP_ICON = 24;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe inside an XML attribute or element (also drops characters XML 1.0 forbids). */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** The labels are HTML (`html=1` in the library's styles): the text is escaped as HTML, then as XML. */
function htmlLabel(lines: readonly string[]): string {
  return lines
    .filter((l) => l !== '')
    .map((l) => escapeXml(l))
    .join('<br>');
}

/** The kind a box is drawn as. */
function drawnKindOf(box: DiagramBox): DrawnKind {
  switch (box.type) {
    case 'region':
      return 'region';
    case 'az':
      return 'availabilityZone';
    default: {
      const r = box.resource!;
      return isNatInstance(r) ? 'natInstance' : r.kind;
    }
  }
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
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const g = c.geometry;
  return (
    `<object label="${escapeXml(c.label)}" id="${escapeXml(c.id)}"${data}>` +
    `<mxCell style="${escapeXml(c.style)}" vertex="1" parent="${escapeXml(c.parent)}">` +
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
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const label = htmlLabel([c.name && c.name !== c.resource?.id ? c.name : '', c.label]);
  return (
    `<object label="${escapeXml(label)}" id="${escapeXml(cellId(c.id))}"${attrs}>` +
    `<mxCell style="${escapeXml(edgeStyle(c))}" edge="1" parent="1" source="${escapeXml(cellId(c.source))}" target="${escapeXml(cellId(c.target))}">` +
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
function boxCell(box: DiagramBox, parent: DiagramBox | undefined, offset: { x: number; y: number }): Cell {
  const kind = drawnKindOf(box);
  const origin = parent ? parent.abs : { x: -offset.x, y: -offset.y };
  const local = { x: box.abs.x - origin.x, y: box.abs.y - origin.y, width: box.abs.width, height: box.abs.height };
  const data = {
    awsId: box.resource?.id,
    kind,
    cidr: cidrOf(box),
    zone: box.type === 'az' || box.type === 'subnet' ? box.zone : undefined,
    region: box.type === 'region' ? box.region : undefined,
    detail: box.type === 'resource' || box.type === 'border' || box.type === 'support' ? box.subtitle : undefined,
  };
  const common = { id: cellId(box.id), data, parent: parent ? cellId(parent.id) : '1' };
  const named = box.resource && box.title !== box.resource.id ? [box.title, box.resource.id] : [box.title];
  switch (box.type) {
    case 'region':
    case 'vpc':
    case 'az':
    case 'subnet': {
      const label = htmlLabel([...named, box.subtitle]);
      const style = `${drawioStyle(kind, { isPublic: box.isPublic })}${box.type === 'az' ? 'align=left;spacingLeft=10;' : ''}`;
      return { ...common, label, style, geometry: local };
    }
    case 'border':
    case 'support': {
      // A chip on a VPC's border or a strip entry: a small icon with its label to the right.
      const size = Math.min(CHIP_ICON, local.height);
      const style = `${drawioStyle(kind)}labelPosition=right;verticalLabelPosition=middle;align=left;verticalAlign=middle;spacingLeft=4;fontSize=11;`;
      return { ...common, label: htmlLabel([...named, box.subtitle]), style, geometry: { x: local.x + 4, y: local.y + (local.height - size) / 2, width: size, height: size } };
    }
    case 'resource': {
      const style = `${drawioStyle(kind)}fontSize=11;`;
      return { ...common, label: htmlLabel([...named, box.subtitle]), style, geometry: { x: local.x + (local.width - ICON) / 2, y: local.y + 2, width: ICON, height: ICON } };
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
  const geometry = cropGeometry(diagramGeometry(design, { showSupporting: o.showSupporting }), o.only);
  const { boxes, byId, connections, bounds } = geometry;
  const top = MARGIN + (o.titleBlock ? TITLE_HEIGHT : 0);
  const offset = { x: MARGIN - bounds.x, y: top - bounds.y };
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];

  if (o.titleBlock) {
    const t = o.titleBlock;
    const label = `<b>${escapeXml(t.title)}</b><br>${escapeXml([t.date, t.regions.join(', ')].filter(Boolean).join(' · '))}`;
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

  for (const box of boxes) {
    const parent = box.parentId ? byId.get(box.parentId) : undefined;
    cells.push(vertexXml(boxCell(box, parent, offset)));
  }
  for (const c of connections) cells.push(edgeXml(c));

  if (o.legend) cells.push(...legendCells(boxes, { x: MARGIN + bounds.width + MARGIN, y: top }));

  const pageWidth = Math.ceil(bounds.width + 2 * MARGIN + (o.legend ? LEGEND.width + MARGIN : 0));
  const pageHeight = Math.ceil(bounds.height + top + MARGIN);
  const name = o.titleBlock ? o.titleBlock.title : design.name;
  return (
    `<mxfile host="VPC Designer" type="device">` +
    `<diagram id="vpc-designer" name="${escapeXml(name || 'Diagram')}">` +
    `<mxGraphModel dx="0" dy="0" grid="1" gridSize="8" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="${pageWidth}" pageHeight="${pageHeight}" math="0" shadow="0">` +
    `<root>${cells.join('')}</root></mxGraphModel></diagram></mxfile>\n`
  );
}

/** A legend of the kinds drawn (in the kinds' own order): a box holding each kind's icon and its plural label. */
function legendCells(boxes: readonly DiagramBox[], at: { x: number; y: number }): string[] {
  const drawn = new Set(boxes.map(drawnKindOf));
  const kinds = DRAWN_KINDS.filter((k) => drawn.has(k) && KINDS[k].drawio.type !== 'group' && KINDS[k].drawio.type !== 'box');
  if (kinds.length === 0) return [];
  const id = 'vpc-designer-legend';
  const out = [
    vertexXml({
      id,
      label: 'Legend',
      data: {},
      style: 'rounded=0;whiteSpace=wrap;html=1;container=1;collapsible=0;fillColor=#FFFFFF;strokeColor=#879196;verticalAlign=top;align=left;spacingLeft=12;fontStyle=1;fontColor=#232F3E;',
      parent: '1',
      geometry: { x: at.x, y: at.y, width: LEGEND.width, height: LEGEND.header + kinds.length * LEGEND.row + LEGEND.pad },
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
