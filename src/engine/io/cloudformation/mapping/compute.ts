/**
 * Instances, network interfaces and Elastic IPs: AWS::EC2::Instance (with NetworkInterfaces), NetworkInterface,
 * NetworkInterfaceAttachment, EIP and EIPAssociation. Private addresses the template leaves to AWS are picked
 * after everything else is read (see `assignAddresses`), so they never collide with addresses the template gives.
 */
import { formatIp, parseIp, tryCidr, usableRange } from '../../../cidr/cidr.ts';
import type { Instance, NetworkInterface } from '../../../model/types.ts';
import { TemplateError } from '../intrinsics.ts';
import {
  DEFAULT_VPC,
  defaultSecurityGroupId,
  type ImportContext,
  isRecord,
  type Outcome,
  type Props,
} from './context.ts';

/** IPv6 addresses are not modelled: an interface that asks for them is noted, and only its IPv4 side is read. */
function noteIpv6(ctx: ImportContext, specs: Props[], owner: string): void {
  if (
    specs.some(
      (p) =>
        p.Ipv6AddressCount !== undefined ||
        p.Ipv6Addresses !== undefined ||
        p.Ipv6Prefixes !== undefined ||
        p.Ipv6PrefixCount !== undefined,
    )
  ) {
    ctx.warn(
      `${owner} also has IPv6 addresses; IPv6 is not modelled, so only its IPv4 addresses are checked and traced.`,
    );
  }
}

/** Addresses from `PrivateIpAddress` and `PrivateIpAddresses` (primary first). */
function addressesOf(ctx: ImportContext, props: Props, owner: string): string[] {
  const out: string[] = [];
  const single = ctx.text(props, 'PrivateIpAddress', owner);
  if (single) out.push(single);
  const listed = ctx.records(props, 'PrivateIpAddresses', owner);
  const primary = listed.filter((a) => a.Primary === true || a.Primary === 'true');
  for (const a of [...primary, ...listed.filter((x) => !primary.includes(x))]) {
    const ip = ctx.text(a, 'PrivateIpAddress', owner);
    if (ip && !out.includes(ip)) out.push(ip);
  }
  return out;
}

/**
 * A network interface's security groups default to its VPC's default group (GroupSet).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkinterface.html
 */
export function mapNetworkInterface(ctx: ImportContext, id: string, props: Props): Outcome {
  const subnet = ctx.subnet(props.SubnetId, id);
  if (!subnet) return { status: 'failed', reason: 'it names no SubnetId' };
  const groups = ctx.securityGroupIds(ctx.list(props, 'GroupSet', id), id);
  noteIpv6(ctx, [props], id);
  ctx.add<NetworkInterface>({
    id,
    kind: 'networkInterface',
    name: id,
    subnetId: subnet.id,
    privateIps: addressesOf(ctx, props, id),
    securityGroupIds: groups.length ? groups : [defaultSecurityGroupId(subnet.vpcId)],
    sourceDestCheck: ctx.bool(props, 'SourceDestCheck', id, true),
  });
  return { status: 'modelled' };
}

const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';

/** One part of a resource's raw properties, resolved on its own: undefined (with a warning) when it cannot be. */
function resolvePart(ctx: ImportContext, node: unknown, where: string): unknown {
  if (node === undefined) return undefined;
  try {
    return ctx.resolver.value(node, where, 2);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    ctx.warn(`${e.message} ${where} was left out.`);
    return undefined;
  }
}

/**
 * The AWS::EC2::LaunchTemplate of this template that an instance launches from (by LaunchTemplateId or
 * LaunchTemplateName), or undefined — with a warning when it names one the template does not define.
 */
