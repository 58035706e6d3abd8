/**
 * Two VPCs with matching or overlapping IPv4 CIDR blocks (any of their blocks, primary or secondary) cannot be
 * peered.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations
 */
import { findOverlaps } from '../../cidr/cidr.ts';
import type { Cidr } from '../../cidr/cidr.ts';
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isLive, vpcsOf } from './peeringLive.ts';

export const peeringCidrOverlap: Rule = {
  id: 'peering-cidr-overlap',
  severity: 'error',
  title: "Peered VPCs' CIDR blocks don't overlap",
  docs: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const peering of index.peerings) {
      const vpcs = vpcsOf(index, peering);
      if (!vpcs || !isLive(peering) || vpcs[0] === vpcs[1]) continue;
      const [a, b] = vpcs;
      const items: Array<{ cidr: Cidr; item: { side: 0 | 1; cidr: Cidr } }> = [];
      for (const cidr of index.vpcCidrs.get(a.id) ?? []) items.push({ cidr, item: { side: 0, cidr } });
      for (const cidr of index.vpcCidrs.get(b.id) ?? []) items.push({ cidr, item: { side: 1, cidr } });
      const pairs = findOverlaps(items).filter(([x, y]) => x.side !== y.side);
      if (pairs.length === 0) continue;
      const [x, y] = pairs[0]!;
      const [ca, cb] = x.side === 0 ? [x.cidr, y.cidr] : [y.cidr, x.cidr];
      const more =
        pairs.length > 1 ? ` (and ${pairs.length - 1} more overlapping pair${pairs.length > 2 ? 's' : ''})` : '';
      out.push(
        finding(
          peeringCidrOverlap,
          [peering.id, a.id, b.id],
          `${Label(peering)} joins ${label(a)} (${ca.text}) and ${label(b)} (${cb.text}), whose CIDR blocks overlap${more}; AWS cannot peer overlapping VPCs.`,
          'Re-address one VPC so that none of its blocks overlap the other, or connect them another way.',
        ),
      );
    }
    return out;
  },
};
