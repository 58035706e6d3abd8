/**
 * The first four addresses and the last address of every subnet are reserved by AWS (network address, VPC
 * router, DNS server, future use, broadcast) and cannot be assigned.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
import { formatIp, reservedRole, usableRange } from '../../cidr/cidr.ts';
import { Label, label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { privateAddresses } from './privateIp.ts';

export const privateIpReserved: Rule = {
  id: 'private-ip-reserved',
  severity: 'error',
  title: 'Private IPs avoid the 5 reserved addresses',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const { owner, subnet, text, address } of privateAddresses(index)) {
      const cidr = index.subnetCidr.get(subnet.id);
      if (address === undefined || !cidr) continue;
      const role = address >= cidr.first && address <= cidr.last ? reservedRole(cidr, address) : undefined;
      if (!role) continue;
      const usable = usableRange(cidr);
      const hint = usable
        ? `Pick an address from ${formatIp(usable.first)} to ${formatIp(usable.last)}.`
        : 'Pick an address the subnet does not reserve.';
      out.push(
        finding(
          privateIpReserved,
          [owner.id, subnet.id],
          `${Label(owner)} uses ${text}, which AWS reserves in ${label(subnet)} ${role === 'reserved for future use' ? 'for future use' : `as the ${role}`}.`,
          hint,
        ),
      );
    }
    return out;
  },
};
