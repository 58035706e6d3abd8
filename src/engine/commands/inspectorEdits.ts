/**
 * Inspector edits that change more than one field of one resource, each one command and one undo step:
 * allocating an Elastic IP, replacing the main route table, moving a VPC to another region, the design's own
 * settings, and removing an availability zone.
 */
import { nextId, zonesOf } from '../model/create.ts';
import { getOfKind, getResource, subnetsOf } from '../model/queries.ts';
import type { Design, Resource, ResourceId } from '../model/types.ts';
import { suggestElasticIp } from './add.ts';
import { type Command, done, refuse } from './command.ts';

/**
 * Allocates a new Elastic IP and associates it with a public NAT gateway, an instance or a network interface,
 * as the console's "Allocate Elastic IP" does. A private NAT gateway takes none.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
 */
export function allocateElasticIp(ownerId: ResourceId): Command {
  return {
    label: 'Allocate Elastic IP',
    apply(design) {
      const owner = getResource(design, ownerId);
      if (!owner) return refuse(`There is no resource ${ownerId}.`);
      if (owner.kind !== 'natGateway' && owner.kind !== 'instance' && owner.kind !== 'networkInterface') {
        return refuse(`A ${owner.kind} does not take an Elastic IP.`);
      }
      if (owner.kind === 'natGateway' && owner.connectivityType === 'private') {
        return refuse('A private NAT gateway has no Elastic IP: make it public first.');
      }
      const id = nextId(design, 'elasticIp');
      const eip: Resource = { id, kind: 'elasticIp', name: `${owner.name} EIP`, publicIp: suggestElasticIp(design) };
      const next: Resource = { ...owner, elasticIpId: id };
      return done({ ...design, resources: { ...design.resources, [id]: eip, [owner.id]: next } });
    },
  };
}

/**
 * Makes a route table its VPC's main table; the previous main table becomes an ordinary one. Subnets without
 * an explicit association follow the new main table.
 * https://docs.aws.amazon.com/vpc/latest/userguide/WorkWithRouteTables.html#Route_Replacing_Main_Table
 */
export function setMainRouteTable(tableId: ResourceId): Command {
  return {
    label: 'Set main route table',
    apply(design) {
      const table = getOfKind(design, tableId, 'routeTable');
      if (!table) return refuse(`There is no route table ${tableId}.`);
      if (table.main) return refuse(`${table.name} is already the main route table.`);
      const resources = { ...design.resources };
      for (const r of Object.values(design.resources)) {
        if (r.kind === 'routeTable' && r.vpcId === table.vpcId && (r.main || r.id === tableId)) {
          resources[r.id] = { ...r, main: r.id === tableId };
        }
      }
      return done({ ...design, resources });
    },
  };
}

/** Changes the design's own name, home region or account. */
export function updateDesignSettings(
  patch: Partial<Pick<Design, 'name' | 'region' | 'accountId'>>,
  label = 'Edit design settings',
): Command {
  return {
    label,
    apply(design) {
      const next = { ...design, ...patch };
      if (next.name === design.name && next.region === design.region && next.accountId === design.accountId)
        return refuse('Nothing changed.');
      return done(next);
    },
  };
}

/**
 * Moves a VPC to another region, renaming its availability zones (`us-east-1b` → `eu-west-1b`) in the VPC and
 * its subnets, and its endpoints' AWS service names, so nothing points at the old region.
 */
export function changeVpcRegion(vpcId: ResourceId, region: string): Command {
  return {
    label: 'Change VPC region',
    apply(design) {
      const vpc = getOfKind(design, vpcId, 'vpc');
      if (!vpc) return refuse(`There is no VPC ${vpcId}.`);
      if (vpc.region === region) return refuse('Nothing changed.');
      const rezone = (zone: string) => (zone.startsWith(vpc.region) ? region + zone.slice(vpc.region.length) : zone);
      const resources = { ...design.resources };
      const zones = vpc.availabilityZones.map(rezone);
      resources[vpc.id] = { ...vpc, region, availabilityZones: zones.length ? zones : zonesOf(region, 2) };
      for (const s of subnetsOf(design, vpcId))
        resources[s.id] = { ...s, availabilityZone: rezone(s.availabilityZone) };
      const prefix = `com.amazonaws.${vpc.region}.`;
      for (const r of Object.values(design.resources)) {
        if (r.kind === 'vpcEndpoint' && r.vpcId === vpcId && r.serviceName.startsWith(prefix)) {
          resources[r.id] = { ...r, serviceName: `com.amazonaws.${region}.${r.serviceName.slice(prefix.length)}` };
        }
      }
      return done({ ...design, resources });
    },
  };
}

/** Removes an availability zone from a VPC's list; refused while a subnet still lives in it. */
export function removeAvailabilityZone(vpcId: ResourceId, zone: string): Command {
  return {
    label: 'Remove availability zone',
    apply(design) {
      const vpc = getOfKind(design, vpcId, 'vpc');
      if (!vpc) return refuse(`There is no VPC ${vpcId}.`);
      const users = subnetsOf(design, vpcId).filter((s) => s.availabilityZone === zone);
      if (users.length)
        return refuse(
          `${zone} still holds ${users.map((s) => s.name).join(', ')}: move or delete ${users.length === 1 ? 'it' : 'them'} first.`,
        );
      if (vpc.availabilityZones.length <= 1) return refuse('A VPC needs at least one availability zone.');
      return done({
        ...design,
        resources: {
          ...design.resources,
          [vpc.id]: { ...vpc, availabilityZones: vpc.availabilityZones.filter((z) => z !== zone) },
        },
      });
    },
  };
}
