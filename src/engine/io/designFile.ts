/**
 * The design file: versioned JSON with migrations. Reading never throws: it returns the design or a plain
 * sentence saying why the file cannot be used, and it never lets a hostile file pollute prototypes.
 *
 * Every resource is checked field by field against its kind (`RESOURCE_FIELDS`): a field of the wrong type is
 * repaired to its default with a warning, so the rest of the app can trust the shapes. Values of the right type
 * but wrong for AWS (a CIDR of `/33`, `banana`) load as they are — the rules report them as findings.
 */
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../model/create.ts';
import type {
  Box,
  Design,
  Failures,
  Flow,
  NetworkAclRule,
  Refusal,
  Resource,
  ResourceKind,
  ResourceOfKind,
  Route,
  SecurityGroupRule,
} from '../model/types.ts';
import { DESIGN_FORMAT, DESIGN_FORMAT_VERSION, RESOURCE_KINDS } from '../model/types.ts';
import { NestingError, setOwn, toPlainData } from './plainData.ts';
import { subnetZonesOf } from '../traffic/failures.ts';

export type ReadResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: string };

/** The design file's text: indented for people (a download), or `compact` for machines (a share link). */
export function serializeDesign(design: Design, style: 'indented' | 'compact' = 'indented'): string {
  return style === 'compact' ? JSON.stringify(design) : JSON.stringify(design, null, 2);
}

/** Each migration takes a file of version `from` to `from + 1`. Add one (with a test) whenever the format changes. */
const MIGRATIONS: Array<{ from: number; id: string; migrate(file: Record<string, unknown>): Record<string, unknown> }> =
  [];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of parsed JSON with dangerous keys dropped, so nothing downstream can reach Object.prototype. */
export function sanitize(value: unknown, depth = 0): unknown {
  if (depth > 64) return undefined;
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  if (isRecord(value)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
      out[k] = sanitize(v, depth + 1);
    }
    return Object.assign({}, out);
  }
  return value;
}

const KINDS = new Set<string>(RESOURCE_KINDS);

// ---------------------------------------------------------------------------------------------------------------
// Field checks. Each reader returns the value to keep, or `undefined` for an optional field that is absent; a
// reader that has to repair a value says why.

type Issue = (message: string) => void;
type Reader = (value: unknown, issue: Issue, design: { region: string; accountId: string }) => unknown;

const OMIT = undefined;

function text(fallback: string | ((d: { region: string; accountId: string }) => string)): Reader {
  return (v, issue, d) => {
    if (typeof v === 'string') return v;
    const def = typeof fallback === 'function' ? fallback(d) : fallback;
    if (typeof v === 'number' || typeof v === 'boolean') {
      issue(`should be text, not ${String(v)}; read as "${String(v)}"`);
      return String(v);
    }
    if (v !== undefined) issue(`should be text, not ${kindOf(v)}; using "${def}"`);
    return def;
  };
}

const optionalText: Reader = (v, issue) => {
  if (v === undefined || v === null) return OMIT;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  issue(`should be text, not ${kindOf(v)}; it was dropped`);
  return OMIT;
};

function number(fallback: number): Reader {
  return (v, issue) => {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    if (v !== undefined) issue(`should be a number, not ${kindOf(v)}; using ${fallback}`);
    return fallback;
  };
}

const optionalNumber: Reader = (v, issue) => {
  if (v === undefined || v === null) return OMIT;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  issue(`should be a number, not ${kindOf(v)}; it was dropped`);
  return OMIT;
};

function bool(fallback: boolean): Reader {
  return (v, issue) => {
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    if (v !== undefined) issue(`should be true or false, not ${kindOf(v)}; using ${fallback}`);
    return fallback;
  };
}

const optionalBool: Reader = (v, issue) => {
  if (v === undefined || v === null) return OMIT;
  if (typeof v === 'boolean') return v;
  issue(`should be true or false, not ${kindOf(v)}; it was dropped`);
  return OMIT;
};

function oneOf<T extends string>(values: readonly T[], fallback: T): Reader {
  return (v, issue) => {
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v;
    if (v !== undefined) issue(`should be one of ${values.join(', ')}, not ${kindOf(v)}; using ${fallback}`);
    return fallback;
  };
}

/** A list of texts (ids, CIDRs, addresses); a single text is taken as a list of one. */
const texts: Reader = (v, issue) => {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') {
    issue('should be a list; read as a list of one');
    return [v];
  }
  if (!Array.isArray(v)) {
    issue(`should be a list, not ${kindOf(v)}; using an empty list`);
    return [];
  }
  const out = v.filter((item) => typeof item === 'string' || typeof item === 'number').map(String);
  if (out.length !== v.length) issue(`holds ${v.length - out.length} item(s) that are not text; they were dropped`);
  return out;
};

