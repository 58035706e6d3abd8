/**
 * An instance in a public subnet reaches the internet only with a public IPv4 address or an Elastic IP: the
 * internet gateway translates only addresses it knows. Without one, the instance can't be reached from the
 * internet and its outbound traffic to the internet is dropped.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
 */
import { Label, label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { hasPublicAddress, routeTargetIds } from './publicAddress.ts';
import { isExternal } from '../../model/unknown.ts';

export const instanceNeedsPublicIp: Rule = {
  id: 'instance-needs-public-ip',
  severity: 'warning',
  title: 'Instances in public subnets have a public IP',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    const routed = routeTargetIds(index);
    for (const instance of index.instances) {
      if (routed.has(instance.id)) continue; // a NAT instance: nat-instance reports it with the stronger reason
      const subnet = index.get(instance.subnetId);
      if (
        subnet?.kind !== 'subnet' ||
        isExternal(subnet) ||
        !index.isPublic(subnet) ||
        hasPublicAddress(index, instance)
      )
        continue;
      out.push(
        finding(
          instanceNeedsPublicIp,
          [instance.id, subnet.id],
          `${Label(instance)} is in the public ${label(subnet)} but has no public IP or Elastic IP, so it cannot reach the internet.`,
          'Assign a public IP at launch or associate an Elastic IP, or move the instance to a private subnet behind a NAT gateway.',
        ),
      );
    }
    return out;
  },
};
