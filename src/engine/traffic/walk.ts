/**
 * The packet's walk: hop records, explanations and the return checks that the forward walk leaves behind.
 *
 * The forward walk records, at each component it crosses, a check for the reply (a network ACL in the other
 * direction against the client's ephemeral ports, the reply's route back to the gateway the request came in
 * through, NAT translated back, security groups letting the reply through because they are stateful). Once the
 * request arrives, the checks run in reverse order: the return path.
 */
import { formatIp } from '../cidr/cidr.ts';
import type { NetworkAcl, Subnet } from '../model/types.ts';
import { hopKindOf } from './hopKinds.ts';
import { evaluateNetworkAcl } from './networkAcls.ts';
import type { NetworkIndex } from './networkIndex.ts';
import { subnetNetworkAcl } from './networkIndex.ts';
import { describePorts, icmpReplyType, type Packet, type PortRange } from './packet.ts';
import type { Explanation, ExplanationCode, Hop, HopAction, HopDirection, HopKind } from './types.ts';
import { CODE_CONCEPTS } from './concepts.ts';
import { componentName, mention } from './names.ts';

export interface Walk {
  ix: NetworkIndex;
  forward: Hop[];
  return: Hop[];
  explanations: Explanation[];
  /** Checks for the reply, pushed in forward order and run in reverse; each returns false when it blocks. */
  replySteps: Array<() => boolean>;
  /** Set once the request reached its destination. */
  arrived: boolean;
  /** NAT gateways and appliances the request has been through: meeting one again is a routing loop. */
  forwarders: Set<string>;
}

export function newWalk(ix: NetworkIndex): Walk {
  return { ix, forward: [], return: [], explanations: [], replySteps: [], arrived: false, forwarders: new Set() };
}

export function hop(
  w: Walk,
  direction: HopDirection,
  id: string,
  kind: HopKind,
  action: HopAction,
  detail: string,
  matched?: string,
): void {
  const record: Hop = { id, kind, direction, action, detail };
  if (matched !== undefined) record.matched = matched;
  (direction === 'forward' ? w.forward : w.return).push(record);
}

/** A component's name for a message: `web-a`, `default (Production)`, `the internet` — never its id. */
export function nameOf(w: Walk, id: string): string {
  return componentName(w.ix.design, id);
}

/** A component with its kind, for a message: `security group "web"`. */
export function the(w: Walk, id: string): string {
  return mention(w.ix.design, id);
}

/** What a block adds to its explanation: a closer glossary entry than its code's, and whether AWS means it. */
export interface BlockNote {
  concept?: string;
  expected?: boolean;
}

/**
 * Records why the packet stops here; always returns false so callers can `return block(...)`. The packet's last
 * hop in that direction is the blocking component, marked deny (added here when the caller has not). The message
 * names components by name (`nameOf`, `the`), says what the concept is and what to change; the explanation links
 * to the code's glossary entry unless the note names another.
 */
export function block(
  w: Walk,
  direction: HopDirection,
  code: ExplanationCode,
  id: string,
  message: string,
  related?: string[],
  note?: BlockNote,
): false {
  const explanation: Explanation = { code, id, direction, message, concept: note?.concept ?? CODE_CONCEPTS[code] };
  if (note?.expected) explanation.expected = true;
  const others = related?.filter((r) => r && r !== id);
  if (others?.length) explanation.related = [...new Set(others)];
  w.explanations.push(explanation);
  const hops = direction === 'forward' ? w.forward : w.return;
  if (hops.at(-1)?.action !== 'deny') hop(w, direction, id, hopKindOf(w.ix.design, id), 'deny', message);
  return false;
}

/**
 * Runs the rest of the forward walk and names `id` among the components involved in whatever stops it there
 * (e.g. the NAT gateway whose subnet has no route to the internet gateway).
 */
export function relating(w: Walk, id: string, rest: () => boolean): boolean {
  const before = w.explanations.length;
  const ok = rest();
  for (const explanation of w.explanations.slice(before)) {
    if (explanation.id !== id && !explanation.related?.includes(id))
      explanation.related = [...(explanation.related ?? []), id];
  }
  return ok;
}

