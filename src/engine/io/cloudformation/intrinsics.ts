/**
 * Resolves a template's intrinsic functions to plain values, the way CloudFormation would at stack creation:
 * parameters take their defaults (or values the caller supplies), pseudo parameters follow the chosen region,
 * conditions are evaluated, and `Ref`/`Fn::GetAtt` of a resource yield its logical id — the id the resource keeps
 * in the design — so references between resources survive as references between records.
 *
 * Intrinsic functions: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 * Pseudo parameters: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html
 */
import { formatIp, parseCidr, parseIp } from '../../cidr/cidr.ts';
import { zonesOf } from '../../model/create.ts';
import {
  deployedAttribute,
  importedValue,
  isUnknownValue,
  unknownElement,
  unknownParametersIn,
  unknownValue,
  wholeUnknownParameter,
} from '../../model/unknown.ts';
import { cidrSplitIpv6, isIpv6Cidr } from './ipv6.ts';
import { MAX_DEPTH, setOwn } from '../plainData.ts';

/** What `Ref: AWS::NoValue` resolves to: the property (or list item) is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** A template that CloudFormation itself would refuse (malformed intrinsic, dangling reference, cycle). */
export class TemplateError extends Error {}

export interface TemplateResource {
  type: string;
  properties: Record<string, unknown>;
  condition?: string;
}

export interface ResolverOptions {
  region: string;
  accountId: string;
  stackName: string;
  /** Parameter values that override the template's defaults. */
  parameterValues?: Record<string, string>;
}

/**
 * How many zones `Fn::GetAZs` lists. Regions have three to six; listing six never makes a valid `Fn::Select`
 * fail, and the import only uses the zones the template's subnets pick.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getavailabilityzones.html
 */
const ZONES_LISTED = 6;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The partition and URL suffix that go with a region (China and GovCloud differ). */
export function partitionOf(region: string): { partition: string; urlSuffix: string } {
  if (region.startsWith('cn-')) return { partition: 'aws-cn', urlSuffix: 'amazonaws.com.cn' };
  if (region.startsWith('us-gov-')) return { partition: 'aws-us-gov', urlSuffix: 'amazonaws.com' };
  return { partition: 'aws', urlSuffix: 'amazonaws.com' };
}

/**
 * `Fn::Cidr`: the first `count` blocks of `32 - cidrBits` prefix length inside `ipBlock`, in address order.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-cidr.html
 *
 * @example cidrSplit('192.168.0.0/24', 6, 5) // ['192.168.0.0/27', '192.168.0.32/27', …, '192.168.0.160/27']
 */
export function cidrSplit(ipBlock: string, count: number, cidrBits: number): string[] {
  const parsed = parseCidr(ipBlock);
  if (!parsed.ok) throw new TemplateError(`Fn::Cidr: ${parsed.error}`);
  if (!Number.isInteger(count) || count < 1 || count > 256)
    throw new TemplateError(`Fn::Cidr: count must be 1 to 256, not ${count}.`);
  const prefix = 32 - cidrBits;
  if (!Number.isInteger(cidrBits) || prefix < parsed.cidr.prefix || prefix > 32) {
    throw new TemplateError(`Fn::Cidr: ${cidrBits} subnet bits do not fit inside ${parsed.cidr.text}.`);
  }
  const size = 2 ** cidrBits;
  const available = (parsed.cidr.last - parsed.cidr.first + 1) / size;
  if (count > available)
    throw new TemplateError(
      `Fn::Cidr: ${parsed.cidr.text} holds only ${available} blocks of /${prefix}, not ${count}.`,
    );
  return Array.from({ length: count }, (_, i) => `${formatIp(parsed.cidr.first + i * size)}/${prefix}`);
}

function toText(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => toText(v, where)).join(',');
  throw new TemplateError(`${where} needs text, but got ${describe(value)}.`);
}

function toInteger(value: unknown, where: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isInteger(n)) throw new TemplateError(`${where} needs a whole number, but got ${describe(value)}.`);
  return n;
}

