/** Lesson 1's reference solution: the NAT gateway moved into the public subnet, and the private subnet's default route. */
import { moveInto } from '../../../commands/edit.ts';
import { routeSubnetToInternet } from '../../../commands/subnetInternetRoute.ts';
import type { Design } from '../../../model/types.ts';
import { applyAll } from './apply.ts';

export default function solve(start: Design): Design {
  return applyAll(
    start,
    moveInto('nat-lab', 'subnet-public', { x: 40, y: 60 }),
    routeSubnetToInternet('subnet-private', 'nat-lab'),
  );
}
