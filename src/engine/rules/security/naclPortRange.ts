/**
 * A network ACL entry for TCP or UDP needs its port range, and one for ICMP its type and code: the PortRange's From
 * and To are "Required if you specify 6 (TCP) or 17 (UDP) for the protocol parameter", and Icmp is "Required if
 * specifying 1 (ICMP) for the protocol parameter" (-1 there means every type or code). AWS refuses the entry
 * without them.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-networkaclentry-portrange.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkaclentry.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

const PROTOCOLS: Record<string, 'tcp' | 'udp' | 'icmp'> = {
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
};

export const naclPortRange: Rule = {
  id: 'nacl-port-range',
  severity: 'error',
  title: 'TCP and UDP network ACL entries give ports, ICMP entries a type and code',
  docs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-networkaclentry-portrange.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const acl of index.networkAcls) {
      for (const [direction, rules] of [
        ['inbound', acl.inbound],
        ['outbound', acl.outbound],
      ] as const) {
        for (const rule of rules) {
          const protocol = PROTOCOLS[String(rule.protocol).toLowerCase()];
          if (!protocol || (typeof rule.fromPort === 'number' && typeof rule.toPort === 'number')) continue;
          const name = typeof rule.id === 'string' && rule.id !== '' ? rule.id : `#${rule.ruleNumber}`;
          const ids = typeof rule.id === 'string' && rule.id !== '' ? [acl.id, rule.id] : [acl.id];
          out.push(
            protocol === 'icmp'
              ? finding(
                  naclPortRange,
                  ids,
                  `${Label(acl)} has an ${direction} ICMP entry ${name} without an ICMP type and code; AWS requires them for ICMP.`,
                  'Give the entry Icmp Type and Code (-1 for all).',
                )
              : finding(
                  naclPortRange,
                  ids,
                  `${Label(acl)} has an ${direction} ${protocol.toUpperCase()} entry ${name} without a port range; AWS requires From and To for TCP and UDP.`,
                  'Give the entry a PortRange (From and To), or use protocol -1 for all traffic.',
                ),
          );
        }
      }
    }
    return out;
  },
};
