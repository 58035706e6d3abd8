/**
 * CloudFormation template → design. Every resource of the template ends up accounted for: a record with its
 * logical id, folded into another record (attachments, associations, routes, rules), skipped because its
 * Condition is false, or listed as not modelled — never silently dropped.
 *
 * Template anatomy: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */
import { noteNotModelledUses } from './notModelledUses.ts';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, emptyDesign } from '../../model/create.ts';
import type { Design, ResourceKind } from '../../model/types.ts';
import { autoLayout } from '../../layout/autoLayout.ts';
import { expandForEach, isForEachKey } from './forEach.ts';
import { describe, Resolver, TemplateError, type TemplateResource } from './intrinsics.ts';
import { MAX_DEPTH } from './parseTemplate.ts';
import { ImportContext, isRecord, type Outcome, type Props, type TemplateResourceOutcome } from './mapping/context.ts';
import {
  mapCustomerGateway,
  mapGatewayAttachment,
  mapInternetGateway,
  mapNatGateway,
  mapRoute,
  mapRoutePropagation,
  mapRouteTable,
  mapSubnet,
  mapSubnetRouteTableAssociation,
  mapVpc,
  mapVpcCidrBlock,
  mapVpnConnection,
  mapVpnConnectionRoute,
  mapVpnGateway,
} from './mapping/network.ts';
import {
  mapNetworkAcl,
  mapNetworkAclEntry,
  mapSecurityGroup,
  mapSecurityGroupRule,
  mapSubnetNetworkAclAssociation,
} from './mapping/security.ts';
import {
  assignAddresses,
  mapEip,
  mapEipAssociation,
  mapEipInstance,
  mapInstance,
  mapNetworkInterface,
  mapNetworkInterfaceAttachment,
} from './mapping/compute.ts';
import { mapBucket, mapBucketPolicy, mapPeering, mapVpcEndpoint } from './mapping/connectivity.ts';
import { mapPrefixList } from './mapping/prefixLists.ts';
import { findParameterProblem } from './parameterConstraints.ts';

type Mapper = (ctx: ImportContext, id: string, props: Props) => Outcome;

/**
 * The modelled types and the phase each is read in: containers first, then what attaches to them, then what
 * points at anything (routes can target almost any resource).
 */
export const MODELLED_TYPES: Record<string, { phase: number; map: Mapper }> = {
  'AWS::EC2::VPC': { phase: 0, map: mapVpc },
  'AWS::EC2::VPCCidrBlock': { phase: 1, map: mapVpcCidrBlock },
  'AWS::EC2::PrefixList': { phase: 1, map: mapPrefixList },
  'AWS::EC2::Subnet': { phase: 2, map: mapSubnet },
  'AWS::EC2::RouteTable': { phase: 2, map: mapRouteTable },
  'AWS::EC2::InternetGateway': { phase: 2, map: mapInternetGateway },
  'AWS::EC2::VPNGateway': { phase: 2, map: mapVpnGateway },
  'AWS::EC2::CustomerGateway': { phase: 2, map: mapCustomerGateway },
  'AWS::EC2::SecurityGroup': { phase: 2, map: mapSecurityGroup },
  'AWS::EC2::NetworkAcl': { phase: 2, map: mapNetworkAcl },
  'AWS::EC2::EIP': { phase: 2, map: mapEip },
  'AWS::S3::Bucket': { phase: 2, map: mapBucket },
  'AWS::EC2::NetworkInterface': { phase: 3, map: mapNetworkInterface },
  'AWS::EC2::VPCGatewayAttachment': { phase: 3, map: mapGatewayAttachment },
  'AWS::EC2::SubnetRouteTableAssociation': { phase: 3, map: mapSubnetRouteTableAssociation },
  'AWS::EC2::SubnetNetworkAclAssociation': { phase: 3, map: mapSubnetNetworkAclAssociation },
  'AWS::EC2::NetworkAclEntry': { phase: 3, map: mapNetworkAclEntry },
  'AWS::EC2::SecurityGroupIngress': { phase: 3, map: mapSecurityGroupRule('ingress') },
  'AWS::EC2::SecurityGroupEgress': { phase: 3, map: mapSecurityGroupRule('egress') },
  'AWS::EC2::NatGateway': { phase: 3, map: mapNatGateway },
  'AWS::EC2::VPCPeeringConnection': { phase: 3, map: mapPeering },
  'AWS::EC2::VPCEndpoint': { phase: 3, map: mapVpcEndpoint },
  'AWS::EC2::VPNConnection': { phase: 3, map: mapVpnConnection },
  'AWS::EC2::Instance': { phase: 4, map: mapInstance },
  'AWS::EC2::NetworkInterfaceAttachment': { phase: 5, map: mapNetworkInterfaceAttachment },
  'AWS::EC2::EIPAssociation': { phase: 5, map: mapEipAssociation },
  'AWS::EC2::Route': { phase: 5, map: mapRoute },
  'AWS::EC2::VPNGatewayRoutePropagation': { phase: 5, map: mapRoutePropagation },
  'AWS::EC2::VPNConnectionRoute': { phase: 5, map: mapVpnConnectionRoute },
  'AWS::S3::BucketPolicy': { phase: 5, map: mapBucketPolicy },
};

