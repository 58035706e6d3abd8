/**
 * Every VPC has exactly one main route table: the one every subnet without an explicit association uses.
 * A VPC without one leaves those subnets with no routes at all.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#main-route-table
 */
import { Label, count, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const mainRouteTable: Rule = {
  id: 'main-route-table',
  severity: 'error',
  title: 'Every VPC has one main route table',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#main-route-table',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const vpc of index.vpcs) {
      const mains = index.mainRouteTablesByVpc.get(vpc.id) ?? [];
      if (mains.length === 1) continue;
      if (mains.length === 0) {
        const orphans = (index.subnetsByVpc.get(vpc.id) ?? []).filter((s) => !index.routeTableOfSubnet.has(s.id));
        const impact =
          orphans.length > 0
            ? ` ${count(orphans.length, 'subnet')} without an explicit route table therefore ${orphans.length === 1 ? 'has' : 'have'} no routes.`
            : '';
        out.push(
          finding(
            mainRouteTable,
            [vpc.id, ...orphans.map((s) => s.id)],
            `${Label(vpc)} has no main route table.${impact}`,
            'Mark one of its route tables as the main route table (or add one).',
          ),
        );
      } else {
        out.push(
          finding(
            mainRouteTable,
            [vpc.id, ...mains.map((t) => t.id)],
            `${Label(vpc)} has ${mains.length} main route tables (${mains.map((t) => t.id).join(', ')}); a VPC has exactly one.`,
            'Keep one main route table and make the others custom tables.',
          ),
        );
      }
    }
    return out;
  },
};
