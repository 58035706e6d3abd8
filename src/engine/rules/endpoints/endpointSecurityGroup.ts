/**
 * An interface endpoint's security groups must admit the service's port (HTTPS, 443) from its clients; without
 * such a rule every call to the service through the endpoint times out. An endpoint without groups gets the
 * VPC's default security group. Clients may sit in the VPC, in a VPC peered with it, or on premises behind its
 * VPN: interface endpoints "are directly accessible from applications that are on premises over VPN and Direct
 * Connect, or in a different AWS Region over VPC peering"
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html).
 * https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html
 */
import { overlaps, tryCidr, type Cidr } from '../../cidr/cidr.ts';
import type { SecurityGroup, SecurityGroupRule } from '../../model/types.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule, RuleContext } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

export const SERVICE_PORT = 443;

/** Whether a rule's protocol and port range include TCP `port`. */
export function coversTcpPort(rule: SecurityGroupRule, port: number): boolean {
  const protocol = String(rule.protocol).toLowerCase();
  if (protocol === '-1' || protocol === 'all') return true;
  if (protocol !== 'tcp' && protocol !== '6') return false;
  if (rule.fromPort === -1 && rule.toPort === -1) return true;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** Where an endpoint's clients can be: its VPC, the VPCs actively peered with it, and the on-premises networks of its VPN. */
function clientRanges(index: RuleContext['index'], vpcId: string): Cidr[] {
  const ranges = [...(index.vpcCidrs.get(vpcId) ?? [])];
  for (const pcx of index.peeringsByVpc.get(vpcId) ?? []) {
    if (pcx.status !== 'active') continue;
    const peer = pcx.requesterVpcId === vpcId ? pcx.accepterVpcId : pcx.requesterVpcId;
    ranges.push(...(index.vpcCidrs.get(peer) ?? []));
  }
  const gateways = new Set(index.virtualPrivateGateways.filter((g) => g.vpcId === vpcId).map((g) => g.id));
  for (const r of index.all) {
    const cidrs =
      r.kind === 'vpnConnection' && gateways.has(r.vpnGatewayId)
        ? r.onPremisesCidrs
        : r.kind === 'directConnectGateway' && r.virtualPrivateGatewayIds.some((g) => gateways.has(g))
          ? r.onPremisesCidrs
          : [];
    for (const text of cidrs) {
      const cidr = tryCidr(text);
      if (cidr) ranges.push(cidr);
    }
  }
  return ranges;
}

export const endpointSecurityGroup: Rule = {
  id: 'endpoint-security-group',
  severity: 'error',
  title: 'Interface endpoints admit HTTPS from the VPC',
  docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const endpoint of index.endpoints) {
      if (endpoint.endpointType !== 'Interface') continue;
      const vpcCidrs = clientRanges(index, endpoint.vpcId);
      let groups: SecurityGroup[] = [];
      for (const id of endpoint.securityGroupIds) {
        const g = index.get(id);
        if (g?.kind === 'securityGroup') groups.push(g);
      }
      if (endpoint.securityGroupIds.length === 0)
        groups = (index.securityGroupsByVpc.get(endpoint.vpcId) ?? []).filter((g) => g.isDefault);
      else if (groups.length === 0) continue; // only missing groups: dangling-reference reports them
      if (groups.length === 0) continue;
      const admits = groups.some((g) =>
        g.ingress.some((rule) => {
          if (!coversTcpPort(rule, SERVICE_PORT)) return false;
          if (typeof rule.groupId === 'string' || typeof rule.prefixListId === 'string') return true;
          const source = tryCidr(rule.cidr);
          return !!source && vpcCidrs.some((c) => overlaps(c, source));
        }),
      );
      // An existing group's rules, or an existing VPC's blocks, are unknown: nothing to say.
      if (admits || groups.some(isExternal) || isExternal(index.get(endpoint.vpcId))) continue;
      const names = groups.map((g) => g.id).join(', ');
      out.push(
        finding(
          endpointSecurityGroup,
          [endpoint.id, ...groups.map((g) => g.id)],
          `${Label(endpoint)} uses ${groups.length === 1 ? 'security group' : 'security groups'} ${names}, which admit no HTTPS (TCP ${SERVICE_PORT}) from the VPC or the networks connected to it, so calls to the service through it fail.`,
          `Add an inbound rule for TCP ${SERVICE_PORT} from the VPC's CIDR block (or the clients' security group).`,
        ),
      );
    }
    return out;
  },
};
