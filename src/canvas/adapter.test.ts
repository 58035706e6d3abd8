import { describe, expect, it } from 'vitest';
import {
  aDesign,
  anInstance,
  anInternetGateway,
  aPeering,
  aRouteTable,
  aSubnet,
  aVpc,
} from '../engine/model/builders.ts';
import { emptyDesign, exampleDesign, moveNodes, run, type Design, type Finding } from '../engine/index.ts';
import { generateDesign } from '../engine/model/generate.ts';
import { diagramGeometry } from '../engine/layout/diagram.ts';
import { designToFlow, marksFromFindings, reuseUnchanged, type DiagramFlow } from './adapter.ts';
import { CHIP } from './geometry.ts';

function byId(flow: DiagramFlow, id: string) {
  const node = flow.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

function inside(outer: { x: number; y: number; width: number; height: number }, inner: typeof outer) {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

describe('designToFlow on the example design', () => {
  const design = exampleDesign();
  const flow = designToFlow(design);

  it('lists every parent before its children (React Flow needs that order)', () => {
    const seen = new Set<string>();
    for (const node of flow.nodes) {
      if (node.parentId) expect(seen, `${node.id} comes after ${node.parentId}`).toContain(node.parentId);
      seen.add(node.id);
    }
  });

  it('nests region ⊃ VPC ⊃ AZ band ⊃ subnet ⊃ instance', () => {
    // A subnet lives in one Availability Zone: https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html
    expect(byId(flow, 'vpc-prod').parentId).toBe('region:us-east-1');
    expect(byId(flow, 'az:vpc-prod:us-east-1a').parentId).toBe('vpc-prod');
    for (const s of Object.values(design.resources)) {
      if (s.kind === 'subnet') expect(byId(flow, s.id).parentId).toBe(`az:${s.vpcId}:${s.availabilityZone}`);
    }
    expect(byId(flow, 'i-app-a').parentId).toBe('subnet-private-a');
    expect(byId(flow, 'nat-b').parentId).toBe('subnet-public-b');
    expect(byId(flow, 'internet').parentId).toBeUndefined();
  });

  it('draws every container around what it holds', () => {
    for (const p of flow.placed.values()) {
      if (!p.parentId) continue;
      const parent = flow.placed.get(p.parentId)!;
      // Chips straddle the VPC's top border on purpose; everything else is fully inside.
      if (p.type === 'border') continue;
      expect(inside(parent.abs, p.abs), `${p.id} inside ${parent.id}`).toBe(true);
    }
  });

  it('puts the AZ bands side by side as equal-height columns that do not overlap', () => {
    const a = flow.placed.get('az:vpc-prod:us-east-1a')!.abs;
    const b = flow.placed.get('az:vpc-prod:us-east-1b')!.abs;
    expect(a.y).toBe(b.y);
    expect(a.height).toBe(b.height);
    expect(a.x + a.width).toBeLessThanOrEqual(b.x);
  });

  it('keeps VPCs at their page positions although they are drawn inside the region box', () => {
    expect(flow.placed.get('vpc-prod')!.abs).toMatchObject({ x: 80, y: 120 });
    expect(flow.placed.get('vpc-shared')!.abs).toMatchObject({ x: 820, y: 120 });
    const prod = flow.placed.get('vpc-prod')!;
    expect(prod.layoutOrigin.x + byId(flow, 'vpc-prod').position.x).toBe(80);
  });

  it('marks public subnets (route to an internet gateway) and counts usable addresses', () => {
    // https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html: AWS reserves 5 addresses per subnet.
    const pub = byId(flow, 'subnet-public-a');
    const priv = byId(flow, 'subnet-private-a');
    expect(pub.data).toMatchObject({ isPublic: true, usable: 251 });
    expect(priv.data).toMatchObject({ isPublic: false });
  });

  it('sits the internet gateway and the gateway endpoint on the VPC top border, not overlapping', () => {
    const vpc = flow.placed.get('vpc-prod')!.abs;
    const igw = flow.placed.get('igw-prod')!.abs;
    const vpce = flow.placed.get('vpce-s3')!.abs;
    expect(igw.y + CHIP.height / 2).toBe(vpc.y);
    expect(vpce.y + CHIP.height / 2).toBe(vpc.y);
    expect(igw.x + igw.width <= vpce.x || vpce.x + vpce.width <= igw.x).toBe(true);
    expect(vpce.x + vpce.width).toBeLessThanOrEqual(vpc.x + vpc.width);
  });

  it('hides route tables, security groups and NACLs unless asked, then draws them inside their VPC', () => {
    expect(flow.nodes.some((n) => n.id === 'rtb-public')).toBe(false);
    const shown = designToFlow(design, { showSupporting: true });
    const rtb = shown.placed.get('rtb-public')!;
    expect(rtb.parentId).toBe('vpc-prod');
    const vpc = shown.placed.get('vpc-prod')!.abs;
    expect(inside(vpc, rtb.abs)).toBe(true);
    for (const band of ['az:vpc-prod:us-east-1a', 'az:vpc-prod:us-east-1b']) {
      expect(rtb.abs.y).toBeGreaterThanOrEqual(shown.placed.get(band)!.abs.y + shown.placed.get(band)!.abs.height);
    }
    // The S3 endpoint's route tables are linked to it once they are visible.
    expect(shown.edges.some((e) => e.source === 'vpce-s3' && e.target === 'rtb-private-a')).toBe(true);
  });

  it('draws the peering connection as an edge between the two VPCs, labelled with its status', () => {
    const edge = flow.edges.find((e) => e.id === 'pcx-prod-shared')!;
    expect(edge).toMatchObject({ source: 'vpc-prod', target: 'vpc-shared', sourceHandle: 'r', targetHandle: 'l' });
    expect(edge.data).toMatchObject({ kind: 'peering', pending: false });
    expect(edge.data!.label).toContain('active');
  });

  it('never draws elastic IPs or connections as nodes', () => {
    const ids = new Set(flow.nodes.map((n) => n.id));
    expect(ids.has('eip-nat-a')).toBe(false);
    expect(ids.has('pcx-prod-shared')).toBe(false);
  });
});

describe('designToFlow sizing and placement', () => {
  it('grows a subnet to fit an instance placed far to the right, and honours a stored minimum size', () => {
    const d = aDesign(aVpc(), aSubnet(), anInstance());
    d.layout = {
      'vpc-a': { x: 0, y: 0 },
      'subnet-a': { x: 16, y: 40, width: 300, height: 200 },
      'i-a': { x: 500, y: 60 },
    };
    const s = designToFlow(d).placed.get('subnet-a')!.abs;
    expect(s.width).toBeGreaterThanOrEqual(500 + 112);
    expect(s.height).toBe(200);
  });

  it('lays out an imported design without positions so nothing overlaps', () => {
    const d = aDesign(
      aVpc(),
      aSubnet({ id: 's1', cidrBlock: '10.0.1.0/24' }),
      aSubnet({ id: 's2', cidrBlock: '10.0.2.0/24' }),
      anInstance({ id: 'i1', subnetId: 's1' }),
      anInstance({ id: 'i2', subnetId: 's1' }),
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.9.0.0/16'] }),
    );
    const flow = designToFlow(d);
    const overlap = (a: string, b: string) => {
      const x = flow.placed.get(a)!.abs;
      const y = flow.placed.get(b)!.abs;
      return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
    };
    expect(overlap('s1', 's2')).toBe(false);
    expect(overlap('i1', 'i2')).toBe(false);
    expect(overlap('vpc-a', 'vpc-b')).toBe(false);
  });

  it('draws an empty region box for a new design so there is somewhere to drop a VPC', () => {
    const flow = designToFlow(emptyDesign());
    expect(flow.nodes).toHaveLength(1);
    expect(flow.nodes[0]).toMatchObject({ id: 'region:us-east-1', data: { empty: true } });
  });

  it('marks resources defined outside the design (an existing VPC a template names) so they draw dashed', () => {
    const d = aDesign(aVpc({ external: true }), aSubnet(), anInstance());
    const flow = designToFlow(d);
    expect(byId(flow, 'vpc-a').domAttributes).toMatchObject({ 'data-external': 'true' });
    expect(byId(flow, 'subnet-a').domAttributes).not.toHaveProperty('data-external');
  });

  it('keeps a resource whose container is gone on the page instead of dropping it', () => {
    const d = aDesign(anInstance({ subnetId: 'missing' }));
    expect(designToFlow(d).nodes.find((n) => n.id === 'i-a')?.parentId).toBeUndefined();
  });

  it('shows a detached internet gateway in the region rather than on a VPC', () => {
    const d = aDesign(aVpc(), anInternetGateway({ vpcId: undefined }));
    expect(designToFlow(d).placed.get('igw-a')).toMatchObject({ type: 'resource', parentId: 'region:us-east-1' });
  });

  it('dashes a pending peering request', () => {
    const d = aDesign(
      aVpc(),
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }),
      aPeering({ status: 'pending-acceptance' }),
    );
    expect(designToFlow(d).edges[0]!.data).toMatchObject({ pending: true, status: 'pending-acceptance' });
  });
});

