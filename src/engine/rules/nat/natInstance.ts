/**
 * An instance that routes traffic for others (a NAT instance, or another middlebox) must have source/destination
 * checking turned off; when it carries traffic to the internet it also needs a public subnet and a public IP.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html
 */
import { isPublicIp, tryCidr } from '../../cidr/cidr.ts';
import type { Instance, NetworkInterface, ResourceId, Route } from '../../model/types.ts';
import { hasPublicAddress } from '../internet/publicAddress.ts';
import { Label, label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

/** Whether a route's destination reaches public internet addresses (0.0.0.0/0, or any public block). */
function reachesInternet(route: Route): boolean {
  const dest = tryCidr(route.destinationCidrBlock);
  if (!dest) return false;
  return dest.prefix === 0 || isPublicIp(dest.first) || isPublicIp(dest.last);
}

export const natInstance: Rule = {
  id: 'nat-instance',
  severity: 'error',
  title: 'NAT instances forward traffic',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html',
  check(_design, { index }) {
    const uses = new Map<ResourceId, { target: Instance | NetworkInterface; tableId: ResourceId; internet: boolean }>();
    for (const table of index.routeTables) {
      for (const route of table.routes) {
        const target = index.get(route.targetId);
        if (target?.kind !== 'instance' && target?.kind !== 'networkInterface') continue;
        const prior = uses.get(target.id);
        const internet = reachesInternet(route);
        if (!prior) uses.set(target.id, { target, tableId: table.id, internet });
        else if (internet && !prior.internet) uses.set(target.id, { target, tableId: table.id, internet });
      }
    }
    const out: Finding[] = [];
    for (const { target, tableId, internet } of uses.values()) {
      if (target.sourceDestCheck !== false) {
        out.push(
          finding(
            natInstance,
            [target.id, tableId],
            `${Label(target)} is a route target in ${tableId} but has source/destination check on, so it drops traffic that is not addressed to itself.`,
            'Turn off source/destination check on it.',
          ),
        );
      }
      if (!internet || target.kind !== 'instance') continue;
      const subnet = index.get(target.subnetId);
      if (subnet?.kind === 'subnet' && !isExternal(subnet) && !index.isPublic(subnet)) {
        out.push(
          finding(
            natInstance,
            [target.id, subnet.id],
            `${Label(target)} carries internet traffic for route table ${tableId} but sits in ${label(subnet)}, which has no route to an internet gateway.`,
            'Move the NAT instance to a public subnet.',
          ),
        );
      }
      if (!hasPublicAddress(index, target)) {
        out.push(
          finding(
            natInstance,
            [target.id],
            `${Label(target)} carries internet traffic for route table ${tableId} but has no public IP or Elastic IP, so the internet gateway cannot translate its traffic.`,
            'Associate an Elastic IP with the NAT instance.',
          ),
        );
      }
    }
    return out;
  },
};
