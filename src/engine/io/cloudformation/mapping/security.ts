/**
 * Security groups and network ACLs: AWS::EC2::SecurityGroup (inline rules), SecurityGroupIngress,
 * SecurityGroupEgress, NetworkAcl, NetworkAclEntry and SubnetNetworkAclAssociation.
 */
import type { NetworkAclRule, SecurityGroup, SecurityGroupRule } from '../../../model/types.ts';
import { isUnknownValue } from '../../../model/unknown.ts';
import { DEFAULT_VPC, defaultSecurityGroupId, type ImportContext, type Outcome, type Props } from './context.ts';
import { prefixListEntries } from './prefixLists.ts';

const ALL_OUT: SecurityGroupRule = { protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' };

/** IANA protocol numbers the model names; anything else stays a number (`-1` is every protocol). */
const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '-1': '-1' };

export function protocolName(value: unknown): string {
  const text = String(value ?? '-1')
    .trim()
    .toLowerCase();
  return PROTOCOL_NAMES[text] ?? text;
}

/**
 * One security group rule, from an inline rule or an Ingress/Egress resource (same property names).
 * Protocol -1 covers every port; for ICMP, FromPort/ToPort hold the type and code.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupingress.html
 */
function readRules(
  ctx: ImportContext,
  rule: Props,
  owner: string,
  direction: 'ingress' | 'egress',
  vpcId: string,
): SecurityGroupRule[] {
  const read = readRule(ctx, rule, owner, direction, vpcId);
  if (!read) return [];
  // A rule naming a managed prefix list of the template stands for one rule per entry of the list.
  const entries = read.prefixListId !== undefined ? prefixListEntries(ctx, read.prefixListId) : undefined;
  if (!entries) return [read];
  const { prefixListId: _list, ...rest } = read;
  return entries.map((cidr) => ({ ...rest, cidr }));
}

function readRule(
  ctx: ImportContext,
  rule: Props,
  owner: string,
  direction: 'ingress' | 'egress',
  vpcId: string,
): SecurityGroupRule | undefined {
  const protocol = protocolName(ctx.text(rule, 'IpProtocol', owner) ?? '-1');
  const cidr = ctx.text(rule, 'CidrIp', owner);
  const groupId = ctx.text(
    rule,
    direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId',
    owner,
  );
  const prefixListId = ctx.text(
    rule,
    direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId',
    owner,
  );
  const groupName = direction === 'ingress' ? ctx.text(rule, 'SourceSecurityGroupName', owner) : undefined;
  let peer: Pick<SecurityGroupRule, 'cidr' | 'groupId' | 'prefixListId'> | undefined;
  if (cidr !== undefined) peer = { cidr };
  else if (groupId !== undefined) peer = { groupId: ctx.securityGroupIds([groupId], owner)[0]! };
  else if (prefixListId !== undefined) peer = { prefixListId };
  else if (groupName !== undefined) {
    // "default" names the VPC's default group (https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html).
    const named =
      ctx.all('securityGroup').find((g) => g.name === groupName || g.id === groupName) ??
      (groupName === 'default' ? ctx.get(defaultSecurityGroupId(vpcId), 'securityGroup') : undefined);
    if (named) peer = { groupId: named.id };
    else
      ctx.warn(
        `${owner} names the security group ${groupName} by name, which the template does not define; that rule was left out.`,
      );
  }
  if (!peer) {
    if (rule.CidrIpv6 === undefined && groupName === undefined)
      ctx.warn(`${owner} has a rule with no CidrIp, group or prefix list; it was left out.`);
    else if (rule.CidrIpv6 !== undefined)
      ctx.warn(`${owner} has an IPv6 rule (${String(rule.CidrIpv6)}); IPv6 is not modelled, so it was left out.`);
    return undefined;
  }
  let fromPort = ctx.int(rule, 'FromPort', owner);
  let toPort = ctx.int(rule, 'ToPort', owner);
  const unknownPort = [rule.FromPort, rule.ToPort].find(isUnknownValue);
  if (protocol === '-1') {
    fromPort = -1;
    toPort = -1;
  } else if (unknownPort !== undefined && (fromPort === undefined || toPort === undefined)) {
    // A port only known once deployed (a database's endpoint port): the widest reading, said plainly.
    ctx.warn(
      `${owner} has a ${protocol} rule whose port is not known before deployment (${String(unknownPort)}); it is read as every port.`,
    );
    fromPort ??= protocol === 'icmp' ? -1 : 0;
    toPort ??= protocol === 'icmp' ? -1 : 65535;
  } else if ((protocol === 'tcp' || protocol === 'udp') && fromPort === -1 && toPort === -1) {
    // EC2 reads -1 as every port for TCP and UDP too (the CLI's `--port all` sends -1 to -1).
    fromPort = 0;
    toPort = 65535;
  } else if (fromPort === undefined || toPort === undefined) {
    if (protocol === 'tcp' || protocol === 'udp')
      ctx.warn(`${owner} has a ${protocol} rule without FromPort and ToPort; it is read as every port.`);
    fromPort ??= protocol === 'icmp' ? -1 : 0;
    toPort ??= protocol === 'icmp' ? -1 : 65535;
  }
  const description = ctx.text(rule, 'Description', owner);
  return { protocol, fromPort, toPort, ...peer, ...(description ? { description } : {}) };
}

