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
import { isDrawnAsNode, visualParentOf } from '../model/diagram.ts';
import type { Box, Design, Resource, Subnet, Vpc } from '../model/types.ts';
import { AUTO_GAP, AZ, CHIP, GRID, labelWidth, LEAF, LEAVES_PER_ROW, REGION, SUBNET, SUPPORT, VPC } from './geometry.ts';

/** Rows of VPCs wrap past this width (a few VPCs side by side, like a page of a diagram). */
const MAX_ROW_WIDTH = 2600;

interface Size {
  width: number;
  height: number;
}

const LEAF_ORDER: Partial<Record<Resource['kind'], number>> = { natGateway: 0, instance: 1, networkInterface: 2, vpcEndpoint: 3 };

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

interface Children {
  leaves: Map<string, Resource[]>;
  subnets: Map<string, Subnet[]>;
  chips: Map<string, number>;
  supports: Map<string, number>;
  regionItems: Map<string, Resource[]>;
}

function indexChildren(design: Design): Children {
  const c: Children = { leaves: new Map(), subnets: new Map(), chips: new Map(), supports: new Map(), regionItems: new Map() };
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const r of Object.values(design.resources)) {
    if (!isDrawnAsNode(r)) continue;
    if (r.kind === 'subnet') {
      push(c.subnets, r.vpcId, r);
      continue;
    }
    const parent = visualParentOf(design, r);
    if (parent === undefined) continue;
    if (parent.startsWith('region:')) {
      // VPCs get shelves of their own; detached gateways are drawn by the canvas beside them.
      if (r.kind !== 'vpc' && r.kind !== 'internetGateway' && r.kind !== 'virtualPrivateGateway') push(c.regionItems, parent, r);
    } else if (r.kind === 'routeTable' || r.kind === 'securityGroup' || r.kind === 'networkAcl') count(c.supports, parent);
    else if (r.kind === 'internetGateway' || r.kind === 'virtualPrivateGateway' || (r.kind === 'vpcEndpoint' && r.endpointType === 'Gateway')) count(c.chips, parent);
    else if (Object.hasOwn(design.resources, parent) && design.resources[parent]!.kind === 'subnet') push(c.leaves, parent, r);
  }
  return c;
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

/** Lays out one VPC's bands, subnets and leaves; returns the VPC's drawn size. */
function layoutVpc(design: Design, vpc: Vpc, children: Children, layout: Record<string, Box>): Size {
  const zones = [...vpc.availabilityZones];
  const subnets = children.subnets.get(vpc.id) ?? [];
  for (const s of subnets) if (!zones.includes(s.availabilityZone)) zones.push(s.availabilityZone);

  // Size every subnet by its leaves; place the leaves.
  const sizes = new Map<string, Size>();
  for (const s of subnets) sizes.set(s.id, layoutLeaves(children.leaves.get(s.id) ?? [], layout));

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
  const bandHeight = zones.length ? Math.max(AZ.minHeight, (rowHeights.length ? y - AUTO_GAP : AZ.header) + AZ.pad) : 0;

  let contentRight: number = VPC.pad;
  for (const zone of zones) {
    const inZone = subnets.filter((s) => s.availabilityZone === zone);
    const width = Math.max(0, ...inZone.map((s) => sizes.get(s.id)!.width));
    for (const s of inZone) {
      const row = rowOf.get(s.id)!;
      layout[s.id] = { x: AZ.pad, y: rowY[row]!, width, height: rowHeights[row]! };
    }
    contentRight += Math.max(AZ.minWidth, width + 2 * AZ.pad) + AZ.gap;
  }
  contentRight = zones.length ? contentRight - AZ.gap + VPC.pad : 0;

  const chips = children.chips.get(vpc.id) ?? 0;
  const chipsEnd = labelWidth(vpc) + VPC.chipInset + chips * (CHIP.width + VPC.chipGap) - VPC.chipGap + VPC.chipInset;
  const width = Math.max(VPC.minWidth, contentRight, chips ? chipsEnd : 0);
  // Room for the route tables, groups and ACLs the canvas can show under the bands.
  const supports = children.supports.get(vpc.id) ?? 0;
  const perRow = Math.max(1, Math.floor((width - 2 * VPC.pad + GRID) / (SUPPORT.width + GRID)));
  const supportRows = Math.ceil(supports / perRow);
  const top = VPC.header + (zones.length ? bandHeight + VPC.pad : 0);
  const bottom = supportRows ? top + supportRows * (SUPPORT.height + GRID) - GRID : zones.length ? VPC.header + bandHeight : VPC.header;
  return { width, height: Math.max(VPC.minHeight, bottom + VPC.pad) };
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
  const children = indexChildren(design);
  const vpcsByRegion = new Map<string, Vpc[]>();
  for (const r of Object.values(design.resources)) {
    if (r.kind !== 'vpc') continue;
    const list = vpcsByRegion.get(r.region);
    if (list) list.push(r);
    else vpcsByRegion.set(r.region, [r]);
  }
  const regions = [design.region, ...[...vpcsByRegion.keys(), ...[...children.regionItems.keys()].map((k) => k.slice('region:'.length))].filter((r) => r !== design.region)];

  // Regions side by side; inside each, VPCs on shelves, then buckets and services on a shelf of their own.
  let regionLeft = 0;
  const seen = new Set<string>();
  for (const region of regions) {
    if (seen.has(region)) continue;
    seen.add(region);
    const left = regionLeft + REGION.pad;
    let x = left;
    let y = REGION.header + CHIP.height;
    let shelf = 0;
    let right = left;
    for (const vpc of vpcsByRegion.get(region) ?? []) {
      const size = layoutVpc(design, vpc, children, layout);
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
    const items = children.regionItems.get(`region:${region}`) ?? [];
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
  layoutVpc(design, vpc, indexChildren(design), layout);
  return layout;
}
