/**
 * Public templates of many styles (fixtures/realworld/SOURCE.md): each imports (or is refused with one plain line,
 * as CloudFormation would refuse it), every resource is accounted for, `check --json` lists every modelled resource
 * with its CloudFormation type, and the error findings are exactly those the template really has — written down
 * per template, with the reason; and where the fast YAML reader answers, it reads them as the full parser does.
 *
 * The copies are not committed (see SOURCE.md), so this suite is not part of `npm test` (vite.config.ts leaves it
 * out; patterns.test.ts keeps every pattern they taught, and always runs). `npm run test:realworld` runs it, and
 * fails — never skips — when a template is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../rules/index.ts';
import { importDesignTextSync } from '../importSync.ts';
import { MODELLED_TYPES } from './importTemplate.ts';
import { parseTemplateText, parseYamlFully } from './parseTemplate.ts';
import { parseYamlFast } from './fastYaml.ts';
import { KINDS } from '../../model/kinds.ts';
import { listResources } from './resourceTypes.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'realworld');

interface Case {
  file: string;
  /** A variant: parameter values and region, as `check --param … --region …` would give them. */
  parameters?: Record<string, string>;
  region?: string;
  /** The one-line refusal, for a template CloudFormation itself would refuse. */
  refused?: string;
  /** `rule resource` of each error finding `check` must report; each one a real problem of the template. */
  errors: string[];
}

/** No template here has an error AWS would report that a rule checks, so every expectation is empty; see notes. */
const CASES: Case[] = [
  { file: 'quickstart-aws-vpc.template.yaml', errors: [] },
  {
    file: 'quickstart-aws-vpc.template.yaml',
    parameters: {
      NumberOfAZs: '4',
      CreateAdditionalPrivateSubnets: 'true',
      AvailabilityZones: 'eu-west-1a,eu-west-1b,eu-west-1c,eu-west-1a',
    },
    region: 'eu-west-1',
    errors: [],
  },
  {
    file: 'quickstart-aws-vpc.template.yaml',
    parameters: { CreateNATGateways: 'false', CreatePublicSubnets: 'false' },
    errors: [],
  },
  { file: 'widdix-vpc-2azs.yaml', errors: [] },
  { file: 'widdix-vpc-2azs-nat-instance.json', errors: [] },
  { file: 'widdix-vpc-2azs-nat-instance.json', parameters: { ClassB: '7' }, errors: [] },
  { file: 'widdix-vpc-endpoint.yaml', errors: [] },
  {
    file: 'widdix-vpc-endpoint.yaml',
    parameters: { ParentVPCStack: 'vpc', ParentClientStack: 'client', ServiceName: 'ssm' },
    errors: [],
  },
  { file: 'widdix-vpc-endpoint-s3.yaml', errors: [] },
  { file: 'openshift-vpc-shared-dualstack.yaml', errors: [] },
  {
    file: 'openshift-vpc-shared-dualstack.yaml',
    parameters: { AvailabilityZoneCount: '3', Ipv6OnlyPrivateSubnets: 'yes' },
    errors: [],
  },
  {
    file: 'openshift-vpc-shared-dualstack.yaml',
    parameters: { AvailabilityZoneCount: '2', AllowedAvailabilityZoneList: 'us-east-2c,us-east-2a' },
    region: 'us-east-2',
    errors: [],
  },
  { file: 'aws-cfn-templates-cfn-endpoint-creationpolicy-no-igw.yaml', errors: [] },
  { file: 'aws-cfn-templates-SapPrivateLink.yaml', errors: [] },
  { file: 'aws-cfn-templates-DirectoryServiceMicrosoftAD.yaml', errors: [] },
  { file: 'aws-cfn-templates-NetworkLoadBalancerWithEIPs.yaml', errors: [] },
  { file: 'ecs-refarch-master.yaml', errors: [] },
  { file: 'ecs-refarch-security-groups.yaml', errors: [] },
  // Its maps hold ap-southeast-1 and ap-northeast-1 only; at us-east-1 the instances still import (see patterns.test.ts).
  { file: 'mpeng819-vpc-nat-alb-asg.yml', errors: [] },
  { file: 'mpeng819-vpc-nat-alb-asg.yml', region: 'ap-southeast-1', errors: [] },
  { file: 'salesforce-datastore-aurora-sg.yaml', errors: [] },
  {
    file: 'salesforce-datastore-aurora-sg.yaml',
    parameters: { ParentVPCStack: 'net', SSHAccessPrefixList: 'pl-0123456789abcdef0' },
    errors: [],
  },
  { file: 'vpnlab-1VpcBCfn.yaml', region: 'eu-central-1', errors: [] },
  // Its customer gateway address defaults to "X.X.X.X", which AWS would refuse; no rule checks that address yet.
  { file: 'vpnlab-2VpnACfn.yaml', region: 'us-west-2', errors: [] },
  { file: 'anp-tgw-hub-and-spoke.yaml', errors: [] },
  { file: 'anp-privatelink-consumer.yaml', errors: [] },
  // The alarm names SnsTopicArn, which the template never defines: CloudFormation refuses it before creating anything.
  {
    file: 'anp-vpn-tgw-bgp.yaml',
    refused:
      'anp-vpn-tgw-bgp.yaml: Tunnel1DownAlarm refers to SnsTopicArn, which is not a parameter or resource in the template.',
    errors: [],
  },
];

