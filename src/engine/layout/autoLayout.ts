/**
 * Automatic layout for designs that arrive without one (CloudFormation imports): a deterministic shelf layout
 * that follows the diagram's nesting (model/diagram.ts) — VPCs at page positions, subnets relative to their AZ
 * band, instances and NAT gateways relative to their subnet — and never overlaps.
 *
 * Inside a VPC, subnets line up in rows by tier (public, then private with a default route, then isolated), so
 * "Public A" and "Public B" sit side by side in their zones the way AWS's reference diagrams draw them. Each
 * subnet in a row gets the row's height and each band's subnets its widest width, stored as the boxes' minimum
 * sizes, so the grid stays tidy. ELK would add a 1.4 MB chunk for what is, here, a grid.
 */
import { isPublicSubnet, routeTableOfSubnet } from '../model/queries.ts';
import { regionNodeId, regionsOf } from '../model/diagram.ts';
import type { Box, Design, Resource, Subnet, Vpc } from '../model/types.ts';
import { indexChildren, layoutVpc as measureVpc, type ChildIndex } from './containers.ts';
import { AUTO_GAP, AZ, CHIP, GRID, LEAF, LEAVES_PER_ROW, REGION, SUBNET } from './geometry.ts';

/** Rows of VPCs wrap past this width (a few VPCs side by side, like a page of a diagram). */
const MAX_ROW_WIDTH = 2600;

interface Size {
  width: number;
  height: number;
}

const LEAF_ORDER: Partial<Record<Resource['kind'], number>> = {
  natGateway: 0,
  instance: 1,
  networkInterface: 2,
  vpcEndpoint: 3,
};

/** 0 public, 1 private with a default route (NAT, appliance), 2 isolated. */
function tierOf(design: Design, subnet: Subnet): number {
  if (isPublicSubnet(design, subnet)) return 0;
  const table = routeTableOfSubnet(design, subnet);
  return table?.routes.some((r) => r.destinationCidrBlock === '0.0.0.0/0') ? 1 : 2;
}

function leafGrid(count: number): Size {
  const cols = Math.min(LEAVES_PER_ROW, count);
  const rows = Math.ceil(count / LEAVES_PER_ROW);
  return {
    width: Math.max(SUBNET.minWidth, SUBNET.pad + cols * (LEAF.width + AUTO_GAP) - AUTO_GAP + SUBNET.pad),
    height: Math.max(SUBNET.minHeight, SUBNET.header + rows * (LEAF.height + AUTO_GAP) - AUTO_GAP + SUBNET.pad),
  };
}

/**
 * A subnet's leaves in rows of LEAVES_PER_ROW, NAT gateways first, then instances, interfaces and endpoints (in
 * the order given within a kind); writes their positions into `layout` and returns the subnet's size.
 */
export function layoutLeaves(leaves: readonly Resource[], layout: Record<string, Box>): Size {
  const sorted = [...leaves].sort((a, b) => (LEAF_ORDER[a.kind] ?? 9) - (LEAF_ORDER[b.kind] ?? 9));
  sorted.forEach((leaf, i) => {
    layout[leaf.id] = {
      x: SUBNET.pad + (i % LEAVES_PER_ROW) * (LEAF.width + AUTO_GAP),
      y: SUBNET.header + Math.floor(i / LEAVES_PER_ROW) * (LEAF.height + AUTO_GAP),
    };
  });
  return leafGrid(sorted.length);
}

/**
 * Lays out one VPC's bands, subnets and leaves into `layout`; returns the VPC's drawn size, as the diagram's own
 * geometry (containers.ts `layoutVpc`, with route tables, groups and ACLs shown) measures it from that layout.
 */
