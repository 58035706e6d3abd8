/**
 * A gateway endpoint works only for the subnets whose route tables it is associated with; with none, no
 * traffic uses it.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const endpointNoRouteTable: Rule = {
  id: 'endpoint-no-route-table',
  severity: 'warning',
  title: 'Gateway endpoints are associated with route tables',
  docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const endpoint of index.endpoints) {
      if (endpoint.endpointType !== 'Gateway' || endpoint.routeTableIds.length > 0) continue;
      out.push(
        finding(
          endpointNoRouteTable,
          [endpoint.id],
          `${Label(endpoint)} is not associated with any route table, so no subnet sends traffic through it.`,
          'Associate it with the route tables of the subnets that use the service.',
        ),
      );
    }
    return out;
  },
};