export function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Every condition and intrinsic, evaluated lazily and memoised; cycles are template errors. */
export class Resolver {
  readonly warnings: string[] = [];
  /**
   * Parameters without a default (and no supplied value). Their value is unknown, written `${Name}` (see
   * model/unknown.ts), so what depends on them reads as unknown rather than wrong.
   */
  readonly unsetParameters: string[] = [];
  private readonly parameters = new Map<string, unknown>();
  /**
   * Lists whose length nobody knows: a list parameter without a value, a split of an unknown value. They hold one
   * token; `Fn::Select` of any index gives that element's own token (`${Subnets}[1]`) instead of going out of range.
   */
  private readonly unknownLists = new WeakSet<unknown[]>();
  private readonly parameterTypes = new Map<string, string>();
  private readonly conditionValues = new Map<string, boolean>();
  private readonly conditionsInProgress = new Set<string>();
  private readonly resolvedProperties = new Map<string, Record<string, unknown>>();
  private readonly propertiesInProgress = new Set<string>();
  private readonly propertyFailures = new Map<string, Map<string, { message: string; read: boolean }>>();
  private readonly partition: string;
  private readonly urlSuffix: string;

  constructor(
    private readonly template: Record<string, unknown>,
    readonly resources: Map<string, TemplateResource>,
    readonly options: ResolverOptions,
  ) {
    ({ partition: this.partition, urlSuffix: this.urlSuffix } = partitionOf(options.region));
    const params = isRecord(template.Parameters) ? template.Parameters : {};
    for (const [name, spec] of Object.entries(params)) {
      const type = isRecord(spec) && typeof spec.Type === 'string' ? spec.Type : 'String';
      const supplied =
        options.parameterValues && Object.hasOwn(options.parameterValues, name)
          ? options.parameterValues[name]
          : undefined;
      const fallback = isRecord(spec) ? own(spec, 'Default') : undefined;
      let value: unknown = supplied ?? fallback;
      // A Systems Manager parameter's Default is the name of the parameter in Parameter Store, not its value.
      // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-supplied-parameter-types.html#cloudformation-supplied-parameter-types-ssm-parameter-types
      if (supplied === undefined && type.startsWith('AWS::SSM::Parameter::Value<') && value !== undefined) {
        if (!type.includes('AWS::EC2::Image::Id')) {
          this.warn(
            `Parameter ${name} is read from Systems Manager Parameter Store (${describe(value)}), so its value is unknown here (shown as \${${name}}); give it with --param ${name}=<value> to check what depends on it.`,
          );
        }
        value = undefined;
      }
      if (value === undefined) {
        if (!type.startsWith('AWS::SSM::Parameter::Value<') || supplied !== undefined || fallback === undefined)
          this.unsetParameters.push(name);
        value = unknownValue(name);
      }
      const isList =
        type === 'CommaDelimitedList' ||
        type.startsWith('List<') ||
        type.startsWith('AWS::SSM::Parameter::Value<List<');
      if (isList) {
        const unknown = isUnknownValue(value);
        value = Array.isArray(value)
          ? value.map(String)
          : String(value)
              .split(',')
              .map((s) => s.trim());
        if (unknown) this.unknownLists.add(value as unknown[]);
      }
      this.parameters.set(name, value);
      this.parameterTypes.set(name, type);
    }
  }

  /** The value of the template's first `AWS::EC2::VPC::Id` parameter: where outside subnets most likely live. */
  vpcParameterValue(): string | undefined {
    for (const [name, type] of this.parameterTypes) {
      const value = this.parameters.get(name);
      if (type === 'AWS::EC2::VPC::Id' && typeof value === 'string') return value;
    }
    return undefined;
  }

  hasParameter(name: string): boolean {
    return this.parameters.has(name);
  }

  /** A condition's truth, by name (`Conditions:` section). */
  condition(name: string): boolean {
    const known = this.conditionValues.get(name);
    if (known !== undefined) return known;
    const defs = isRecord(this.template.Conditions) ? this.template.Conditions : {};
    if (!Object.hasOwn(defs, name)) throw new TemplateError(`The condition ${name} is not defined in Conditions.`);
    if (this.conditionsInProgress.has(name)) throw new TemplateError(`The condition ${name} refers to itself.`);
    this.conditionsInProgress.add(name);
    try {
      const value = this.truth(this.value(defs[name], `Condition ${name}`, 0), `Condition ${name}`);
      this.conditionValues.set(name, value);
      return value;
    } finally {
      this.conditionsInProgress.delete(name);
    }
  }

