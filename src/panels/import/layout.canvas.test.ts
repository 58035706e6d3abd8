/**
 * Imported layouts drawn through the real canvas adapter: nothing overlaps its siblings, and every position the
 * automatic layout chose is the one drawn (the canvas did not have to clamp or re-place anything). This is also
 * the guard that src/engine/layout/geometry.ts still mirrors src/canvas/geometry.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designToFlow } from '../../canvas/adapter.ts';
import * as canvas from '../../canvas/geometry.ts';
import * as engine from '../../engine/layout/geometry.ts';
import { importDesignTextSync } from '../../engine/io/importSync.ts';
import type { Design } from '../../engine/model/types.ts';

const FIXTURES = join(__dirname, '../../engine/io/cloudformation/fixtures');

function imported(text: string, name: string): Design {
  const r = importDesignTextSync(text, name);
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

/** A template with many VPCs and subnets per tier, some instances, and a peer VPC in another region. */
function bigTemplate(vpcs: number): string {
  const lines = ['Resources:'];
  for (let v = 0; v < vpcs; v++) {
    lines.push(`  Vpc${v}: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.${v}.0.0/16}}`);
    lines.push(
      `  Igw${v}: {Type: AWS::EC2::InternetGateway}`,
      `  Att${v}: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc${v}, InternetGatewayId: !Ref Igw${v}}}`,
    );
    lines.push(`  Rt${v}: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc${v}}}`);
    lines.push(
      `  Def${v}: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt${v}, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw${v}}}`,
    );
    for (let s = 0; s < 2 + (v % 4); s++) {
      const zone = ['a', 'b', 'c'][s % 3];
      lines.push(
        `  S${v}x${s}: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc${v}, CidrBlock: 10.${v}.${s}.0/24, AvailabilityZone: us-east-1${zone}}}`,
      );
      if (s % 2 === 0)
        lines.push(
          `  A${v}x${s}: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref S${v}x${s}, RouteTableId: !Ref Rt${v}}}`,
        );
      for (let i = 0; i < (v + s) % 5; i++)
        lines.push(`  I${v}x${s}x${i}: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref S${v}x${s}}}`);
    }
  }
  lines.push(
    '  Far: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc0, PeerVpcId: vpc-far, PeerRegion: eu-west-1}}',
  );
  lines.push('  Logs: {Type: AWS::S3::Bucket}');
  return lines.join('\n');
}

const designs: Array<[string, Design]> = [
  ...readdirSync(join(FIXTURES, 'corpus'))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f): [string, Design] => [f, imported(readFileSync(join(FIXTURES, 'corpus', f), 'utf8'), f)]),
  ...readdirSync(join(FIXTURES, 'scenarios'))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f): [string, Design] => [f, imported(readFileSync(join(FIXTURES, 'scenarios', f), 'utf8'), f)]),
  ['24 VPCs in two regions', imported(bigTemplate(24), 'big.yaml')],
];

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe.each(designs)('%s, drawn', (_name, design) => {
  it.each([false, true])('has no overlapping siblings (route tables and groups shown: %s)', (showSupporting) => {
    const { placed } = designToFlow(design, { showSupporting });
    const byParent = new Map<
      string,
      Array<{ id: string; abs: { x: number; y: number; width: number; height: number } }>
    >();
    for (const p of placed.values()) {
      const key = p.parentId ?? '(page)';
      const list = byParent.get(key) ?? [];
      list.push(p);
      byParent.set(key, list);
    }
    for (const [parent, siblings] of byParent) {
      for (let i = 0; i < siblings.length; i++) {
        for (let j = i + 1; j < siblings.length; j++) {
          expect(
            overlaps(siblings[i]!.abs, siblings[j]!.abs),
            `${siblings[i]!.id} overlaps ${siblings[j]!.id} in ${parent}`,
          ).toBe(false);
        }
      }
    }
  });

  it('draws every node where the layout put it', () => {
    const { nodes, placed } = designToFlow(design, { showSupporting: true });
    for (const node of nodes) {
      const box = design.layout[node.id];
      if (!box || node.type === 'border') continue;
      const origin = placed.get(node.id)!.layoutOrigin;
      expect({ id: node.id, x: node.position.x + origin.x, y: node.position.y + origin.y }).toEqual({
        id: node.id,
        x: box.x,
        y: box.y,
      });
    }
  });
});

describe('the layout geometry', () => {
  it('is the very geometry the canvas draws with (one source, no copy to drift)', () => {
    for (const key of ['GRID', 'LEAF', 'CHIP', 'SUPPORT', 'SUBNET', 'AZ', 'VPC', 'REGION', 'AUTO_GAP'] as const) {
      expect(canvas[key], key).toBe(engine[key]);
    }
  });

  it('lines subnets of the same tier up across zones (public beside public)', () => {
    const design = designs.find(([n]) => n === 'EKS_template.yaml')![1];
    const ys = (prefix: string) =>
      new Set(
        Object.keys(design.resources)
          .filter((id) => id.startsWith(prefix))
          .map((id) => design.layout[id]!.y),
      );
    expect(ys('PublicSubnet').size).toBe(1);
    expect(ys('PrivateSubnet').size).toBe(1);
    expect([...ys('PublicSubnet')][0]).toBeLessThan([...ys('PrivateSubnet')][0]!);
  });
});
