/**
 * The state one template import builds up: the design's records, what happened to each template resource, and
 * the readers that turn resolved property values into typed fields — with a warning (never an exception) when a
 * property has the wrong type, so one bad value costs one field, not the import.
 */
import { defaultNetworkAcl, defaultSecurityGroup } from '../../../model/create.ts';
import type {
  NetworkAcl,
  Resource,
  ResourceId,
  ResourceKind,
  ResourceOfKind,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
} from '../../../model/types.ts';
import { isUnknownValue, wholeUnknownParameter } from '../../../model/unknown.ts';
import { describe, type Resolver, TemplateError } from '../intrinsics.ts';
import { setOwn } from '../../plainData.ts';

/** What became of one resource of the template. */
export type Outcome =
  /** A record in the design with the same id. */
  | { status: 'modelled' }
  /** Folded into another record (an attachment, an association, a route inside its table, …). */
  | { status: 'merged'; into: ResourceId }
  /** A type the model does not represent. */
  | { status: 'not-modelled'; reason?: string }
  /** Its Condition is false, so CloudFormation would not create it. */
  | { status: 'skipped'; reason: string }
  /** A modelled type that could not be imported (the reason says why). */
  | { status: 'failed'; reason: string };

export interface TemplateResourceOutcome {
  id: string;
  type: string;
  outcome: Outcome;
}

/** Ids of the records AWS creates with every VPC (and GetAtt DefaultSecurityGroup / DefaultNetworkAcl resolve to). */
export const mainRouteTableId = (vpcId: string) => `${vpcId}.MainRouteTable`;
export const defaultNetworkAclId = (vpcId: string) => `${vpcId}.DefaultNetworkAcl`;
export const defaultSecurityGroupId = (vpcId: string) => `${vpcId}.DefaultSecurityGroup`;

export type Props = Record<string, unknown>;

/** The id of the region's default VPC when the template uses it (see `ImportContext.defaultVpc`). */
export const DEFAULT_VPC = 'DefaultVpc';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The id a reference names. An id given by a parameter without a default is the unknown token `${VpcId}`; the
 * existing resource it names keeps the parameter's name as its id (`VpcId`), so every reference to it meets.
 */
export function refId<T>(id: T): T | string {
  return wholeUnknownParameter(id) ?? id;
}

export class ImportContext {
  readonly resources: Record<string, Resource> = {};
  readonly outcomes = new Map<string, TemplateResourceOutcome>();
  readonly warnings: string[] = [];
  /** Records made up for ids the template refers to but does not define (existing VPCs, subnets, …). */
  readonly placeholders: string[] = [];
  /** The entries of the template's managed prefix lists, by logical id (rules and routes that name one copy them). */
  readonly prefixLists = new Map<string, string[]>();

  constructor(
    readonly resolver: Resolver,
    readonly region: string,
    readonly accountId: string,
  ) {}

  warn(message: string): void {
    if (this.warnings.length < 500 && !this.warnings.includes(message)) this.warnings.push(message);
  }

  /** Notes on a record something AWS would refuse in the template that the model cannot hold (see `refusals`). */
  refuse(resource: Resource, message: string, involved: ResourceId[] = []): void {
    const list = (resource.refusals ??= []);
    if (!list.some((r) => r.message === message)) list.push({ message, resources: involved });
  }

  record(id: string, type: string, outcome: Outcome): void {
    this.outcomes.set(id, { id, type, outcome });
  }

  add<R extends Resource>(resource: R): R {
    setOwn(this.resources, resource.id, resource);
    return resource;
  }

  get<K extends ResourceKind>(ref: unknown, kind: K): ResourceOfKind<K> | undefined {
    const id = refId(ref);
    if (typeof id !== 'string' || !Object.hasOwn(this.resources, id)) return undefined;
    const r = this.resources[id]!;
    return r.kind === kind ? (r as ResourceOfKind<K>) : undefined;
  }

  /**
   * The Elastic IP a reference names: by logical id (`!GetAtt Eip.AllocationId`) or by address (`!Ref Eip` yields
   * the address, as in CloudFormation).
   */
  elasticIp(ref: unknown): ResourceOfKind<'elasticIp'> | undefined {
    return (
      this.get(ref, 'elasticIp') ??
      (typeof ref === 'string' && ref !== '' ? this.all('elasticIp').find((e) => e.publicIp === ref) : undefined)
    );
  }

  all<K extends ResourceKind>(kind: K): ResourceOfKind<K>[] {
    return Object.values(this.resources).filter((r): r is ResourceOfKind<K> => r.kind === kind);
  }

  // --- Typed readers: each returns a usable value and warns when the template's value has the wrong type. ---