const optionalTexts: Reader = (v, issue, d) => (v === undefined || v === null ? OMIT : texts(v, issue, d));

/** Any JSON (policy documents), copied without prototype-reaching keys. */
const json: Reader = (v) => (v === undefined ? OMIT : toPlainData(v));

function records(fields: Record<string, Reader>, what: string): Reader {
  return (v, issue, d) => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      issue(`should be a list of ${what}, not ${kindOf(v)}; using an empty list`);
      return [];
    }
    const out: Record<string, unknown>[] = [];
    v.forEach((item, i) => {
      if (!isRecord(item)) {
        issue(`item ${i + 1} is not a ${what}; it was dropped`);
        return;
      }
      out.push(
        readFields(item, fields, (m) => issue(`${what} ${typeof item.id === 'string' ? item.id : i + 1}: ${m}`), d),
      );
    });
    return out;
  };
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v);
  return String(v);
}

function readFields(
  raw: Record<string, unknown>,
  fields: Record<string, Reader>,
  issue: Issue,
  d: { region: string; accountId: string },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, read] of Object.entries(fields)) {
    const value = read(Object.hasOwn(raw, field) ? raw[field] : undefined, (m) => issue(`${field} ${m}`), d);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

const ROUTE: Record<keyof Route, Reader> = {
  id: optionalText,
  destinationCidrBlock: optionalText,
  destinationPrefixListId: optionalText,
  fromPrefixListId: optionalText,
  targetId: text(''),
};
const SG_RULE: Record<keyof SecurityGroupRule, Reader> = {
  id: optionalText,
  protocol: text('-1'),
  fromPort: number(-1),
  toPort: number(-1),
  cidr: optionalText,
  groupId: optionalText,
  prefixListId: optionalText,
  description: optionalText,
};
const ACL_RULE: Record<keyof NetworkAclRule, Reader> = {
  id: optionalText,
  ruleNumber: number(0),
  protocol: text('-1'),
  fromPort: optionalNumber,
  toPort: optionalNumber,
  cidr: text(''),
  action: oneOf(['allow', 'deny'] as const, 'deny'),
};
const REFUSAL: Record<keyof Refusal, Reader> = { message: text(''), resources: texts };
/** A list of records that may be absent (then left out, not made empty). */
function optionalRecords(fields: Record<string, Reader>, what: string): Reader {
  const read = records(fields, what);
  return (v, issue, d) => (v === undefined || v === null ? OMIT : read(v, issue, d));
}
const region = (d: { region: string }) => d.region;

/**
 * Every field of every kind, and how to read it. Typed against the model (src/engine/model/types.ts), so a field
 * added there and not here — which the reader would silently drop — is a type error.
 */
type FieldReaders = { [K in ResourceKind]: Record<Exclude<keyof ResourceOfKind<K>, keyof Resource>, Reader> };

/** The fields every kind has, besides id, kind and name (`keyof Resource` is what all kinds share). */
export const COMMON_FIELDS: Record<Exclude<keyof Resource, 'id' | 'kind' | 'name'>, Reader> = {
  external: optionalBool,
  refusals: optionalRecords(REFUSAL, 'refusal'),
  usedByNotModelled: optionalTexts,
};

export const RESOURCE_FIELDS: FieldReaders = {
  vpc: {
    cidrBlocks: texts,
    enableDnsSupport: bool(true),
    enableDnsHostnames: bool(true),
    region: text(region),
    accountId: text((d) => d.accountId),
    availabilityZones: texts,
  },
  subnet: {
    vpcId: text(''),
    cidrBlock: text(''),
    availabilityZone: text(''),
    mapPublicIpOnLaunch: bool(false),
    routeTableId: optionalText,
    networkAclId: optionalText,
    ipv6Native: optionalBool,
  },
  internetGateway: { vpcId: optionalText },
  natGateway: {
    subnetId: text(''),
    connectivityType: oneOf(['public', 'private'] as const, 'public'),
    elasticIpId: optionalText,
    privateIp: optionalText,
    securityGroupIds: optionalTexts,
  },
  instance: {
    subnetId: text(''),
    instanceType: text('t3.micro'),
    privateIp: text(''),
    associatePublicIp: optionalBool,
    publicIp: optionalText,
    elasticIpId: optionalText,
    securityGroupIds: texts,
    sourceDestCheck: bool(true),
    securityGroupNames: optionalTexts,
  },
  networkInterface: {
    subnetId: text(''),
    privateIps: texts,
    securityGroupIds: texts,
    sourceDestCheck: bool(true),
    instanceId: optionalText,
    deviceIndex: optionalNumber,
    elasticIpId: optionalText,
  },
  elasticIp: { publicIp: text('') },
  routeTable: { vpcId: text(''), main: bool(false), routes: records(ROUTE, 'route'), propagatingGatewayIds: texts },
  securityGroup: {
    vpcId: text(''),
    description: text(''),
    isDefault: bool(false),
    ingress: records(SG_RULE, 'rule'),
    egress: records(SG_RULE, 'rule'),
  },
  networkAcl: {
    vpcId: text(''),
    isDefault: bool(false),
    inbound: records(ACL_RULE, 'rule'),
    outbound: records(ACL_RULE, 'rule'),
  },
  peeringConnection: {
    requesterVpcId: text(''),
    accepterVpcId: text(''),
    status: oneOf(
      ['pending-acceptance', 'active', 'rejected', 'expired', 'failed', 'deleted'] as const,
      'pending-acceptance',
    ),
    requestedAt: optionalText,
  },
  vpcEndpoint: {
    vpcId: text(''),
    endpointType: oneOf(['Gateway', 'Interface'] as const, 'Gateway'),
    serviceName: text(''),
    routeTableIds: texts,
    subnetIds: texts,
    securityGroupIds: texts,
    privateDnsEnabled: bool(false),
    policyDocument: json,
  },
  s3Bucket: { bucketName: text(''), region: text(region), policyDocument: json },
  virtualPrivateGateway: { vpcId: optionalText, amazonSideAsn: number(64512) },
  customerGateway: { ipAddress: text(''), bgpAsn: number(65000) },
  vpnConnection: {
    vpnGatewayId: text(''),
    customerGatewayId: text(''),
    staticRoutesOnly: bool(false),
    onPremisesCidrs: texts,
  },
  directConnectGateway: { amazonSideAsn: number(64512), virtualPrivateGatewayIds: texts, onPremisesCidrs: texts },
  internet: {},
  awsService: { service: text('s3') },
};

const FLOW_FIELDS: Record<keyof Flow, Reader> = {
  id: text(''),
  name: text(''),
  from: text(''),
  to: text(''),
  protocol: oneOf(['tcp', 'udp', 'icmp'] as const, 'tcp'),
  port: optionalNumber,
  action: optionalText,
  resource: optionalText,
};

/** At most this many warnings are listed; the rest are counted. */
const MAX_WARNINGS = 50;

/**
 * A JSON file's text as data, or the one line that says why it is not (empty, not JSON) — for every file format
 * the app reads (designs, lessons).
 */
export function parseJsonFile(text: string): { ok: true; raw: unknown } | { ok: false; error: string } {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'The file is empty.' };
  try {
    return { ok: true, raw: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON (${(e as Error).message.split('\n')[0]}).` };
  }
}

/** Reads a design file's text. */
export function parseDesignFile(text: string): ReadResult<Design> {
  const json = parseJsonFile(text);
  return json.ok ? readDesign(json.raw) : json;
}

/**
 * Checks and repairs an already-parsed design (from a file, local storage or the clipboard). Only the fields the
 * format defines are copied (ids with `setOwn`), so no key of the input can reach a prototype.
 */
export function readDesign(raw: unknown): ReadResult<Design> {
  try {
    return readUnchecked(raw);
  } catch (e) {
    if (e instanceof NestingError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: 'The design is nested too deeply to read.' };
    return {
      ok: false,
      error: `The design could not be read (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`,
    };
  }
}

function readUnchecked(raw: unknown): ReadResult<Design> {
  if (!isRecord(raw)) return { ok: false, error: 'The file does not hold a design (expected a JSON object).' };
  if (raw.format !== DESIGN_FORMAT)
    return {
      ok: false,
      error: `The file is not a VPC Designer design (format is ${JSON.stringify(raw.format ?? null)}).`,
    };
  let file = raw;
  let version = typeof file.formatVersion === 'number' ? file.formatVersion : 0;
  if (version > DESIGN_FORMAT_VERSION) {
    return {
      ok: false,
      error: `The design was saved by a newer VPC Designer (format ${version}; this one reads up to ${DESIGN_FORMAT_VERSION}).`,
    };
  }
  for (const m of MIGRATIONS) {
    if (m.from === version) {
      file = m.migrate(file);
      version = m.from + 1;
    }
  }
  const warnings: string[] = [];
  let dropped = 0;
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else dropped++;
  };
  const context = {
    region: typeof file.region === 'string' ? file.region : DEFAULT_REGION,
    accountId: typeof file.accountId === 'string' ? file.accountId : DEFAULT_ACCOUNT,
  };

  const resources: Record<string, Resource> = {};
  const rawResources = isRecord(file.resources) ? file.resources : {};
  if (file.resources !== undefined && !isRecord(file.resources))
    warn('resources should be an object of resources by id; none were read.');
  for (const key of Object.keys(rawResources)) {
    const value = rawResources[key];
    if (key === '__proto__') {
      warn('Skipped a resource named __proto__ (never a valid id).');
      continue;
    }
    if (!isRecord(value) || typeof value.kind !== 'string' || !KINDS.has(value.kind)) {
      warn(
        `Skipped ${key}: not a resource this version understands${isRecord(value) && typeof value.kind === 'string' ? ` (kind ${JSON.stringify(value.kind)})` : ''}.`,
      );
      continue;
    }
    const kind = value.kind as ResourceKind;
    const fields = readFields(
      value,
      { ...COMMON_FIELDS, ...(RESOURCE_FIELDS[kind] as Record<string, Reader>) },
      (m) => warn(`${key}: ${m}.`),
      context,
    );
    const resource = { id: key, kind, name: typeof value.name === 'string' ? value.name : key, ...fields } as Resource;
    setOwn(resources, key, resource);
  }

  const layout: Record<string, Box> = {};
  if (isRecord(file.layout)) {
    for (const key of Object.keys(file.layout)) {
      const value = file.layout[key];
      if (key === '__proto__') continue;
      if (isRecord(value) && Number.isFinite(value.x) && Number.isFinite(value.y)) {
        const box: Box = { x: value.x as number, y: value.y as number };
        if (Number.isFinite(value.width) && (value.width as number) > 0) box.width = value.width as number;
        if (Number.isFinite(value.height) && (value.height as number) > 0) box.height = value.height as number;
        setOwn(layout, key, box);
      }
    }
  }
  const flows: Flow[] = [];
  if (Array.isArray(file.flows)) {
    file.flows.forEach((f, i) => {
      if (!isRecord(f) || typeof f.id !== 'string' || typeof f.from !== 'string' || typeof f.to !== 'string') {
        warn(`Skipped flow ${i + 1}: it needs an id, a from and a to.`);
        return;
      }
      flows.push(readFields(f, FLOW_FIELDS, (m) => warn(`flow ${f.id}: ${m}.`), context) as unknown as Flow);
    });
  }
  const failures = readFailures(file.failures, resources, warn);
  if (dropped > 0) warnings.push(`…and ${dropped} more problem${dropped > 1 ? 's' : ''}.`);
  return {
    ok: true,
    warnings,
    value: {
      format: DESIGN_FORMAT,
      formatVersion: DESIGN_FORMAT_VERSION,
      name: typeof file.name === 'string' ? file.name : 'Untitled design',
      region: context.region,
      accountId: context.accountId,
      resources,
      layout,
      flows,
      ...(failures ? { failures } : {}),
    },
  };
}

/**
 * A failure drill saved with the design (its own field, never part of a resource): only ids the design holds and
 * zones its subnets are in are kept; the rest are dropped with a warning. An empty drill is no drill.
 */
function readFailures(
  raw: unknown,
  resources: Record<string, Resource>,
  warn: (message: string) => void,
): Failures | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    warn(`failures should be an object with resources and zones, not ${kindOf(raw)}; the failure drill was dropped.`);
    return undefined;
  }
  const zones = new Set(subnetZonesOf({ resources }));
  const list = (field: 'resources' | 'zones', known: (value: string) => boolean, what: string): string[] => {
    const value = raw[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      warn(`failures.${field} should be a list, not ${kindOf(value)}; it was dropped.`);
      return [];
    }
    const out: string[] = [];
    for (const item of value) {
      if (typeof item !== 'string') warn(`failures.${field}: ${kindOf(item)} is not text; it was dropped.`);
      else if (!known(item)) warn(`failures.${field}: the design has no ${what} ${item}; it was dropped.`);
      else if (!out.includes(item)) out.push(item);
    }
    return out;
  };
  const failures: Failures = {
    resources: list('resources', (id) => Object.hasOwn(resources, id), 'resource'),
    zones: list('zones', (zone) => zones.has(zone), 'subnet in Availability Zone'),
  };
  return failures.resources.length > 0 || failures.zones.length > 0 ? failures : undefined;
}
