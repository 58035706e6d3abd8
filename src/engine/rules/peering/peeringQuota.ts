/**
 * A VPC can have 50 active peering connections by default, and at most 125 after a quota increase.
 * https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-peering
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const ACTIVE_PEERINGS_DEFAULT = 50;
export const ACTIVE_PEERINGS_MAX = 125;

export const peeringQuota: Rule = {
  id: 'peering-quota',
  severity: 'warning',
  title: 'Active peering connections per VPC',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-peering',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const vpc of index.vpcs) {
      const active = (index.peeringsByVpc.get(vpc.id) ?? []).filter((p) => p.status === 'active').length;
      if (active > ACTIVE_PEERINGS_MAX) {
        out.push(
          finding(
            peeringQuota,
            [vpc.id],
            `${Label(vpc)} has ${active} active peering connections; AWS allows at most ${ACTIVE_PEERINGS_MAX} per VPC.`,
            'Use a transit gateway to connect this many VPCs.',
            'error',
          ),
        );
      } else if (active > ACTIVE_PEERINGS_DEFAULT) {
        out.push(
          finding(
            peeringQuota,
            [vpc.id],
            `${Label(vpc)} has ${active} active peering connections, above the default quota of ${ACTIVE_PEERINGS_DEFAULT} per VPC.`,
            `Request a quota increase (up to ${ACTIVE_PEERINGS_MAX}), or connect the VPCs through a transit gateway.`,
          ),
        );
      }
    }
    return out;
  },
};
