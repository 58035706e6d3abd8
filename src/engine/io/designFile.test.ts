import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../model/example.ts';
import { validateDesign } from '../rules/index.ts';
import { parseDesignFile, serializeDesign } from './designFile.ts';

function file(resources: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    format: 'vpc-designer',
    formatVersion: 1,
    name: 'test',
    region: 'us-east-1',
    accountId: '111111111111',
    resources,
    layout: {},
    flows: [],
    ...extra,
  });
}

const VPC = {
  kind: 'vpc',
  name: 'v',
  cidrBlocks: ['10.0.0.0/16'],
  enableDnsSupport: true,
  enableDnsHostnames: true,
  region: 'us-east-1',
  accountId: '111111111111',
  availabilityZones: ['us-east-1a'],
};

describe('reading a design file', () => {
  it('reads back what it wrote', () => {
    const design = exampleDesign();
    const r = parseDesignFile(serializeDesign(design));
    expect(r.ok && r.value).toEqual(design);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('refuses empty files, non-JSON, other formats and newer versions with one plain sentence', () => {
    expect(parseDesignFile('')).toEqual({ ok: false, error: 'The file is empty.' });
    expect(parseDesignFile('{nope')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The file is not valid JSON/),
    });
    expect(parseDesignFile('[1,2]')).toEqual({
      ok: false,
      error: 'The file does not hold a design (expected a JSON object).',
    });
    expect(parseDesignFile('{"format":"drawio"}')).toEqual({
      ok: false,
      error: 'The file is not a VPC Designer design (format is "drawio").',
    });
    expect(parseDesignFile('{"format":"vpc-designer","formatVersion":99}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/newer VPC Designer/),
    });
  });
});

