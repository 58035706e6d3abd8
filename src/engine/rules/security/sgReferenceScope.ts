/**
 * A security group rule can reference another security group of the same VPC, or of a VPC peered with it
 * (same Region); a reference to any other group is refused. Cross-Region peers are reported by
 * peering-cross-region-sg-reference.
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 */
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal, isUnknownValue } from '../../model/unknown.ts';

export const sgReferenceScope: Rule = {
  id: 'sg-reference-scope',
  severity: 'error',
  title: 'Security group references stay in the VPC or a peered VPC',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const group of index.securityGroups) {
      for (const [direction, rules] of [
        ['inbound', group.ingress],
        ['outbound', group.egress],
      ] as const) {
        for (const rule of rules) {
          if (rule.groupId === undefined || rule.groupId === group.id) continue;
          const peer = index.get(rule.groupId);
          if (!peer) {
            if (isUnknownValue(rule.groupId)) continue;
            out.push(
              finding(
                sgReferenceScope,
                [group.id],
                `${Label(group)} has an ${direction} rule referencing security group ${String(rule.groupId).slice(0, 60)}, which does not exist.`,
                'Reference an existing security group, or use a CIDR block.',
              ),
            );
            continue;
          }
          if (peer.kind === 'natGateway') continue; // nat-gateway-not-bastion explains this one
          if (peer.kind !== 'securityGroup') {
            out.push(
              finding(
                sgReferenceScope,
                [group.id, peer.id],
                `${Label(group)} has an ${direction} rule referencing ${label(peer)}, which is not a security group.`,
                "Reference the resource's security group, or its address as a CIDR block.",
              ),
            );
            continue;
          }
          if (peer.vpcId === group.vpcId || isExternal(peer) || isExternal(group)) continue; // an existing group's VPC is a guess
          const peerVpc = index.get(peer.vpcId);
          if (peerVpc?.kind === 'vpc' && index.activePeersOf(group.vpcId).has(peerVpc.id)) continue;
          out.push(
            finding(
              sgReferenceScope,
              [group.id, peer.id],
              `${Label(group)} has an ${direction} rule referencing ${label(peer)} from another VPC that is not peered with this one.`,
              "Peer the two VPCs, or use the other VPC's CIDR block in the rule.",
            ),
          );
        }
      }
    }
    return out;
  },
};
