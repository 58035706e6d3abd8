/**
 * The SVG exports read back as XML (strict: any well-formedness error fails): every drawn resource, connection,
 * name and CIDR is in the picture; icons are symbols placed with `<use>`; nothing outside the file is referenced;
 * hostile names stay text; the same design gives the same bytes; `only` crops; chosen flows are drawn with the
 * blocked point and its reason; the 300-resource design stays under 1 MB; the animated picture has one animation
 * per hop and draws still under reduced motion. On the example, a generated design and AWS corpus templates.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { diagramGeometry } from '../layout/diagram.ts';
import { emptyDesign } from '../model/create.ts';
import { exampleDesign } from '../model/example.ts';
import type { Design, RouteTable } from '../model/types.ts';
import { validateDesign } from '../rules/index.ts';
import { stepsOf } from '../traffic/hopPlan.ts';
import { trace } from '../traffic/trace.ts';
import { renderAnimatedSvg } from './animatedSvg.ts';
import { titleBlockFor } from './options.ts';
import { renderSvg } from './svg.ts';
// The benchmark's design (bench/svg.bench.ts): 300 resources and four flows, one of them blocked.
import { svgBenchDesign } from '../../../bench/lib/svgEntry.ts';
import { importCorpusTemplate } from '../../testing/corpus.ts';

// ---- reading the picture back ----------------------------------------------------------------------------------

interface ParsedSvg {
  root: Element;
  all: (tag: string) => Element[];
  byId: (id: string) => Element | undefined;
  /** Every `<text>`'s text (with its `<tspan>`s and `<title>`), one per line. */
  texts: string;
}

function parseSvg(svg: string): ParsedSvg {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => void (level !== 'warning' && errors.push(message)),
  }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  const root = doc.documentElement!;
  expect(root.tagName).toBe('svg');
  const all = (tag: string) => Array.from(root.getElementsByTagName(tag));
  const ids = new Map<string, Element>();
  for (const e of all('*')) {
    const id = e.getAttribute('id');
    if (id) {
      expect(ids.has(id), `duplicate id ${id}`).toBe(false);
      ids.set(id, e);
    }
  }
  return {
    root,
    all,
    byId: (id) => ids.get(id),
    texts: all('text')
      .map((t) => t.textContent ?? '')
      .join('\n'),
  };
}

const imported = importCorpusTemplate;

/** The href of a `<use>` (xlink:href, or SVG 2's href). */
function hrefOf(e: Element): string {
  return e.getAttribute('xlink:href') || e.getAttribute('href') || '';
}

function viewBoxOf(p: ParsedSvg): [number, number, number, number] {
  const [x, y, w, h] = p.root.getAttribute('viewBox')!.split(' ').map(Number);
  return [x!, y!, w!, h!];
}

/** Every resource box, connection, name and CIDR of the geometry is in the picture. */
function expectEverythingDrawn(design: Design, svg: string): ParsedSvg {
  const p = parseSvg(svg);
  const g = diagramGeometry(design);
  for (const box of g.boxes) {
    expect(p.byId(`n-${box.id}`), box.id).toBeDefined();
    expect(p.texts, `title of ${box.id}`).toContain(box.title);
    if (box.subtitle) expect(p.texts, `subtitle of ${box.id}`).toContain(box.subtitle);
  }
  for (const r of Object.values(design.resources)) {
    if (r.kind === 'subnet') expect(p.texts).toContain(r.cidrBlock);
    if (r.kind === 'vpc') for (const cidr of r.cidrBlocks) expect(p.texts).toContain(cidr);
  }
  const drawnConnections = new Set(
    p
      .all('g')
      .map((e) => e.getAttribute('data-connection'))
      .filter(Boolean),
  );
  expect(drawnConnections).toEqual(new Set(g.connections.map((c) => c.id)));
  return p;
}

const DATE = '2026-12-08';

// ---- the still picture --------------------------------------------------------------------------------------------

