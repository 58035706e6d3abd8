/**
 * Security group rules can reference groups in a peered VPC only when the peering connection is in one Region;
 * across Regions, use the peer's CIDR blocks instead.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html
 */
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const peeringCrossRegionSgReference: Rule = {
  id: 'peering-cross-region-sg-reference',
  severity: 'error',
  title: 'No security group references across Regions',
  docs: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const group of index.securityGroups) {
      const vpc = index.get(group.vpcId);
      if (vpc?.kind !== 'vpc') continue;
      for (const [direction, rules] of [
        ['inbound', group.ingress],
        ['outbound', group.egress],
      ] as const) {
        for (const rule of rules) {
          const peer = index.get(rule.groupId);
          if (peer?.kind !== 'securityGroup' || peer.vpcId === vpc.id) continue;
          const peerVpc = index.get(peer.vpcId);
          if (peerVpc?.kind !== 'vpc' || peerVpc.region === vpc.region || !index.activePeersOf(vpc.id).has(peerVpc.id))
            continue;
          out.push(
            finding(
              peeringCrossRegionSgReference,
              [group.id, peer.id],
              `${Label(group)} has an ${direction} rule referencing ${label(peer)} in ${peerVpc.region}, but ${label(vpc)} is in ${vpc.region}: a cross-Region peering cannot reference the peer's security groups.`,
              `Use the peer VPC's CIDR block (${peerVpc.cidrBlocks[0] ?? 'its range'}) in the rule instead.`,
            ),
          );
        }
      }
    }
    return out;
  },
};
