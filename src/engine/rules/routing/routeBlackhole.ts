/**
 * A route's target exists, belongs to the same VPC and can carry traffic. A route to a deleted target, an
 * internet gateway that is not attached, or a peering connection that is not active is a blackhole: AWS keeps
 * it and drops the traffic.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-routes
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { checkTarget, routeLabel } from './targets.ts';
import { isUnknownValue } from '../../model/unknown.ts';

export const routeBlackhole: Rule = {
  id: 'route-blackhole',
  severity: 'error',
  title: 'Route targets exist and can carry traffic',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-routes',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const table of index.routeTables) {
      for (const route of table.routes) {
        if (isUnknownValue(route.targetId)) continue; // given by a parameter without a value
        const result = checkTarget(index, table, route);
        if (result.usable) continue;
        out.push(
          finding(
            routeBlackhole,
            [table.id, route.id, result.target?.id],
            `${Label(table)} has ${routeLabel(route)} that is a blackhole: ${result.reason}.`,
            'Point the route at a working target in the same VPC, or delete it.',
          ),
        );
      }
    }
    return out;
  },
};
