/**
 * A NAT gateway only translates connections that instances behind it start; nothing can connect to it, so it
 * cannot serve as a bastion (SSH jump host). Flows aimed at it, and security group rules that treat it as a
 * group, cannot work.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-comparison.html
 */
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const natGatewayNotBastion: Rule = {
  id: 'nat-gateway-not-bastion',
  severity: 'error',
  title: 'NAT gateways are not bastions',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-comparison.html',
  check(design, { index }) {
    const out: Finding[] = [];
    for (const flow of Array.isArray(design.flows) ? design.flows : []) {
      const target = index.get(flow?.to);
      if (target?.kind !== 'natGateway') continue;
      const port = typeof flow.port === 'number' ? ` on port ${flow.port}` : '';
      out.push(
        finding(
          natGatewayNotBastion,
          [target.id],
          `Flow "${String(flow.name ?? flow.id).slice(0, 60)}" connects to ${label(target)}${port}, but a NAT gateway accepts no inbound connections and cannot be a bastion.`,
          'Connect to a bastion instance in a public subnet, or use Session Manager, instead.',
        ),
      );
    }
    for (const group of index.securityGroups) {
      for (const [direction, rules] of [
        ['inbound', group.ingress],
        ['outbound', group.egress],
      ] as const) {
        for (const rule of rules) {
          const peer = index.get(rule.groupId);
          if (peer?.kind !== 'natGateway') continue;
          out.push(
            finding(
              natGatewayNotBastion,
              [group.id, peer.id],
              `${Label(group)} has an ${direction} rule that names ${label(peer)} as its peer; a NAT gateway has no security group and accepts no inbound connections.`,
              "Use the NAT gateway's subnet CIDR, or the bastion's security group, as the peer.",
            ),
          );
        }
      }
    }
    return out;
  },
};
