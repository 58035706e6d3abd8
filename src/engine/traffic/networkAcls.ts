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
 * may use — one port for a request, the client's whole ephemeral range for a reply, which is admitted only when
 * every port of it is (a rule that allows part of the range and a later deny for the rest breaks some
 * connections).
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
  let remaining: PortRange[] = [ports];
  let lastAllow: NetworkAclRule | undefined;
  for (const rule of rules) {
    if (!protocolMatches(rule.protocol, protocol)) continue;
    const cidr = tryCidr(rule.cidr);
    if (!cidr || !contains(cidr, peerIp)) continue;
    const next: PortRange[] = [];
    let touched = false;
    for (const part of remaining) {
      const overlap = portsOverlap(rule.protocol, rule.fromPort, rule.toPort, part);
      if (!overlap) {
        next.push(part);
        continue;
      }
      touched = true;
      if (rule.action === 'deny') {
        const label = `${direction} #${rule.ruleNumber}`;
        const partial = overlap.from !== ports.from || overlap.to !== ports.to;
        return {
          allowed: false,
          rule,
          ruleLabel: label,
          detail: `${acl.id} ${label} denies ${describePorts(protocol, overlap)} ${direction === 'inbound' ? 'from' : 'to'} ${rule.cidr}${partial ? ` (part of ${describePorts(protocol, ports)})` : ''}`,
        };
      }
      if (overlap.from > part.from) next.push({ from: part.from, to: overlap.from - 1 });
      if (overlap.to < part.to) next.push({ from: overlap.to + 1, to: part.to });
    }
    if (touched) lastAllow = rule;
    remaining = next;
    if (remaining.length === 0) {
      const label = `${direction} #${rule.ruleNumber}`;
      return {
        allowed: true,
        rule,
        ruleLabel: label,
        detail: `${acl.id} ${label} allows ${describePorts(protocol, ports)} ${direction === 'inbound' ? 'from' : 'to'} ${rule.cidr}`,
      };
    }
  }
  const label = `${direction} *`;
  const first = remaining[0]!;
  const partial = lastAllow !== undefined;
  return {
    allowed: false,
    ruleLabel: label,
    detail: partial
      ? `${acl.id}: ${describePorts(protocol, first)} matches no ${direction} rule after #${lastAllow!.ruleNumber}, so the final deny rule (*) drops it`
      : `${acl.id}: no ${direction} rule matches ${describePorts(protocol, ports)}, so the final deny rule (*) drops it`,
  };
}
