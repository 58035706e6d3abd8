/**
 * A subnet cannot hold more network interfaces than it has usable addresses (its size minus the five AWS
 * reserves). Instances, secondary interfaces' addresses, NAT gateways and interface endpoints each take one.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
import { usableAddressCount } from '../../cidr/cidr.ts';
import type { ResourceId } from '../../model/types.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const subnetFull: Rule = {
  id: 'subnet-full',
  severity: 'error',
  title: 'Subnets have room for what they hold',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  check(_design, { index }) {
    const used = new Map<ResourceId, number>();
    const add = (subnetId: unknown, n = 1) => {
      if (typeof subnetId === 'string') used.set(subnetId, (used.get(subnetId) ?? 0) + n);
    };
    for (const i of index.instances) add(i.subnetId);
    for (const n of index.natGateways) add(n.subnetId);
    for (const e of index.networkInterfaces) add(e.subnetId, Math.max(1, e.privateIps.length));
    for (const e of index.endpoints) if (e.endpointType === 'Interface') for (const s of e.subnetIds) add(s);
    const out: Finding[] = [];
    for (const [subnetId, n] of used) {
      const cidr = index.subnetCidr.get(subnetId);
      const subnet = index.get(subnetId);
      if (!cidr || subnet?.kind !== 'subnet') continue;
      const usable = usableAddressCount(cidr);
      if (n <= usable) continue;
      out.push(
        finding(
          subnetFull,
          [subnetId],
          `${Label(subnet)} (${cidr.text}) holds ${n} addresses' worth of resources but has only ${usable} usable addresses.`,
          'Move some resources to another subnet, or use a larger block.',
        ),
      );
    }
    return out;
  },
};
