/**
 * Packets as the filters see them: protocol, addresses, the destination port and the range of source ports the
 * client may have picked (its ephemeral ports), which a stateless network ACL must admit on the way back.
 */
import { formatIp } from '../cidr/cidr.ts';
import type { IpProtocol } from '../model/types.ts';
import type { TrafficProtocol } from './types.ts';

export interface PortRange {
  from: number;
  to: number;
}

/**
 * The client-port assumptions, stated once and shown in every hop that depends on them.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html — "Many Linux kernels (including
 * the Amazon Linux kernel) use ports 32768-61000" (current kernels: 32768-60999); "a NAT gateway uses ports
 * 1024-65535"; and "to cover the different types of clients that might initiate traffic to public-facing
 * instances in your VPC, you can open ephemeral ports 1024-65535".
 */
export const EPHEMERAL = {
  linux: { from: 32768, to: 60999, label: 'Linux ephemeral ports 32768–60999' },
  natGateway: { from: 1024, to: 65535, label: 'NAT gateway ports 1024–65535' },
  anyClient: { from: 1024, to: 65535, label: 'any client OS: ports 1024–65535' },
} as const;

export interface ClientPorts extends PortRange {
  label: string;
}

export interface Packet {
  protocol: TrafficProtocol;
  srcIp: number;
  dstIp: number;
  /** TCP/UDP destination port; for ICMP the type. */
  dstPort: number;
  /** The source ports the sender may use (its ephemeral range); the reply goes back to them. */
  srcPorts: ClientPorts;
}

const PROTOCOL_NUMBERS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', all: '-1' };

/** `tcp`, `udp`, `icmp`, `-1` (all) or the number as text, whatever way the rule spelled it. */
export function normalizeProtocol(protocol: IpProtocol | number | undefined): string {
  if (protocol === undefined) return '-1';
  const text = String(protocol).trim().toLowerCase();
  return PROTOCOL_NUMBERS[text] ?? text;
}

/** Whether a rule's protocol covers the packet's protocol. */
export function protocolMatches(ruleProtocol: IpProtocol, packetProtocol: TrafficProtocol): boolean {
  const p = normalizeProtocol(ruleProtocol);
  return p === '-1' || p === packetProtocol;
}

/**
 * Whether a rule's port range covers every port in `ports` (for ICMP `ports.from` is the type; a rule type of -1
 * or no range covers every type). Missing or -1 bounds mean "all ports".
 */
export function portsCovered(
  ruleProtocol: IpProtocol,
  fromPort: number | undefined,
  toPort: number | undefined,
  ports: PortRange,
): boolean {
  const p = normalizeProtocol(ruleProtocol);
  if (p === '-1') return true;
  if (p === 'icmp')
    return fromPort === undefined || fromPort === -1 || (fromPort === ports.from && ports.from === ports.to);
  if (fromPort === undefined || fromPort === -1) return true;
  const to = toPort === undefined || toPort === -1 ? 65535 : toPort;
  return fromPort <= ports.from && ports.to <= to;
}

/** The part of `ports` a rule's range overlaps, if any (for partial matches of ephemeral ranges). */
export function portsOverlap(
  ruleProtocol: IpProtocol,
  fromPort: number | undefined,
  toPort: number | undefined,
  ports: PortRange,
): PortRange | undefined {
  const p = normalizeProtocol(ruleProtocol);
  if (p === '-1' || p === 'icmp' || fromPort === undefined || fromPort === -1) {
    return portsCovered(ruleProtocol, fromPort, toPort, ports) ? ports : undefined;
  }
  const to = toPort === undefined || toPort === -1 ? 65535 : toPort;
  const from = Math.max(fromPort, ports.from);
  const upTo = Math.min(to, ports.to);
  return from <= upTo ? { from, to: upTo } : undefined;
}

export function describePorts(protocol: TrafficProtocol, ports: PortRange): string {
  if (protocol === 'icmp') return `ICMP type ${ports.from}`;
  return ports.from === ports.to
    ? `${protocol.toUpperCase()} ${ports.from}`
    : `${protocol.toUpperCase()} ${ports.from}–${ports.to}`;
}

export function describePacket(packet: Packet): string {
  const dst =
    packet.protocol === 'icmp' ? `ICMP type ${packet.dstPort}` : `${packet.protocol.toUpperCase()} ${packet.dstPort}`;
  return `${formatIp(packet.srcIp)} → ${formatIp(packet.dstIp)} ${dst}`;
}

/** The ICMP reply type for a request type: echo request (8) is answered by echo reply (0). */
export function icmpReplyType(type: number): number {
  return type === 8 ? 0 : type;
}