  /**
   * A resource's properties with every intrinsic resolved (memoised; `AWS::NoValue` properties removed).
   *
   * Each property resolves on its own. One that cannot be resolved (a tag or user data built from an attribute
   * this importer cannot compute) stays in the result as a property that throws its TemplateError when read: the
   * resource fails only if the model reads it, and `unreadFailures` names the ones nobody read.
   */
  properties(id: string): Record<string, unknown> {
    const done = this.resolvedProperties.get(id);
    if (done) return done;
    const resource = this.resources.get(id);
    if (!resource) return {};
    if (this.propertiesInProgress.has(id))
      throw new TemplateError(`${id} depends on itself through its own attributes.`);
    this.propertiesInProgress.add(id);
    try {
      const props: Record<string, unknown> = {};
      const failures = new Map<string, { message: string; read: boolean }>();
      for (const key of Object.keys(resource.properties)) {
        try {
          const value = this.value(resource.properties[key], `${id}.${key}`, 1);
          if (value !== NO_VALUE && value !== undefined) setOwn(props, key, value);
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
          const failure = { message: e.message, read: false };
          failures.set(key, failure);
          Object.defineProperty(props, key, {
            enumerable: true,
            configurable: true,
            get() {
              failure.read = true;
              throw e;
            },
          });
        }
      }
      if (failures.size > 0) this.propertyFailures.set(id, failures);
      this.resolvedProperties.set(id, props);
      return props;
    } finally {
      this.propertiesInProgress.delete(id);
    }
  }

  /** The properties of a resource that could not be resolved and that nothing has read: `[name, reason]`. */
  unreadFailures(id: string): Array<[string, string]> {
    return [...(this.propertyFailures.get(id) ?? [])].filter(([, f]) => !f.read).map(([key, f]) => [key, f.message]);
  }

  /**
   * What `Ref` of a resource yields: its logical id, except a bucket's Ref is its name (policies use it in ARNs)
   * and an Elastic IP's is its address ("Ref returns the Elastic IP address"), so `!Sub '${NatEip}/32'` in a rule
   * or a policy is the address the design gives it.
   */
  refOf(id: string): unknown {
    const resource = this.resources.get(id);
    if (resource?.type === 'AWS::S3::Bucket') return this.bucketName(id);
    if (resource?.type === 'AWS::EC2::EIP') return this.elasticIpAddress(id);
    return id;
  }

  private elasticIpAddresses?: Map<string, string>;

  /**
   * The address of an Elastic IP of the template: the `Address` it names, else a stand-in from 198.19.0.0/16 (half
   * of the benchmarking range, RFC 2544), in template order. Not the documentation ranges (RFC 5737), which traces
   * and templates use for internet clients and offices. The importer gives each EIP record the same address.
   */
  elasticIpAddress(id: string): string {
    if (!this.elasticIpAddresses) {
      const addresses = new Map<string, string>();
      const ids = [...this.resources].filter(([, r]) => r.type === 'AWS::EC2::EIP').map(([eipId]) => eipId);
      for (const eipId of ids) {
        const given = this.resources.get(eipId)!.properties?.Address;
        if (typeof given === 'string' && parseIp(given.trim()) !== undefined) addresses.set(eipId, given.trim());
      }
      const taken = new Set(addresses.values());
      let next = parseIp('198.19.0.10')!;
      for (const eipId of ids) {
        if (addresses.has(eipId)) continue;
        while (taken.has(formatIp(next))) next++;
        addresses.set(eipId, formatIp(next++));
      }
      this.elasticIpAddresses = addresses;
    }
    return this.elasticIpAddresses.get(id) ?? id;
  }

  /** The name of a bucket: its BucketName, or the kind of name CloudFormation generates (stack-logicalid-…). */
  bucketName(id: string): string {
    const name = this.properties(id).BucketName;
    if (typeof name === 'string' && name !== '') return name;
    return `${this.options.stackName}-${id}`
      .toLowerCase()
      .replace(/[^a-z0-9.-]/g, '-')
      .slice(0, 63);
  }

