/**
 * Small edits the reference solutions share, each one engine command: rules added to a security group, routes
 * added to or removed from a route table, fields of a resource changed.
 */
import { updateResource } from '../../../commands/edit.ts';
import type { Command } from '../../../commands/command.ts';
import { getOfKind } from '../../../model/queries.ts';
import type {
  Design,
  NetworkAclRule,
  NetworkAcl,
  ResourceKind,
  ResourceOfKind,
  Route,
  RouteTable,
  SecurityGroup,
  SecurityGroupRule,
} from '../../../model/types.ts';

/** A command built from the design it applies to (to read a table's current routes, a group's rules). */
export function using(label: string, build: (design: Design) => Command): Command {
  return { label, apply: (design) => build(design).apply(design) };
}

/** The inspector's edit of a resource's fields, typed by its kind. */
export function edit<K extends ResourceKind>(
  _kind: K,
  id: string,
  patch: Partial<Omit<ResourceOfKind<K>, 'id' | 'kind'>>,
): Command {
  return updateResource<ResourceOfKind<K>>(id, patch);
}

export const tcpFrom = (port: number, source: string): SecurityGroupRule =>
  source.startsWith('sg-')
    ? { protocol: 'tcp', fromPort: port, toPort: port, groupId: source }
    : { protocol: 'tcp', fromPort: port, toPort: port, cidr: source };

export function setIngress(groupId: string, ingress: SecurityGroupRule[]): Command {
  return updateResource<SecurityGroup>(groupId, { ingress }, 'Edit inbound rules');
}

export function addIngress(groupId: string, ...rules: SecurityGroupRule[]): Command {
  return using('Add inbound rules', (d) =>
    updateResource<SecurityGroup>(groupId, {
      ingress: [...(getOfKind(d, groupId, 'securityGroup')?.ingress ?? []), ...rules],
    }),
  );
}

export function addRoutes(tableId: string, ...routes: Omit<Route, 'id'>[]): Command {
  return using('Add routes', (d) => {
    const current = getOfKind(d, tableId, 'routeTable')?.routes ?? [];
    const added = routes.map((r, i) => ({ ...r, id: `route-${current.length + i + 1}` }));
    return updateResource<RouteTable>(tableId, { routes: [...current, ...added] });
  });
}

export function removeRoutes(tableId: string, destination: string): Command {
  return using('Remove routes', (d) =>
    updateResource<RouteTable>(tableId, {
      routes: (getOfKind(d, tableId, 'routeTable')?.routes ?? []).filter((r) => r.destinationCidrBlock !== destination),
    }),
  );
}

export function setAclRules(aclId: string, inbound: NetworkAclRule[], outbound: NetworkAclRule[]): Command {
  return updateResource<NetworkAcl>(aclId, { inbound, outbound }, 'Edit network ACL rules');
}