const missing = [...new Set(CASES.map((c) => c.file))].filter((f) => !existsSync(join(DIR, f)));
if (missing.length > 0)
  throw new Error(
    `fixtures/realworld lacks ${missing.length} template(s) (${missing.join(', ')}): fetch them as SOURCE.md there says.`,
  );

describe('real-world templates', () => {
  it.each(
    CASES.map(
      (c) =>
        [
          `${c.file}${c.parameters ? ` ${JSON.stringify(c.parameters)}` : ''}${c.region ? ` in ${c.region}` : ''}`,
          c,
        ] as const,
    ),
  )('%s', (_label, c) => {
    const text = readFileSync(join(DIR, c.file), 'utf8');
    const result = importDesignTextSync(text, c.file, {
      ...(c.region ? { region: c.region } : {}),
      ...(c.parameters ? { parameters: c.parameters } : {}),
    });
    if (c.refused !== undefined) {
      expect(result).toEqual({ ok: false, error: c.refused });
      return;
    }
    if (!result.ok) throw new Error(result.error);
    const { design, report } = result;

    // Every template resource accounted for: a record, folded into one, skipped by its condition, or reported.
    const parsed = parseTemplateText(text);
    if (!parsed.ok) throw new Error(parsed.error);
    // What `check --json` prints as "resources" (cli/check.ts lists them with this function).
    const typeOf = new Map(listResources(design).map((r) => [r.id, r.type]));
    const reported = [...report.notModelled, ...report.skipped];
    for (const outcome of report.templateResources!) {
      const { id, type } = outcome;
      const status = outcome.outcome.status;
      expect(status, `${id} (${type})`).not.toBe('failed');
      if (status === 'modelled') expect(typeOf.get(id), `${id} is listed with its type`).toBe(type);
      else if (status === 'merged')
        expect(
          typeOf.has(id) || design.resources[outcome.outcome.into] !== undefined,
          `${id} folded into a record`,
        ).toBe(true);
      else
        expect(
          reported.some((line) => line.startsWith(`${id} (${type})`)),
          `${id} is in the report`,
        ).toBe(true);
      if (status !== 'skipped' && !Object.hasOwn(MODELLED_TYPES, type)) expect(status, id).toBe('not-modelled');
    }
    expect(report.templateResources!.map((o) => o.id).sort()).toEqual(
      Object.keys(parsed.template.Resources as object).sort(),
    );
    expect(report.failed).toEqual([]);

    // check --json: every record of the design under its CloudFormation type.
    for (const r of Object.values(design.resources)) expect(typeOf.get(r.id), r.id).toBe(KINDS[r.kind].cfnType);

    const errors = validateDesign(design)
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.rule} ${f.resources[0]}`);
    expect(errors).toEqual(c.errors);
  });
});

describe('real-world templates through the fast YAML reader', () => {
  const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
  it.each(files)('%s: where the fast reader answers, it reads what the full parser reads', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const fast = parseYamlFast(text);
    if (!fast) return;
    expect(fast.value, file).toEqual(parseYamlFully(text));
  });
});
