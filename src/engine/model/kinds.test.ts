import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTE_ITEMS } from '../commands/add.ts';
import { ICON_GLYPHS } from './kindIcons.ts';
import {
  countOf,
  DRAWN_KINDS,
  type DrawnKind,
  drawioStyle,
  isResourceKind,
  KINDS,
  kindColor,
  kindIcon,
} from './kinds.ts';
import { RESOURCE_KINDS } from './types.ts';

/** The diagrams.net AWS 2021+ shape names checked against its sidebar source (the fixture names the file). */
const DRAWIO = JSON.parse(readFileSync(new URL('./fixtures/drawio-aws4-shapes.json', import.meta.url), 'utf8')) as {
  source: string;
  icons: string[];
  resourceIcons: string[];
  groupIcons: string[];
};

describe('kind definitions', () => {
  it('define every model kind and every derived drawn kind, and nothing else', () => {
    expect(new Set(Object.keys(KINDS))).toEqual(
      new Set([...RESOURCE_KINDS, 'region', 'availabilityZone', 'natInstance']),
    );
    expect(new Set(DRAWN_KINDS)).toEqual(new Set(Object.keys(KINDS)));
    expect(new Set(Object.keys(ICON_GLYPHS))).toEqual(new Set(Object.keys(KINDS)));
  });

  it.each(DRAWN_KINDS)('%s has words, a colour, an icon, a diagram role and a draw.io shape', (kind) => {
    const d = KINDS[kind];
    for (const word of [d.label, d.plural, d.word, d.words]) expect(word).toMatch(/^\S.*\S$|^\S$/);
    // A heading starts with a capital; a word inside a sentence only when it is a name (VPC, NAT, S3, Elastic IP …).
    expect(d.label[0]).toBe(d.label[0]!.toUpperCase());
    expect(d.word.toLowerCase()).toBe(d.label.toLowerCase().replace(/^ec2 /, ''));
    expect(kindColor(kind)).toMatch(/^#[0-9A-F]{6}$/);
    const icon = kindIcon(kind);
    expect(icon.elements.length).toBeGreaterThan(0);
    for (const el of icon.elements) {
      expect(['path', 'rect', 'circle', 'ellipse', 'text']).toContain(el.tag);
      expect(Object.keys(el.attrs).length).toBeGreaterThan(0);
      for (const name of Object.keys(el.attrs)) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/); // SVG's own attribute names
    }
    expect(drawioStyle(kind)).toMatch(/(^|;)shape=mxgraph\.aws4\.|strokeColor=#/);
  });

  it.each(RESOURCE_KINDS)('%s has a CloudFormation type name', (kind) => {
    expect(isResourceKind(kind)).toBe(true);
    expect(KINDS[kind].cfnType).toMatch(/^(AWS::\w+::\w+|VPCDesigner::\w+)$/);
  });

  it('draw peering and VPN connections as lines, Elastic IPs not at all, and route tables, groups and ACLs on request', () => {
    const edges = RESOURCE_KINDS.filter((k) => KINDS[k].role === 'edge');
    const properties = RESOURCE_KINDS.filter((k) => KINDS[k].role === 'property');
    const supporting = RESOURCE_KINDS.filter((k) => KINDS[k].role === 'supporting');
    expect(edges).toEqual(['peeringConnection', 'vpnConnection']);
    expect(properties).toEqual(['elasticIp']);
    expect(supporting).toEqual(['routeTable', 'securityGroup', 'networkAcl']);
    expect(
      ['region', 'vpc', 'availabilityZone', 'subnet'].every((k) => KINDS[k as DrawnKind].role === 'container'),
    ).toBe(true);
  });

  it('counts in sentence words, singular and plural', () => {
    expect(countOf('vpc', 1)).toBe('1 VPC');
    expect(countOf('subnet', 3)).toBe('3 subnets');
    expect(countOf('instance', 2)).toBe('2 instances');
    expect(countOf('networkAcl', 0)).toBe('0 network ACLs');
  });

  it('names each palette item that stands for a whole kind with that kind’s label', () => {
    for (const item of PALETTE_ITEMS)
      if (!('variant' in item)) expect(item.label, item.kind).toBe(KINDS[item.kind].label);
    expect(PALETTE_ITEMS.find((i) => 'variant' in i && i.variant === 'nat')?.label).toBe(KINDS.natInstance.label);
  });

  it('tells a string that names a model kind from one that does not', () => {
    expect(isResourceKind('natGateway')).toBe(true);
    expect(isResourceKind('region')).toBe(false);
    expect(isResourceKind('toString')).toBe(false);
  });
});

describe('draw.io shapes', () => {
  it('come from the list checked against diagrams.net’s AWS 2021+ sidebar', () => {
    expect(DRAWIO.source).toMatch(/^https:\/\/github\.com\/jgraph\/drawio\/blob\/[0-9a-f]{40}\/.*Sidebar-AWS4\.js$/);
    for (const kind of DRAWN_KINDS) {
      const shape = KINDS[kind].drawio;
      if (shape.type === 'icon') expect(DRAWIO.icons, kind).toContain(shape.name);
      if (shape.type === 'resourceIcon') expect(DRAWIO.resourceIcons, kind).toContain(shape.name);
      if (shape.type === 'group') expect(DRAWIO.groupIcons, kind).toContain(shape.grIcon);
    }
  });

  it('write the library’s style: group boxes for containers, shapes for resources, subnet colours by exposure', () => {
    expect(drawioStyle('vpc')).toContain('shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc2;');
    expect(drawioStyle('region')).toContain('grIcon=mxgraph.aws4.group_region;');
    expect(drawioStyle('natGateway')).toContain('fillColor=#8C4FFF;shape=mxgraph.aws4.nat_gateway;');
    expect(drawioStyle('awsService')).toContain('shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.general;');
    expect(drawioStyle('subnet', { isPublic: true })).toContain('strokeColor=#7AA116;');
    expect(drawioStyle('subnet', { isPublic: false })).toContain('strokeColor=#00A4A6;fillColor=#E6F6F7;');
    expect(drawioStyle('availabilityZone')).toContain('dashed=1;');
    for (const kind of DRAWN_KINDS)
      for (const part of drawioStyle(kind).split(';').filter(Boolean)) expect(part, kind).toMatch(/^[A-Za-z]+=[^=;]+$/);
  });
});