function launchTemplateOf(ctx: ImportContext, id: string): string | undefined {
  const raw = ctx.resolver.resources.get(id)?.properties.LaunchTemplate;
  if (!isRecord(raw)) return undefined;
  const byId = resolvePart(ctx, raw.LaunchTemplateId, `${id}.LaunchTemplate.LaunchTemplateId`);
  const byName = resolvePart(ctx, raw.LaunchTemplateName, `${id}.LaunchTemplate.LaunchTemplateName`);
  const templates = [...ctx.resolver.resources].filter(([, r]) => r.type === LAUNCH_TEMPLATE).map(([ltId]) => ltId);
  const found =
    typeof byId === 'string' && templates.includes(byId)
      ? byId
      : typeof byName === 'string'
        ? templates.find(
            (ltId) =>
              resolvePart(
                ctx,
                ctx.resolver.resources.get(ltId)!.properties.LaunchTemplateName,
                `${ltId}.LaunchTemplateName`,
              ) === byName,
          )
        : undefined;
  const named = typeof byId === 'string' ? byId : typeof byName === 'string' ? byName : undefined;
  if (!found && named !== undefined)
    ctx.warn(
      `${id} launches from the launch template ${named}, which the template does not define; its network settings are unknown, so only ${id}'s own are read.`,
    );
  return found;
}

/**
 * An instance's properties with those of its launch template underneath: what the instance specifies overrides the
 * launch template ("any parameters that you specify in the instance ... override the same parameters in the launch
 * template"). A launch template's network interfaces name their groups `Groups` where an instance's say `GroupSet`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-instance-launchtemplatespecification.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-launchtemplate-launchtemplatedata.html
 */
function withLaunchTemplate(ctx: ImportContext, id: string, props: Props): Props {
  const ltId = launchTemplateOf(ctx, id);
  if (!ltId) return props;
  const data = ctx.resolver.resources.get(ltId)!.properties.LaunchTemplateData;
  const dataAt = (key: string) =>
    isRecord(data) ? resolvePart(ctx, data[key], `${ltId}.LaunchTemplateData.${key}`) : undefined;
  const fromTemplate: Props = {};
  for (const key of ['InstanceType', 'SecurityGroupIds', 'SecurityGroups']) {
    const value = dataAt(key);
    if (value !== undefined) fromTemplate[key] = value;
  }
  const interfaces = dataAt('NetworkInterfaces');
  const ownGroups = props.SecurityGroupIds !== undefined || props.SecurityGroups !== undefined;
  if (Array.isArray(interfaces) && props.NetworkInterfaces === undefined) {
    fromTemplate.NetworkInterfaces = interfaces.filter(isRecord).map((spec) => {
      const { Groups: groups, ...rest } = spec;
      const primary = (spec.DeviceIndex ?? 0) === 0 || spec.DeviceIndex === '0';
      const out: Props = { ...rest, ...(groups !== undefined ? { GroupSet: groups } : {}) };
      // The instance's own subnet and groups go to its primary interface in place of the template's.
      if (primary && props.SubnetId !== undefined) delete out.SubnetId;
      if (primary && ownGroups) delete out.GroupSet;
      return out;
    });
  }
  if (ownGroups) {
    delete fromTemplate.SecurityGroupIds;
    delete fromTemplate.SecurityGroups;
  }
  const outcome = ctx.outcomes.get(ltId)?.outcome;
  if (!outcome || outcome.status === 'not-modelled') ctx.record(ltId, LAUNCH_TEMPLATE, { status: 'merged', into: id });
  return { ...fromTemplate, ...props };
}

/**
 * An instance's primary interface (device 0) gives its subnet, address, groups and public-IP choice — either an
 * inline NetworkInterfaces entry or a referenced AWS::EC2::NetworkInterface. Without security groups, AWS uses
 * the VPC's default group.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-instance-networkinterface.html
 */
