/**
 * The draw.io export read back as XML: one cell per box of the geometry, nested region > VPC > AZ > subnet >
 * resource through `parent`, coordinates relative to the parent, the library's group icons and colours
 * (Sidebar-AWS4.js, 'AWS / Groups'), every resource id, name and CIDR in labels and data, edges attached to their
 * cells. On the example, a generated design and AWS templates from the corpus.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { diagramGeometry } from '../layout/diagram.ts';
import { exampleDesign } from '../model/example.ts';
import { generateDesign } from '../model/generate.ts';
import type { Design } from '../model/types.ts';
import { validateDesign } from '../rules/index.ts';
import { SEVERITY_COLORS } from './drawing.ts';
import { renderDrawio } from './drawio.ts';
import { resolveDiagramOptions } from './options.ts';
import { buildScene } from './scene.ts';
import { esc } from './xml.ts';
import { importCorpusTemplate } from '../../testing/corpus.ts';

const imported = importCorpusTemplate;

interface ParsedCell {
  id: string;
  label: string;
  data: Record<string, string>;
  style: string;
  parent: string;
  vertex: boolean;
  edge: boolean;
  source?: string;
  target?: string;
  geometry?: { x: number; y: number; width: number; height: number };
}

/** Parses the file strictly (any XML error fails) into its cells by id. */
function parse(xml: string): { root: Element; cells: Map<string, ParsedCell> } {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => void (level !== 'warning' && errors.push(message)),
  }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  const root = doc.documentElement!;
  expect(root.tagName).toBe('mxfile');
  const model = root.getElementsByTagName('diagram')[0]!.getElementsByTagName('mxGraphModel')[0]!;
  const cells = new Map<string, ParsedCell>();
  for (const el of Array.from(model.getElementsByTagName('mxCell'))) {
    const wrapper = el.parentNode as Element;
    const holder = wrapper.tagName === 'object' ? wrapper : el;
    const data: Record<string, string> = {};
    if (holder !== el)
      for (const a of Array.from(holder.attributes)) if (a.name !== 'id' && a.name !== 'label') data[a.name] = a.value;
    const g = el.getElementsByTagName('mxGeometry')[0];
    const id = holder.getAttribute('id')!;
    expect(cells.has(id), `duplicate cell id ${id}`).toBe(false);
    cells.set(id, {
      id,
      label: holder.getAttribute('label') ?? el.getAttribute('value') ?? '',
      data,
      style: el.getAttribute('style') ?? '',
      parent: el.getAttribute('parent') ?? '',
      vertex: el.getAttribute('vertex') === '1',
      edge: el.getAttribute('edge') === '1',
      source: el.getAttribute('source') ?? undefined,
      target: el.getAttribute('target') ?? undefined,
      geometry:
        g && g.getAttribute('relative') !== '1'
          ? {
              x: Number(g.getAttribute('x')),
              y: Number(g.getAttribute('y')),
              width: Number(g.getAttribute('width')),
              height: Number(g.getAttribute('height')),
            }
          : undefined,
    });
  }
  return { root, cells };
}

/** A cell's page position: its geometry plus its parents'. */
function absolute(cells: Map<string, ParsedCell>, id: string): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let c = cells.get(id); c?.geometry; c = cells.get(c.parent)) {
    x += c.geometry.x;
    y += c.geometry.y;
  }
  return { x, y };
}

const style = (s: string) =>
  new Map(
    s
      .split(';')
      .filter(Boolean)
      .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const),
  );

const DESIGNS: [string, () => Design][] = [
  ['the example design', exampleDesign],
  ['a generated design', () => generateDesign({ vpcs: 3, subnetsPerVpc: 4, instancesPerSubnet: 3 })],
  ['the VPC peering template', () => imported('Solutions_VPCPeering_templates_VPCPeering-Updates.cfn.yaml')],
  ['the managed NAT template', () => imported('VPC_VPC_With_Managed_NAT_And_Private_Subnet.yaml')],
  ['the EKS template', () => imported('EKS_template.yaml')],
];

