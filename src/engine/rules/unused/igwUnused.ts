/**
 * An internet gateway attached to a VPC carries traffic only for subnets whose route tables send traffic to it:
 * with no route to it, nothing in the VPC reaches the internet through it.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
 */
import { routeTargetIds } from '../internet/publicAddress.ts';
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';
import { hasUnknownRoutes, isUsedOutsideModel } from './unknownRoutes.ts';

export const igwUnused: Rule = {
  id: 'igw-unused',
  severity: 'info',
  title: 'Internet gateways are routed to',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    const routed = routeTargetIds(index);
    for (const gateway of index.internetGateways) {
      if (typeof gateway.vpcId !== 'string' || gateway.vpcId === '') continue; // detached: igw-detached says so
      if (
        routed.has(gateway.id) ||
        isExternal(gateway) ||
        isUsedOutsideModel(gateway) ||
        hasUnknownRoutes(index, gateway.vpcId)
      )
        continue;
      const vpc = index.get(gateway.vpcId)!;
      out.push(
        finding(
          igwUnused,
          [gateway.id, vpc.id],
          `${Label(gateway)} is attached to ${label(vpc)}, but no route table routes to it, so no subnet reaches the internet through it.`,
          'Open a public subnet and choose "Route to the internet gateway" (0.0.0.0/0 → the gateway), or detach and delete the gateway.',
        ),
      );
    }
    return out;
  },
};
