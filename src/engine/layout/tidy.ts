/**
 * Tidy: a container's contents re-arranged into a neat grid, the way the automatic layout arranges an imported
 * design — a subnet's instances and gateways in rows, a VPC's subnets in rows by tier across its zones — and then
 * its neighbours pushed aside if it grew. The safe way to repair a design whose nodes overlap (one saved before
 * drops found free places, say): nothing moves until the user asks.
 */
import { isDrawnAsNode, visualParentOf } from '../model/diagram.ts';
import { getResource } from '../model/queries.ts';
import type { Box, Design, Resource, ResourceId, Subnet, Vpc } from '../model/types.ts';
import { autoLayoutVpc, layoutLeaves } from './autoLayout.ts';
import { indexChildren, isBorderResource } from './containers.ts';
import { REGION, type XY } from './geometry.ts';
import { pageBoxes, placeResource, settleAround } from './placement.ts';

/** Kinds Tidy can arrange. */
export function isTidyable(r: Resource | undefined): r is Subnet | Vpc {
  return r?.kind === 'subnet' || r?.kind === 'vpc';
}

/** Keeps a container's position and drops its stored minimum size, so it fits what it now holds. */
function fitted(box: Box | undefined): Box | undefined {
  return box && { x: box.x, y: box.y };
}

/**
 * The design with container `id` (a subnet or a VPC) tidied; the design itself when there is nothing to tidy.
 *
 * @example
 * const next = tidyContainer(design, 'subnet-app');
 * // every instance of subnet-app on a grid, 16 px apart, none overlapping; the subnet fits them
 */
export function tidyContainer(design: Design, id: ResourceId): Design {
  const container = getResource(design, id);
  if (!isTidyable(container)) return design;
  const layout: Record<string, Box | undefined> = { ...design.layout };
  if (container.kind === 'subnet') {
    // Reading order (top to bottom, left to right) is kept within each kind.
    const leaves = Object.values(design.resources)
      .filter((r) => isDrawnAsNode(r) && visualParentOf(design, r) === id)
      .sort(
        (a, b) => (layout[a.id]?.y ?? 0) - (layout[b.id]?.y ?? 0) || (layout[a.id]?.x ?? 0) - (layout[b.id]?.x ?? 0),
      );
    const placed: Record<string, Box> = {};
    layoutLeaves(leaves, placed);
    Object.assign(layout, placed);
  } else {
    Object.assign(layout, autoLayoutVpc(design, container));
    // Gateways and gateway endpoints go back to the start of the border, side by side.
    for (const r of Object.values(design.resources))
      if (isBorderResource(r) && visualParentOf(design, r) === id) delete layout[r.id];
  }
  layout[id] = fitted(layout[id]);
  if (layout[id] === undefined) delete layout[id];
  const next = settleAround({ ...design, layout: layout as Record<string, Box> }, id);
  return JSON.stringify(next.layout) === JSON.stringify(design.layout) ? design : next;
}

/**
 * Lays out a VPC created together with what it holds (the "VPC and more" dialog, a pasted network): its subnets and
 * resources on the automatic grid, and the VPC at the nearest free place on the page to `wanted` — by default to
 * the right of everything already there. Returns the design; the caller's command makes it one undo step.
 *
 * @example
 * const next = arrangeNewVpc(withNetwork, 'vpc-3'); // beside the existing VPCs, subnets by tier, no overlaps
 */
export function arrangeNewVpc(design: Design, vpcId: ResourceId, wanted?: XY): Design {
  const vpc = getResource(design, vpcId);
  if (vpc?.kind !== 'vpc') return design;
  const layout: Record<string, Box> = { ...design.layout, ...autoLayoutVpc(design, vpc) };
  delete layout[vpcId];
  let at = wanted;
  if (!at) {
    const others = pageBoxes({ ...design, layout }, indexChildren(design, true)).map((b) => b.rect);
    const right = Math.max(0, ...others.map((r) => r.x + r.width + REGION.gap));
    const top = others.length ? Math.min(...others.map((r) => r.y)) : REGION.header;
    at = { x: right, y: top };
  }
  return placeResource({ ...design, layout: { ...layout, [vpcId]: { x: at.x, y: at.y } } }, vpcId, at);
}
