/**
 * The "VPC and more" form's live preview, as the console's resource map shows it: the VPC, its subnets by AZ, the
 * route tables (which subnets use each, where their routes go) and the network connections. Read from the very
 * design `buildVpcAndMore` returns, so the preview cannot disagree with what Create makes.
 */
import type { Design, Resource, ResourceId, RouteTable, Subnet } from '../model/types.ts';
import { KINDS } from '../model/kinds.ts';
import { buildVpcAndMore, type VpcAndMoreOptions } from './vpcAndMore.ts';

export interface ResourceMap {
  vpc: { id: ResourceId; name: string; cidr: string };
  zones: Array<{ zone: string; subnets: Array<{ id: ResourceId; name: string; cidr: string; isPublic: boolean }> }>;
  routeTables: Array<{
    id: ResourceId;
    name: string;
    subnetIds: ResourceId[];
    routes: Array<{ destination: string; target: ResourceId; targetName: string }>;
  }>;
  connections: Array<{
    id: ResourceId;
    name: string;
    kind: 'internetGateway' | 'natGateway' | 'vpcEndpoint';
    /** What it is, as the kinds' one definition names it ('Internet gateway'; the endpoint: 'S3 gateway endpoint'). */
    label: string;
    detail: string;
  }>;
}

/**
 * The resource map of what Create would make now, or the form's first problem.
 *
 * @example previewVpcAndMore(design, options).map?.routeTables.map((t) => t.name) // ['project-rtb-public', …]
 */
export function previewVpcAndMore(design: Design, options: VpcAndMoreOptions): { map?: ResourceMap; error?: string } {
  const built = buildVpcAndMore(design, options);
  if (!built.ok) return { error: built.error };
  const { design: next, created, vpcId } = built.result;
  const mine = created.map((id) => next.resources[id]!).filter((r): r is Resource => !!r);
  const nameOf = (id: string) => next.resources[id]?.name ?? id;
  const vpc = next.resources[vpcId]!;
  if (vpc.kind !== 'vpc') return { error: 'No VPC was built.' };
  const subnets = mine.filter((r): r is Subnet => r.kind === 'subnet');
  const tables = mine.filter((r): r is RouteTable => r.kind === 'routeTable' && !r.main);
  const publicTables = new Set(
    tables.filter((t) => t.routes.some((r) => next.resources[r.targetId]?.kind === 'internetGateway')).map((t) => t.id),
  );
  const map: ResourceMap = {
    vpc: { id: vpc.id, name: vpc.name, cidr: vpc.cidrBlocks[0]! },
    zones: vpc.availabilityZones.map((zone) => ({
      zone,
      subnets: subnets
        .filter((s) => s.availabilityZone === zone)
        .map((s) => ({
          id: s.id,
          name: s.name,
          cidr: s.cidrBlock,
          isPublic: s.routeTableId !== undefined && publicTables.has(s.routeTableId),
        })),
    })),
    routeTables: tables.map((t) => {
      const endpointRoutes = mine
        .filter((r) => r.kind === 'vpcEndpoint' && r.routeTableIds.includes(t.id))
        .map((e) => ({ destination: 'S3 prefix list', target: e.id, targetName: e.name }));
      return {
        id: t.id,
        name: t.name,
        subnetIds: subnets.filter((s) => s.routeTableId === t.id).map((s) => s.id),
        routes: [
          ...t.routes.map((r) => ({
            destination: r.destinationCidrBlock ?? r.destinationPrefixListId ?? '',
            target: r.targetId,
            targetName: nameOf(r.targetId),
          })),
          ...endpointRoutes,
        ],
      };
    }),
    connections: mine.flatMap((r): ResourceMap['connections'] => {
      if (r.kind === 'internetGateway')
        return [
          { id: r.id, name: r.name, kind: r.kind, label: KINDS.internetGateway.label, detail: 'attached to the VPC' },
        ];
      if (r.kind === 'natGateway') {
        const eip = r.elasticIpId ? next.resources[r.elasticIpId] : undefined;
        return [
          {
            id: r.id,
            name: r.name,
            kind: r.kind,
            label: KINDS.natGateway.label,
            detail: `in ${nameOf(r.subnetId)}${eip?.kind === 'elasticIp' ? `, Elastic IP ${eip.publicIp}` : ''}`,
          },
        ];
      }
      if (r.kind === 'vpcEndpoint')
        return [
          {
            id: r.id,
            name: r.name,
            kind: r.kind,
            label: `S3 ${r.endpointType.toLowerCase()} endpoint`,
            detail: `on ${r.routeTableIds.length} route table${r.routeTableIds.length === 1 ? '' : 's'}`,
          },
        ];
      return [];
    }),
  };
  return { map };
}
