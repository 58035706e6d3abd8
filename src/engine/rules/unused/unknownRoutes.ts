/**
 * What "unused" rules cannot see, so they stay quiet rather than guess.
 *
 * Whether a VPC's routes are only partly known: the VPC itself, or one of its route tables, exists outside the
 * design (a template naming an existing one), so a route to a gateway may well be there. "Unused" rules skip such a
 * VPC rather than guess.
 */
import { isExternal } from '../../model/unknown.ts';
import type { Resource, ResourceId } from '../../model/types.ts';
import type { DesignIndex } from '../context.ts';

export function hasUnknownRoutes(index: DesignIndex, vpcId: ResourceId): boolean {
  const vpc = index.get(vpcId);
  if (vpc?.kind !== 'vpc' || isExternal(vpc)) return true;
  return (index.routeTablesByVpc.get(vpcId) ?? []).some((t) => isExternal(t));
}

/** Whether a template resource the model does not represent names this one, and so may well use it. */
export function isUsedOutsideModel(resource: Resource): boolean {
  return Array.isArray(resource.usedByNotModelled) && resource.usedByNotModelled.length > 0;
}
