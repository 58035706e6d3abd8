/**
 * `check` as a user runs it: exit codes, stdout and stderr. A few cases spawn a real Node process (and the package
 * bin); the rest call the command in-process with stdout and stderr captured, which is the same code and faster.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from './check.ts';
import { exampleDesign } from '../engine/model/example.ts';
import { serializeDesign } from '../engine/io/designFile.ts';

const ROOT = resolve(__dirname, '../..');
const SCENARIOS = join(ROOT, 'src/engine/io/cloudformation/fixtures/scenarios');
const work = mkdtempSync(join(tmpdir(), 'vpc-check-'));

/** Runs `check` in this process, capturing what it writes. */
async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stderr += String(chunk)), true),
  );
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await checkCommand(args.slice(1));
    return { code, stdout, stderr };
  } finally {
    process.env = saved;
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

/** Runs the CLI as a separate process, as `npm run cli` does. */
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(stdout: string) {
  return JSON.parse(stdout) as {
    resources: Array<{ id: string; type: string; parent?: string }>;
    findings: Array<{ rule: string; severity: string; resources: string[]; message: string; fix: string }>;
    summary: { errors: number };
  };
}

describe('check exit codes and JSON', () => {
  it('exits 0 for a template without error findings, listing resources by CloudFormation type and logical id', () => {
    const r = cli(['check', join(SCENARIOS, 'p01-bastion-and-private-app.yaml'), '--json']); // a real process
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'Vpc', type: 'AWS::EC2::VPC' }),
        expect.objectContaining({ id: 'PublicA', type: 'AWS::EC2::Subnet' }),
        expect.objectContaining({ id: 'PublicDefault', type: 'AWS::EC2::Route', parent: 'PublicRt' }),
        expect.objectContaining({ id: 'NatEip', type: 'AWS::EC2::EIP' }),
        expect.objectContaining({ id: 'Vpc.DefaultSecurityGroup', type: 'AWS::EC2::SecurityGroup' }),
      ]),
    );
    expect(out.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('lists template resources folded into a record (attachments, associations) under their own logical id and type', async () => {
    const r = await run(['check', join(SCENARIOS, 'p01-bastion-and-private-app.yaml'), '--json']);
    const out = json(r.stdout);
    const folded = out.resources.filter(
      (x) => x.type === 'AWS::EC2::SubnetRouteTableAssociation' || x.type === 'AWS::EC2::VPCGatewayAttachment',
    );
    expect(folded.length).toBeGreaterThan(0);
    for (const x of folded)
      expect(
        out.resources.some((y) => y.id === x.parent),
        `${x.id} names the record it went into`,
      ).toBe(true);
  });

  it('exits 1 when there is an error finding, naming the template ids (p02: the transitive route)', () => {
    const r = cli(['check', join(SCENARIOS, 'p02-peered-pair.yaml'), '--json']);
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.summary.errors).toBeGreaterThan(0);
    expect(out.findings.some((f) => f.severity === 'error' && f.resources.includes('TeamToLonely'))).toBe(true);
  });

  it('prints a readable report without --json: counts, then each finding with severity, rule, resources, message and fix', async () => {
    const r = await run(['check', join(SCENARIOS, 'p02-peered-pair.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^.*p02-peered-pair\.yaml \(CloudFormation template \(YAML\)\): 23 resources — 3 VPCs/);
    expect(r.stdout).toMatch(/\d+ findings?: [1-9]\d* errors?/);
    expect(r.stdout).toMatch(/ERROR +peering-not-transitive +\[.*TeamToLonely.*\]\n {2}.*not transitive.*\n {2}Fix: /);
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
  it('exits 1 for a readable design file with invalid values (a /33, banana)', async () => {
    const design = exampleDesign();
    const vpc = design.resources['vpc-prod']!;
    const subnet = design.resources['subnet-public-a']!;
    if (vpc.kind !== 'vpc' || subnet.kind !== 'subnet') throw new Error('example changed');
    const file = join(work, 'bad.json');
    writeFileSync(
      file,
      serializeDesign({
        ...design,
        resources: {
          ...design.resources,
          [vpc.id]: { ...vpc, cidrBlocks: ['10.0.0.0/33'] },
          [subnet.id]: { ...subnet, cidrBlock: 'banana' },
        },
      }),
    );
    const r = await run(['check', file, '--json']);
    expect(r.code).toBe(1);
    const errors = json(r.stdout)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => f.resources[0]);
    expect(errors).toEqual(expect.arrayContaining(['vpc-prod', 'subnet-public-a']));
  });

  it('resolves relative paths against the directory npm was run from (INIT_CWD)', async () => {
    writeFileSync(
      join(work, 'mine.yaml'),
      'Resources:\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n',
    );
    const r = await run(['check', 'mine.yaml', '--json'], { INIT_CWD: work });
    expect(r.stderr).toBe('');
    expect(json(r.stdout).resources[0]).toMatchObject({ id: 'Vpc', type: 'AWS::EC2::VPC' });
  });

  it('takes --region for pseudo parameters and zones', async () => {
    writeFileSync(
      join(work, 'zones.yaml'),
      "Resources:\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}}\n",
    );
    const r = await run(['check', join(work, 'zones.yaml'), '--json', '--region', 'ap-southeast-2']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('us-east-1');
  });
});

describe('check exits 2 with one line on stderr when the input or options cannot be used', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing file', ['check', join(work, 'nope.yaml')], /cannot read .*nope\.yaml: no such file/],
    ['no file', ['check'], /no file given/],
    ['an unknown option', ['check', 'x.yaml', '--fast'], /unknown option --fast/],
    [
      'a bad region',
      ['check', join(SCENARIOS, 'p01-bastion-and-private-app.yaml'), '--region', 'mars'],
      /--region must be an AWS region/,
    ],
    ['a directory', ['check', work], /it is a directory/],
  ];
  it('a missing file, from a real process', () => {
    const r = cli(['check', join(work, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vpc-designer: cannot read .*nope\.yaml: no such file\n$/);
  });

  it.each(cases)('%s', async (_what, args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['an empty file', '', /The file is empty/],
    ['binary junk', '\u0000\u0001\u0002PNG\u0000\u0000', /not text/],
    ['a syntax error', 'Resources:\n  A: [', /not valid YAML/],
    [
      'a dangling !Ref',
      'Resources:\n  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Ghost}}\n',
      /refers to Ghost/,
    ],
  ])('%s', async (_what, text, message) => {
    const file = join(work, `case-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a 20 MB file, refused from its size', async () => {
    const file = join(work, 'huge.yaml');
    writeFileSync(file, Buffer.alloc(20 * 1024 * 1024, 0x20));
    const started = Date.now();
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too large to import \(20\.0 MB/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('the package bin', () => {
  it('runs check (from its bundle of the sources, or through tsx)', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/vpc-designer.mjs'), 'check', join(SCENARIOS, 'p01-bastion-and-private-app.yaml')],
      { encoding: 'utf8', cwd: work, timeout: 60_000 },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No problems found\./);
  });
});
