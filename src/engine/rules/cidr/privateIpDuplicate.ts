/**
 * A private IPv4 address belongs to one network interface at a time: two resources in a subnet cannot share it.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html
 */
import { formatIp } from '../../cidr/cidr.ts';
import { Label, label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import type { PrivateAddress } from './privateIp.ts';
import { privateAddresses } from './privateIp.ts';

/** An interface attached as device 0 is the instance's primary interface: its address is the instance's own. */
function isPrimaryInterfaceOf(eni: PrivateAddress['owner'], instance: PrivateAddress['owner']): boolean {
  return (
    eni.kind === 'networkInterface' &&
    instance.kind === 'instance' &&
    eni.instanceId === instance.id &&
    eni.deviceIndex === 0
  );
}

function isSameInterface(a: PrivateAddress['owner'], b: PrivateAddress['owner']): boolean {
  return a === b || isPrimaryInterfaceOf(a, b) || isPrimaryInterfaceOf(b, a);
}

export const privateIpDuplicate: Rule = {
  id: 'private-ip-duplicate',
  severity: 'error',
  title: 'Private IPs are unique',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    const seen = new Map<string, PrivateAddress>();
    for (const entry of privateAddresses(index)) {
      const address = entry.address;
      if (address === undefined) continue;
      const key = `${entry.subnet.vpcId}|${address}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, entry);
        continue;
      }
      if (isSameInterface(first.owner, entry.owner)) continue;
      out.push(
        finding(
          privateIpDuplicate,
          [entry.owner.id, first.owner.id],
          `${Label(entry.owner)} and ${label(first.owner)} both use the private IP ${formatIp(address)}; an address belongs to one interface at a time.`,
          'Give one of them another free address in its subnet.',
        ),
      );
    }
    return out;
  },
};