describe.each(DESIGNS)('renderDrawio on %s', (_, make) => {
  const design = make();
  const geometry = diagramGeometry(design);
  const xml = renderDrawio(design, { legend: false });
  const { cells } = parse(xml);

  it('has the root and layer cells, then one cell per box, nested as the geometry nests them', () => {
    expect(cells.get('0')?.parent).toBe('');
    expect(cells.get('1')?.parent).toBe('0');
    // (and the findings badges: see 'renderDrawio findings')
    const vertices = [...cells.values()].filter((c) => c.vertex && c.data.kind !== 'finding');
    expect(vertices.length).toBe(geometry.boxes.length);
    for (const box of geometry.boxes) {
      const cell = cells.get(box.id);
      expect(cell, box.id).toBeDefined();
      expect(cell!.parent, box.id).toBe(box.parentId ?? '1');
    }
    // region > VPC > AZ > subnet > resource, by the cells' kinds along the parent chain.
    const chainOf = (id: string) => {
      const kinds: string[] = [];
      for (let c = cells.get(id); c && c.id !== '1'; c = cells.get(c.parent)) kinds.unshift(c.data.kind!);
      return kinds;
    };
    for (const box of geometry.boxes.filter(
      (b) => b.type === 'resource' && b.parentId && geometry.byId.get(b.parentId)!.type === 'subnet',
    )) {
      expect(chainOf(box.id).slice(0, 4), box.id).toEqual(['region', 'vpc', 'availabilityZone', 'subnet']);
    }
  });

  it('places containers relative to their parent, so moving a VPC moves what it holds', () => {
    const { bounds } = geometry;
    for (const box of geometry.boxes.filter(
      (b) => b.type !== 'resource' && b.type !== 'border' && b.type !== 'support',
    )) {
      const cell = cells.get(box.id)!;
      const parent = box.parentId ? geometry.byId.get(box.parentId)!.abs : { x: bounds.x - 40, y: bounds.y - 40 };
      expect(cell.geometry, box.id).toEqual({
        x: box.abs.x - parent.x,
        y: box.abs.y - parent.y,
        width: box.abs.width,
        height: box.abs.height,
      });
      // And the page position, summed up the chain, is the geometry's (shifted by the margin).
      expect(absolute(cells, box.id)).toEqual({ x: box.abs.x - bounds.x + 40, y: box.abs.y - bounds.y + 40 });
    }
  });

  it('keeps every resource icon inside its container cell', () => {
    for (const box of geometry.boxes.filter((b) => b.type === 'resource' && b.parentId)) {
      const cell = cells.get(box.id)!;
      const parent = cells.get(cell.parent)!;
      expect(cell.geometry!.x, box.id).toBeGreaterThanOrEqual(0);
      expect(cell.geometry!.y, box.id).toBeGreaterThanOrEqual(0);
      expect(cell.geometry!.x + cell.geometry!.width, box.id).toBeLessThanOrEqual(parent.geometry!.width);
      expect(cell.geometry!.y + cell.geometry!.height, box.id).toBeLessThanOrEqual(parent.geometry!.height);
    }
  });

  it('draws regions, VPCs and subnets with the library’s group boxes and AZs as its dashed box', () => {
    for (const box of geometry.boxes) {
      const s = style(cells.get(box.id)!.style);
      if (box.type === 'region') {
        expect([s.get('shape'), s.get('grIcon'), s.get('strokeColor'), s.get('fontColor'), s.get('dashed')]).toEqual([
          'mxgraph.aws4.group',
          'mxgraph.aws4.group_region',
          '#00A4A6',
          '#147EBA',
          '1',
        ]);
      } else if (box.type === 'vpc') {
        expect([s.get('shape'), s.get('grIcon'), s.get('strokeColor'), s.get('fillColor')]).toEqual([
          'mxgraph.aws4.group',
          'mxgraph.aws4.group_vpc2',
          '#8C4FFF',
          'none',
        ]);
      } else if (box.type === 'subnet') {
        expect([s.get('shape'), s.get('grIcon'), s.get('grStroke')]).toEqual([
          'mxgraph.aws4.group',
          'mxgraph.aws4.group_security_group',
          '0',
        ]);
        expect([s.get('strokeColor'), s.get('fillColor'), s.get('fontColor')], box.id).toEqual(
          box.isPublic ? ['#7AA116', '#F2F6E8', '#248814'] : ['#00A4A6', '#E6F6F7', '#147EBA'],
        );
      } else if (box.type === 'az') {
        expect([s.has('shape'), s.get('strokeColor'), s.get('dashed'), s.get('fillColor')]).toEqual([
          false,
          '#147EBA',
          '1',
          'none',
        ]);
      } else {
        expect(s.get('shape'), box.id).toMatch(/^mxgraph\.aws4\.[a-z0-9_]+$/);
      }
      if (box.type !== 'resource' && box.type !== 'border' && box.type !== 'support')
        expect(s.get('container'), box.id).toBe('1');
    }
  });

  it('writes every resource’s id, name and CIDR into its label and its data', () => {
    for (const box of geometry.boxes) {
      const cell = cells.get(box.id)!;
      expect(cell.label, box.id).toContain(esc(box.title));
      if (box.resource) {
        expect(cell.data.awsId).toBe(box.resource.id);
        expect(cell.label, box.id).toContain(esc(box.resource.id));
      }
      if (box.resource?.kind === 'vpc')
        for (const cidr of box.resource.cidrBlocks)
          expect(
            [cell.label, cell.data.cidr ?? ''].every((t) => t.includes(cidr)),
            box.id,
          ).toBe(true);
      if (box.resource?.kind === 'subnet')
        expect([cell.label, cell.data.cidr]).toEqual([
          expect.stringContaining(box.resource.cidrBlock),
          box.resource.cidrBlock,
        ]);
    }
  });

  it('attaches every connection to the cells it joins', () => {
    const edges = [...cells.values()].filter((c) => c.edge);
    expect(edges.length).toBe(geometry.connections.length);
    for (const c of geometry.connections) {
      const edge = cells.get(c.id)!;
      expect([edge.edge, edge.source, edge.target]).toEqual([true, c.source, c.target]);
      expect(cells.get(edge.source!)?.vertex).toBe(true);
      expect(cells.get(edge.target!)?.vertex).toBe(true);
      if (c.resource) expect(edge.data.awsId).toBe(c.resource.id);
    }
  });
});

