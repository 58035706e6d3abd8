/**
 * A subnet is associated with exactly one route table, and it must be a route table of the subnet's own VPC.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-assocation
 */
import { Label, label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

export const routeTableAssociation: Rule = {
  id: 'route-table-association',
  severity: 'error',
  title: 'Subnets use a route table of their own VPC',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-assocation',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const subnet of index.subnets) {
      if (subnet.routeTableId === undefined || subnet.routeTableId === '') continue;
      const table = index.get(subnet.routeTableId);
      if (table?.kind !== 'routeTable') {
        const what = table
          ? `${label(table)}, which is not a route table`
          : `route table ${String(subnet.routeTableId).slice(0, 60)}, which does not exist`;
        out.push(
          finding(
            routeTableAssociation,
            [subnet.id],
            `${Label(subnet)} is associated with ${what}.`,
            "Associate the subnet with one of its VPC's route tables, or clear the association to use the main route table.",
          ),
        );
      } else if (table.vpcId !== subnet.vpcId && !isExternal(table) && !isExternal(subnet)) {
        // (An existing table's or subnet's VPC is a guess, so only the template's own are compared.)
        out.push(
          finding(
            routeTableAssociation,
            [subnet.id, table.id],
            `${Label(subnet)} is associated with ${label(table)}, which belongs to another VPC (${table.vpcId}).`,
            "Associate the subnet with one of its own VPC's route tables.",
          ),
        );
      }
    }
    return out;
  },
};
