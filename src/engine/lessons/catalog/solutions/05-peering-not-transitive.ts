/** Lesson 5: drop the route that tries to go through B, and peer A with C directly (accepted, routes both sides). */
import { requestPeering } from '../../../commands/peering.ts';
import type { Design } from '../../../model/types.ts';
import { applyAll } from './apply.ts';
import { removeRoutes } from './edits.ts';

export default function solve(start: Design): Design {
  return applyAll(
    start,
    removeRoutes('rtb-a', '10.2.0.0/16'),
    requestPeering('vpc-a', 'vpc-c', { accept: true, addRoutes: true }),
  );
}