  /** Resolves any value: intrinsics evaluated, `AWS::NoValue` dropped from lists and mappings. */
  value(node: unknown, where: string, depth: number): unknown {
    if (depth > MAX_DEPTH) throw new TemplateError(`${where} is nested too deeply.`);
    if (Array.isArray(node)) {
      const out: unknown[] = [];
      for (const item of node) {
        const v = this.value(item, where, depth + 1);
        if (v !== NO_VALUE) out.push(v);
      }
      return out;
    }
    if (!isRecord(node)) return node;
    const keys = Object.keys(node);
    if (keys.length === 1) {
      const key = keys[0]!;
      if (key === 'Ref' || key.startsWith('Fn::') || key === 'Condition') {
        // `Condition` is an intrinsic only inside Conditions and Fn::If/And/Or/Not; a property named Condition
        // (rare in resource properties) holds a plain string, which `fn` leaves alone.
        return this.fn(key, node[key], where, depth);
      }
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const v = this.value(node[key], `${where}.${key}`, depth + 1);
      if (v !== NO_VALUE && v !== undefined) setOwn(out, key, v);
    }
    return out;
  }

  private truth(value: unknown, where: string): boolean {
    if (typeof value === 'boolean') return value;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw new TemplateError(`${where} must be true or false, but is ${describe(value)}.`);
  }

  private args(raw: unknown, fn: string, where: string, depth: number, count?: number): unknown[] {
    if (!Array.isArray(raw)) throw new TemplateError(`${where}: ${fn} takes a list of arguments.`);
    if (count !== undefined && raw.length !== count)
      throw new TemplateError(`${where}: ${fn} takes ${count} arguments, not ${raw.length}.`);
    return raw.map((a) => this.value(a, where, depth + 1));
  }

