/** Lesson 3: a second NAT gateway (the palette allocates its Elastic IP) in Public subnet B, used by Private subnet B. */
import { addFromPalette } from '../../../commands/add.ts';
import { routeSubnetToInternet } from '../../../commands/subnetInternetRoute.ts';
import type { Design } from '../../../model/types.ts';
import { added, applyAll } from './apply.ts';

export default function solve(start: Design): Design {
  const nat = added(start, addFromPalette('NAT gateway', { nodeId: 'subnet-public-b', position: { x: 40, y: 60 } }));
  return applyAll(nat.design, routeSubnetToInternet('subnet-private-b', nat.id));
}