/** The ports the reply is sent to: the client's ephemeral range (TCP/UDP) or the ICMP reply type. */
export function replyPorts(packet: Packet): PortRange {
  if (packet.protocol === 'icmp') {
    const type = icmpReplyType(packet.dstPort);
    return { from: type, to: type };
  }
  return { from: packet.srcPorts.from, to: packet.srcPorts.to };
}

function checkAcl(
  w: Walk,
  direction: HopDirection,
  acl: NetworkAcl,
  subnet: Subnet,
  aclDirection: 'inbound' | 'outbound',
  peerIp: number,
  packet: Packet,
  ports: PortRange,
  note: string,
): boolean {
  const verdict = evaluateNetworkAcl(acl, aclDirection, peerIp, packet.protocol, ports);
  hop(
    w,
    direction,
    acl.id,
    'networkAcl',
    verdict.allowed ? 'allow' : 'deny',
    `${verdict.detail}${note}`,
    verdict.ruleLabel,
  );
  if (verdict.allowed) return true;
  const what = direction === 'forward' ? 'the request' : 'the reply';
  const ruleText =
    verdict.ruleLabel === `${aclDirection} *`
      ? 'no rule matches, so the final deny rule (*) applies'
      : `rule ${verdict.ruleLabel.replace(/^(inbound|outbound) /, '')} denies it`;
  const portsText = `${describePorts(packet.protocol, ports)} ${aclDirection === 'inbound' ? 'from' : 'to'} ${formatIp(peerIp)}`;
  const fix =
    direction === 'return'
      ? `add an ${aclDirection} rule allowing the reply to the client's ports (${describePorts(packet.protocol, ports)}), numbered below any deny that matches it`
      : `add an ${aclDirection} allow rule for ${portsText}, numbered below any deny that matches it`;
  return block(
    w,
    direction,
    'SUBNET_ACL_RESTRICTION',
    acl.id,
    `${capitalise(the(w, acl.id))} on subnet "${nameOf(w, subnet.id)}" does not let ${what} ${aclDirection === 'inbound' ? 'in' : 'out'} (${portsText}): ${ruleText}. A network ACL filters a subnet's traffic and is stateless, so the request and the reply each need a rule. To fix it, ${fix}.`,
    [subnet.id, ...(verdict.rule?.id ? [verdict.rule.id] : [])],
  );
}

/**
 * The network ACLs a packet crosses between two subnets (`undefined` = outside the VPC): the source subnet's
 * outbound rules and the destination subnet's inbound rules; none within one subnet. Leaves the reply's checks
 * behind (the same ACLs the other way, to the client's ephemeral ports).
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html — a network ACL "allows or denies
 * specific inbound or outbound traffic at the subnet level"; traffic between instances of one subnet does not
 * leave the subnet, so its network ACL does not see it.
 */
export function crossSubnets(w: Walk, from: Subnet | undefined, to: Subnet | undefined, packet: Packet): boolean {
  if (from && to && from.id === to.id) return true;
  const snapshot = { ...packet };
  const ports = { from: packet.dstPort, to: packet.dstPort };
  const back = replyPorts(snapshot);
  const backNote =
    snapshot.protocol === 'icmp' ? ' (the reply)' : ` (the reply to the client's ports: ${snapshot.srcPorts.label})`;
  if (from) {
    const acl = subnetNetworkAcl(w.ix, from);
    if (acl) {
      if (!checkAcl(w, 'forward', acl, from, 'outbound', packet.dstIp, packet, ports, '')) return false;
      w.replySteps.push(() => checkAcl(w, 'return', acl, from, 'inbound', snapshot.dstIp, snapshot, back, backNote));
    }
  }
  if (to) {
    const acl = subnetNetworkAcl(w.ix, to);
    if (acl) {
      if (!checkAcl(w, 'forward', acl, to, 'inbound', packet.srcIp, packet, ports, '')) return false;
      w.replySteps.push(() => checkAcl(w, 'return', acl, to, 'outbound', snapshot.srcIp, snapshot, back, backNote));
    }
  }
  return true;
}

/** Runs the reply's checks in reverse; false when one blocks. */
export function walkReturn(w: Walk): boolean {
  for (let i = w.replySteps.length - 1; i >= 0; i--) if (!w.replySteps[i]!()) return false;
  return true;
}

/** The sentence's first letter in capitals: `Security group "web" …`. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
