/**
 * An instance's (or interface's, or NAT gateway's) private IPv4 address is a valid address inside its subnet.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
import { contains } from '../../cidr/cidr.ts';
import { Label, label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { privateAddresses } from './privateIp.ts';
import { isUnknownValue } from '../../model/unknown.ts';

export const privateIpInSubnet: Rule = {
  id: 'private-ip-in-subnet',
  severity: 'error',
  title: 'Private IPs lie in their subnet',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const { owner, subnet, text, address } of privateAddresses(index)) {
      if (address === undefined) {
        if (isUnknownValue(text)) continue; // given by a parameter without a value
        out.push(
          finding(
            privateIpInSubnet,
            [owner.id],
            `${Label(owner)} has the private IP "${text.slice(0, 40)}", which is not an IPv4 address.`,
            'Write the address as four numbers, e.g. 10.0.1.10.',
          ),
        );
        continue;
      }
      const cidr = index.subnetCidr.get(subnet.id);
      if (!cidr || contains(cidr, address)) continue;
      out.push(
        finding(
          privateIpInSubnet,
          [owner.id, subnet.id],
          `${Label(owner)} has the private IP ${text}, which is outside ${label(subnet)} (${cidr.text}).`,
          `Pick an address inside ${cidr.text}, after its first four addresses.`,
        ),
      );
    }
    return out;
  },
};