describe('findings and selection on the canvas', () => {
  const finding = (severity: Finding['severity'], resources: string[]): Finding => ({
    rule: 'test-rule',
    severity,
    resources,
    message: `${severity} about ${resources[0]}`,
    fix: 'fix it',
    docs: 'https://docs.aws.amazon.com/vpc/',
  });

  it('marks the first resource a finding names with the worst severity, as data and a DOM attribute', () => {
    const marks = marksFromFindings([
      finding('warning', ['subnet-public-a', 'vpc-prod']),
      finding('error', ['subnet-public-a']),
    ]);
    const flow = designToFlow(exampleDesign(), { marks });
    const node = byId(flow, 'subnet-public-a');
    expect(node.data).toMatchObject({ severity: 'error' });
    expect((node.data as { findings?: string }).findings).toContain('warning about subnet-public-a');
    expect((node.domAttributes as Record<string, string>)['data-severity']).toBe('error');
    expect(byId(flow, 'vpc-prod').data).not.toHaveProperty('severity', 'warning');
  });

  it('selects the nodes and edges the store selects', () => {
    const flow = designToFlow(exampleDesign(), { selection: new Set(['i-web-a', 'pcx-prod-shared']) });
    expect(byId(flow, 'i-web-a').selected).toBe(true);
    expect(byId(flow, 'i-web-b').selected).toBe(false);
    expect(flow.edges.find((e) => e.id === 'pcx-prod-shared')!.selected).toBe(true);
  });
});

