/**
 * Requesting a VPC peering connection, as AWS's guide does it: the requester VPC asks, the accepter VPC's owner
 * accepts, then each side adds routes to the other.
 * https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html
 *
 * What AWS refuses (a VPC peered with itself, a second peering between the same pair, overlapping CIDR blocks) is
 * refused here with the words of the rules that report it in an existing design, so there is one statement of each.
 */
import { nextId } from '../model/create.ts';
import { getOfKind, resourcesOfKind } from '../model/queries.ts';
import type { Design, PeeringConnection, ResourceId, RouteTable, Vpc } from '../model/types.ts';
import { createRuleContext } from '../rules/context.ts';
import { Label } from '../rules/report.ts';
import { peeringCidrOverlap } from '../rules/peering/peeringCidrOverlap.ts';
import { peeringDuplicate } from '../rules/peering/peeringDuplicate.ts';
import { peeringSelf } from '../rules/peering/peeringSelf.ts';
import { type Command, done, refuse } from './command.ts';
import { nextItemId } from './ruleEdits.ts';

/** The rules whose findings mean AWS would refuse the request itself. */
const REFUSING_RULES = [peeringSelf, peeringDuplicate, peeringCidrOverlap];

export interface PeeringOptions {
  /**
   * Accept the request too, as the accepter VPC's owner does (one user intention: "peer these two"). Without it the
   * connection stays `pending-acceptance` until someone accepts it.
   */
  accept?: boolean;
  /**
   * Also add, in every route table of each VPC, a route to the other VPC's CIDR blocks through the connection (the
   * guide's next step, https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html). Needs `accept`:
   * only an active connection carries traffic.
   */
  addRoutes?: boolean;
}

/** Whether the two VPCs belong to different accounts: the accepter's owner, not the requester, accepts. */
export function isCrossAccount(a: Vpc, b: Vpc): boolean {
  return a.accountId !== b.accountId;
}

/** How a peer VPC is described next to its name: "another region (eu-west-1)", "account 222…". */
export function peerNote(from: Vpc, to: Vpc): string {
  const notes: string[] = [];
  if (from.region !== to.region) notes.push(`inter-region: ${to.region}`);
  if (isCrossAccount(from, to)) notes.push(`account ${to.accountId}`);
  return notes.join(', ');
}

/**
 * Why AWS would refuse to peer `requester` with `accepter` in this design, or undefined when it would not.
 *
 * @example peeringRefusal(design, 'vpc-a', 'vpc-a') // 'Peering connection … connects VPC vpc-a to itself; …'
 */
export function peeringRefusal(
  design: Design,
  requesterVpcId: ResourceId,
  accepterVpcId: ResourceId,
): string | undefined {
  const requester = getOfKind(design, requesterVpcId, 'vpc');
  const accepter = getOfKind(design, accepterVpcId, 'vpc');
  if (!requester || !accepter) return 'Choose two VPCs of the design to peer.';
  // The rules need only the two VPCs and the peerings between them: checking that much keeps a VPC's "Peer with…"
  // list cheap on a design of thousands of resources.
  const pair: Design = {
    ...design,
    resources: { [requester.id]: requester, [accepter.id]: accepter },
    layout: {},
    flows: [],
  };
  for (const p of resourcesOfKind(design, 'peeringConnection')) {
    const ends = [p.requesterVpcId, p.accepterVpcId];
    if (ends.includes(requester.id) && ends.includes(accepter.id)) pair.resources[p.id] = p;
  }
  const candidate = withPeering(pair, requester, accepter, 'pending-acceptance', nextId(design, 'peeringConnection'));
  const context = createRuleContext(candidate.design);
  for (const rule of REFUSING_RULES) {
    const hit = rule.check(candidate.design, context).find((f) => f.resources.includes(candidate.peering.id));
    // The request does not exist yet: name it as what it is, not by the id it would get.
    if (hit) return hit.message.replace(Label(candidate.peering), 'This peering connection');
  }
  return undefined;
}

function withPeering(
  design: Design,
  requester: Vpc,
  accepter: Vpc,
  status: PeeringConnection['status'],
  id: ResourceId = nextId(design, 'peeringConnection'),
): { design: Design; peering: PeeringConnection } {
  const peering: PeeringConnection = {
    id,
    kind: 'peeringConnection',
    name: `${requester.name} ↔ ${accepter.name}`,
    requesterVpcId: requester.id,
    accepterVpcId: accepter.id,
    status,
  };
  return { design: { ...design, resources: { ...design.resources, [id]: peering } }, peering };
}

/** Routes each of `table`'s VPC's peer blocks through the connection, skipping a destination the table already routes. */
function withPeerRoutes(table: RouteTable, peer: Vpc, peeringId: ResourceId): RouteTable {
  const routes = [...table.routes];
  for (const cidr of peer.cidrBlocks) {
    if (routes.some((r) => r.destinationCidrBlock === cidr)) continue;
    routes.push({ id: nextItemId(routes, 'route'), destinationCidrBlock: cidr, targetId: peeringId });
  }
  return { ...table, routes };
}

/**
 * Requests a peering connection from one VPC to another (and, with options, accepts it and adds the routes on
 * both sides), as one undo step. Refused, with AWS's reason, where AWS would refuse the request.
 *
 * @example requestPeering('vpc-prod', 'vpc-shared', { accept: true, addRoutes: true })
 */
export function requestPeering(
  requesterVpcId: ResourceId,
  accepterVpcId: ResourceId,
  options: PeeringOptions = {},
): Command {
  return {
    label: 'Request peering connection',
    apply(design) {
      const refusal = peeringRefusal(design, requesterVpcId, accepterVpcId);
      if (refusal) return refuse(refusal);
      const requester = getOfKind(design, requesterVpcId, 'vpc')!;
      const accepter = getOfKind(design, accepterVpcId, 'vpc')!;
      if (options.addRoutes && !options.accept)
        return refuse(
          'Routes through a peering connection carry traffic only once it is accepted: accept it to add them.',
        );
      const { design: next, peering } = withPeering(
        design,
        requester,
        accepter,
        options.accept ? 'active' : 'pending-acceptance',
      );
      if (!options.addRoutes) return done(next, [peering.id]);
      const resources = { ...next.resources };
      for (const table of resourcesOfKind(next, 'routeTable')) {
        if (table.external) continue; // an existing table's routes are not ours to change
        if (table.vpcId === requester.id) resources[table.id] = withPeerRoutes(table, accepter, peering.id);
        else if (table.vpcId === accepter.id) resources[table.id] = withPeerRoutes(table, requester, peering.id);
      }
      return done({ ...next, resources }, [peering.id]);
    },
  };
}