  text(props: Props, key: string, owner: string): string | undefined {
    const v = props[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    this.warn(`${owner}.${key} should be text, but is ${describe(v)}; it was left empty.`);
    return '';
  }

  /**
   * A property the model only shows (an instance type): when it cannot be resolved — a region map without the
   * chosen region — the resource keeps its place in the network, and the report says why the value is missing.
   */
  shownText(props: Props, key: string, owner: string): string | undefined {
    try {
      return this.text(props, key, owner);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      this.warn(`${e.message} ${key} is only shown, so ${owner} was imported without it.`);
      return undefined;
    }
  }

  bool(props: Props, key: string, owner: string, fallback: boolean): boolean {
    const v = props[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'True') return true;
    if (v === 'false' || v === 'False') return false;
    this.warn(`${owner}.${key} should be true or false, but is ${describe(v)}; using ${fallback}.`);
    return fallback;
  }

  int(props: Props, key: string, owner: string): number | undefined {
    const v = props[key];
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (Number.isInteger(n)) return n;
    if (isUnknownValue(v)) return undefined; // unknown, not wrong: the caller decides what an unknown number means
    this.warn(`${owner}.${key} should be a whole number, but is ${describe(v)}; it was ignored.`);
    return undefined;
  }

  /** A list of ids or texts; a single text is taken as a list of one. */
  list(props: Props, key: string, owner: string): string[] {
    const v = props[key];
    if (v === undefined || v === null) return [];
    if (typeof v === 'string') return [v];
    if (Array.isArray(v)) {
      const out: string[] = [];
      for (const item of v) {
        if (typeof item === 'string' || typeof item === 'number') out.push(String(item));
        else this.warn(`${owner}.${key} holds ${describe(item)} where an id belongs; it was ignored.`);
      }
      return out;
    }
    this.warn(`${owner}.${key} should be a list, but is ${describe(v)}; it was ignored.`);
    return [];
  }

  records(props: Props, key: string, owner: string): Props[] {
    const v = props[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.warn(`${owner}.${key} should be a list, but is ${describe(v)}; it was ignored.`);
      return [];
    }
    return v.filter((item, i) => {
      if (isRecord(item)) return true;
      this.warn(`${owner}.${key}[${i}] should be a mapping, but is ${describe(item)}; it was ignored.`);
      return false;
    }) as Props[];
  }

  // --- References: an id the template names but does not define becomes a placeholder record. ---

  /**
   * A VPC with what AWS creates alongside it: main route table, default network ACL, default security group.
   * An existing VPC's come from outside the template too (`external`: their routes and rules are unknown).
   */
  addVpc(vpc: Vpc): Vpc {
    this.add(vpc);
    const external = vpc.external ? { external: true } : {};
    this.add<RouteTable>({
      id: mainRouteTableId(vpc.id),
      kind: 'routeTable',
      name: `${vpc.name} main route table`,
      ...external,
      vpcId: vpc.id,
      main: true,
      routes: [],
      propagatingGatewayIds: [],
    });
    this.add({
      ...defaultNetworkAcl(defaultNetworkAclId(vpc.id), vpc.id),
      name: `${vpc.name} default network ACL`,
      ...external,
    });
    this.add({
      ...defaultSecurityGroup(defaultSecurityGroupId(vpc.id), vpc.id),
      name: `${vpc.name} default security group`,
      ...external,
    });
    return vpc;
  }

  /** Notes a record made up for an id the template names but does not define, and returns the name to draw. */
  placeholder(id: string, what: string): string {
    this.placeholders.push(`${id} (${what})`);
    return `${id} (not in the template)`;
  }

  /** Whether the id is a resource of the template (which may not be read yet: phases read containers first). */
  isTemplateResource(id: unknown): boolean {
    const key = refId(id);
    return typeof key === 'string' && this.resolver.resources.has(key);
  }

  vpc(ref: unknown, owner: string, extra: Partial<Vpc> = {}): Vpc {
    const known = this.get(ref, 'vpc');
    if (known) return known;
    if (ref === undefined) return this.defaultVpc(owner);
    const id = refId(ref);
    const vpcId = typeof id === 'string' && id !== '' ? id : 'ExistingVpc';
    const again = this.get(vpcId, 'vpc');
    if (again) return again;
    this.warn(
      `${owner} refers to the VPC ${vpcId}, which the template does not define: it is drawn as an existing VPC with unknown CIDR blocks.`,
    );
    return this.addVpc({
      id: vpcId,
      kind: 'vpc',
      name: this.placeholder(vpcId, 'an existing VPC'),
      external: true,
      cidrBlocks: [],
      enableDnsSupport: true,
      enableDnsHostnames: false,
      region: this.region,
      accountId: this.accountId,
      availabilityZones: [],
      ...extra,
    });
  }

  /**
   * The region's default VPC, where a security group without a VpcId and an instance without a subnet go. It exists
   * outside the template (and may have been changed since AWS made it), so it is drawn as an existing VPC.
   * https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
   */
  defaultVpc(owner: string): Vpc {
    const known = this.get(DEFAULT_VPC, 'vpc');
    if (known) return known;
    this.warn(`${owner} names no VPC, so it goes in the region's default VPC, which is drawn as an existing VPC.`);
    return this.addVpc({
      id: DEFAULT_VPC,
      kind: 'vpc',
      name: 'default VPC (not in the template)',
      external: true,
      cidrBlocks: [],
      enableDnsSupport: true,
      enableDnsHostnames: true,
      region: this.region,
      accountId: this.accountId,
      availabilityZones: [],
    });
  }

  /** The default subnet of a zone in the default VPC: an instance that names no subnet launches there. */
  defaultSubnet(owner: string, zone: string | undefined): Subnet {
    const availabilityZone = zone || `${this.region}a`;
    const id = `${DEFAULT_VPC}.DefaultSubnet.${availabilityZone}`;
    const known = this.get(id, 'subnet');
    if (known) return known;
    const vpc = this.defaultVpc(owner);
    this.warn(
      `${owner} names no subnet, so it launches in the default subnet of ${availabilityZone} in the default VPC, drawn as an existing subnet.`,
    );
    this.placeholders.push(`${id} (the default subnet of ${availabilityZone})`);
    // Default subnets give instances public addresses: https://docs.aws.amazon.com/vpc/latest/userguide/default-subnet.html
    return this.add<Subnet>({
      id,
      kind: 'subnet',
      name: `default subnet ${availabilityZone} (not in the template)`,
      external: true,
      vpcId: vpc.id,
      cidrBlock: '',
      availabilityZone,
      mapPublicIpOnLaunch: true,
    });
  }

  /** The VPC an outside subnet or table most likely belongs to: the template's VPC-id parameter, or an "existing VPC". */
  private guessVpc(owner: string): Vpc {
    const vpcs = this.all('vpc');
    if (vpcs.length === 1) return vpcs[0]!;
    const param = this.resolver.vpcParameterValue();
    return this.vpc(param ?? 'ExistingVpc', owner);
  }

  subnet(ref: unknown, owner: string): Subnet | undefined {
    const known = this.get(ref, 'subnet');
    if (known) return known;
    const id = refId(ref);
    if (typeof id !== 'string' || id === '') return undefined;
    const vpc = this.guessVpc(owner);
    this.warn(
      `${owner} refers to the subnet ${id}, which the template does not define: it is drawn as an existing subnet with an unknown CIDR block.`,
    );
    return this.add<Subnet>({
      id,
      kind: 'subnet',
      name: this.placeholder(id, 'an existing subnet'),
      external: true,
      vpcId: vpc.id,
      cidrBlock: '',
      availabilityZone: `${this.region}a`,
      mapPublicIpOnLaunch: false,
    });
  }

  routeTable(ref: unknown, owner: string): RouteTable | undefined {
    const known = this.get(ref, 'routeTable');
    if (known) return known;
    const id = refId(ref);
    if (typeof id !== 'string' || id === '') return undefined;
    const vpc = this.guessVpc(owner);
    this.warn(
      `${owner} refers to the route table ${id}, which the template does not define: it is drawn as an existing route table.`,
    );
    return this.add<RouteTable>({
      id,
      kind: 'routeTable',
      name: this.placeholder(id, 'an existing route table'),
      external: true,
      vpcId: vpc.id,
      main: false,
      routes: [],
      propagatingGatewayIds: [],
    });
  }

  securityGroup(ref: unknown, owner: string): SecurityGroup | undefined {
    const known = this.get(ref, 'securityGroup');
    if (known) return known;
    const id = refId(ref);
    if (typeof id !== 'string' || id === '') return undefined;
    const vpc = this.guessVpc(owner);
    this.warn(
      `${owner} refers to the security group ${id}, which the template does not define: it is drawn as an existing group.`,
    );
    return this.add<SecurityGroup>({
      id,
      kind: 'securityGroup',
      name: this.placeholder(id, 'an existing security group'),
      external: true,
      vpcId: vpc.id,
      description: 'existing security group (not in the template)',
      isDefault: false,
      ingress: [],
      egress: [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }],
    });
  }

  networkAcl(ref: unknown, owner: string): NetworkAcl | undefined {
    const known = this.get(ref, 'networkAcl');
    if (known) return known;
    const id = refId(ref);
    if (typeof id !== 'string' || id === '') return undefined;
    const vpc = this.guessVpc(owner);
    this.warn(
      `${owner} refers to the network ACL ${id}, which the template does not define: it is drawn as an existing network ACL.`,
    );
    return this.add<NetworkAcl>({
      id,
      kind: 'networkAcl',
      name: this.placeholder(id, 'an existing network ACL'),
      external: true,
      vpcId: vpc.id,
      isDefault: false,
      inbound: [],
      outbound: [],
    });
  }

  /**
   * Security group ids as a resource lists them: the template's own groups (read now or later) as they are, and
   * a stand-in for each group the template does not define.
   */
  securityGroupIds(ids: string[], owner: string): string[] {
    return ids.map((id) =>
      this.isTemplateResource(id) ? String(refId(id)) : (this.securityGroup(id, owner)?.id ?? id),
    );
  }
}
