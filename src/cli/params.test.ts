/**
 * `check`, `trace` and `exposure` on templates that leave values to parameters without a default, and the
 * `--param Name=Value` option that supplies them. A parameter without a Default has no value until the stack is
 * created with one, so what depends on it is unknown, not wrong:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serializeDesign } from '../engine/io/designFile.ts';
import { exampleDesign } from '../engine/model/example.ts';
import { checkCommand } from './check.ts';
import { parseParams } from './cli.ts';
import { exposureCommand } from './exposure.ts';
import { traceCommand } from './trace.ts';

const CORPUS = resolve(__dirname, '../engine/io/cloudformation/fixtures/corpus');
const STATIC_IPS = join(CORPUS, 'VPC_VPC_EC2_Instance_With_Multiple_Static_IPAddresses.yaml');
const PEERING = join(CORPUS, 'Solutions_VPCPeering_templates_VPCPeering-Updates.cfn.yaml');
const work = mkdtempSync(join(tmpdir(), 'vpc-params-'));
const PARAMETERS_DOC =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html';

type Command = (args: string[]) => Promise<number>;

/** Runs a command in this process, capturing what it writes. */
async function run(command: Command, args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stderr += String(chunk)), true),
  );
  try {
    return { code: await command(args), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

interface CheckJson {
  resources: Array<{ id: string; type: string; external?: boolean }>;
  findings: Array<{ rule: string; severity: string; resources: string[]; message: string; docs: string }>;
}

async function check(...args: string[]) {
  const r = await run(checkCommand, [...args, '--json']);
  return { ...r, out: r.code === 2 ? undefined : (JSON.parse(r.stdout) as CheckJson) };
}

const errorsOf = (out: CheckJson | undefined) => out!.findings.filter((f) => f.severity === 'error');
const unresolved = (out: CheckJson | undefined) =>
  out!.findings.filter((f) => f.rule === 'template-parameter-unresolved');

describe('check on AWS templates that name things they do not define', () => {
  it('takes the existing VPC and subnet as they are, and the private IPs as unknown: exit 0, no errors', async () => {
    const { code, out } = await check(STATIC_IPS);
    expect(errorsOf(out)).toEqual([]);
    expect(code).toBe(0);
    expect(out!.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'VpcId', type: 'AWS::EC2::VPC', external: true }),
        expect.objectContaining({ id: 'SubnetId', type: 'AWS::EC2::Subnet', external: true }),
      ]),
    );
    expect(out!.resources.find((r) => r.id === 'EC2Instance')).not.toHaveProperty('external');
  });

  it('says once per parameter which ones it needed, and how to pass them', async () => {
    const { out } = await check(STATIC_IPS);
    expect(unresolved(out).map((f) => [f.severity, f.message, f.resources])).toEqual([
      [
        'info',
        'Parameter PrimaryIPAddress has no default value, so checks that need it were skipped. Pass --param PrimaryIPAddress=<value> to check them.',
        ['Eth0', 'EC2Instance'],
      ],
      [
        'info',
        'Parameter SecondaryIPAddress has no default value, so checks that need it were skipped. Pass --param SecondaryIPAddress=<value> to check them.',
        ['Eth0'],
      ],
    ]);
    expect(unresolved(out)[0]!.docs).toBe(PARAMETERS_DOC);
  });

  it('takes the existing VPC, route table and peering connection as they are, and the peer CIDR as unknown', async () => {
    const { code, out } = await check(PEERING);
    expect(errorsOf(out)).toEqual([]);
    expect(code).toBe(0);
    expect(out!.findings.map((f) => f.rule)).not.toContain('route-blackhole');
    expect(unresolved(out).map((f) => f.message)).toEqual([
      'Parameter PeerVPCCIDR has no default value, so checks that need it were skipped. Pass --param PeerVPCCIDR=<value> to check them.',
    ]);
    expect(out!.resources).toEqual(
      expect.arrayContaining([
        // The first element of the unknown list RouteTableIds (the second would be RouteTableIds[1]).
        expect.objectContaining({ id: 'RouteTableIds[0]', type: 'AWS::EC2::RouteTable', external: true }),
        expect.objectContaining({
          id: 'VPCPeeringConnectionId',
          type: 'AWS::EC2::VPCPeeringConnection',
          external: true,
        }),
      ]),
    );
  });

  it('prints the parameters it needed in the readable report too', async () => {
    const r = await run(checkCommand, [STATIC_IPS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /INFO +template-parameter-unresolved +\[Eth0, EC2Instance\]\n {2}Parameter PrimaryIPAddress has no default value/,
    );
  });
});

