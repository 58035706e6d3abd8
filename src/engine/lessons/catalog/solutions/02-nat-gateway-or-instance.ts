/** Lesson 2: no security group on the NAT gateway; the NAT instance forwards (check off), is routed to and admits its traffic. */
import { routeSubnetToInternet } from '../../../commands/subnetInternetRoute.ts';
import type { Design } from '../../../model/types.ts';
import { applyAll } from './apply.ts';
import { addIngress, addRoutes, edit, tcpFrom } from './edits.ts';

export default function solve(start: Design): Design {
  return applyAll(
    start,
    edit('natGateway', 'nat-gw', { securityGroupIds: [] }),
    edit('instance', 'i-nat', { sourceDestCheck: false }),
    routeSubnetToInternet('subnet-private-a', 'nat-gw'),
    addRoutes('rtb-private-b', { destinationCidrBlock: '0.0.0.0/0', targetId: 'i-nat' }),
    addIngress('sg-nat-instance', tcpFrom(443, '10.0.2.0/24'), tcpFrom(22, '198.51.100.7/32')),
  );
}