describe('checking each resource by kind', () => {
  it('repairs fields of the wrong type to their defaults and says which', () => {
    const r = parseDesignFile(
      file({
        v: { ...VPC, cidrBlocks: '10.0.0.0/16', enableDnsSupport: 'yes' },
        s: {
          kind: 'subnet',
          vpcId: 'v',
          cidrBlock: ['10.0.1.0/24'],
          availabilityZone: 'us-east-1a',
          mapPublicIpOnLaunch: 1,
        },
        i: { kind: 'instance', subnetId: 's', privateIp: 10, securityGroupIds: 'sg', sourceDestCheck: false },
        rt: {
          kind: 'routeTable',
          vpcId: 'v',
          main: true,
          routes: [{ id: 'r1', destinationCidrBlock: '0.0.0.0/0', targetId: 5 }, 'junk'],
          propagatingGatewayIds: [],
        },
      }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.value.resources.v).toMatchObject({ cidrBlocks: ['10.0.0.0/16'], enableDnsSupport: true });
    expect(r.value.resources.s).toMatchObject({ cidrBlock: '', mapPublicIpOnLaunch: false, name: 's' });
    expect(r.value.resources.i).toMatchObject({
      privateIp: '10',
      securityGroupIds: ['sg'],
      instanceType: 't3.micro',
      sourceDestCheck: false,
    });
    expect(r.value.resources.rt).toMatchObject({
      routes: [{ id: 'r1', destinationCidrBlock: '0.0.0.0/0', targetId: '5' }],
    });
    expect(r.warnings).toEqual([
      'v: cidrBlocks should be a list; read as a list of one.',
      'v: enableDnsSupport should be true or false, not "yes"; using true.',
      's: cidrBlock should be text, not a list; using "".',
      's: mapPublicIpOnLaunch should be true or false, not 1; using false.',
      'i: privateIp should be text, not 10; read as "10".',
      'i: securityGroupIds should be a list; read as a list of one.',
      'rt: routes route r1: targetId should be text, not 5; read as "5".',
      'rt: routes item 2 is not a route; it was dropped.',
    ]);
  });

  it('skips unknown kinds, keeps only the fields the format has, and reads layout and flows defensively', () => {
    const r = parseDesignFile(
      file(
        { x: { kind: 'spaceship' }, v: { ...VPC, extra: 'ignored' } },
        {
          layout: { v: { x: 10, y: 20, width: -5 }, bad: { x: 'a' } },
          flows: [{ id: 'f', from: 'a', to: 'b', protocol: 'tcp', port: '443' }, { nope: true }],
        },
      ),
    );
    if (!r.ok) throw new Error(r.error);
    expect(Object.keys(r.value.resources)).toEqual(['v']);
    expect(r.value.resources.v).not.toHaveProperty('extra');
    expect(r.value.layout).toEqual({ v: { x: 10, y: 20 } });
    expect(r.value.flows).toEqual([{ id: 'f', name: '', from: 'a', to: 'b', protocol: 'tcp', port: 443 }]);
    expect(r.warnings).toEqual([
      'Skipped x: not a resource this version understands (kind "spaceship").',
      'Skipped flow 2: it needs an id, a from and a to.',
    ]);
  });

  it('keeps the external mark of resources defined outside the design, and repairs a wrong one', () => {
    const r = parseDesignFile(file({ v: { ...VPC, cidrBlocks: [], external: true }, w: { ...VPC, external: 'yes' } }));
    if (!r.ok) throw new Error(r.error);
    expect(r.value.resources.v).toMatchObject({ external: true, cidrBlocks: [] });
    expect(r.value.resources.w).not.toHaveProperty('external');
    expect(r.warnings).toEqual(['w: external should be true or false, not "yes"; it was dropped.']);
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html — /16 to /28, and a real network address.
  it('loads a readable design with invalid values (a /33, banana), and the rules report errors', () => {
    const r = parseDesignFile(
      file({
        v: { ...VPC, cidrBlocks: ['10.0.0.0/33'] },
        s: {
          kind: 'subnet',
          vpcId: 'v',
          cidrBlock: 'banana',
          availabilityZone: 'us-east-1a',
          mapPublicIpOnLaunch: false,
        },
      }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
    const errors = validateDesign(r.value).filter((f) => f.severity === 'error');
    expect(errors.some((f) => f.resources[0] === 'v')).toBe(true);
    expect(errors.some((f) => f.resources[0] === 's')).toBe(true);
  });
});

describe('hostile files', () => {
  it('never reaches Object.prototype through __proto__ or constructor keys', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const text = `{"format":"vpc-designer","formatVersion":1,"__proto__":{"polluted":1},
      "resources":{"__proto__":{"kind":"vpc","polluted":2},"constructor":{"kind":"internet","name":"net"},
        "v":{"kind":"vpc","cidrBlocks":["10.0.0.0/16"],"__proto__":{"polluted":3}},
        "e":{"kind":"vpcEndpoint","vpcId":"v","policyDocument":{"__proto__":{"polluted":4},"Statement":[]}}},
      "layout":{"__proto__":{"x":1,"y":2}}}`;
    const r = parseDesignFile(text);
    if (!r.ok) throw new Error(r.error);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.keys(r.value.resources)).toEqual(['constructor', 'v', 'e']);
    expect(Object.getPrototypeOf(r.value.resources)).toBe(Object.prototype);
    expect(r.value.resources.e).toMatchObject({ policyDocument: { Statement: [] } });
    expect(Object.hasOwn(r.value.resources.e as object, 'polluted')).toBe(false);
    expect(r.warnings).toContain('Skipped a resource named __proto__ (never a valid id).');
  });

  it('refuses absurdly nested values instead of overflowing the stack, and ignores nesting in fields it does not read', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(
      parseDesignFile(
        `{"format":"vpc-designer","formatVersion":1,"resources":{"e":{"kind":"vpcEndpoint","policyDocument":${deep}}}}`,
      ),
    ).toEqual({ ok: false, error: 'The file is nested more than 100 levels deep.' });
    expect(parseDesignFile(`{"format":"vpc-designer","formatVersion":1,"unused":${deep}}`).ok).toBe(true);
  });
});