describe('--param Name=Value', () => {
  it('checks a supplied value like any other: a bad address is an error again (exit 1)', async () => {
    const { code, out } = await check(STATIC_IPS, '--param', 'PrimaryIPAddress=10.0.0.300');
    expect(code).toBe(1);
    expect(errorsOf(out).map((f) => [f.rule, f.resources[0], f.message])).toEqual([
      [
        'private-ip-in-subnet',
        'EC2Instance',
        'Instance EC2Instance has the private IP "10.0.0.300", which is not an IPv4 address.',
      ],
      [
        'private-ip-in-subnet',
        'Eth0',
        'Network interface Eth0 has the private IP "10.0.0.300", which is not an IPv4 address.',
      ],
    ]);
    expect(unresolved(out).map((f) => f.message)).toEqual([expect.stringContaining('Parameter SecondaryIPAddress ')]);
  });

  it('is repeatable, takes --param=Name=Value too, and a good value leaves nothing to report', async () => {
    const { code, out } = await check(
      STATIC_IPS,
      '--param',
      'PrimaryIPAddress=10.0.0.10',
      '--param=SecondaryIPAddress=10.0.0.11',
    );
    expect(code).toBe(0);
    expect(unresolved(out)).toEqual([]);
  });

  it('names existing resources by the value given (an existing route table and peering connection)', async () => {
    const { code, out } = await check(
      PEERING,
      '--param',
      'PeerVPCCIDR=10.1.0.0/16',
      '--param',
      'RouteTableIds=rtb-0123456789abcdef0',
      '--param',
      'VPCPeeringConnectionId=pcx-0123456789abcdef0',
    );
    expect(errorsOf(out)).toEqual([]);
    expect(code).toBe(0);
    expect(out!.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'pcx-0123456789abcdef0', external: true }),
        expect.objectContaining({ id: 'rtb-0123456789abcdef0', external: true }),
      ]),
    );
  });

  // parameters-section-structure.html: AllowedPattern "must match the entire parameter value provided"; CloudFormation
  // refuses the stack before creating anything, so the value never reaches a route.
  it("refuses a value that breaks the parameter's AllowedPattern: exit 2, one line naming the parameter and the pattern", async () => {
    const { code, stdout, stderr } = await check(
      PEERING,
      '--param',
      'PeerVPCCIDR=10.1.0.0/33',
      '--param',
      'RouteTableIds=rtb-0123456789abcdef0',
      '--param',
      'VPCPeeringConnectionId=pcx-0123456789abcdef0',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /Parameter PeerVPCCIDR: the value "10\.1\.0\.0\/33" does not match its AllowedPattern .*\(CIDR block parameter must be in the form x\.x\.x\.x\/16-28\)\.$/m,
    );
  });

  it("refuses a value outside AllowedValues, and a Default that breaks the template's own constraints", async () => {
    const tooMany = await check(PEERING, '--param', 'NumberOfRouteTables=7');
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain(
      'Parameter NumberOfRouteTables: the value "7" is not one of its AllowedValues (1, 2, 3, 4, 5, 6).',
    );
    const file = join(work, 'bad-default.yaml');
    writeFileSync(
      file,
      'Parameters:\n  Size: {Type: Number, MinValue: 16, MaxValue: 28, Default: 8}\nResources:\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !Sub "10.0.0.0/${Size}"}}\n',
    );
    const byDefault = await check(file);
    expect(byDefault.code).toBe(2);
    expect(byDefault.stderr).toContain('Parameter Size: its Default "8" is less than its MinValue 16.');
    expect((await check(file, '--param', 'Size=16')).code).toBe(0);
  });

  it("still reports the template's own mistakes: a subnet with a bad literal CIDR in an existing VPC", async () => {
    const file = join(work, 'own-subnet.yaml');
    writeFileSync(
      file,
      [
        'Parameters:',
        '  VpcId: {Type: "AWS::EC2::VPC::Id"}',
        '  AppCidr: {Type: String}',
        'Resources:',
        '  App: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VpcId, CidrBlock: !Ref AppCidr, AvailabilityZone: us-east-1a}}',
        '  Bad: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VpcId, CidrBlock: 10.0.1.7/33, AvailabilityZone: us-east-1a}}',
        '',
      ].join('\n'),
    );
    const { code, out } = await check(file);
    expect(code).toBe(1);
    expect(errorsOf(out).map((f) => [f.rule, f.resources])).toEqual([['subnet-cidr-invalid', ['Bad']]]);
    expect(unresolved(out).map((f) => f.resources)).toEqual([['App']]);
  });

  it('is read by trace and exposure as well', async () => {
    const traced = await run(traceCommand, [
      STATIC_IPS,
      '--from',
      'EC2Instance',
      '--to',
      'Eth0',
      '--json',
      '--param',
      'PrimaryIPAddress=10.0.0.10',
    ]);
    expect(traced.stderr).toBe('');
    expect([0, 1]).toContain(traced.code);
    const exposed = await run(exposureCommand, [STATIC_IPS, '--json', '--param', 'PrimaryIPAddress=10.0.0.10']);
    expect(exposed.code).toBe(0);
    expect(JSON.parse(exposed.stdout)).toHaveProperty('instances');
  });
});

