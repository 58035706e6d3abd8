/**
 * A gateway endpoint adds a prefix-list route to the route tables it is associated with. A route table can
 * hold one such route per service, so two endpoints for the same service cannot share a route table; and the
 * route tables must be in the endpoint's VPC.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 */
import type { VpcEndpoint } from '../../model/types.ts';
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { parseServiceName } from './serviceName.ts';
import { isExternal } from '../../model/unknown.ts';

export const endpointRouteTables: Rule = {
  id: 'endpoint-route-tables',
  severity: 'error',
  title: 'One gateway endpoint per service per route table',
  docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    const claimed = new Map<string, VpcEndpoint>();
    for (const endpoint of index.endpoints) {
      if (endpoint.endpointType !== 'Gateway') continue;
      const { service } = parseServiceName(endpoint.serviceName);
      for (const tableId of new Set(endpoint.routeTableIds)) {
        const table = index.get(tableId);
        if (table?.kind !== 'routeTable') continue; // missing: dangling-reference reports it
        if (table.vpcId !== endpoint.vpcId) {
          if (isExternal(table)) continue; // an existing table's VPC is a guess
          out.push(
            finding(
              endpointRouteTables,
              [endpoint.id, table.id],
              `${Label(endpoint)} is associated with ${label(table)}, which belongs to another VPC.`,
              'Associate the endpoint only with route tables of its own VPC.',
            ),
          );
          continue;
        }
        const key = `${table.id}\u0000${service}`;
        const first = claimed.get(key);
        if (!first) {
          claimed.set(key, endpoint);
          continue;
        }
        out.push(
          finding(
            endpointRouteTables,
            [endpoint.id, first.id, table.id],
            `${Label(endpoint)} and ${label(first)} are both ${service} endpoints associated with ${label(table)}; a route table can route to only one endpoint per service.`,
            'Associate each route table with only one of the two endpoints.',
          ),
        );
      }
    }
    return out;
  },
};
