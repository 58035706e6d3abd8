/**
 * Every catalogue lesson's reference solution, by lesson file name (without `.lesson.json`). Used by the tests,
 * the grading benchmark and the CLI tests; nothing the browser loads imports this.
 */
import type { Design } from '../../../model/types.ts';
import natGateway from './01-nat-gateway.ts';
import natGatewayOrInstance from './02-nat-gateway-or-instance.ts';
import highAvailability from './03-high-availability.ts';
import vpcPeering from './04-vpc-peering.ts';
import peeringNotTransitive from './05-peering-not-transitive.ts';
import overlappingCidrs from './06-overlapping-cidrs.ts';
import noEdgeToEdge from './07-no-edge-to-edge.ts';
import gatewayEndpoint from './08-gateway-endpoint.ts';
import interfaceEndpoint from './09-interface-endpoint.ts';
import endpointBucketPolicies from './10-endpoint-bucket-policies.ts';
import networkReachability from './11-network-reachability.ts';
import securityGroupsAndAcls from './12-security-groups-and-acls.ts';
import challengeWebTier from './13-challenge-web-tier.ts';
import challengeAnalytics from './14-challenge-analytics.ts';

export const SOLUTIONS: Record<string, (start: Design) => Design> = {
  '01-nat-gateway': natGateway,
  '02-nat-gateway-or-instance': natGatewayOrInstance,
  '03-high-availability': highAvailability,
  '04-vpc-peering': vpcPeering,
  '05-peering-not-transitive': peeringNotTransitive,
  '06-overlapping-cidrs': overlappingCidrs,
  '07-no-edge-to-edge': noEdgeToEdge,
  '08-gateway-endpoint': gatewayEndpoint,
  '09-interface-endpoint': interfaceEndpoint,
  '10-endpoint-bucket-policies': endpointBucketPolicies,
  '11-network-reachability': networkReachability,
  '12-security-groups-and-acls': securityGroupsAndAcls,
  '13-challenge-web-tier': challengeWebTier,
  '14-challenge-analytics': challengeAnalytics,
};