it('gives every node its size as measured, so React Flow renders it measured from the start', () => {
  for (const node of designToFlow(exampleDesign()).nodes) {
    expect(node.measured).toEqual({ width: node.width, height: node.height });
    expect(node.width).toBeGreaterThan(0);
  }
});

describe('reuseUnchanged', () => {
  it('keeps the objects of nodes an edit did not touch, so only the moved node re-renders', () => {
    const before: Design = exampleDesign();
    const after = run(before, moveNodes({ 'i-app-b': { x: 40, y: 56 } })).design;
    const first = designToFlow(before);
    const second = reuseUnchanged(first, designToFlow(after));
    const changed = second.nodes.filter((n) => !first.nodes.includes(n)).map((n) => n.id);
    expect(changed).toEqual(['i-app-b']);
  });

  it('returns the very same arrays when nothing changed', () => {
    const design = exampleDesign();
    const first = designToFlow(design);
    const second = reuseUnchanged(first, designToFlow(design));
    expect(second.nodes).toBe(first.nodes);
    expect(second.edges).toBe(first.edges);
  });

  it('re-creates a node whose finding changed', () => {
    const design = exampleDesign();
    const first = designToFlow(design);
    const marks = new Map([['i-web-a', { severity: 'warning' as const, findings: 'x' }]]);
    const second = reuseUnchanged(first, designToFlow(design, { marks }));
    expect(second.nodes.filter((n) => !first.nodes.includes(n)).map((n) => n.id)).toEqual(['i-web-a']);
  });
});

it('leaves other resources alone when a route table is added but hidden', () => {
  const d = aDesign(aVpc(), aRouteTable());
  expect(designToFlow(d).nodes.map((n) => n.type)).toEqual(['region', 'vpc', 'az', 'az']);
});

describe('designToFlow translates the engine geometry', () => {
  const designs: [string, Design][] = [
    ['the example design', exampleDesign()],
    ['a generated design', generateDesign({ vpcs: 3, subnetsPerVpc: 4, instancesPerSubnet: 4 })],
  ];
  for (const [name, design] of designs) {
    for (const showSupporting of [false, true]) {
      it(`places every node at its box's page position minus its parent's (${name}, supports ${showSupporting ? 'shown' : 'hidden'})`, () => {
        const geometry = diagramGeometry(design, { showSupporting });
        const flow = designToFlow(design, { showSupporting });
        expect(flow.nodes.map((n) => n.id)).toEqual(geometry.boxes.map((b) => b.id));
        const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
        // Where React Flow draws each node: its position plus every ancestor's.
        const drawnAt = (id: string): { x: number; y: number } => {
          const n = nodes.get(id)!;
          const up = n.parentId ? drawnAt(n.parentId) : { x: 0, y: 0 };
          return { x: up.x + n.position.x, y: up.y + n.position.y };
        };
        for (const box of geometry.boxes) {
          const node = nodes.get(box.id)!;
          expect(node.parentId, box.id).toBe(box.parentId);
          expect(drawnAt(box.id), box.id).toEqual({ x: box.abs.x, y: box.abs.y });
          expect([node.width, node.height], box.id).toEqual([box.abs.width, box.abs.height]);
        }
        expect(flow.edges.map((e) => [e.id, e.source, e.target, e.sourceHandle, e.targetHandle])).toEqual(
          geometry.connections.map((c) => [c.id, c.source, c.target, c.sourceSide, c.targetSide]),
        );
      });
    }
  }
});
