/**
 * The diagram's local geometry, computed bottom-up (leaves → subnets → AZ bands → VPCs) from the design's own
 * nesting (model/diagram.ts): where each child sits in its container and how big every container grows to hold
 * what it has. Containers grow to fit their children; a stored width/height is the user's minimum.
 *
 * The canvas adapter draws these boxes and the placement of new resources (placement.ts) reads them, so a new
 * resource is placed against exactly the boxes the user sees.
 */
import {
  azNodeId,
  isDrawnAsNode,
  isSupportingKind,
  regionNodeId,
  regionsOf,
  visualParentOf,
} from '../model/diagram.ts';
import { getResource } from '../model/queries.ts';
import type { Design, Resource, ResourceId, Subnet, Vpc } from '../model/types.ts';
import {
  AZ,
  CHIP,
  freeSlot,
  GRID,
  labelWidth,
  LEAF,
  packAlongLine,
  SUBNET,
  SUPPORT,
  VPC,
  type XY,
} from './geometry.ts';

export interface Placed<T> {
  item: T;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Children with a stored position keep it (clamped below the header); the rest fill free cells. */
export function placeChildren<T extends { id: string }>(
  design: Design,
  items: T[],
  sizeOf: (item: T) => { width: number; height: number },
  min: XY,
  auto: { origin: XY; perRow: number },
): Placed<T>[] {
  const out: Placed<T>[] = [];
  const pending: T[] = [];
  for (const item of items) {
    const box = design.layout[item.id];
    if (!box) {
      pending.push(item);
      continue;
    }
    out.push({ item, x: Math.max(min.x, box.x), y: Math.max(min.y, box.y), ...sizeOf(item) });
  }
  for (const item of pending) {
    const size = sizeOf(item);
    out.push({ item, ...freeSlot(out, size, auto.origin, auto.perRow), ...size });
  }
  return out;
}

export function extent(placed: Placed<unknown>[]): { right: number; bottom: number } {
  let right = 0;
  let bottom = 0;
  for (const p of placed) {
    right = Math.max(right, p.x + p.width);
    bottom = Math.max(bottom, p.y + p.height);
  }
  return { right, bottom };
}

function minSize(design: Design, id: string) {
  const box = design.layout[id];
  return { width: box?.width ?? 0, height: box?.height ?? 0 };
}

export interface SubnetLayout {
  subnet: Subnet;
  width: number;
  height: number;
  leaves: Placed<Resource>[];
}

export function layoutSubnet(design: Design, subnet: Subnet, leaves: Resource[]): SubnetLayout {
  const placed = placeChildren(
    design,
    leaves,
    () => LEAF,
    { x: GRID, y: SUBNET.header },
    { origin: { x: SUBNET.pad, y: SUBNET.header }, perRow: 3 },
  );
  const { right, bottom } = extent(placed);
  const user = minSize(design, subnet.id);
  return {
    subnet,
    leaves: placed,
    width: Math.max(SUBNET.minWidth, user.width, right + SUBNET.pad),
    height: Math.max(SUBNET.minHeight, user.height, bottom + SUBNET.pad),
  };
}

export interface BandLayout {
  id: string;
  zone: string;
  x: number;
  width: number;
  subnets: Placed<SubnetLayout>[];
}

export interface VpcLayout {
  vpc: Vpc;
  width: number;
  height: number;
  bandHeight: number;
  bands: BandLayout[];
  chips: Placed<Resource>[];
  supports: Placed<Resource>[];
}

const SUPPORT_ORDER: Record<string, number> = { routeTable: 0, securityGroup: 1, networkAcl: 2 };

export function layoutVpc(design: Design, vpc: Vpc, children: ChildIndex): VpcLayout {
  const inVpc = children.get(vpc.id) ?? [];
  // A subnet lives in exactly one Availability Zone, so it is drawn inside exactly one AZ band
  // (https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html).
  // Every AZ the VPC lists gets a band, plus any AZ a subnet names that the list forgot.
  const zones = [...vpc.availabilityZones];
  const subnetsByZone = new Map<string, Subnet[]>();
  for (const zone of zones) subnetsByZone.set(zone, []);
  for (const s of children.subnetsOf(vpc.id)) {
    if (!subnetsByZone.has(s.availabilityZone)) {
      zones.push(s.availabilityZone);
      subnetsByZone.set(s.availabilityZone, []);
    }
    subnetsByZone.get(s.availabilityZone)!.push(s);
  }

  const bands: BandLayout[] = [];
  let bandHeight = zones.length ? AZ.minHeight : 0;
  let cursor = VPC.pad;
  for (const zone of zones) {
    const layouts = subnetsByZone.get(zone)!.map((s) => layoutSubnet(design, s, children.get(s.id) ?? []));
    const subnets = placeChildren(
      design,
      layouts.map((l) => ({ ...l, id: l.subnet.id })),
      (l) => l,
      { x: GRID, y: AZ.header },
      { origin: { x: AZ.pad, y: AZ.header + GRID }, perRow: 1 },
    );
    const { right, bottom } = extent(subnets);
    const width = Math.max(AZ.minWidth, right + AZ.pad);
    bandHeight = Math.max(bandHeight, bottom + AZ.pad);
    bands.push({ id: azNodeId(vpc.id, zone), zone, x: cursor, width, subnets });
    cursor += width + AZ.gap;
  }
  const contentRight = bands.length ? cursor - AZ.gap + VPC.pad : 0;
  const user = minSize(design, vpc.id);
  let width = Math.max(VPC.minWidth, user.width, contentRight);

  // Route tables, security groups and network ACLs: a tidy strip under the bands, when shown.
  const supportItems = inVpc
    .filter((r) => isSupportingKind(r))
    .sort((a, b) => SUPPORT_ORDER[a.kind]! - SUPPORT_ORDER[b.kind]!);
  const top = VPC.header + (bands.length ? bandHeight + VPC.pad : 0);
  const perRow = Math.max(1, Math.floor((width - 2 * VPC.pad + GRID) / (SUPPORT.width + GRID)));
  const supports = supportItems.map((item, i) => ({
    item,
    x: VPC.pad + (i % perRow) * (SUPPORT.width + GRID),
    y: top + Math.floor(i / perRow) * (SUPPORT.height + GRID),
    ...SUPPORT,
  }));
  const contentBottom = supports.length ? extent(supports).bottom : bands.length ? VPC.header + bandHeight : VPC.header;
  const height = Math.max(VPC.minHeight, user.height, contentBottom + VPC.pad);

  // Gateways and gateway endpoints sit on the top border, in the order the user put them, never overlapping.
  const chipItems = inVpc.filter((r) => isBorderResource(r));
  const minX = labelWidth(vpc) + VPC.chipInset;
  const wanted = chipItems.map((r, i) => design.layout[r.id]?.x ?? minX + i * (CHIP.width + VPC.chipGap));
  const packed = packAlongLine(
    wanted,
    chipItems.map(() => CHIP.width),
    minX,
    width - VPC.chipInset,
    VPC.chipGap,
  );
  width = Math.max(width, packed.end + VPC.chipInset);
  const chips = chipItems.map((item, i) => ({ item, x: packed.positions[i]!, y: -CHIP.height / 2, ...CHIP }));

  return { vpc, width, height, bandHeight, bands, chips, supports };
}

export function isBorderResource(r: Resource): boolean {
  return (
    r.kind === 'internetGateway' ||
    r.kind === 'virtualPrivateGateway' ||
    (r.kind === 'vpcEndpoint' && r.endpointType === 'Gateway')
  );
}

/**
 * Whether the canvas shows a resource: as a box (route tables, security groups and network ACLs only when the user
 * asks to see them) or as a line (peering and VPN connections). Elastic IPs are properties of what they attach to.
 */
export function isShownOnCanvas(r: Resource, showSupporting: boolean): boolean {
  if (r.kind === 'peeringConnection' || r.kind === 'vpnConnection') return true;
  return isDrawnAsNode(r) && (showSupporting || !isSupportingKind(r));
}

export interface ChildIndex {
  get(parent: string): Resource[] | undefined;
  subnetsOf(vpcId: ResourceId): Subnet[];
  topLevel: Resource[];
}

// The index depends only on the resources (and the design's region), not on the layout: a drag or a placement
// that only moves things reuses it instead of walking every resource again.
const indexCache = new WeakMap<Design['resources'], Map<string, ChildIndex>>();

/** Who is drawn inside what: the drawn children of every container, the subnets of every VPC, the top level. */
export function indexChildren(design: Design, showSupporting: boolean): ChildIndex {
  const key = `${design.region}|${showSupporting}`;
  let cached = indexCache.get(design.resources);
  const hit = cached?.get(key);
  if (hit) return hit;
  const index = buildIndex(design, showSupporting);
  if (!cached) indexCache.set(design.resources, (cached = new Map()));
  cached.set(key, index);
  return index;
}

function buildIndex(design: Design, showSupporting: boolean): ChildIndex {
  const byParent = new Map<string, Resource[]>();
  const subnets = new Map<ResourceId, Subnet[]>();
  const topLevel: Resource[] = [];
  const regions = new Set(regionsOf(design).map(regionNodeId));
  for (const r of Object.values(design.resources)) {
    if (!isDrawnAsNode(r) || !isShownOnCanvas(r, showSupporting)) continue;
    if (r.kind === 'subnet') {
      if (getResource(design, r.vpcId)?.kind !== 'vpc') topLevel.push(r);
      else {
        const list = subnets.get(r.vpcId);
        if (list) list.push(r);
        else subnets.set(r.vpcId, [r]);
      }
      continue;
    }
    const parent = visualParentOf(design, r);
    // A parent that does not exist (a dangling reference in an imported file) leaves the resource on the page.
    const exists = parent !== undefined && (regions.has(parent) || getResource(design, parent) !== undefined);
    if (!exists) {
      topLevel.push(r);
      continue;
    }
    const list = byParent.get(parent);
    if (list) list.push(r);
    else byParent.set(parent, [r]);
  }
  return { get: (p) => byParent.get(p), subnetsOf: (v) => subnets.get(v) ?? [], topLevel };
}