  private fn(name: string, raw: unknown, where: string, depth: number): unknown {
    switch (name) {
      case 'Ref': {
        if (typeof raw !== 'string') throw new TemplateError(`${where}: Ref takes a name, not ${describe(raw)}.`);
        return this.ref(raw, where);
      }
      case 'Condition': {
        if (typeof raw !== 'string') return { Condition: this.value(raw, where, depth + 1) };
        return this.condition(raw);
      }
      case 'Fn::GetAtt': {
        let parts: unknown = raw;
        if (typeof raw === 'string') parts = raw.split(/\.(.*)/s).filter((s) => s !== '');
        if (!Array.isArray(parts) || parts.length !== 2)
          throw new TemplateError(`${where}: Fn::GetAtt takes a resource and an attribute.`);
        const [resourceId, attribute] = [parts[0], this.value(parts[1], where, depth + 1)];
        if (typeof resourceId !== 'string' || typeof attribute !== 'string')
          throw new TemplateError(`${where}: Fn::GetAtt takes a resource and an attribute.`);
        return this.getAtt(resourceId, attribute, where);
      }
      case 'Fn::Sub':
        return this.sub(raw, where, depth);
      case 'Fn::Join': {
        const [delimiter, list] = this.args(raw, name, where, depth, 2);
        if (typeof list === 'string' && wholeUnknownParameter(list) !== undefined) return list; // an unknown list, joined
        if (!Array.isArray(list))
          throw new TemplateError(`${where}: Fn::Join needs a list to join, not ${describe(list)}.`);
        return list.map((v) => toText(v, `${where}: Fn::Join`)).join(toText(delimiter, `${where}: Fn::Join`));
      }
      case 'Fn::Select': {
        const [index, list] = this.args(raw, name, where, depth, 2);
        const i = toInteger(index, `${where}: Fn::Select`);
        // A list-valued attribute or import only known once deployed (a load balancer's SecurityGroups, …).
        if (typeof list === 'string' && wholeUnknownParameter(list) !== undefined && i >= 0)
          return unknownElement(list, i);
        if (!Array.isArray(list)) throw new TemplateError(`${where}: Fn::Select needs a list, not ${describe(list)}.`);
        if (this.unknownLists.has(list) && i >= 0) return unknownElement(String(list[0]), i);
        if (i < 0 || i >= list.length)
          throw new TemplateError(`${where}: Fn::Select index ${i} is out of range (the list has ${list.length}).`);
        return list[i];
      }
      case 'Fn::Split': {
        const [delimiter, text] = this.args(raw, name, where, depth, 2);
        const parts = toText(text, `${where}: Fn::Split`).split(toText(delimiter, `${where}: Fn::Split`));
        // An unknown value that holds no delimiter may still be a list of many once known.
        if (parts.length === 1 && isUnknownValue(parts[0])) this.unknownLists.add(parts);
        return parts;
      }
      case 'Fn::GetAZs': {
        const region = this.value(raw, where, depth + 1);
        const r = typeof region === 'string' && region !== '' ? region : this.options.region;
        return zonesOf(r, ZONES_LISTED);
      }
      case 'Fn::FindInMap':
        return this.findInMap(raw, where, depth);
      case 'Fn::Cidr': {
        const [block, count, bits] = this.args(raw, name, where, depth, 3);
        // Blocks carved from an unknown range are unknown too (one per block asked for, so Fn::Select still works).
        if (isUnknownValue(block))
          return Array.from(
            { length: Math.min(Math.max(toInteger(count, `${where}: Fn::Cidr`), 1), 256) },
            () => block,
          );
        if (isIpv6Cidr(block))
          return cidrSplitIpv6(
            String(block),
            toInteger(count, `${where}: Fn::Cidr`),
            toInteger(bits, `${where}: Fn::Cidr`),
          );
        return cidrSplit(
          toText(block, `${where}: Fn::Cidr`),
          toInteger(count, `${where}: Fn::Cidr`),
          toInteger(bits, `${where}: Fn::Cidr`),
        );
      }
      case 'Fn::If': {
        if (!Array.isArray(raw) || raw.length !== 3 || typeof raw[0] !== 'string') {
          throw new TemplateError(`${where}: Fn::If takes a condition name and two values.`);
        }
        return this.value(this.condition(raw[0]) ? raw[1] : raw[2], where, depth + 1);
      }
      case 'Fn::Equals': {
        const [a, b] = this.args(raw, name, where, depth, 2);
        for (const parameter of [a, b].flatMap((v) => (typeof v === 'string' ? unknownParametersIn(v) : []))) {
          this.warn(
            `Conditions that compare ${parameter}, a parameter without a default, were evaluated with its value unknown (not equal to anything).`,
          );
        }
        return toComparable(a) === toComparable(b);
      }
      case 'Fn::Not': {
        const [a] = this.args(raw, name, where, depth, 1);
        return !this.truth(a, `${where}: Fn::Not`);
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = this.args(raw, name, where, depth).map((v) => this.truth(v, `${where}: ${name}`));
        if (values.length < 2 || values.length > 10)
          throw new TemplateError(`${where}: ${name} takes 2 to 10 conditions.`);
        return name === 'Fn::And' ? values.every(Boolean) : values.some(Boolean);
      }
      case 'Fn::ImportValue': {
        const exported = toText(this.value(raw, where, depth + 1), `${where}: Fn::ImportValue`);
        this.warn(
          `${where} imports ${exported} from another stack; its value is unknown here, so its name stands in for it.`,
        );
        return importedValue(exported);
      }
      case 'Fn::Base64':
        return toText(this.value(raw, where, depth + 1), `${where}: Fn::Base64`);
      case 'Fn::Length': {
        const list = this.value(raw, where, depth + 1);
        if (!Array.isArray(list)) throw new TemplateError(`${where}: Fn::Length needs a list.`);
        return list.length;
      }
      case 'Fn::ToJsonString':
        return JSON.stringify(this.value(raw, where, depth + 1));
      default:
        this.warn(`${where} uses ${name}, which this importer does not evaluate; the value was left out.`);
        return NO_VALUE;
    }
  }

  private ref(name: string, where: string): unknown {
    switch (name) {
      case 'AWS::Region':
        return this.options.region;
      case 'AWS::AccountId':
        return this.options.accountId;
      case 'AWS::StackName':
        return this.options.stackName;
      case 'AWS::StackId':
        return `arn:${this.partition}:cloudformation:${this.options.region}:${this.options.accountId}:stack/${this.options.stackName}/00000000-0000-0000-0000-000000000000`;
      case 'AWS::Partition':
        return this.partition;
      case 'AWS::URLSuffix':
        return this.urlSuffix;
      case 'AWS::NoValue':
        return NO_VALUE;
      case 'AWS::NotificationARNs':
        return [];
    }
    if (this.parameters.has(name)) return this.parameters.get(name);
    if (this.resources.has(name)) return this.refOf(name);
    throw new TemplateError(`${where} refers to ${name}, which is not a parameter or resource in the template.`);
  }

