/**
 * An interface endpoint places one network interface in each subnet it is given: at most one subnet per
 * Availability Zone, all in the endpoint's VPC.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html
 */
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

export const endpointSubnets: Rule = {
  id: 'endpoint-subnets',
  severity: 'error',
  title: 'Interface endpoints use one subnet per AZ',
  docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const endpoint of index.endpoints) {
      if (endpoint.endpointType !== 'Interface') continue;
      if (endpoint.subnetIds.length === 0) {
        out.push(
          finding(
            endpointSubnets,
            [endpoint.id],
            `${Label(endpoint)} has no subnet, so it has no network interface to reach.`,
            'Choose one subnet in each Availability Zone that uses the endpoint.',
            'warning',
          ),
        );
        continue;
      }
      const byZone = new Map<string, string>();
      for (const subnetId of new Set(endpoint.subnetIds)) {
        const subnet = index.get(subnetId);
        if (subnet?.kind !== 'subnet' || isExternal(subnet)) continue; // an existing subnet's VPC and zone are guesses
        if (subnet.vpcId !== endpoint.vpcId) {
          out.push(
            finding(
              endpointSubnets,
              [endpoint.id, subnet.id],
              `${Label(endpoint)} uses ${label(subnet)}, which belongs to another VPC.`,
              "Choose subnets of the endpoint's own VPC.",
            ),
          );
          continue;
        }
        const other = byZone.get(subnet.availabilityZone);
        if (other) {
          out.push(
            finding(
              endpointSubnets,
              [endpoint.id, subnet.id, other],
              `${Label(endpoint)} uses two subnets in ${subnet.availabilityZone} (${other} and ${subnet.id}); an interface endpoint takes at most one subnet per Availability Zone.`,
              `Keep one of the two subnets in ${subnet.availabilityZone}.`,
            ),
          );
        } else {
          byZone.set(subnet.availabilityZone, subnet.id);
        }
      }
    }
    return out;
  },
};
