/**
 * A route table does nothing until something is associated with it: a subnet (explicitly; only the main table is
 * used implicitly), or a gateway for ingress routing. Route propagation from a virtual private gateway counts as
 * the table being in use for a VPN, so such a table is left alone.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-assocation
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

export const routeTableUnused: Rule = {
  id: 'route-table-unused',
  severity: 'info',
  title: 'Route tables are associated',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-assocation',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const table of index.routeTables) {
      if (table.main === true || isExternal(table) || table.propagatingGatewayIds.length > 0) continue;
      if ((index.subnetsByRouteTable.get(table.id) ?? []).length > 0) continue;
      out.push(finding(routeTableUnused, [table.id], `${Label(table)} is not associated with any subnet, so its routes apply to no traffic.`, "Associate it with a subnet (choose it as the subnet's route table in the inspector), or delete it."));
    }
    return out;
  },
};
