/**
 * A subnet's block lies inside one of its VPC's CIDR blocks.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
import { contains } from '../../cidr/cidr.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isUnknownValue } from '../../model/unknown.ts';

export const subnetOutsideVpc: Rule = {
  id: 'subnet-outside-vpc',
  severity: 'error',
  title: "Subnets lie inside their VPC's CIDR blocks",
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const subnet of index.subnets) {
      const cidr = index.subnetCidr.get(subnet.id);
      const vpcCidrs = index.vpcCidrs.get(subnet.vpcId);
      // Without a valid subnet or VPC block there is nothing to compare; other rules report those.
      if (!cidr || !vpcCidrs || vpcCidrs.length === 0) continue;
      if (vpcCidrs.some((block) => contains(block, cidr))) continue;
      const vpc = index.get(subnet.vpcId);
      // A block nobody knows yet (from an IPAM pool, a parameter without a value) may be the one that holds it.
      if (vpc?.kind === 'vpc' && vpc.cidrBlocks.some(isUnknownValue)) continue;
      const blocks = vpcCidrs.map((c) => c.text).join(', ');
      out.push(
        finding(
          subnetOutsideVpc,
          [subnet.id, subnet.vpcId],
          `${Label(subnet)} uses ${cidr.text}, which is not inside ${vpc ? `its VPC's` : 'the VPC'} CIDR ${vpcCidrs.length === 1 ? 'block' : 'blocks'} ${blocks}.`,
          `Pick a block inside ${blocks}, or add a CIDR block to the VPC that contains it.`,
        ),
      );
    }
    return out;
  },
};