export function mapInstance(ctx: ImportContext, id: string, ownProps: Props): Outcome {
  const props = withLaunchTemplate(ctx, id, ownProps);
  const ownInterfaces = Array.isArray(ownProps.NetworkInterfaces) && ownProps.NetworkInterfaces.length > 0;
  const interfaces = ctx.records(props, 'NetworkInterfaces', id);
  const deviceOf = (spec: Props) => ctx.int(spec, 'DeviceIndex', `${id}.NetworkInterfaces`) ?? 0;
  const primarySpec = interfaces.find((spec) => deviceOf(spec) === 0);
  const attachedEni = primarySpec ? ctx.get(primarySpec.NetworkInterfaceId, 'networkInterface') : undefined;

  const named = primarySpec?.SubnetId ?? props.SubnetId;
  const subnet = attachedEni
    ? ctx.get(attachedEni.subnetId, 'subnet')
    : named === undefined
      ? ctx.defaultSubnet(id, ctx.text(props, 'AvailabilityZone', id))
      : ctx.subnet(named, id);
  if (!subnet) return { status: 'failed', reason: 'it names no subnet that can be read' };

  let groups = attachedEni
    ? attachedEni.securityGroupIds
    : ctx.securityGroupIds(
        [...ctx.list(props, 'SecurityGroupIds', id), ...(primarySpec ? ctx.list(primarySpec, 'GroupSet', id) : [])],
        id,
      );
  const names = ctx.list(props, 'SecurityGroups', id);
  for (const name of names) {
    // Every VPC's default group is named "default" (the name EC2 gives it, which no other group may take).
    // https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
    const named =
      ctx.all('securityGroup').find((g) => g.id === name || g.name === name) ??
      (name === 'default' ? ctx.get(defaultSecurityGroupId(subnet.vpcId), 'securityGroup') : undefined);
    if (named) groups.push(named.id);
    else ctx.warn(`${id} names the security group ${name}, which the template does not define; it was left out.`);
  }
  groups = [...new Set(groups)];
  // Only the address properties: the others may hold values that could not be resolved (see Resolver.properties).
  const own = { PrivateIpAddress: props.PrivateIpAddress, PrivateIpAddresses: props.PrivateIpAddresses };
  const addresses = attachedEni ? attachedEni.privateIps : addressesOf(ctx, { ...own, ...(primarySpec ?? {}) }, id);
  const instance: Instance = {
    id,
    kind: 'instance',
    name: id,
    subnetId: subnet.id,
    instanceType: ctx.shownText(props, 'InstanceType', id) || 'm1.small',
    privateIp: addresses[0] ?? '',
    securityGroupIds: groups.length ? groups : [defaultSecurityGroupId(subnet.vpcId)],
    sourceDestCheck: attachedEni ? attachedEni.sourceDestCheck : ctx.bool(props, 'SourceDestCheck', id, true),
  };
  // "[Default VPC] The names of the security groups. For a nondefault VPC, you must use security group IDs instead."
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html
  const vpc = ctx.get(subnet.vpcId, 'vpc');
  if (names.length > 0 && vpc && !vpc.external && vpc.id !== DEFAULT_VPC) instance.securityGroupNames = names;
  noteIpv6(ctx, [{ Ipv6AddressCount: props.Ipv6AddressCount, Ipv6Addresses: props.Ipv6Addresses }, ...interfaces], id);
  if (primarySpec && primarySpec.AssociatePublicIpAddress !== undefined) {
    instance.associatePublicIp = ctx.bool(primarySpec, 'AssociatePublicIpAddress', `${id}.NetworkInterfaces`, false);
  }
  if (attachedEni) {
    attachedEni.instanceId = id;
    attachedEni.deviceIndex = 0;
    if (attachedEni.elasticIpId) {
      instance.elasticIpId = attachedEni.elasticIpId;
      delete attachedEni.elasticIpId;
    }
  }
  ctx.add(instance);
  // SubnetId: "If you specify a network interface, you must specify any subnets as part of the network interface
  // instead of using this parameter"; the same for SecurityGroupIds and SecurityGroups.
  const given = (value: unknown) =>
    value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
  const clashing = ['SubnetId', 'SecurityGroupIds', 'SecurityGroups'].filter(
    (key) => ownInterfaces && given(ownProps[key]),
  );
  if (clashing.length > 0) {
    ctx.refuse(
      instance,
      `it has NetworkInterfaces and also ${clashing.join(' and ')}; with network interfaces, the subnet and security groups go on the interfaces instead (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html).`,
    );
  }

  // Secondary interfaces: referenced ones are attached; inline ones become interfaces of their own.
  for (const spec of interfaces) {
    const device = deviceOf(spec);
    if (spec === primarySpec) continue;
    const eni = ctx.get(spec.NetworkInterfaceId, 'networkInterface');
    if (eni) {
      eni.instanceId = id;
      eni.deviceIndex = device;
      continue;
    }
    const eniSubnet = ctx.subnet(spec.SubnetId, id) ?? subnet;
    const eniGroups = ctx.securityGroupIds(ctx.list(spec, 'GroupSet', id), id);
    ctx.add<NetworkInterface>({
      id: `${id}.eth${device}`,
      kind: 'networkInterface',
      name: `${id} eth${device}`,
      subnetId: eniSubnet.id,
      privateIps: addressesOf(ctx, spec, id),
      securityGroupIds: eniGroups.length ? eniGroups : [defaultSecurityGroupId(eniSubnet.vpcId)],
      sourceDestCheck: instance.sourceDestCheck,
      instanceId: id,
      deviceIndex: device,
    });
  }
  return { status: 'modelled' };
}