describe('renderSvg', () => {
  it('draws every resource, connection, name and CIDR of the example, with a title, a description and a size', () => {
    const design = exampleDesign();
    const p = expectEverythingDrawn(design, renderSvg(design, { titleBlock: titleBlockFor(design, DATE) }));
    expect(p.all('title')[0]!.textContent).toBe(design.name);
    expect(p.all('desc')[0]!.textContent).toContain(design.name);
    const [, , w, h] = viewBoxOf(p);
    expect(Number(p.root.getAttribute('width'))).toBe(w);
    expect(Number(p.root.getAttribute('height'))).toBe(h);
    // The title block: name, date, region.
    expect(p.texts).toContain(DATE);
    expect(p.texts).toContain('Region: us-east-1');
    // Subnets say whether they are public, as AWS's group boxes do.
    expect(p.texts).toContain('Public subnet');
    expect(p.texts).toContain('Private subnet');
  });

  it.each([
    'VPC_VPC_With_Managed_NAT_And_Private_Subnet.yaml',
    'Solutions_VPCPeering_templates_VPCPeering-Updates.cfn.yaml',
    'EKS_template.yaml',
  ])('draws everything of the AWS template %s', (file) => {
    const design = imported(file);
    expectEverythingDrawn(design, renderSvg(design, { titleBlock: titleBlockFor(design, DATE) }));
  });

  it('places each icon with <use> of one <symbol> per kind drawn, and the legend names those kinds', () => {
    const design = exampleDesign();
    const p = parseSvg(renderSvg(design));
    const symbols = p.all('symbol').map((s) => s.getAttribute('id')!);
    expect(new Set(symbols).size).toBe(symbols.length);
    const used = new Set(p.all('use').map((u) => hrefOf(u).slice(1)));
    expect(used).toEqual(new Set(symbols)); // every symbol used, every use resolves
    // One symbol per kind: the instances' icon is there once however many instances there are.
    const instances = Object.values(design.resources).filter((r) => r.kind === 'instance').length;
    expect(instances).toBeGreaterThan(1);
    expect(symbols.filter((s) => s === 'i-instance')).toHaveLength(1);
    expect(p.all('use').filter((u) => hrefOf(u) === '#i-instance').length).toBe(instances + 1); // + the legend's
    const legend = p.all('g').find((g) => g.getAttribute('class') === 'legend')!;
    expect(legend.textContent).toContain('EC2 instance');
    expect(legend.textContent).toContain('NAT gateway');
    expect(legend.textContent).not.toContain('Customer gateway');
  });

  it('references nothing outside the file and uses the system font stack', () => {
    for (const svg of [renderSvg(exampleDesign(), { flows: 'all' }), renderAnimatedSvg(exampleDesign())]) {
      const p = parseSvg(svg);
      expect(p.all('image')).toHaveLength(0);
      expect(p.all('script')).toHaveLength(0);
      expect(p.all('foreignObject')).toHaveLength(0);
      for (const e of p.all('*')) {
        for (const a of Array.from(e.attributes)) {
          if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
          expect(a.value, `${e.tagName} ${a.name}`).not.toMatch(/(https?:|\/\/|data:|file:)/i);
          if (/href$/.test(a.name)) expect(a.value).toMatch(/^#/);
        }
      }
      const style = p
        .all('style')
        .map((s) => s.textContent)
        .join('');
      expect(style).not.toMatch(/@import|@font-face|url\(/);
      expect(style).toContain('font-family:Arial, Helvetica, sans-serif');
    }
  });

  it('keeps hostile names as text', () => {
    const hostile = '</text><script>alert(1)</script> & "quotes" \'single\' <b>';
    const design = exampleDesign();
    const vpc = design.resources['vpc-prod']!;
    const instance = design.resources['i-web-a']!;
    design.resources['vpc-prod'] = { ...vpc, name: hostile };
    design.resources['i-web-a'] = { ...instance, name: `${hostile}\u0001` };
    design.name = hostile;
    design.flows = [{ ...design.flows[0]!, name: hostile }];
    const p = parseSvg(renderSvg(design, { titleBlock: titleBlockFor(design, DATE), flows: 'all' }));
    expect(p.all('script')).toHaveLength(0);
    expect(p.all('b')).toHaveLength(0);
    expect(p.texts).toContain(hostile);
    expect(p.all('title')[0]!.textContent).toBe(hostile);
  });

  it('is deterministic: the same design gives the same bytes', () => {
    const a = renderSvg(exampleDesign(), { titleBlock: titleBlockFor(exampleDesign(), DATE), flows: 'all' });
    const b = renderSvg(structuredClone(exampleDesign()), {
      titleBlock: titleBlockFor(exampleDesign(), DATE),
      flows: 'all',
    });
    expect(a).toBe(b);
    expect(renderAnimatedSvg(exampleDesign())).toBe(renderAnimatedSvg(exampleDesign()));
  });

  it('draws only the chosen resources and the containers around them, cropped to them', () => {
    const design = exampleDesign();
    const whole = parseSvg(renderSvg(design, { legend: false }));
    const p = parseSvg(renderSvg(design, { only: ['i-web-a'], legend: false }));
    for (const id of ['i-web-a', 'subnet-public-a', 'az:vpc-prod:us-east-1a', 'vpc-prod', 'region:us-east-1'])
      expect(p.byId(`n-${id}`), id).toBeDefined();
    for (const id of ['i-app-a', 'nat-a', 'subnet-private-a', 'vpc-shared', 'internet', 'pcx-prod-shared'])
      expect(p.byId(`n-${id}`), id).toBeUndefined();
    expect(p.texts).not.toContain('Shared services');
    const [, , w, h] = viewBoxOf(p);
    const [, , ww, wh] = viewBoxOf(whole);
    expect(w * h).toBeLessThan((ww * wh) / 4);
    // The VPC is drawn around its one instance, inside where the whole VPC is.
    const rectOf = (q: ParsedSvg, id: string) => {
      const r = q.byId(`n-${id}`)!.getElementsByTagName('rect')[0]!;
      return {
        x: Number(r.getAttribute('x')),
        y: Number(r.getAttribute('y')),
        width: Number(r.getAttribute('width')),
        height: Number(r.getAttribute('height')),
      };
    };
    const cropped = rectOf(p, 'vpc-prod');
    const full = rectOf(whole, 'vpc-prod');
    expect(cropped.width).toBeLessThan(full.width);
    expect(cropped.x).toBeGreaterThanOrEqual(full.x);
    expect(cropped.x + cropped.width).toBeLessThanOrEqual(full.x + full.width);
  });

  it('marks findings from the rules, with their messages, and leaves them off when asked', () => {
    const design = exampleDesign();
    const findings = validateDesign(design);
    expect(findings.length).toBeGreaterThan(0);
    const p = parseSvg(renderSvg(design));
    const badges = p.all('g').filter((g) => g.getAttribute('class') === 'fb');
    expect(badges.length).toBeGreaterThan(0);
    const titles = badges.map((b) => b.getElementsByTagName('title')[0]!.textContent).join('\n');
    for (const f of findings) expect(titles).toContain(f.message);
    const off = parseSvg(renderSvg(design, { findings: false }));
    expect(off.all('g').filter((g) => g.getAttribute('class') === 'fb')).toHaveLength(0);
  });

  it('draws the chosen flows hop by hop, a blocked one with its red mark and reason', () => {
    const design = exampleDesign();
    const p = parseSvg(renderSvg(design, { flows: 'all' }));
    const flows = p.all('g').filter((g) => g.getAttribute('class') === 'flow');
    expect(flows.map((f) => f.getAttribute('data-flow'))).toEqual(design.flows.map((f) => f.id));
    for (const flow of design.flows) {
      const outcome = trace(design, flow);
      if (!outcome.ok) throw new Error(outcome.error);
      const blocked = p.all('g').find((g) => g.getAttribute('data-blocked') === flow.id);
      if (outcome.result.reachable) {
        expect(blocked, flow.name).toBeUndefined();
        // Forward and return legs, each through more than one point.
        const g = flows.find((f) => f.getAttribute('data-flow') === flow.id)!;
        const paths = Array.from(g.getElementsByTagName('path'));
        expect(paths).toHaveLength(2);
        for (const path of paths) expect(path.getAttribute('d')!.split('L').length).toBeGreaterThan(2);
      } else {
        expect(blocked, flow.name).toBeDefined();
        expect(blocked!.getElementsByTagName('circle')[0]!.getAttribute('class')).toBe('xb');
        // The reason is the engine's explanation, as text (wrapped across lines).
        const words = blocked!.textContent!.replace(/\s+/g, ' ');
        expect(words).toContain(outcome.result.explanations[0]!.message.split(' ').slice(0, 8).join(' '));
      }
    }
    expect(p.texts).toContain('Traffic flows');
    // No flows chosen: none drawn.
    expect(
      parseSvg(renderSvg(design))
        .all('g')
        .filter((g) => g.getAttribute('class') === 'flow'),
    ).toHaveLength(0);
  });

  it('marks where a flow stops when a route is removed: at the route table, with the missing-route reason', () => {
    const design = exampleDesign();
    const rtb = design.resources['rtb-public'] as RouteTable;
    design.resources['rtb-public'] = { ...rtb, routes: [] };
    const outcome = trace(design, design.flows[0]!);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.reachable).toBe(false);
    const p = parseSvg(renderSvg(design, { flows: [design.flows[0]!.name] }));
    const blocked = p.all('g').find((g) => g.getAttribute('data-blocked') === design.flows[0]!.id)!;
    expect(blocked).toBeDefined();
    expect(blocked.getElementsByTagName('title')[0]!.textContent).toContain(outcome.result.explanations[0]!.message);
    // The mark sits inside the public subnet, where the route table is consulted (not at the internet).
    const circle = blocked.getElementsByTagName('circle')[0]!;
    const subnet = diagramGeometry(design).byId.get('subnet-public-a')!.abs;
    const x = Number(circle.getAttribute('cx'));
    const y = Number(circle.getAttribute('cy'));
    expect(x).toBeGreaterThanOrEqual(subnet.x);
    expect(x).toBeLessThanOrEqual(subnet.x + subnet.width);
    expect(y).toBeGreaterThanOrEqual(subnet.y);
    expect(y).toBeLessThanOrEqual(subnet.y + subnet.height);
  });

  it('draws an empty design and a flow whose endpoint is gone without failing, saying why the flow is not drawn', () => {
    const empty = parseSvg(
      renderSvg(emptyDesign({ name: 'Nothing yet' }), {
        titleBlock: { title: 'Nothing yet', date: DATE, regions: [] },
      }),
    );
    expect(empty.all('title')[0]!.textContent).toBe('Nothing yet');
    const design = exampleDesign();
    design.flows = [
      { id: 'gone', name: 'to a removed instance', from: 'i-web-a', to: 'i-removed', protocol: 'tcp', port: 443 },
    ];
    const outcome = trace(design, design.flows[0]!);
    expect(outcome.ok).toBe(false);
    const p = parseSvg(renderSvg(design, { flows: 'all' }));
    expect(p.texts).toContain(`Not traced: ${outcome.ok ? '' : outcome.error}`);
    expect(parseSvg(renderAnimatedSvg(design)).all('animateMotion')).toHaveLength(0);
  });

  it('keeps the 300-resource benchmark design under 1 MB, with its flows', () => {
    const design = svgBenchDesign();
    expect(Object.keys(design.resources)).toHaveLength(300);
    const svg = renderSvg(design, { titleBlock: titleBlockFor(design, DATE), flows: 'all' });
    expect(new TextEncoder().encode(svg).length).toBeLessThan(1_000_000);
    expectEverythingDrawn(design, svg);
  });
});

// ---- the animated picture ----------------------------------------------------------------------------------------

describe('renderAnimatedSvg', () => {
  it.each([
    ['the example', exampleDesign()],
    ['the 300-resource benchmark design', svgBenchDesign()],
  ])('moves a packet along every hop of every flow of %s: one animation per hop', (_, design) => {
    const p = parseSvg(renderAnimatedSvg(design));
    const motions = p.all('animateMotion');
    let hops = 0;
    for (const flow of design.flows) {
      const outcome = trace(design, flow);
      if (!outcome.ok) throw new Error(outcome.error);
      hops += stepsOf(outcome.result).length;
    }
    expect(hops).toBeGreaterThan(design.flows.length * 2);
    expect(motions).toHaveLength(hops);
    // Each hop starts when the one before ends; each flow's first starts at 0 and again after its last.
    for (const m of motions) {
      const begin = m.getAttribute('begin')!;
      expect(begin).toMatch(/^(0s;p\d+[fr]\d+\.end\+[\d.]+s|p\d+[fr]\d+\.end)$/);
      for (const ref of begin.matchAll(/(p\d+[fr]\d+)\.end/g)) expect(p.byId(ref[1]!)?.tagName).toBe('animateMotion');
    }
  });

  it('brings the reply back for a flow that succeeds and stops a blocked packet at its blocker, reason shown', () => {
    const design = exampleDesign();
    const p = parseSvg(renderAnimatedSvg(design));
    const circles = p.all('circle');
    design.flows.forEach((flow) => {
      const outcome = trace(design, flow);
      if (!outcome.ok) throw new Error(outcome.error);
      const packet = circles.find((c) => c.getAttribute('data-packet') === flow.id);
      expect(packet, flow.name).toBeDefined();
      const reply = circles.find((c) => c.getAttribute('data-reply') === flow.id);
      if (outcome.result.reachable) {
        expect(reply, flow.name).toBeDefined();
        expect(reply!.getElementsByTagName('animateMotion')).toHaveLength(outcome.result.return.length);
      } else {
        const blocked = p.all('g').find((g) => g.getAttribute('data-blocked') === flow.id)!;
        const mark = blocked.getElementsByTagName('circle')[0]!;
        const moves = Array.from((reply ?? packet)!.getElementsByTagName('animateMotion'));
        const end = /L(-?[\d.]+) (-?[\d.]+)$/.exec(moves.at(-1)!.getAttribute('path')!)!;
        const offset = reply ? 4 : 0;
        expect(Number(end[1]) - offset).toBeCloseTo(Number(mark.getAttribute('cx')), 0);
        expect(Number(end[2]) - offset).toBeCloseTo(Number(mark.getAttribute('cy')), 0);
        expect(blocked.textContent).toContain('Blocked here');
      }
    });
  });

  it('draws the paths still under prefers-reduced-motion: the packets are hidden, the paths stay', () => {
    const p = parseSvg(renderAnimatedSvg(exampleDesign()));
    const style = p.all('style')[0]!.textContent!;
    const rule = /@media \(prefers-reduced-motion: reduce\)\{([^}]*)\}/.exec(style);
    expect(rule).not.toBeNull();
    expect(rule![1]).toMatch(/\.pk[^{]*\{display:none/);
    // The still paths are drawn whatever the preference (they carry no packet class).
    const paths = p.all('path').filter((e) => /\bfp\b/.test(e.getAttribute('class') ?? ''));
    expect(paths.length).toBeGreaterThanOrEqual(exampleDesign().flows.length);
    // Packets start hidden, so a renderer without animation shows the still picture.
    for (const c of p.all('circle').filter((e) => e.getAttribute('data-packet') || e.getAttribute('data-reply'))) {
      expect(c.getAttribute('visibility')).toBe('hidden');
      expect(/\b(pk|pr)\b/.test(c.getAttribute('class')!)).toBe(true);
    }
  });
});
