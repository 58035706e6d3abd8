/**
 * A public IPv4 address only works through an internet gateway: an instance with one (or a subnet that hands
 * them out) whose route table has no route to an attached internet gateway pays for an address nobody can use.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
 */
import { Label, label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { hasElasticIp } from './publicAddress.ts';
import { isExternal } from '../../model/unknown.ts';

export const publicIpWithoutRoute: Rule = {
  id: 'public-ip-without-igw-route',
  severity: 'info',
  title: 'Public IPs have a route to an internet gateway',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const subnet of index.subnets) {
      if (subnet.mapPublicIpOnLaunch === true && !index.isPublic(subnet) && !isExternal(subnet)) {
        out.push(
          finding(
            publicIpWithoutRoute,
            [subnet.id],
            `${Label(subnet)} auto-assigns public IPs, but its route table has no route to an internet gateway, so those addresses cannot be used.`,
            'Add a 0.0.0.0/0 route to the internet gateway, or turn off auto-assign public IP.',
          ),
        );
      }
    }
    for (const instance of index.instances) {
      const subnet = index.get(instance.subnetId);
      if (subnet?.kind !== 'subnet' || index.isPublic(subnet) || isExternal(subnet)) continue; // an existing subnet's routes are unknown
      const eip = hasElasticIp(index, instance);
      if (!eip && instance.associatePublicIp !== true) continue;
      out.push(
        finding(
          publicIpWithoutRoute,
          [instance.id, subnet.id],
          `${Label(instance)} has ${eip ? 'an Elastic IP' : 'a public IP'}, but ${label(subnet)} has no route to an internet gateway, so the address cannot be used.`,
          'Move the instance to a public subnet, or release the address and reach the internet through a NAT gateway.',
        ),
      );
    }
    return out;
  },
};