export function mapNetworkInterfaceAttachment(ctx: ImportContext, id: string, props: Props): Outcome {
  const eni = ctx.get(props.NetworkInterfaceId, 'networkInterface');
  const instanceId = ctx.text(props, 'InstanceId', id);
  if (!eni || !instanceId)
    return { status: 'failed', reason: 'it needs a NetworkInterfaceId from the template and an InstanceId' };
  eni.instanceId = instanceId;
  eni.deviceIndex = ctx.int(props, 'DeviceIndex', id) ?? 1;
  return { status: 'merged', into: eni.id };
}

/**
 * The address is AWS's to choose unless the template names one (`Address`, for a BYOIP or recovered address);
 * a stand-in is picked for a chosen one (the one `Ref` of the EIP yields, see `Resolver.elasticIpAddress`).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-eip.html
 */
export function mapEip(ctx: ImportContext, id: string, props: Props): Outcome {
  const address = ctx.text(props, 'Address', id)?.trim();
  const known = address !== undefined && parseIp(address) !== undefined;
  if (address && !known)
    ctx.warn(`${id}.Address ${JSON.stringify(address)} is not an IPv4 address; a stand-in address is used.`);
  ctx.add({ id, kind: 'elasticIp', name: id, publicIp: known ? address : ctx.resolver.elasticIpAddress(id) });
  return { status: 'modelled' };
}

/** An EIP's own InstanceId property associates it, like an EIPAssociation. */
export function mapEipInstance(ctx: ImportContext, id: string, props: Props): void {
  const instance = ctx.get(props.InstanceId, 'instance');
  if (instance) instance.elasticIpId = id;
}

/**
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-eipassociation.html
 * AllocationId (or the address, EIP) names the Elastic IP; InstanceId or NetworkInterfaceId names where it goes.
 */
export function mapEipAssociation(ctx: ImportContext, id: string, props: Props): Outcome {
  const eip = ctx.elasticIp(props.AllocationId) ?? ctx.elasticIp(props.EIP);
  if (!eip) return { status: 'failed', reason: 'it names no Elastic IP from the template' };
  const eni = ctx.get(props.NetworkInterfaceId, 'networkInterface');
  // An instance's primary interface is the instance's own address in the model: the EIP goes on the instance.
  const owner = eni?.instanceId && eni.deviceIndex === 0 ? ctx.get(eni.instanceId, 'instance') : undefined;
  const instance = ctx.get(props.InstanceId, 'instance') ?? owner;
  if (instance) instance.elasticIpId = eip.id;
  else if (eni) eni.elasticIpId = eip.id;
  else return { status: 'failed', reason: 'it names no instance or network interface from the template' };
  return { status: 'merged', into: (instance ?? eni)!.id };
}