describe('renderDrawio options and text', () => {
  it('draws the example’s peering connection as an edge between the two VPC cells', () => {
    const { cells } = parse(renderDrawio(exampleDesign()));
    const peering = [...cells.values()].find((c) => c.edge && c.data.kind === 'peering')!;
    expect([cells.get(peering.source!)!.data.kind, cells.get(peering.target!)!.data.kind]).toEqual(['vpc', 'vpc']);
  });

  it('escapes names that hold XML and HTML, so the file still parses and shows the text as written', () => {
    const design = exampleDesign();
    const vpc = design.resources['vpc-prod']!;
    design.resources['vpc-prod'] = { ...vpc, name: `Prod <"A&B"> 'x'` };
    const { cells } = parse(renderDrawio(design));
    // The label is HTML: the name appears escaped once inside it (diagrams.net shows the characters as written).
    expect(cells.get('vpc-prod')!.label).toContain('Prod &lt;&quot;A&amp;B&quot;&gt; &#39;x&#39;');
  });

  it('adds a legend of the kinds drawn and a title block when asked', () => {
    const design = exampleDesign();
    const { cells } = parse(
      renderDrawio(design, { titleBlock: { title: 'Prod network', date: '2026-12-08', regions: ['us-east-1'] } }),
    );
    const legend = [...cells.values()].filter((c) => c.parent === 'vpc-designer-legend').map((c) => c.label);
    expect(legend).toEqual(expect.arrayContaining(['EC2 instances', 'NAT gateways', 'Internet gateways']));
    expect(cells.get('vpc-designer-title')!.label).toContain('Prod network');
    expect(cells.get('vpc-designer-title')!.label).toContain('2026-12-08');
    const none = parse(renderDrawio(design, { legend: false })).cells;
    expect(none.has('vpc-designer-legend')).toBe(false);
    expect(none.has('vpc-designer-title')).toBe(false);
  });

  it('draws only the chosen resources and the containers around them', () => {
    const design = exampleDesign();
    const web = Object.values(design.resources).find((r) => r.kind === 'instance')!;
    const { cells } = parse(renderDrawio(design, { only: [web.id], legend: false }));
    const ids = [...cells.values()].filter((c) => c.vertex && c.data.kind !== 'finding').map((c) => c.id);
    expect(ids).toEqual(buildScene(design, resolveDiagramOptions({ only: [web.id] })).boxes.map((b) => b.box.id));
    expect(ids).toContain(web.id);
    expect(ids.filter((id) => design.resources[id]?.kind === 'instance')).toEqual([web.id]);
    expect([...cells.values()].filter((c) => c.edge)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(renderDrawio(exampleDesign())).toBe(renderDrawio(exampleDesign()));
  });
});

describe('renderDrawio flows', () => {
  it('draws each chosen flow as a path from its source’s cell, a blocked one ending where it stops with the reason', () => {
    const design = exampleDesign();
    const { cells } = parse(renderDrawio(design, { flows: 'all', legend: false }));
    const flows = [...cells.values()].filter((c) => c.data.kind === 'flow');
    expect(flows.map((c) => c.data.flowId)).toEqual(design.flows.map((f) => f.id));
    for (const c of flows) {
      const flow = design.flows.find((f) => f.id === c.data.flowId)!;
      expect([c.edge, c.source]).toEqual([true, flow.from]);
      expect(c.label).toContain(esc(flow.name));
    }
    const blocked = flows.find((c) => c.data.flowId === 'flow-transitive')!;
    expect([blocked.data.reachable, blocked.target]).toEqual(['0', undefined]);
    expect(blocked.label).toContain('Blocked: 10.2.0.10 is not an address of');
    const out = flows.find((c) => c.data.flowId === 'flow-web-internet')!;
    expect([out.data.reachable, out.target]).toEqual(['1', 'internet']);
    expect(parse(renderDrawio(design, { legend: false })).cells.size).toBe(cells.size - flows.length);
  });
});

describe('renderDrawio findings', () => {
  it('marks findings from the rules on the boxes they are about, with their messages, and leaves them off when asked', () => {
    const design = exampleDesign();
    const findings = validateDesign(design);
    expect(findings.length).toBeGreaterThan(0);
    const xml = renderDrawio(design, { legend: false });
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const markers = [...doc.getElementsByTagName('object')].filter((o) => o.getAttribute('kind') === 'finding');
    expect(markers.length).toBeGreaterThan(0);
    const { cells } = parse(xml);
    const messages = markers.map((m) => m.getAttribute('messages')!).join('\n');
    for (const f of findings.filter((f) => f.resources.some((id) => cells.has(id))))
      expect(messages).toContain(f.message);
    for (const m of markers) {
      const cell = cells.get(m.getAttribute('id')!)!;
      expect(cell.vertex).toBe(true);
      expect(m.getAttribute('tooltip')).toContain(m.getAttribute('messages')!.split('\n')[0]!);
      const colour = style(cell.style).get('fillColor');
      expect(colour).toBe(SEVERITY_COLORS[m.getAttribute('severity') as keyof typeof SEVERITY_COLORS]);
      // Beside the box it marks, in the same container: it moves with it.
      const marked = cells.get(m.getAttribute('id')!.slice('finding:'.length))!;
      expect(cell.parent).toBe(marked.parent);
      const at = absolute(cells, cell.id);
      const box = absolute(cells, marked.id);
      expect(Math.abs(at.x - (box.x + marked.geometry!.width - 9))).toBeLessThanOrEqual(1);
      expect(Math.abs(at.y - box.y)).toBeLessThanOrEqual(12);
    }
    const off = renderDrawio(design, { legend: false, findings: false });
    expect(off).not.toContain('kind="finding"');
    expect(parse(off).cells.size).toBe(cells.size - markers.length);
  });
});
