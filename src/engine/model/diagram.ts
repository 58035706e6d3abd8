/**
 * How resources nest on an AWS architecture diagram: region ⊃ VPC ⊃ availability-zone band ⊃ subnet ⊃
 * instance / NAT gateway / endpoint ENI. The nesting is derived from the model's own references (a subnet's VPC
 * and AZ, an instance's subnet), so the diagram cannot disagree with the design.
 */
import { KINDS } from './kinds.ts';
import { getResource } from './queries.ts';
import type { Design, Resource, ResourceId } from './types.ts';

export type ContainerKind = 'region' | 'vpc' | 'az' | 'subnet';

export function regionNodeId(region: string): string {
  return `region:${region}`;
}

export function azNodeId(vpcId: ResourceId, zone: string): string {
  return `az:${vpcId}:${zone}`;
}

export type DiagramNodeRef =
  | { type: 'region'; region: string }
  | { type: 'az'; vpcId: ResourceId; zone: string }
  | { type: 'resource'; id: ResourceId };

/** Reads a canvas node id back into what it stands for. */
export function parseNodeId(nodeId: string): DiagramNodeRef {
  if (nodeId.startsWith('region:')) return { type: 'region', region: nodeId.slice('region:'.length) };
  if (nodeId.startsWith('az:')) {
    const rest = nodeId.slice(3);
    const cut = rest.lastIndexOf(':');
    return { type: 'az', vpcId: rest.slice(0, cut), zone: rest.slice(cut + 1) };
  }
  return { type: 'resource', id: nodeId };
}

/** Kinds drawn as boxes on the canvas; the rest are edges (peering, VPN) or properties (Elastic IPs). */
export function isDrawnAsNode(resource: Resource): boolean {
  const role = KINDS[resource.kind].role;
  return role !== 'edge' && role !== 'property';
}

/** Kinds that only appear on the canvas when the user asks to see them. */
export function isSupportingKind(resource: Resource): boolean {
  return KINDS[resource.kind].role === 'supporting';
}

/**
 * The node a resource is drawn inside, or undefined for top-level nodes (the internet, customer gateways,
 * Direct Connect gateways — things outside any AWS region).
 */
export function visualParentOf(design: Design, resource: Resource): string | undefined {
  switch (resource.kind) {
    case 'vpc':
      return regionNodeId(resource.region);
    case 'subnet':
      return azNodeId(resource.vpcId, resource.availabilityZone);
    case 'instance':
    case 'natGateway':
    case 'networkInterface':
      return getResource(design, resource.subnetId) ? resource.subnetId : undefined;
    case 'vpcEndpoint': {
      if (resource.endpointType === 'Interface') {
        const first = resource.subnetIds.find((id) => getResource(design, id));
        if (first) return first;
      }
      return resource.vpcId;
    }
    case 'internetGateway':
    case 'virtualPrivateGateway':
      return resource.vpcId && getResource(design, resource.vpcId) ? resource.vpcId : regionNodeId(design.region);
    case 'routeTable':
    case 'securityGroup':
    case 'networkAcl':
      return resource.vpcId;
    case 's3Bucket':
      return regionNodeId(resource.region);
    case 'awsService':
      return regionNodeId(design.region);
    default:
      return undefined;
  }
}

/** The regions that get a box: the design's own and every VPC's or bucket's. */
export function regionsOf(design: Design): string[] {
  const regions = new Set<string>([design.region]);
  for (const r of Object.values(design.resources)) {
    if (r.kind === 'vpc' || r.kind === 's3Bucket') regions.add(r.region);
  }
  return [...regions];
}