/**
 * Where the stand-ins for Elastic IPs AWS will allocate come from: 198.19.0.0/16, half of the benchmarking range
 * (RFC 2544) that no real host uses. Not the documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24), which templates and traces use for clients on the internet and offices: a made-up address there
 * would turn `ip:203.0.113.10`, meant as some client, into the NAT gateway.
 */
const STAND_IN_EIPS = { first: parseIp('198.19.0.10')!, last: parseIp('198.19.255.254')! };

/**
 * Fills what AWS would choose: free private addresses for instances, interfaces and NAT gateways that have
 * none, and stand-in public addresses for Elastic IPs. Each subnet's taken addresses are collected once and a
 * cursor walks its usable range (the same choice `suggestPrivateIp` makes, without rescanning the design for
 * every address), so this stays linear in the design's size.
 */
export function assignAddresses(ctx: ImportContext): void {
  const elasticIps = Object.values(ctx.resources).filter((r) => r.kind === 'elasticIp');
  const givenPublic = new Set(elasticIps.map((r) => r.publicIp));
  let nextPublic = STAND_IN_EIPS.first;
  for (const r of elasticIps) {
    if (r.publicIp) continue;
    while (nextPublic < STAND_IN_EIPS.last && givenPublic.has(formatIp(nextPublic))) nextPublic++;
    r.publicIp = formatIp(nextPublic++);
  }
  const taken = new Map<string, Set<string>>();
  const takenIn = (subnetId: string) => {
    let set = taken.get(subnetId);
    if (!set) taken.set(subnetId, (set = new Set()));
    return set;
  };
  for (const r of Object.values(ctx.resources)) {
    if ((r.kind === 'instance' || r.kind === 'natGateway') && r.privateIp) takenIn(r.subnetId).add(r.privateIp);
    if (r.kind === 'networkInterface') r.privateIps.forEach((ip) => takenIn(r.subnetId).add(ip));
  }
  const cursors = new Map<string, { next: number; range: { first: number; last: number } } | undefined>();
  const pick = (subnetId: string): string | undefined => {
    if (!cursors.has(subnetId)) {
      const cidr = tryCidr(ctx.get(subnetId, 'subnet')?.cidrBlock);
      const range = cidr && usableRange(cidr);
      // Like suggestPrivateIp: the first few usable addresses are left for gateways and appliances.
      cursors.set(subnetId, range ? { next: Math.min(range.first + 6, range.last), range } : undefined);
    }
    const cursor = cursors.get(subnetId);
    if (!cursor) return undefined;
    const used = takenIn(subnetId);
    const size = cursor.range.last - cursor.range.first + 1;
    for (let step = 0; step < size; step++) {
      const address = cursor.next;
      cursor.next = address >= cursor.range.last ? cursor.range.first : address + 1;
      const text = formatIp(address);
      if (!used.has(text)) {
        used.add(text);
        return text;
      }
    }
    return undefined;
  };
  for (const r of Object.values(ctx.resources)) {
    if (r.kind === 'networkInterface' && r.privateIps.length === 0) {
      const ip = pick(r.subnetId);
      if (ip) r.privateIps.push(ip);
    }
  }
  // An instance whose primary interface (device 0) is a template interface has that interface's address.
  const primaries = new Map<string, string>();
  for (const r of Object.values(ctx.resources)) {
    if (
      r.kind === 'networkInterface' &&
      r.deviceIndex === 0 &&
      r.instanceId &&
      r.privateIps[0] &&
      !primaries.has(r.instanceId)
    )
      primaries.set(r.instanceId, r.privateIps[0]);
  }
  for (const r of Object.values(ctx.resources)) {
    if ((r.kind === 'instance' || r.kind === 'natGateway') && !r.privateIp) {
      const ip = (r.kind === 'instance' ? primaries.get(r.id) : undefined) ?? pick(r.subnetId);
      if (ip) r.privateIp = ip;
    }
  }
}
