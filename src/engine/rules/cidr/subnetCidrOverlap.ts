/**
 * Subnets of one VPC must not overlap. Found by sorting each VPC's subnets (`findOverlaps`), not by comparing
 * every pair.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
import { findOverlaps } from '../../cidr/cidr.ts';
import type { Cidr } from '../../cidr/cidr.ts';
import type { Subnet } from '../../model/types.ts';
import { Label, label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const subnetCidrOverlap: Rule = {
  id: 'subnet-cidr-overlap',
  severity: 'error',
  title: "Subnets don't overlap their siblings",
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const subnets of index.subnetsByVpc.values()) {
      if (subnets.length < 2) continue;
      const items: Array<{ cidr: Cidr; item: Subnet }> = [];
      for (const subnet of subnets) {
        const cidr = index.subnetCidr.get(subnet.id);
        if (cidr) items.push({ cidr, item: subnet });
      }
      for (const [a, b] of findOverlaps(items)) {
        // Name the later one first: it is usually the one just drawn or edited.
        const [first, second] = subnets.indexOf(a) > subnets.indexOf(b) ? [a, b] : [b, a];
        const [a1, b1] = [index.subnetCidr.get(first.id)!.text, index.subnetCidr.get(second.id)!.text];
        out.push(
          finding(
            subnetCidrOverlap,
            [first.id, second.id],
            `${Label(first)} overlaps ${label(second)}: ${a1} and ${b1} share addresses, and subnets in one VPC cannot.`,
            'Give one of them a block that does not overlap, e.g. the next free block in the VPC.',
          ),
        );
      }
    }
    return out;
  },
};
