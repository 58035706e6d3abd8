/**
 * Addresses every VPC answers itself, for its own instances: the Amazon DNS server (Route 53 Resolver, at the base
 * of the VPC's primary CIDR plus two and at 169.254.169.253), the instance metadata service (169.254.169.254) and
 * the Amazon Time Sync Service (169.254.169.123). No route table, security group or network ACL stands between an
 * instance and them.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html — "Security groups don't filter
 * traffic destined to and from the following: Amazon Domain Name Services (DNS), Amazon Dynamic Host Configuration
 * Protocol (DHCP), Amazon EC2 instance metadata, Amazon ECS task metadata endpoints, License activation for Windows
 * instances, Amazon Time Sync Service, Reserved IP addresses used by the default VPC router".
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-basics.html — "Network ACLs can't block DNS requests to or
 * from the Route 53 Resolver (also known as the VPC+2 IP address or AmazonProvidedDNS)" and "Network ACLs can't
 * block traffic to the Instance Metadata Service (IMDS)".
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html — "The IP address of the DNS server is the
 * base of the VPC network range plus two. For VPCs with multiple CIDR blocks, the IP address of the DNS server is
 * located in the primary CIDR."
 */
import { formatIp } from '../cidr/cidr.ts';
import type { NetworkIndex } from './networkIndex.ts';
import type { Eni, TrafficProtocol } from './types.ts';

export interface BuiltInService {
  /** The hop id: `service:dns`, `service:instance-metadata` or `service:time-sync`. */
  id: string;
  name: string;
  /** What it answers: protocol and port. */
  answers: Array<{ protocol: TrafficProtocol; port: number }>;
}

const DNS: BuiltInService = {
  id: 'service:dns',
  name: 'the Amazon DNS server (Route 53 Resolver)',
  answers: [
    { protocol: 'udp', port: 53 },
    { protocol: 'tcp', port: 53 },
  ],
};
const LINK_LOCAL: Record<string, BuiltInService> = {
  '169.254.169.253': DNS,
  '169.254.169.254': {
    id: 'service:instance-metadata',
    name: 'the instance metadata service (IMDS)',
    answers: [{ protocol: 'tcp', port: 80 }],
  },
  '169.254.169.123': {
    id: 'service:time-sync',
    name: 'the Amazon Time Sync Service',
    answers: [{ protocol: 'udp', port: 123 }],
  },
};

/** The VPC's DNS server address: the base of its primary (first) CIDR block plus two. */
export function dnsServerAddress(ix: NetworkIndex, vpcId: string): number | undefined {
  const primary = ix.vpcCidrs.get(vpcId)?.[0];
  return primary ? primary.first + 2 : undefined;
}

/**
 * The built-in service an instance or network interface reaches at `ip`, if any: a link-local service address,
 * or its own VPC's DNS server. (The DNS server of another VPC is not one: it answers its own VPC.)
 *
 * @example builtInServiceFor(ix, eni, parseIp('169.254.169.254')!) // { id: 'service:instance-metadata', … }
 */
export function builtInServiceFor(ix: NetworkIndex, eni: Eni, ip: number): BuiltInService | undefined {
  if (eni.kind !== 'instance' && eni.kind !== 'networkInterface') return undefined;
  const linkLocal = LINK_LOCAL[formatIp(ip)];
  if (linkLocal) return linkLocal;
  return ip === dnsServerAddress(ix, eni.vpcId) ? DNS : undefined;
}

/** Whether the service answers this protocol and port (for ICMP the port is the type, which none answers). */
export function answers(service: BuiltInService, protocol: TrafficProtocol, port: number): boolean {
  return service.answers.some((a) => a.protocol === protocol && a.port === port);
}

export function describeAnswers(service: BuiltInService): string {
  return service.answers.map((a) => `${a.protocol.toUpperCase()} ${a.port}`).join(' and ');
}
