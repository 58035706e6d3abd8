/**
 * Lesson 4: accept the request, route both ways, and name the App servers group in the Partner API group; then peer
 * with the Backup VPC in another Region, whose group admits the App VPC's block (a group cannot be named there).
 */
import { requestPeering } from '../../../commands/peering.ts';
import type { Design } from '../../../model/types.ts';
import { applyAll } from './apply.ts';
import { addIngress, addRoutes, edit, tcpFrom } from './edits.ts';

export default function solve(start: Design): Design {
  return applyAll(
    start,
    edit('peeringConnection', 'pcx-partner', { status: 'active' }),
    addRoutes('rtb-app', { destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-partner' }),
    addRoutes('rtb-partner', { destinationCidrBlock: '10.0.0.0/16', targetId: 'pcx-partner' }),
    addIngress('sg-partner-api', tcpFrom(443, 'sg-app')),
    requestPeering('vpc-app', 'vpc-backup', { accept: true, addRoutes: true }),
    addIngress('sg-backup', tcpFrom(443, '10.0.0.0/16')),
  );
}
