/**
 * A route table holds one route per destination: AWS refuses a second route to the same CIDR block or prefix
 * list ("RouteAlreadyExists"). The implied local route counts: a static route to exactly a VPC block collides
 * with it unless it replaces the local route's target (see route-more-specific-than-local). A route to a
 * customer-managed prefix list may share a block with a static route: the static route takes priority.
 * https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-routes
 */
import { tryCidr } from '../../cidr/cidr.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { destinationText } from './targets.ts';

export const routeDuplicate: Rule = {
  id: 'route-duplicate-destination',
  severity: 'error',
  title: 'One route per destination',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-routes',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const table of index.routeTables) {
      if (table.routes.length < 2) continue;
      const seen = new Map<string, string | undefined>();
      for (const route of table.routes) {
        const cidr = tryCidr(route.destinationCidrBlock);
        // An entry of a customer-managed prefix list the route names is not a CIDR route of its own: a static
        // route to the same block is allowed and outranks it (route-tables-priority.html).
        const key = cidr
          ? route.fromPrefixListId !== undefined
            ? `pl:${route.fromPrefixListId}:${cidr.text}`
            : `cidr:${cidr.text}`
          : typeof route.destinationPrefixListId === 'string'
            ? `pl:${route.destinationPrefixListId}`
            : undefined;
        if (!key) continue;
        if (!seen.has(key)) {
          seen.set(key, route.id);
          continue;
        }
        const other = seen.get(key);
        out.push(
          finding(
            routeDuplicate,
            [table.id, route.id, other],
            `${Label(table)} has two routes to ${destinationText(route)}${route.id && other ? ` (${other} and ${route.id})` : ''}; a route table holds one route per destination.`,
            'Delete one of the routes, or change its destination.',
          ),
        );
      }
    }
    return out;
  },
};
