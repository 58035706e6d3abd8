/**
 * Every template in the shared corpus (written by AWS) and every scenario imports, with every resource accounted
 * for: each resource of a modelled type is in the design — by its logical id, or as a route or rule id inside its
 * table or group, or visibly folded into the record it configures — and every other resource is in the report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../model/types.ts';
import { importDesignTextSync } from '../importSync.ts';
import { MODELLED_TYPES } from './importTemplate.ts';
import { listResources } from './resourceTypes.ts';
import { parseTemplateText } from './parseTemplate.ts';
import { SHARED_CORPUS_DIR } from '../../../testing/corpus.ts';

/** Copies of the shared corpus (with its license) and scenarios, so the tests run on a clean clone. */
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const CORPUS = join(FIXTURES, 'corpus');
const SCENARIOS = join(FIXTURES, 'scenarios');
const SHARED = SHARED_CORPUS_DIR;
const files = [
  ...readdirSync(CORPUS)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => join(CORPUS, f)),
  ...readdirSync(SCENARIOS)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(SCENARIOS, f)),
];

/** Where a folded resource shows: the record it configures and the field that proves it. */
function isVisiblyFolded(design: Design, type: string, props: Record<string, unknown>, into: string): boolean {
  const target = design.resources[into];
  if (!target) return false;
  switch (type) {
    case 'AWS::EC2::VPCGatewayAttachment':
      return 'vpcId' in target && target.vpcId !== undefined;
    case 'AWS::EC2::SubnetRouteTableAssociation':
      return target.kind === 'subnet' && target.routeTableId !== undefined;
    case 'AWS::EC2::SubnetNetworkAclAssociation':
      return target.kind === 'subnet' && target.networkAclId !== undefined;
    case 'AWS::EC2::EIPAssociation':
      return 'elasticIpId' in target && target.elasticIpId !== undefined;
    case 'AWS::EC2::VPCCidrBlock':
      return target.kind === 'vpc' && target.cidrBlocks.length > 1;
    case 'AWS::S3::BucketPolicy':
      return target.kind === 's3Bucket' && target.policyDocument !== undefined;
    case 'AWS::EC2::VPNGatewayRoutePropagation':
      return target.kind === 'routeTable' && target.propagatingGatewayIds.length > 0;
    case 'AWS::EC2::VPNConnectionRoute':
      return target.kind === 'vpnConnection' && target.onPremisesCidrs.length > 0;
    case 'AWS::EC2::NetworkInterfaceAttachment':
      return target.kind === 'networkInterface' && target.instanceId !== undefined && props.InstanceId !== undefined;
    default:
      return false;
  }
}

describe.each(files)('%s', (file) => {
  const text = readFileSync(file, 'utf8');
  const result = importDesignTextSync(text, file.split('/').pop()!);

  it('imports', () => {
    expect(result.ok ? '' : result.error).toBe('');
  });

  it('accounts for every resource: in the design, folded into a record, skipped by a condition, or reported as not modelled', () => {
    if (!result.ok) return;
    const parsed = parseTemplateText(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const template = parsed.template.Resources as Record<
      string,
      { Type: string; Properties?: Record<string, unknown> }
    >;
    const listed = new Set(listResources(result.design).map((r) => r.id));
    const outcomes = new Map(result.report.templateResources!.map((o) => [o.id, o.outcome]));
    const reported = [...result.report.notModelled, ...result.report.skipped];
    for (const [id, resource] of Object.entries(template)) {
      const outcome = outcomes.get(id);
      expect(outcome, id).toBeDefined();
      if (Object.hasOwn(MODELLED_TYPES, resource.Type)) {
        if (outcome!.status === 'skipped') {
          expect(
            reported.some((line) => line.startsWith(`${id} (`)),
            `${id} is listed as skipped`,
          ).toBe(true);
        } else if (outcome!.status === 'merged') {
          expect(
            listed.has(id) || isVisiblyFolded(result.design, resource.Type, resource.Properties ?? {}, outcome!.into),
            `${id} shows in ${outcome!.into}`,
          ).toBe(true);
        } else {
          expect(outcome!.status, id).toBe('modelled');
          expect(listed.has(id), `${id} is in the design`).toBe(true);
        }
      } else {
        expect(
          reported.some((line) => line.startsWith(`${id} (${resource.Type})`)),
          `${id} (${resource.Type}) is reported`,
        ).toBe(true);
      }
    }
    expect(result.report.failed).toEqual([]);
  });

  it('draws every VPC and subnet with a layout position', () => {
    if (!result.ok) return;
    for (const r of Object.values(result.design.resources)) {
      if (r.kind === 'vpc' || r.kind === 'subnet' || r.kind === 'instance' || r.kind === 'natGateway')
        expect(result.design.layout[r.id], r.id).toBeDefined();
    }
  });
});

describe('the corpus in numbers', () => {
  it.skipIf(!existsSync(SHARED))('holds every template of the shared corpus', () => {
    for (const f of readdirSync(SHARED))
      expect(readFileSync(join(CORPUS, f), 'utf8'), f).toBe(readFileSync(join(SHARED, f), 'utf8'));
  });

  it('reads the managed-NAT VPC the same from YAML and from JSON', () => {
    const yaml = importDesignTextSync(
      readFileSync(join(CORPUS, 'VPC_VPC_With_Managed_NAT_And_Private_Subnet.yaml'), 'utf8'),
      'a.yaml',
    );
    const json = importDesignTextSync(
      readFileSync(join(CORPUS, 'VPC_VPC_With_Managed_NAT_And_Private_Subnet.json'), 'utf8'),
      'a.json',
    );
    if (!yaml.ok || !json.ok) throw new Error('import failed');
    expect(Object.keys(json.design.resources).sort()).toEqual(Object.keys(yaml.design.resources).sort());
    expect(json.design.resources.PublicNetworkAcl).toEqual(yaml.design.resources.PublicNetworkAcl);
  });

  it('keeps TeamToLonely as a route id in TeamRt (p02)', () => {
    const r = importDesignTextSync(readFileSync(join(SCENARIOS, 'p02-peered-pair.yaml'), 'utf8'), 'p02.yaml');
    if (!r.ok) throw new Error(r.error);
    expect(listResources(r.design).find((x) => x.id === 'TeamToLonely')).toEqual({
      id: 'TeamToLonely',
      type: 'AWS::EC2::Route',
      name: 'TeamToLonely',
      parent: 'TeamRt',
    });
  });
});