function layoutVpcInto(design: Design, vpc: Vpc, children: ChildIndex, layout: Record<string, Box>): Size {
  const zones = [...vpc.availabilityZones];
  const subnets = children.subnetsOf(vpc.id);
  for (const s of subnets) if (!zones.includes(s.availabilityZone)) zones.push(s.availabilityZone);

  // Size every subnet by its leaves; place the leaves.
  const sizes = new Map<string, Size>();
  for (const s of subnets) sizes.set(s.id, layoutLeaves(children.get(s.id) ?? [], layout));

  // Rows: per tier, as many rows as the zone with the most subnets of that tier needs.
  const byZoneTier = new Map<string, Subnet[][]>();
  for (const zone of zones) byZoneTier.set(zone, [[], [], []]);
  for (const s of subnets) byZoneTier.get(s.availabilityZone)![tierOf(design, s)]!.push(s);
  const rowHeights: number[] = [];
  const rowOf = new Map<string, number>();
  for (let tier = 0, base = 0; tier < 3; tier++) {
    const rows = Math.max(0, ...zones.map((z) => byZoneTier.get(z)![tier]!.length));
    for (const zone of zones) {
      byZoneTier.get(zone)![tier]!.forEach((s, i) => {
        rowOf.set(s.id, base + i);
        rowHeights[base + i] = Math.max(rowHeights[base + i] ?? 0, sizes.get(s.id)!.height);
      });
    }
    base += rows;
  }
  const rowY: number[] = [];
  let y = AZ.header + GRID;
  for (const h of rowHeights) {
    rowY.push(y);
    y += h + AUTO_GAP;
  }
  for (const zone of zones) {
    const inZone = subnets.filter((s) => s.availabilityZone === zone);
    const width = Math.max(0, ...inZone.map((s) => sizes.get(s.id)!.width));
    for (const s of inZone) {
      const row = rowOf.get(s.id)!;
      layout[s.id] = { x: AZ.pad, y: rowY[row]!, width, height: rowHeights[row]! };
    }
  }
  // Measured from the new layout alone, so the VPC's old stored size or chips' old places do not count.
  const { width, height } = measureVpc({ ...design, layout }, vpc, children);
  return { width, height };
}

/**
 * Positions for every drawn node of the design, from scratch.
 *
 * @example
 * const layout = autoLayout(design);
 * layout['PublicSubnet1'] // { x: 16, y: 40, width: 224, height: 144 } — relative to its AZ band
 */
export function autoLayout(design: Design): Record<string, Box> {
  const layout: Record<string, Box> = {};
  const children = indexChildren(design, true);
  const vpcsByRegion = new Map<string, Vpc[]>();
  for (const r of Object.values(design.resources)) {
    if (r.kind !== 'vpc') continue;
    const list = vpcsByRegion.get(r.region);
    if (list) list.push(r);
    else vpcsByRegion.set(r.region, [r]);
  }

  // Regions side by side, in the canvas's order; inside each, VPCs on shelves, then buckets and services on a shelf
  // of their own. Detached gateways are left to the canvas, which lines them up beside the rest.
  let regionLeft = 0;
  for (const region of regionsOf(design)) {
    const left = regionLeft + REGION.pad;
    let x = left;
    let y = REGION.header + CHIP.height;
    let shelf = 0;
    let right = left;
    for (const vpc of vpcsByRegion.get(region) ?? []) {
      const size = layoutVpcInto(design, vpc, children, layout);
      if (x > left && x + size.width > left + MAX_ROW_WIDTH) {
        x = left;
        y += shelf + REGION.gap + CHIP.height;
        shelf = 0;
      }
      layout[vpc.id] = { x, y };
      x += size.width + REGION.gap;
      shelf = Math.max(shelf, size.height);
      right = Math.max(right, x - REGION.gap);
    }
    const items = (children.get(regionNodeId(region)) ?? []).filter(
      (r) => r.kind !== 'vpc' && r.kind !== 'internetGateway' && r.kind !== 'virtualPrivateGateway',
    );
    if (items.length) {
      if (shelf > 0) y += shelf + REGION.gap;
      items.forEach((item, i) => {
        layout[item.id] = { x: left + i * (LEAF.width + AUTO_GAP), y };
        right = Math.max(right, left + i * (LEAF.width + AUTO_GAP) + LEAF.width);
      });
    }
    regionLeft = right + REGION.pad + REGION.gap;
  }
  return layout;
}

/**
 * One VPC's subnets and leaves laid out afresh, as an imported design's are: subnets in rows by tier across their
 * zones, leaves in grids. Positions are the layout entries (subnets relative to their band, leaves to their subnet).
 */
export function autoLayoutVpc(design: Design, vpc: Vpc): Record<string, Box> {
  const layout: Record<string, Box> = {};
  layoutVpcInto(design, vpc, indexChildren(design, true), layout);
  return layout;
}
