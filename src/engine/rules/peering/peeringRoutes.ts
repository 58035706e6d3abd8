/**
 * Traffic over a peering connection needs routes on both sides: each VPC's route tables must send the other
 * VPC's range to the connection, or replies have no way back.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html
 */
import type { ResourceId } from '../../model/types.ts';
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { vpcsOf } from './peeringLive.ts';
import { isExternal } from '../../model/unknown.ts';

export const peeringRoutes: Rule = {
  id: 'peering-routes',
  severity: 'warning',
  title: 'Both peered VPCs route to each other',
  docs: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html',
  check(_design, { index }) {
    const routedFrom = new Map<ResourceId, Set<ResourceId>>();
    for (const table of index.routeTables) {
      for (const route of table.routes) {
        if (typeof route.targetId !== 'string') continue;
        let set = routedFrom.get(route.targetId);
        if (!set) routedFrom.set(route.targetId, (set = new Set()));
        set.add(table.vpcId);
      }
    }
    const out: Finding[] = [];
    for (const peering of index.peerings) {
      if (peering.status !== 'active') continue;
      const vpcs = vpcsOf(index, peering);
      if (!vpcs || vpcs[0] === vpcs[1]) continue;
      const sides = routedFrom.get(peering.id);
      const [a, b] = vpcs;
      const hasA = sides?.has(a.id) ?? false;
      const hasB = sides?.has(b.id) ?? false;
      if (hasA && hasB) continue;
      // An existing VPC's route tables are unknown: its missing route may well exist.
      if (!hasA && !hasB && (isExternal(a) || isExternal(b))) continue;
      if (isExternal(hasA ? b : a)) continue;
      if (!hasA && !hasB) {
        out.push(
          finding(
            peeringRoutes,
            [peering.id],
            `${Label(peering)} is active but no route table in either VPC uses it, so it carries no traffic.`,
            `Add a route to ${b.cidrBlocks[0] ?? "the peer's range"} via ${peering.id} in ${label(a)}, and the reverse in ${label(b)}.`,
            'info',
          ),
        );
        continue;
      }
      const [routed, missing] = hasA ? [a, b] : [b, a];
      out.push(
        finding(
          peeringRoutes,
          [peering.id, missing.id],
          `${Label(routed)} routes to ${label(missing)} through ${peering.id}, but ${label(missing)} has no route back, so replies are dropped.`,
          `In ${label(missing)}, route ${routed.cidrBlocks[0] ?? "the peer's range"} to ${peering.id}.`,
        ),
      );
    }
    return out;
  },
};
