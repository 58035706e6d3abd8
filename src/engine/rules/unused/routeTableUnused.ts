/**
 * A route table does nothing until something is associated with it: a subnet (explicitly; only the main table is
 * used implicitly), or a gateway for ingress routing. The model holds no gateway association: a table a template
 * associates with a gateway (AWS::EC2::GatewayRouteTableAssociation) or names in another resource the model does not
 * represent is left alone, and so is one taking route propagation from a virtual private gateway (a VPN's table).
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-assocation
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';
import { isUsedOutsideModel } from './unknownRoutes.ts';

export const routeTableUnused: Rule = {
  id: 'route-table-unused',
  severity: 'info',
  title: 'Route tables are associated',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-assocation',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const table of index.routeTables) {
      if (
        table.main === true ||
        isExternal(table) ||
        isUsedOutsideModel(table) ||
        table.propagatingGatewayIds.length > 0
      )
        continue;
      if ((index.subnetsByRouteTable.get(table.id) ?? []).length > 0) continue;
      out.push(
        finding(
          routeTableUnused,
          [table.id],
          `${Label(table)} is not associated with any subnet, so its routes apply to no traffic.`,
          "Associate it with a subnet (choose it as the subnet's route table in the inspector), or delete it.",
        ),
      );
    }
    return out;
  },
};