/**
 * Why network-related types the model leaves out are left out, so the report says what a trace will not see.
 * Types not named here are simply listed as not modelled.
 */
const NOT_MODELLED_REASONS: Array<[RegExp, string]> = [
  [/^AWS::EC2::TransitGateway/, 'transit gateways are not modelled: traffic routed to one goes nowhere in traces'],
  [
    /^AWS::EC2::EgressOnlyInternetGateway$/,
    'an egress-only internet gateway carries IPv6 traffic only, and IPv6 is not modelled',
  ],
  [/^AWS::EC2::SubnetCidrBlock$/, 'a subnet’s extra blocks are IPv6, which is not modelled'],
  [/^AWS::CloudFormation::Stack$/, 'a nested stack is not expanded: the resources of its template are not imported'],
  [/^AWS::Serverless::/, 'SAM resources are expanded by the AWS::Serverless transform, which is not run'],
  [/^AWS::(EC2::LaunchTemplate|AutoScaling::)/, 'instances that Auto Scaling launches are not known before they run'],
  [/^AWS::NetworkFirewall::/, 'network firewalls are not modelled: traffic is traced as if they let it pass'],
  [/^AWS::EC2::(CarrierGateway|LocalGateway)/, 'carrier and local gateways are not modelled'],
  [
    /^AWS::EC2::(VPCEndpointService|VPCEndpointServicePermissions)$/,
    'endpoint services (the provider side of PrivateLink) are not modelled',
  ],
];

function notModelledReason(type: string): string | undefined {
  return NOT_MODELLED_REASONS.find(([pattern]) => pattern.test(type))?.[1];
}

export interface TemplateImportOptions {
  /** AWS::Region and the zones of Fn::GetAZs (us-east-1 by default). */
  region?: string;
  accountId?: string;
  /** AWS::StackName (the file name, usually). */
  stackName?: string;
  /** Values for the template's parameters, overriding their defaults. */
  parameters?: Record<string, string>;
}

export interface TemplateImport {
  design: Design;
  /** What became of each template resource, in template order. */
  resources: TemplateResourceOutcome[];
  warnings: string[];
  placeholders: string[];
  /** Parameters without a default (and no supplied value): values that depend on them are unknown (`${Name}`). */
  unsetParameters: string[];
  outputs: string[];
}

export type TemplateImportResult = ({ ok: true } & TemplateImport) | { ok: false; error: string };

/** Whether parsed data looks like a CloudFormation template (rather than a design file or something else). */
export function isTemplate(data: Record<string, unknown>): boolean {
  return isRecord(data.Resources) || data.AWSTemplateFormatVersion !== undefined;
}

/**
 * Logical ids are alphanumeric (A–Z, a–z, 0–9) and unique within the template.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
 */
const LOGICAL_ID = /^[A-Za-z0-9]+$/;

const PSEUDO = new Set([
  'AWS::Region',
  'AWS::AccountId',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::Partition',
  'AWS::URLSuffix',
  'AWS::NoValue',
  'AWS::NotificationARNs',
]);

/**
 * CloudFormation refuses a template whose Ref, GetAtt or Sub names something that does not exist; so does the
 * importer, before reading anything, with the first such reference named.
 */
