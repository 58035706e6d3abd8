/** Challenge 2: accept the peering, route back from Analytics, and give the NAT gateway an Elastic IP. */
import { allocateElasticIp } from '../../../commands/inspectorEdits.ts';
import type { Design } from '../../../model/types.ts';
import { applyAll } from './apply.ts';
import { addRoutes, edit } from './edits.ts';

export default function solve(start: Design): Design {
  return applyAll(
    start,
    edit('peeringConnection', 'pcx-analytics', { status: 'active' }),
    addRoutes('rtb-analytics', { destinationCidrBlock: '10.0.0.0/16', targetId: 'pcx-analytics' }),
    allocateElasticIp('nat-app'),
  );
}
