/**
 * Pure edits on rule and route lists (security-group rules, network ACL entries, routes): the inspector builds
 * the new list with these and stores it with one `updateResource`, so each edit is one undo step.
 */
import { MAX_NACL_RULE_NUMBER } from '../model/fields.ts';
import type { NetworkAclRule, Route, SecurityGroupRule } from '../model/types.ts';

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** The smallest `<prefix>-<n>` not used as an id in the list. */
export function nextItemId(list: ReadonlyArray<{ id?: string }>, prefix: string): string {
  const used = new Set(list.map((x) => x.id));
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** How a protocol is picked in the inspector: all, the three named ones, or a custom IANA number. */
export type ProtocolChoice = 'all' | 'tcp' | 'udp' | 'icmp' | 'custom';

/** Reads a stored protocol (`-1`, `tcp`, `6`, `50`, …) as a choice; numbers 6, 17 and 1 are TCP, UDP and ICMP. */
export function protocolChoiceOf(protocol: string): ProtocolChoice {
  const p = protocol.toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (p === 'tcp' || p === '6') return 'tcp';
  if (p === 'udp' || p === '17') return 'udp';
  if (p === 'icmp' || p === '1') return 'icmp';
  return 'custom';
}

/**
 * Changes a security-group rule's protocol, resetting ports to what the new protocol means: all protocols and
 * custom numbers ignore ports (-1), ICMP starts at all types (-1), TCP/UDP keep a valid range or take 0–65535.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
 */
export function withProtocol<R extends SecurityGroupRule | NetworkAclRule>(
  rule: R,
  choice: ProtocolChoice,
  customNumber = 50,
): R {
  const hasPorts = (r: R) =>
    r.fromPort !== undefined && r.toPort !== undefined && r.fromPort >= 0 && r.toPort! >= r.fromPort!;
  switch (choice) {
    case 'all':
      return { ...rule, protocol: '-1', fromPort: -1, toPort: -1 };
    case 'custom':
      return { ...rule, protocol: String(customNumber), fromPort: -1, toPort: -1 };
    case 'icmp':
      return { ...rule, protocol: 'icmp', fromPort: -1, toPort: -1 };
    default: {
      const wasPorts = protocolChoiceOf(rule.protocol) === 'tcp' || protocolChoiceOf(rule.protocol) === 'udp';
      const keep = wasPorts && hasPorts(rule);
      return { ...rule, protocol: choice, fromPort: keep ? rule.fromPort : 0, toPort: keep ? rule.toPort : 65535 };
    }
  }
}

/** Which kind of peer a security-group rule names. */
export type PeerType = 'cidr' | 'group' | 'prefixList';

export function peerOf(rule: SecurityGroupRule): { type: PeerType; value: string } {
  if (rule.groupId !== undefined) return { type: 'group', value: rule.groupId };
  if (rule.prefixListId !== undefined) return { type: 'prefixList', value: rule.prefixListId };
  return { type: 'cidr', value: rule.cidr ?? '' };
}

/** Sets a rule's peer, clearing the other two (a rule names exactly one). */
export function withPeer(rule: SecurityGroupRule, type: PeerType, value: string): SecurityGroupRule {
  const { cidr: _c, groupId: _g, prefixListId: _p, ...rest } = rule;
  if (type === 'group') return { ...rest, groupId: value };
  if (type === 'prefixList') return { ...rest, prefixListId: value };
  return { ...rest, cidr: value };
}

/**
 * Network ACL entries in evaluation order: ascending rule number, first match wins.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
export function sortNaclRules(rules: readonly NetworkAclRule[]): NetworkAclRule[] {
  return [...rules].sort((a, b) => a.ruleNumber - b.ruleNumber);
}

/**
 * A number for a new entry: the next hundred after the highest (AWS suggests leaving gaps, 100, 200, …), or the
 * lowest free number when the top of the range is taken.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkAclEntry.html
 */
export function nextNaclRuleNumber(rules: readonly NetworkAclRule[]): number | undefined {
  const used = new Set(rules.map((r) => r.ruleNumber));
  const max = Math.max(0, ...used);
  const hundred = (Math.floor(max / 100) + 1) * 100;
  if (hundred <= MAX_NACL_RULE_NUMBER) return hundred;
  for (let n = 1; n <= MAX_NACL_RULE_NUMBER; n++) if (!used.has(n)) return n;
  return undefined;
}

/** A route's destination for display: its CIDR or its prefix list. */
export function routeDestination(route: Route): string {
  return route.destinationCidrBlock ?? route.destinationPrefixListId ?? '';
}

/** Sets a route's destination to a CIDR or a prefix list, clearing the other. */
export function withDestination(route: Route, type: 'cidr' | 'prefixList', value: string): Route {
  const { destinationCidrBlock: _c, destinationPrefixListId: _p, ...rest } = route;
  return type === 'cidr' ? { ...rest, destinationCidrBlock: value } : { ...rest, destinationPrefixListId: value };
}

/** A network ACL entry's protocol change: entries for all protocols or a custom number carry no ports. */
export function withNaclProtocol(rule: NetworkAclRule, choice: ProtocolChoice, customNumber = 50): NetworkAclRule {
  const next = withProtocol(rule, choice, customNumber);
  if (choice === 'all' || choice === 'custom') {
    const { fromPort: _f, toPort: _t, ...rest } = next;
    return rest;
  }
  return next;
}