function findDanglingReference(
  template: Record<string, unknown>,
  resources: Set<string>,
  parameters: Set<string>,
): string | undefined {
  const known = (name: string) => PSEUDO.has(name) || parameters.has(name) || resources.has(name);
  const walk = (node: unknown, where: string, depth: number): string | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = walk(item, where, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (!isRecord(node)) return undefined;
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] === 'Ref' && typeof node.Ref === 'string' && !known(node.Ref)) {
      return `${where} refers to ${node.Ref}, which is not a parameter or resource in the template.`;
    }
    if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
      const target = Array.isArray(node['Fn::GetAtt'])
        ? node['Fn::GetAtt'][0]
        : String(node['Fn::GetAtt']).split('.')[0];
      if (typeof target === 'string' && !resources.has(target))
        return `${where} reads an attribute of ${target}, which is not a resource in the template.`;
    }
    if (keys.length === 1 && keys[0] === 'Fn::Sub') {
      const sub = node['Fn::Sub'];
      const text = Array.isArray(sub) ? sub[0] : sub;
      const vars = Array.isArray(sub) && isRecord(sub[1]) ? sub[1] : {};
      if (typeof text === 'string') {
        for (const match of text.matchAll(/\$\{([^}!][^}]*)\}/g)) {
          const name = match[1]!.trim();
          if (Object.hasOwn(vars, name) || known(name)) continue;
          const head = name.split('.')[0]!;
          if (name.includes('.') && resources.has(head)) continue;
          return `${where} substitutes \${${name}}, which is not a parameter or resource in the template.`;
        }
      }
    }
    for (const key of keys) {
      const found = walk(node[key], where, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  const sections: Array<[string, unknown]> = [];
  // A loop left unexpanded (over an unknown list) and an AWS::Include snippet are reported, not read.
  const readable = (id: string) => !id.startsWith('Fn::');
  if (isRecord(template.Resources))
    for (const [id, r] of Object.entries(template.Resources)) if (readable(id)) sections.push([id, r]);
  if (isRecord(template.Outputs))
    for (const [id, o] of Object.entries(template.Outputs)) if (readable(id)) sections.push([`Output ${id}`, o]);
  if (isRecord(template.Conditions))
    for (const [id, c] of Object.entries(template.Conditions)) sections.push([`Condition ${id}`, c]);
  for (const [where, node] of sections) {
    const found = walk(node, where, 0);
    if (found) return found;
  }
  return undefined;
}

/**
 * The template with its Fn::ForEach loops expanded (Resources and Outputs), taking list parameters' supplied
 * values or defaults. Templates without loops come back as they are.
 */
function withLoopsExpanded(
  template: Record<string, unknown>,
  supplied: Record<string, string>,
): Record<string, unknown> {
  const hasLoop = (section: unknown) => isRecord(section) && Object.keys(section).some(isForEachKey);
  if (!hasLoop(template.Resources) && !hasLoop(template.Outputs)) return template;
  const params = isRecord(template.Parameters) ? template.Parameters : {};
  const parameterValue = (name: string): unknown => {
    if (Object.hasOwn(supplied, name)) return supplied[name];
    const spec = Object.hasOwn(params, name) ? params[name] : undefined;
    return isRecord(spec) ? spec.Default : undefined;
  };
  const out = { ...template };
  if (isRecord(template.Resources)) out.Resources = expandForEach(template.Resources, parameterValue);
  if (isRecord(template.Outputs)) out.Outputs = expandForEach(template.Outputs, parameterValue);
  return out;
}

/** A zone name is its region plus a letter (us-east-1a); local and wavelength zones add a suffix after a hyphen. */
const ZONE_NAME = /^([a-z]{2}(?:-gov)?-[a-z]+-\d+)[a-z]$/;

/** An endpoint service name that names its region: com.amazonaws.eu-west-1.s3, com.amazonaws.vpce.eu-west-1.vpce-svc-…. */
const SERVICE_REGION = /^com\.amazonaws\.(?:vpce\.)?([a-z]{2}(?:-gov)?-[a-z]+-\d+)\./;

/**
 * When no region is chosen and every subnet or endpoint that names a region literally (a zone like eu-west-2a, a
 * service like com.amazonaws.eu-west-2.s3) names the same one, that region is the template's: a template that
 * hard-codes eu-west-2 cannot be deployed anywhere else.
 */
function regionFromZones(resources: Record<string, unknown>): string | undefined {
  const regions = new Set<string>();
  for (const raw of Object.values(resources)) {
    if (!isRecord(raw) || !isRecord(raw.Properties)) continue;
    const { AvailabilityZone: zone, ServiceName: service } = raw.Properties;
    const match =
      raw.Type === 'AWS::EC2::Subnet' && typeof zone === 'string'
        ? ZONE_NAME.exec(zone)
        : raw.Type === 'AWS::EC2::VPCEndpoint' && typeof service === 'string'
          ? SERVICE_REGION.exec(service)
          : null;
    if (match) regions.add(match[1]!);
  }
  return regions.size === 1 ? [...regions][0] : undefined;
}

/**
 * Imports a parsed template.
 *
 * @example
 * importTemplate({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } })
 * // { ok: true, design: { resources: { Vpc: {...}, 'Vpc.MainRouteTable': {...}, ... } }, resources: [...], ... }
 */
export function importTemplate(
  source: Record<string, unknown>,
  options: TemplateImportOptions = {},
): TemplateImportResult {
  if (!isRecord(source.Resources)) {
    return { ok: false, error: 'The template has no Resources section (CloudFormation requires one).' };
  }
  const template = withLoopsExpanded(source, options.parameters ?? {});
  if (!isRecord(template.Resources))
    return { ok: false, error: 'The template has no Resources section (CloudFormation requires one).' };
  const inferred = options.region === undefined ? regionFromZones(template.Resources) : undefined;
  const region = options.region ?? inferred ?? DEFAULT_REGION;
  const accountId = options.accountId ?? DEFAULT_ACCOUNT;
  const stackName = options.stackName ?? 'imported-stack';

  const entries: Array<{
    id: string;
    type: string;
    resource?: TemplateResource;
    problem?: string;
    notModelled?: string;
  }> = [];
  const resources = new Map<string, TemplateResource>();
  for (const [id, raw] of Object.entries(template.Resources)) {
    const type = isRecord(raw) && typeof raw.Type === 'string' ? raw.Type : '';
    if (isForEachKey(id)) {
      entries.push({
        id,
        type: 'Fn::ForEach',
        notModelled: 'a loop over a list that is not known here (a parameter without a value) was not expanded',
      });
      continue;
    }
    if (id === 'Fn::Transform') {
      entries.push({
        id,
        type: 'Fn::Transform',
        notModelled:
          'a snippet the template includes (AWS::Include) is not fetched: the resources it adds are not imported',
      });
      continue;
    }
    if (!LOGICAL_ID.test(id)) {
      entries.push({ id, type, problem: 'logical ids must be alphanumeric (A–Z, a–z, 0–9)' });
      continue;
    }
    if (!isRecord(raw) || !type) {
      entries.push({ id, type: type || '(no Type)', problem: `it has no Type (it is ${describe(raw)})` });
      continue;
    }
    const resource: TemplateResource = { type, properties: isRecord(raw.Properties) ? raw.Properties : {} };
    if (raw.Properties !== undefined && raw.Properties !== null && !isRecord(raw.Properties)) {
      entries.push({ id, type, problem: `its Properties should be a mapping, not ${describe(raw.Properties)}` });
      continue;
    }
    if (raw.Condition !== undefined) {
      if (typeof raw.Condition !== 'string') return { ok: false, error: `${id}: Condition must name a condition.` };
      resource.condition = raw.Condition;
    }
    resources.set(id, resource);
    entries.push({ id, type, resource });
  }

  const parameters = new Set(isRecord(template.Parameters) ? Object.keys(template.Parameters) : []);
  // Like CloudFormation, refuse a value for a parameter the template does not declare (most often a typo).
  const undeclared = Object.keys(options.parameters ?? {}).find((name) => !parameters.has(name));
  if (undeclared !== undefined) {
    const declared = [...parameters];
    const list =
      declared.length === 0
        ? 'it declares none'
        : `it declares ${declared.slice(0, 20).join(', ')}${declared.length > 20 ? ', …' : ''}`;
    return {
      ok: false,
      error: `A value was given for the parameter ${undeclared.slice(0, 60)}, which the template does not declare (${list}).`,
    };
  }
  // CloudFormation checks the value each parameter will take against its constraints before creating anything.
  const constraintProblem = findParameterProblem(template, options.parameters ?? {});
  if (constraintProblem !== undefined) return { ok: false, error: constraintProblem };
  const dangling = findDanglingReference(template, new Set(resources.keys()), parameters);
  if (dangling) return { ok: false, error: dangling };

  const resolver = new Resolver(template, resources, {
    region,
    accountId,
    stackName,
    ...(options.parameters ? { parameterValues: options.parameters } : {}),
  });
  const ctx = new ImportContext(resolver, region, accountId);
  if (inferred && inferred !== DEFAULT_REGION)
    ctx.warn(`No region was chosen: using ${inferred}, the region the template's zones and endpoint services name.`);
  // AWS::LanguageExtensions is evaluated here (Fn::ForEach, Fn::Length, Fn::ToJsonString, FindInMap defaults); the
  // others (SAM, AWS::Include, macros) generate resources the import cannot know.
  const transforms = (
    Array.isArray(template.Transform)
      ? template.Transform
      : template.Transform === undefined
        ? []
        : [template.Transform]
  ).filter((t) => t !== 'AWS::LanguageExtensions');
  if (transforms.length > 0) {
    ctx.warn(
      `The template uses Transform ${JSON.stringify(transforms.length === 1 ? transforms[0] : transforms)}, which is not expanded: resources it would generate are not imported.`,
    );
  }

  // Conditions first: a resource whose Condition is false is not created (and is listed as skipped).
  const live: Array<{ id: string; type: string; resource: TemplateResource }> = [];
  const notModelled: Array<{ id: string; properties: unknown }> = [];
  for (const entry of entries) {
    if (entry.notModelled !== undefined) {
      ctx.record(entry.id, entry.type, { status: 'not-modelled', reason: entry.notModelled });
      continue;
    }
    if (!entry.resource) {
      ctx.record(entry.id, entry.type, { status: 'failed', reason: entry.problem ?? 'it could not be read' });
      continue;
    }
    const { condition } = entry.resource;
    if (condition !== undefined) {
      let holds: boolean;
      try {
        holds = resolver.condition(condition);
      } catch (e) {
        if (e instanceof TemplateError) return { ok: false, error: e.message };
        throw e;
      }
      if (!holds) {
        ctx.record(entry.id, entry.type, { status: 'skipped', reason: `its condition ${condition} is false` });
        continue;
      }
    }
    if (!Object.hasOwn(MODELLED_TYPES, entry.type)) {
      const reason = notModelledReason(entry.type);
      ctx.record(entry.id, entry.type, reason ? { status: 'not-modelled', reason } : { status: 'not-modelled' });
      notModelled.push({ id: entry.id, properties: entry.resource.properties });
      continue;
    }
    live.push({ id: entry.id, type: entry.type, resource: entry.resource });
  }

  for (let phase = 0; phase <= 5; phase++) {
    for (const { id, type } of live) {
      const mapper = MODELLED_TYPES[type]!;
      if (mapper.phase !== phase) continue;
      try {
        ctx.record(id, type, mapper.map(ctx, id, resolver.properties(id)));
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        ctx.record(id, type, { status: 'failed', reason: e.message });
      }
    }
    if (phase === 4) {
      // An EIP's own InstanceId associates it once the instances exist.
      for (const { id, type } of live) {
        if (type !== 'AWS::EC2::EIP' || ctx.outcomes.get(id)?.outcome.status === 'failed') continue;
        try {
          mapEipInstance(ctx, id, resolver.properties(id));
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
          ctx.warn(`${e.message} ${id} is kept without an instance.`);
        }
      }
    }
  }
  // Properties that could not be resolved but that the model never read cost nothing; the report says so.
  for (const { id } of live) {
    if (ctx.outcomes.get(id)?.outcome.status === 'failed') continue;
    for (const [key, reason] of resolver.unreadFailures(id)) {
      ctx.warn(`${reason} The model does not use ${id}.${key}, so it was left out.`);
    }
  }

  noteNotModelledUses(ctx.resources, notModelled);

  // Each VPC draws the zones its subnets use.
  for (const subnet of ctx.all('subnet')) {
    const vpc = ctx.get(subnet.vpcId, 'vpc');
    if (vpc && !vpc.availabilityZones.includes(subnet.availabilityZone))
      vpc.availabilityZones.push(subnet.availabilityZone);
  }
  for (const vpc of ctx.all('vpc')) vpc.availabilityZones.sort();
  assignAddresses(ctx);

  const design = emptyDesign({ name: stackName, region, accountId, resources: ctx.resources });
  const outputs = isRecord(template.Outputs) ? Object.keys(template.Outputs) : [];
  return {
    ok: true,
    design: { ...design, layout: autoLayout(design) },
    resources: entries.map((e) => ctx.outcomes.get(e.id)!),
    warnings: [...resolver.warnings, ...ctx.warnings],
    placeholders: ctx.placeholders,
    unsetParameters: resolver.unsetParameters,
    outputs,
  };
}

/** How many records of each kind a design holds (for the import report). */
export function countKinds(design: Design): Partial<Record<ResourceKind, number>> {
  const counts: Partial<Record<ResourceKind, number>> = {};
  for (const r of Object.values(design.resources)) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return counts;
}