  private getAtt(id: string, attribute: string, where: string): unknown {
    const resource = this.resources.get(id);
    if (!resource)
      throw new TemplateError(`${where}: Fn::GetAtt names ${id}, which is not a resource in the template.`);
    const props = () => this.properties(id);
    switch (`${resource.type}.${attribute}`) {
      // The VPC's own default security group and network ACL: the import creates them under these ids.
      // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html#aws-resource-ec2-vpc-return-values
      case 'AWS::EC2::VPC.DefaultSecurityGroup':
        return `${id}.DefaultSecurityGroup`;
      case 'AWS::EC2::VPC.DefaultNetworkAcl':
        return `${id}.DefaultNetworkAcl`;
      case 'AWS::EC2::VPC.CidrBlock':
      case 'AWS::EC2::Subnet.CidrBlock':
        // A block from an IPAM pool is only known once deployed.
        return props().CidrBlock ?? deployedAttribute(id, attribute);
      case 'AWS::EC2::VPC.CidrBlockAssociations':
        return [`${id}.CidrBlockAssociation`];
      case 'AWS::EC2::Subnet.AvailabilityZone':
        return props().AvailabilityZone;
      case 'AWS::EC2::Subnet.VpcId':
      case 'AWS::EC2::SecurityGroup.VpcId':
        return props().VpcId;
      case 'AWS::EC2::Instance.PrivateIp':
        return props().PrivateIpAddress ?? deployedAttribute(id, attribute);
      case 'AWS::EC2::NetworkInterface.PrimaryPrivateIpAddress':
        return (
          props().PrivateIpAddress ?? primaryAddress(props().PrivateIpAddresses) ?? deployedAttribute(id, attribute)
        );
      // IPv6 is not modelled, but templates carve subnets' IPv6 blocks out of these lists: they must be lists of
      // IPv6 blocks (a documentation prefix, RFC 3849, stands in for the block Amazon assigns).
      case 'AWS::EC2::VPC.Ipv6CidrBlocks':
        return [this.ipv6BlockOf(id)];
      case 'AWS::EC2::Subnet.Ipv6CidrBlocks': {
        const block = props().Ipv6CidrBlock;
        return [typeof block === 'string' ? block : deployedAttribute(id, attribute)];
      }
      // "hosted-zone-id:dns-name" pairs; templates split them to reach the name.
      // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html#aws-resource-ec2-vpcendpoint-return-values
      case 'AWS::EC2::VPCEndpoint.DnsEntries': {
        const name = `${id.toLowerCase()}.vpce.${this.options.region}.vpce.${this.urlSuffix}`;
        return [`Z0000000000000000000:${name}`, `Z0000000000000000000:${this.options.region}a.${name}`];
      }
      case 'AWS::EC2::NetworkInterface.SecondaryPrivateIpAddresses':
        return secondaryAddresses(props().PrivateIpAddresses);
      case 'AWS::S3::Bucket.Arn':
        return `arn:${this.partition}:s3:::${this.bucketName(id)}`;
      case 'AWS::S3::Bucket.DomainName':
        return `${this.bucketName(id)}.s3.${this.urlSuffix}`;
      case 'AWS::S3::Bucket.RegionalDomainName':
        return `${this.bucketName(id)}.s3.${this.options.region}.${this.urlSuffix}`;
      // An Elastic IP's allocation id identifies the EIP record in the design; PublicIp is its address.
      case 'AWS::EC2::EIP.AllocationId':
        return id;
      case 'AWS::EC2::EIP.PublicIp':
        return this.elasticIpAddress(id);
    }
    // Attributes that are the resource's own id (GroupId, SubnetId, Id, …) keep the logical id; anything else
    // (DNS names, ARNs, a nested stack's outputs) is only known once deployed: an unknown value that names it.
    if (
      attribute === 'Id' ||
      /^(Group|Subnet|Vpc|RouteTable|NetworkAcl|NetworkInterface|Instance|Allocation|NatGateway|InternetGateway|VpnGateway|VpcEndpoint|VpcPeeringConnection|PrefixList)Id$/.test(
        attribute,
      )
    ) {
      return id;
    }
    return deployedAttribute(id, attribute);
  }