describe('--param mistakes exit 2 with one line on stderr', () => {
  const design = join(work, 'design.json');
  writeFileSync(design, serializeDesign(exampleDesign()));
  const cases: Array<[string, Command, string[], RegExp]> = [
    [
      'no =',
      checkCommand,
      [STATIC_IPS, '--param', 'PrimaryIPAddress'],
      /--param takes Name=Value, not "PrimaryIPAddress"/,
    ],
    ['no name', checkCommand, [STATIC_IPS, '--param', '=10.0.0.1'], /a parameter name has letters and digits only/],
    [
      'a name with a hyphen',
      checkCommand,
      [STATIC_IPS, '--param', 'Primary-IP=10.0.0.1'],
      /a parameter name has letters and digits only/,
    ],
    ['no value at all', checkCommand, [STATIC_IPS, '--param'], /--param needs a value/],
    [
      'the same name twice',
      checkCommand,
      [STATIC_IPS, '--param', 'KeyName=a', '--param', 'KeyName=b'],
      /--param KeyName is given twice/,
    ],
    [
      'a parameter the template does not declare',
      checkCommand,
      [STATIC_IPS, '--param', 'PrimaryIpAddress=10.0.0.1'],
      /parameter PrimaryIpAddress, which the template does not declare \(it declares KeyName, /,
    ],
    ['a design file', checkCommand, [design, '--param', 'A=1'], /parameter values apply to CloudFormation templates/],
    ['trace', traceCommand, [STATIC_IPS, '--from', 'a', '--to', 'b', '--param', 'oops'], /--param takes Name=Value/],
    ['exposure', exposureCommand, [STATIC_IPS, '--param', 'a b=1'], /a parameter name has letters and digits only/],
  ];
  it.each(cases)('%s', async (_what, command, args, message) => {
    const r = await run(command, args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('parseParams keeps everything after the first = as the value, empty included', () => {
    expect(parseParams(['Url=a=b', 'Empty=', 'constructor=x'])).toEqual({
      ok: true,
      parameters: { Url: 'a=b', Empty: '', constructor: 'x' },
    });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
