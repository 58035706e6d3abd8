/**
 * AWS reserves five addresses in every subnet, so a /28 leaves only 11 for instances, NAT gateways and
 * endpoints: worth knowing before the subnet fills up.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
import { addressCount, usableAddressCount } from '../../cidr/cidr.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

/** Subnets with fewer usable addresses than this get an info finding (a /28 has 11). */
export const FEW_USABLE_ADDRESSES = 16;

export const subnetSmall: Rule = {
  id: 'subnet-small',
  severity: 'info',
  title: 'Subnets with very few usable addresses',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const subnet of index.subnets) {
      const cidr = index.subnetCidr.get(subnet.id);
      if (!cidr || cidr.prefix > 28) continue; // too small to exist: subnet-cidr-size reports it
      const usable = usableAddressCount(cidr);
      if (usable >= FEW_USABLE_ADDRESSES) continue;
      out.push(
        finding(
          subnetSmall,
          [subnet.id],
          `${Label(subnet)} (${cidr.text}) has only ${usable} usable addresses: AWS reserves 5 of its ${addressCount(cidr)}.`,
          'Use a larger block (a /27 has 27 usable addresses, a /24 has 251) if the subnet will grow.',
        ),
      );
    }
    return out;
  },
};
