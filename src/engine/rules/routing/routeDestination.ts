/**
 * Each route has one valid destination: an IPv4 CIDR block or a prefix list. Routes to 169.254.168.0/22 (or
 * inside it) are refused: AWS keeps that range for the instance metadata service and the Amazon DNS server.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-rule-considerations
 */
import { contains, parseCidr, tryCidr } from '../../cidr/cidr.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { routeLabel } from './targets.ts';
import { isUnknownValue } from '../../model/unknown.ts';

const AWS_SERVICES_RANGE = tryCidr('169.254.168.0/22')!;

export const routeDestination: Rule = {
  id: 'route-destination',
  severity: 'error',
  title: 'Routes have a valid destination',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-rule-considerations',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const table of index.routeTables) {
      for (const route of table.routes) {
        const hasCidr = route.destinationCidrBlock !== undefined && route.destinationCidrBlock !== '';
        const hasList = route.destinationPrefixListId !== undefined && route.destinationPrefixListId !== '';
        const at = [table.id, route.id];
        if (hasCidr === hasList) {
          const what = hasCidr ? 'both a CIDR block and a prefix list' : 'no destination';
          out.push(
            finding(
              routeDestination,
              at,
              `${Label(table)} has ${routeLabel(route)} with ${what}; a route has exactly one destination.`,
              'Give the route one destination: a CIDR block or a prefix list.',
            ),
          );
          continue;
        }
        if (!hasCidr || isUnknownValue(route.destinationCidrBlock)) continue; // unknown: a parameter without a value
        const parsed = parseCidr(route.destinationCidrBlock!);
        if (!parsed.ok) {
          out.push(
            finding(
              routeDestination,
              at,
              `${Label(table)} has ${routeLabel(route)} with an invalid destination. ${parsed.error}`,
              'Write the destination as a network address and prefix, e.g. 0.0.0.0/0.',
            ),
          );
        } else if (contains(AWS_SERVICES_RANGE, parsed.cidr)) {
          out.push(
            finding(
              routeDestination,
              at,
              `${Label(table)} has ${routeLabel(route)} into 169.254.168.0/22, which AWS reserves for instance metadata and the Amazon DNS server.`,
              'Delete the route; instances reach those services without one.',
            ),
          );
        }
      }
    }
    return out;
  },
};
