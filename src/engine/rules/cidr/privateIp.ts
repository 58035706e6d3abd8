/**
 * The private addresses of instances, network interfaces and NAT gateways in one place: each lies in its
 * subnet. Shared by the three private-IP rules.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
import type { Instance, NatGateway, NetworkInterface, Subnet } from '../../model/types.ts';
import { parseIp } from '../../cidr/cidr.ts';
import type { DesignIndex } from '../context.ts';

export interface PrivateAddress {
  owner: Instance | NetworkInterface | NatGateway;
  subnet: Subnet;
  text: string;
  /** The parsed address, or undefined when the text is not an IPv4 address. */
  address: number | undefined;
}

const cache = new WeakMap<DesignIndex, PrivateAddress[]>();

/** Every private address the design assigns, with the subnet it must lie in (owners without a subnet are skipped). */
export function privateAddresses(index: DesignIndex): PrivateAddress[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const out: PrivateAddress[] = [];
  const addAll = (owner: PrivateAddress['owner'], texts: unknown[]) => {
    const subnet = index.get(owner.subnetId);
    if (subnet?.kind !== 'subnet') return;
    for (const text of texts)
      if (typeof text === 'string' && text.trim() !== '')
        out.push({ owner, subnet, text: text.trim(), address: parseIp(text) });
  };
  for (const i of index.instances) addAll(i, [i.privateIp]);
  for (const e of index.networkInterfaces) addAll(e, e.privateIps);
  for (const n of index.natGateways) addAll(n, [n.privateIp]);
  cache.set(index, out);
  return out;
}
