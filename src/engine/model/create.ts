/**
 * New designs, new ids and new resources with AWS's defaults filled in.
 */
import type { Design, NetworkAcl, NetworkAclRule, ResourceId, ResourceKind, SecurityGroup } from './types.ts';
import { DESIGN_FORMAT, DESIGN_FORMAT_VERSION } from './types.ts';

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '111111111111';

export function emptyDesign(overrides: Partial<Design> = {}): Design {
  return {
    format: DESIGN_FORMAT,
    formatVersion: DESIGN_FORMAT_VERSION,
    name: 'Untitled design',
    region: DEFAULT_REGION,
    accountId: DEFAULT_ACCOUNT,
    resources: {},
    layout: {},
    flows: [],
    ...overrides,
  };
}

/** Id prefixes, in the style of AWS's own ids (vpc-, subnet-, rtb-, …). */
export const ID_PREFIX: Record<ResourceKind, string> = {
  vpc: 'vpc',
  subnet: 'subnet',
  internetGateway: 'igw',
  natGateway: 'nat',
  instance: 'i',
  networkInterface: 'eni',
  elasticIp: 'eip',
  routeTable: 'rtb',
  securityGroup: 'sg',
  networkAcl: 'acl',
  peeringConnection: 'pcx',
  vpcEndpoint: 'vpce',
  s3Bucket: 's3',
  virtualPrivateGateway: 'vgw',
  customerGateway: 'cgw',
  vpnConnection: 'vpn',
  directConnectGateway: 'dxgw',
  internet: 'internet',
  awsService: 'svc',
};

/**
 * The smallest free `prefix-N` id. Deterministic, so commands stay pure and tests can name what they create.
 * `taken` lets a caller reserve ids it is about to use in the same command.
 */
export function nextId(design: Design, kind: ResourceKind, taken: ReadonlySet<string> = new Set()): ResourceId {
  const prefix = ID_PREFIX[kind];
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!Object.hasOwn(design.resources, id) && !taken.has(id)) return id;
  }
}

/** The availability zones AWS names in a region: `<region>a`, `<region>b`, … */
export function zonesOf(region: string, count = 3): string[] {
  return Array.from({ length: count }, (_, i) => `${region}${String.fromCharCode(97 + i)}`);
}

/**
 * The default network ACL allows all inbound and outbound IPv4 traffic (rule 100), ahead of the final deny.
 * https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html
 */
export function defaultNaclRules(): { inbound: NetworkAclRule[]; outbound: NetworkAclRule[] } {
  const allowAll: NetworkAclRule = { ruleNumber: 100, protocol: '-1', cidr: '0.0.0.0/0', action: 'allow' };
  return { inbound: [{ ...allowAll }], outbound: [{ ...allowAll }] };
}

export function defaultNetworkAcl(id: ResourceId, vpcId: ResourceId): NetworkAcl {
  return { id, kind: 'networkAcl', name: 'default', vpcId, isDefault: true, ...defaultNaclRules() };
}

/**
 * The default security group allows inbound traffic from its own members and all outbound traffic.
 * https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
 */
export function defaultSecurityGroup(id: ResourceId, vpcId: ResourceId): SecurityGroup {
  return {
    id,
    kind: 'securityGroup',
    name: 'default',
    vpcId,
    description: 'default VPC security group',
    isDefault: true,
    ingress: [{ protocol: '-1', fromPort: -1, toPort: -1, groupId: id }],
    egress: [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }],
  };
}

/** A new custom security group allows all outbound traffic and no inbound traffic. */
export function newSecurityGroup(id: ResourceId, vpcId: ResourceId, name: string): SecurityGroup {
  return {
    id,
    kind: 'securityGroup',
    name,
    vpcId,
    description: name,
    isDefault: false,
    ingress: [],
    egress: [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }],
  };
}

/** A new custom network ACL denies everything until rules are added. */
export function newNetworkAcl(id: ResourceId, vpcId: ResourceId, name: string): NetworkAcl {
  return { id, kind: 'networkAcl', name, vpcId, isDefault: false, inbound: [], outbound: [] };
}