/**
 * SourceSecurityGroupName: "[Default VPC] ... For security groups in a nondefault VPC, you must specify the group
 * ID." A rule that names its source group by name in a VPC of the template's own is refused.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupingress.html
 */
function refuseGroupNames(
  ctx: ImportContext,
  group: SecurityGroup,
  rules: Props[],
  where: string,
  ruleId?: string,
): void {
  const vpc = ctx.get(group.vpcId, 'vpc');
  if (!vpc || vpc.external || vpc.id === DEFAULT_VPC) return;
  const named = rules.filter((r) => r.SourceSecurityGroupName !== undefined && r.SourceSecurityGroupId === undefined);
  if (named.length === 0) return;
  ctx.refuse(
    group,
    `${where} names its source group by name (SourceSecurityGroupName ${String(named[0]!.SourceSecurityGroupName)}), which only the default VPC allows; in ${vpc.id} the rule must give SourceSecurityGroupId (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupingress.html).`,
    ruleId ? [ruleId] : [],
  );
}

/**
 * With no egress rules, AWS adds one that allows all outbound traffic; with egress rules, only those.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html
 */
export function mapSecurityGroup(ctx: ImportContext, id: string, props: Props): Outcome {
  const vpc = ctx.vpc(props.VpcId, id);
  const ingress = ctx
    .records(props, 'SecurityGroupIngress', id)
    .flatMap((r) => readRules(ctx, r, id, 'ingress', vpc.id));
  const egressRules = ctx.records(props, 'SecurityGroupEgress', id);
  const egress =
    egressRules.length === 0 ? [{ ...ALL_OUT }] : egressRules.flatMap((r) => readRules(ctx, r, id, 'egress', vpc.id));
  const name = ctx.text(props, 'GroupName', id);
  const group = ctx.add<SecurityGroup>({
    id,
    kind: 'securityGroup',
    name: name || id,
    vpcId: vpc.id,
    description: ctx.text(props, 'GroupDescription', id) ?? '',
    isDefault: false,
    ingress,
    egress,
  });
  refuseGroupNames(ctx, group, ctx.records(props, 'SecurityGroupIngress', id), 'an inbound rule');
  return { status: 'modelled' };
}

/**
 * A standalone rule joins its group under the resource's logical id. Adding an egress rule this way keeps the
 * group's default allow-all egress rule (only inline egress rules replace it).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupegress.html
 */
export function mapSecurityGroupRule(direction: 'ingress' | 'egress') {
  return (ctx: ImportContext, id: string, props: Props): Outcome => {
    let groupRef: unknown = props.GroupId;
    if (groupRef === undefined && typeof props.GroupName === 'string') {
      groupRef = ctx.all('securityGroup').find((g) => g.name === props.GroupName)?.id ?? props.GroupName;
    }
    const group = ctx.securityGroup(groupRef, id);
    if (!group) return { status: 'failed', reason: 'it names no GroupId' };
    if (direction === 'ingress') refuseGroupNames(ctx, group, [props], id, id);
    if (!readRule(ctx, props, id, direction, group.vpcId))
      return { status: 'not-modelled', reason: 'the rule has no IPv4 peer (IPv6 rules are not modelled)' };
    for (const rule of readRules(ctx, props, id, direction, group.vpcId))
      (direction === 'ingress' ? group.ingress : group.egress).push({ ...rule, id });
    return { status: 'merged', into: group.id };
  };
}

