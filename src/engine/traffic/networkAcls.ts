/**
 * Network ACL evaluation: stateless, at the subnet boundary, rules in ascending order, the first match wins, and
 * a final deny (`*`) for what no rule matches.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html — "We evaluate the rules in order, starting
 * with the lowest numbered rule. If the traffic matches a rule, the rule is applied and we do not evaluate any
 * additional rules." and "If a packet doesn't match any of the numbered rules, the packet is denied" (rule `*`).
 */
import { contains, tryCidr } from '../cidr/cidr.ts';
import type { NetworkAcl, NetworkAclRule } from '../model/types.ts';
import { describePorts, portsOverlap, protocolMatches, type PortRange } from './packet.ts';
import type { TrafficProtocol } from './types.ts';

export type AclDirection = 'inbound' | 'outbound';

export interface AclVerdict {
  allowed: boolean;
  /** The deciding rule: the denying rule, or the rule that admitted the last part of the ports; absent = the final `*` deny. */
  rule?: NetworkAclRule;
  /** e.g. `outbound #100` or `inbound *`. */
  ruleLabel: string;
  detail: string;
}

const sortedCache = new WeakMap<NetworkAclRule[], NetworkAclRule[]>();

function sortedRules(rules: NetworkAclRule[]): NetworkAclRule[] {
  let sorted = sortedCache.get(rules);
  if (!sorted) {
    sorted = [...rules].sort((a, b) => a.ruleNumber - b.ruleNumber);
    sortedCache.set(rules, sorted);
  }
  return sorted;
}

/**
 * Decides whether a network ACL lets traffic through in one direction. `peerIp` is the address on the far side
 * (the source for inbound rules, the destination for outbound rules); `ports` the destination ports the traffic
 * may use — one port for a request, the client's whole ephemeral range for a reply.
 *
 * A reply's range passes when allow rules cover all of it except ports that deny rules take out first, and those
 * are fewer than the ports allowed: "you can also add rules to the ACL to deny traffic on any malicious ports
 * within that range. Ensure that you place the deny rules earlier in the table than the allow rules that open
 * the wide range of ephemeral ports" (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html)
 * — clients seldom pick those few ports. Part of the range that no rule allows (it meets the final `*` deny)
 * fails, unless it is a sliver (under 1% of the range, such as port 1024 left out by a rule for 1025-65535):
 * clients choosing those ports never get an answer.
 *
 * @example evaluateNetworkAcl(acl, 'inbound', parseIp('203.0.113.5')!, 'tcp', { from: 22, to: 22 })
 */
export function evaluateNetworkAcl(
  acl: NetworkAcl,
  direction: AclDirection,
  peerIp: number,
  protocol: TrafficProtocol,
  ports: PortRange,
): AclVerdict {
  const rules = sortedRules(direction === 'inbound' ? acl.inbound : acl.outbound);
  const size = (parts: PortRange[]) => parts.reduce((n, p) => n + p.to - p.from + 1, 0);
  const towards = direction === 'inbound' ? 'from' : 'to';
  let remaining: PortRange[] = [ports];
  let allowedCount = 0;
  let lastAllow: NetworkAclRule | undefined;
  const denied: Array<{ rule: NetworkAclRule; part: PortRange }> = [];
  for (const rule of rules) {
    if (!protocolMatches(rule.protocol, protocol)) continue;
    const cidr = tryCidr(rule.cidr);
    if (!cidr || !contains(cidr, peerIp)) continue;
    const next: PortRange[] = [];
    for (const part of remaining) {
      const overlap = portsOverlap(rule.protocol, rule.fromPort, rule.toPort, part);
      if (!overlap) {
        next.push(part);
        continue;
      }
      if (rule.action === 'deny') denied.push({ rule, part: overlap });
      else {
        allowedCount += overlap.to - overlap.from + 1;
        lastAllow = rule;
      }
      if (overlap.from > part.from) next.push({ from: part.from, to: overlap.from - 1 });
      if (overlap.to < part.to) next.push({ from: overlap.to + 1, to: part.to });
    }
    remaining = next;
    if (remaining.length === 0) break;
  }
  const deniedCount = size(denied.map((d) => d.part));
  const uncovered = size(remaining);
  // A sliver of the range that no rule covers (a rule written 1025-65535) costs as little as a denied port.
  const negligibleGap = uncovered > 0 && uncovered * 100 < size([ports]);
  if ((remaining.length === 0 || negligibleGap) && allowedCount > 0 && deniedCount + uncovered < allowedCount) {
    const label = `${direction} #${lastAllow!.ruleNumber}`;
    const left = [
      ...denied.map((d) => `${describePorts(protocol, d.part)} (denied by #${d.rule.ruleNumber})`),
      ...remaining.map((part) => `${describePorts(protocol, part)} (no rule)`),
    ];
    const except = left.length ? ` except ${left.join(', ')}, which clients seldom use` : '';
    return {
      allowed: true,
      rule: lastAllow,
      ruleLabel: label,
      detail: `${label} allows ${describePorts(protocol, ports)} ${towards} ${lastAllow!.cidr}${except}`,
    };
  }
  if (denied.length > 0 && (remaining.length === 0 || allowedCount === 0)) {
    // An explicit deny decides: the first one that took ports out.
    const { rule, part } = denied[0]!;
    const label = `${direction} #${rule.ruleNumber}`;
    const partial = part.from !== ports.from || part.to !== ports.to;
    return {
      allowed: false,
      rule,
      ruleLabel: label,
      detail: `${label} denies ${describePorts(protocol, part)} ${towards} ${rule.cidr}${partial ? ` (part of ${describePorts(protocol, ports)})` : ''}`,
    };
  }
  const label = `${direction} *`;
  const first = remaining[0]!;
  return {
    allowed: false,
    ruleLabel: label,
    detail:
      lastAllow !== undefined || denied.length > 0
        ? `${describePorts(protocol, first)} matches no ${direction} rule${lastAllow ? ` after #${lastAllow.ruleNumber}` : ''}, so the final deny rule (*) drops it`
        : `no ${direction} rule matches ${describePorts(protocol, ports)}, so the final deny rule (*) drops it`,
  };
}
