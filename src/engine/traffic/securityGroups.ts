/**
 * Security group evaluation: allow rules only, the union of every group on the network interface, and stateful —
 * a reply to allowed traffic is allowed whatever the rules say.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html — "Security groups are stateful.
 * For example, if you send a request from an instance, the response traffic for that request is allowed to reach
 * the instance regardless of the inbound security group rules." and "If there are multiple rules for the same
 * protocol and ports, … we aggregate the rules from all the security groups associated with the instance".
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html — a rule whose source is a security
 * group allows traffic "based on the private IP addresses of the network interfaces that are associated with the
 * source security group".
 */
import { contains, tryCidr } from '../cidr/cidr.ts';
import type { SecurityGroup, SecurityGroupRule } from '../model/types.ts';
import { describePorts, portsCovered, protocolMatches, type PortRange } from './packet.ts';
import type { TrafficProtocol } from './types.ts';

export type SgDirection = 'ingress' | 'egress';

/** How the evaluation learns who is in a referenced group and what a prefix list holds. */
export interface PeerLookup {
  /** Whether `ip` is a private address of a network interface in group `groupId` that may be referenced from `fromGroup`. */
  isGroupMember(groupId: string, ip: number, fromGroup: SecurityGroup): boolean;
  /** Whether `ip` lies in the managed prefix list `prefixListId`. */
  inPrefixList(prefixListId: string, ip: number): boolean;
}

export interface SgVerdict {
  allowed: boolean;
  group?: SecurityGroup;
  rule?: SecurityGroupRule;
  /** The rule's id, or `<group> ingress[n]` when it has none. */
  ruleLabel?: string;
  detail: string;
}

function ruleMatchesPeer(rule: SecurityGroupRule, ip: number, group: SecurityGroup, peers: PeerLookup): boolean {
  if (rule.cidr !== undefined) {
    const cidr = tryCidr(rule.cidr);
    return cidr !== undefined && contains(cidr, ip);
  }
  if (rule.groupId !== undefined) return peers.isGroupMember(rule.groupId, ip, group);
  if (rule.prefixListId !== undefined) return peers.inPrefixList(rule.prefixListId, ip);
  return false;
}

function describePeer(rule: SecurityGroupRule, name: (id: string) => string): string {
  return (
    rule.cidr ??
    (rule.groupId ? `members of ${name(rule.groupId)}` : rule.prefixListId ? `prefix list ${rule.prefixListId}` : '?')
  );
}

/**
 * Whether any rule of any of the groups allows the traffic (`peerIp` is the source for ingress, the destination
 * for egress).
 *
 * @example evaluateSecurityGroups([web], 'ingress', parseIp('203.0.113.5')!, 'tcp', 443, peers)
 */
export function evaluateSecurityGroups(
  groups: SecurityGroup[],
  direction: SgDirection,
  peerIp: number,
  protocol: TrafficProtocol,
  port: number,
  peers: PeerLookup,
  /** What to call a group in the verdict's words (trace passes the design's names); the id by default. */
  name: (id: string) => string = (id) => id,
): SgVerdict {
  const ports: PortRange = { from: port, to: port };
  for (const group of groups) {
    const rules = direction === 'ingress' ? group.ingress : group.egress;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      if (!protocolMatches(rule.protocol, protocol)) continue;
      if (!portsCovered(rule.protocol, rule.fromPort, rule.toPort, ports)) continue;
      if (!ruleMatchesPeer(rule, peerIp, group, peers)) continue;
      const ruleLabel = rule.id ?? `${group.id} ${direction} #${i + 1}`;
      return {
        allowed: true,
        group,
        rule,
        ruleLabel,
        detail: `${name(group.id)}: ${direction === 'ingress' ? 'inbound' : 'outbound'} rule #${i + 1} allows ${describePorts(protocol, ports)} ${direction === 'ingress' ? 'from' : 'to'} ${describePeer(rule, name)}`,
      };
    }
  }
  const names = groups.map((g) => name(g.id)).join(', ');
  return {
    allowed: false,
    group: groups[0],
    detail:
      groups.length === 0
        ? `no security group is associated, so no ${direction} rule allows ${describePorts(protocol, ports)}`
        : `no ${direction === 'ingress' ? 'inbound' : 'outbound'} rule in ${names} allows ${describePorts(protocol, ports)} ${direction === 'ingress' ? 'from' : 'to'} this address (security groups have allow rules only)`,
  };
}