/** A custom network ACL denies everything until entries are added. */
export function mapNetworkAcl(ctx: ImportContext, id: string, props: Props): Outcome {
  const vpc = ctx.vpc(props.VpcId, id);
  ctx.add({ id, kind: 'networkAcl', name: id, vpcId: vpc.id, isDefault: false, inbound: [], outbound: [] });
  return { status: 'modelled' };
}

/**
 * Egress defaults to false (an inbound rule); Protocol is a number (-1 for all, 6 TCP, 17 UDP, 1 ICMP); PortRange
 * applies to TCP and UDP; Icmp (Type and Code, -1 for all) to ICMP, read into fromPort/toPort as security group
 * rules hold them.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkaclentry.html
 */
export function mapNetworkAclEntry(ctx: ImportContext, id: string, props: Props): Outcome {
  const acl = ctx.networkAcl(props.NetworkAclId, id);
  if (!acl) return { status: 'failed', reason: 'it names no NetworkAclId' };
  const cidr = ctx.text(props, 'CidrBlock', id);
  if (cidr === undefined) {
    return props.Ipv6CidrBlock !== undefined
      ? { status: 'not-modelled', reason: 'IPv6 entries are not modelled' }
      : { status: 'failed', reason: 'it has no CidrBlock' };
  }
  const protocol = protocolName(ctx.text(props, 'Protocol', id) ?? '-1');
  const action = (ctx.text(props, 'RuleAction', id) ?? '').toLowerCase();
  if (action !== 'allow' && action !== 'deny')
    ctx.warn(`${id}.RuleAction should be allow or deny, not ${JSON.stringify(action)}; it is read as deny.`);
  const rule: NetworkAclRule = {
    id,
    ruleNumber: ctx.int(props, 'RuleNumber', id) ?? 0,
    protocol,
    cidr,
    action: action === 'allow' ? 'allow' : 'deny',
  };
  const range = props.PortRange;
  if ((protocol === 'tcp' || protocol === 'udp') && range && typeof range === 'object' && !Array.isArray(range)) {
    const from = ctx.int(range as Props, 'From', `${id}.PortRange`);
    const to = ctx.int(range as Props, 'To', `${id}.PortRange`);
    if (from !== undefined) rule.fromPort = from;
    if (to !== undefined) rule.toPort = to;
    const unknown = [(range as Props).From, (range as Props).To].find(isUnknownValue);
    if (unknown !== undefined && (from === undefined || to === undefined)) {
      // A port only known once deployed: the widest reading, said plainly (an unknown is not a missing port).
      ctx.warn(
        `${id} has a ${protocol} port range that is not known before deployment (${String(unknown)}); it is read as every port.`,
      );
      rule.fromPort ??= 0;
      rule.toPort ??= 65535;
    }
  }
  const icmp = props.Icmp;
  if (protocol === 'icmp' && icmp && typeof icmp === 'object' && !Array.isArray(icmp)) {
    const type = ctx.int(icmp as Props, 'Type', `${id}.Icmp`);
    const code = ctx.int(icmp as Props, 'Code', `${id}.Icmp`);
    if (type !== undefined) rule.fromPort = type;
    if (code !== undefined) rule.toPort = code;
    if ([(icmp as Props).Type, (icmp as Props).Code].some(isUnknownValue)) {
      rule.fromPort ??= -1;
      rule.toPort ??= -1;
    }
  }
  (ctx.bool(props, 'Egress', id, false) ? acl.outbound : acl.inbound).push(rule);
  return { status: 'merged', into: acl.id };
}

export function mapSubnetNetworkAclAssociation(ctx: ImportContext, id: string, props: Props): Outcome {
  const subnet = ctx.subnet(props.SubnetId, id);
  const acl = ctx.networkAcl(props.NetworkAclId, id);
  if (!subnet || !acl) return { status: 'failed', reason: 'it needs a SubnetId and a NetworkAclId' };
  subnet.networkAclId = acl.id;
  return { status: 'merged', into: subnet.id };
}
