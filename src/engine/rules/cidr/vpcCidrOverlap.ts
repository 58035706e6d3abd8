/**
 * A VPC's CIDR blocks must not overlap each other.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#vpc-resize
 */
import { findOverlaps, tryCidr } from '../../cidr/cidr.ts';
import type { Cidr } from '../../cidr/cidr.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const vpcCidrOverlap: Rule = {
  id: 'vpc-cidr-overlap',
  severity: 'error',
  title: "A VPC's CIDR blocks don't overlap",
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#vpc-resize',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const vpc of index.vpcs) {
      if (vpc.cidrBlocks.length < 2) continue;
      const items: Array<{ cidr: Cidr; item: Cidr }> = [];
      for (const text of vpc.cidrBlocks) {
        const cidr = tryCidr(text);
        if (cidr) items.push({ cidr, item: cidr });
      }
      for (const [a, b] of findOverlaps(items)) {
        const what =
          a.text === b.text ? `lists ${a.text} twice` : `has overlapping CIDR blocks ${a.text} and ${b.text}`;
        out.push(
          finding(
            vpcCidrOverlap,
            [vpc.id],
            `${Label(vpc)} ${what}; AWS refuses a block that overlaps one the VPC already has.`,
            'Remove the duplicate or pick a block that does not overlap the others.',
          ),
        );
      }
    }
    return out;
  },
};