  /** The IPv6 block a VPC's template gives it (AWS::EC2::VPCCidrBlock with Ipv6CidrBlock), or a stand-in /56. */
  private ipv6BlockOf(vpcId: string): string {
    let n = 0;
    let counting = true;
    for (const [id, resource] of this.resources) {
      const { VpcId, Ipv6CidrBlock } = resource.properties;
      if (
        resource.type === 'AWS::EC2::VPCCidrBlock' &&
        isRecord(VpcId) &&
        VpcId.Ref === vpcId &&
        typeof Ipv6CidrBlock === 'string'
      )
        return Ipv6CidrBlock;
      if (resource.type !== 'AWS::EC2::VPC' || !counting) continue;
      if (id === vpcId) counting = false;
      else n++;
    }
    return n % 256 === 0 ? '2001:db8::/56' : `2001:db8:0:${(n % 256).toString(16)}00::/56`;
  }

  private sub(raw: unknown, where: string, depth: number): string {
    let text: unknown = raw;
    let vars: Record<string, unknown> = {};
    if (Array.isArray(raw)) {
      if (raw.length !== 2 || !isRecord(raw[1]))
        throw new TemplateError(`${where}: Fn::Sub takes a string, or a string and a mapping of variables.`);
      text = raw[0];
      vars = raw[1];
    }
    if (typeof text !== 'string') throw new TemplateError(`${where}: Fn::Sub needs a string, not ${describe(text)}.`);
    return text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      if (Object.hasOwn(vars, name)) return toText(this.value(vars[name], where, depth + 1), `${where}: Fn::Sub`);
      const dot = name.indexOf('.');
      if (dot > 0 && !name.startsWith('AWS::') && this.resources.has(name.slice(0, dot))) {
        return toText(this.getAtt(name.slice(0, dot), name.slice(dot + 1), where), `${where}: Fn::Sub`);
      }
      if (name === '') return whole;
      const value = this.ref(name, where);
      return value === NO_VALUE ? '' : toText(value, `${where}: Fn::Sub`);
    });
  }

  private findInMap(raw: unknown, where: string, depth: number): unknown {
    if (!Array.isArray(raw) || raw.length < 3)
      throw new TemplateError(`${where}: Fn::FindInMap takes a map name and two keys.`);
    const [mapName, top, second] = raw
      .slice(0, 3)
      .map((a) => toText(this.value(a, where, depth + 1), `${where}: Fn::FindInMap`));
    // The language extension's optional DefaultValue (fourth argument).
    const fallback =
      raw[3] !== undefined && isRecord(raw[3]) && Object.hasOwn(raw[3], 'DefaultValue')
        ? raw[3].DefaultValue
        : undefined;
    const mappings = isRecord(this.template.Mappings) ? this.template.Mappings : {};
    const map = own(mappings, mapName!);
    const level = isRecord(map) ? own(map, top!) : undefined;
    const found = isRecord(level) ? own(level, second!) : undefined;
    if (found !== undefined) return this.value(found, where, depth + 1);
    if (fallback !== undefined) return this.value(fallback, where, depth + 1);
    if (
      top === this.options.region &&
      isRecord(map) &&
      !isRecord(level) &&
      Object.keys(map).some((key) => /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(key))
    ) {
      const regions = Object.keys(map).slice(0, 8).join(', ');
      this.warn(
        `The mapping ${mapName} has no entry for ${top}, the region imported for: the template deploys only in ${regions}${Object.keys(map).length > 8 ? ', …' : ''}. Choose one of those regions to import it as it would deploy.`,
      );
    }
    throw new TemplateError(`${where}: Fn::FindInMap finds nothing at ${mapName} › ${top} › ${second}.`);
  }

  warn(message: string): void {
    if (this.warnings.length < 200 && !this.warnings.includes(message)) this.warnings.push(message);
  }
}

function toComparable(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map(toComparable));
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function primaryAddress(list: unknown): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const primary = list.find((a) => isRecord(a) && (a.Primary === true || a.Primary === 'true')) ?? list[0];
  return isRecord(primary) && typeof primary.PrivateIpAddress === 'string' ? primary.PrivateIpAddress : undefined;
}

function secondaryAddresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(
      (a) => isRecord(a) && !(a.Primary === true || a.Primary === 'true') && typeof a.PrivateIpAddress === 'string',
    )
    .map((a) => (a as Record<string, string>).PrivateIpAddress!);
}
