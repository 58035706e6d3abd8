/**
 * Editing what is already in a design: update, delete (with AWS's dependencies), move, re-parent, connect.
 */
import { nextId } from '../model/create.ts';
import { parseNodeId } from '../model/diagram.ts';
import { getOfKind, getResource } from '../model/queries.ts';
import type { Box, Design, Flow, Resource, ResourceId } from '../model/types.ts';
import { placeResource, settleAfterMove } from '../layout/placement.ts';
import { resolveDropContext } from './add.ts';
import { requestPeering } from './peering.ts';
import { type Command, done, refuse } from './command.ts';
import { pruneFailures } from './drills.ts';

type Patch<R extends Resource> = Partial<Omit<R, 'id' | 'kind'>>;

/**
 * Changes fields of one resource. The inspector validates before it calls this, so the model only ever holds
 * the user's last good value.
 */
export function updateResource<R extends Resource>(id: ResourceId, patch: Patch<R>, label?: string): Command {
  return {
    label: label ?? 'Edit properties',
    apply(design) {
      const current = getResource(design, id);
      if (!current) return refuse(`There is no resource ${id}.`);
      const next = { ...current, ...patch, id: current.id, kind: current.kind } as Resource;
      return done({ ...design, resources: { ...design.resources, [id]: next } });
    },
  };
}

export function renameDesign(name: string): Command {
  return { label: 'Rename design', apply: (design) => done({ ...design, name }) };
}

/**
 * Resources that go when `id` goes: a VPC takes everything inside it, a subnet its instances, NAT gateways and
 * interfaces; an instance its secondary interfaces. (AWS makes you delete these first; a design tool does it
 * for you in one undoable step.)
 */
function dependentsOf(design: Design, id: ResourceId): ResourceId[] {
  const r = getResource(design, id);
  if (!r) return [];
  const out: ResourceId[] = [];
  for (const other of Object.values(design.resources)) {
    switch (r.kind) {
      case 'vpc':
        if (
          'vpcId' in other &&
          other.vpcId === id &&
          other.kind !== 'internetGateway' &&
          other.kind !== 'virtualPrivateGateway'
        )
          out.push(other.id);
        if (other.kind === 'peeringConnection' && (other.requesterVpcId === id || other.accepterVpcId === id))
          out.push(other.id);
        break;
      case 'subnet':
        if (
          (other.kind === 'instance' || other.kind === 'natGateway' || other.kind === 'networkInterface') &&
          other.subnetId === id
        )
          out.push(other.id);
        break;
      case 'instance':
        if (other.kind === 'networkInterface' && other.instanceId === id) out.push(other.id);
        break;
      case 'virtualPrivateGateway':
      case 'customerGateway':
        if (other.kind === 'vpnConnection' && (other.vpnGatewayId === id || other.customerGatewayId === id))
          out.push(other.id);
        break;
      default:
        break;
    }
  }
  return out;
}

/** Removes references to deleted ids from the records that keep lists of them. */
function scrub(resource: Resource, gone: ReadonlySet<ResourceId>): Resource {
  const keep = (ids: ResourceId[]) => ids.filter((x) => !gone.has(x));
  switch (resource.kind) {
    case 'instance':
    case 'networkInterface':
      return {
        ...resource,
        securityGroupIds: keep(resource.securityGroupIds),
        elasticIpId: resource.elasticIpId && gone.has(resource.elasticIpId) ? undefined : resource.elasticIpId,
      };
    case 'vpcEndpoint':
      return {
        ...resource,
        routeTableIds: keep(resource.routeTableIds),
        subnetIds: keep(resource.subnetIds),
        securityGroupIds: keep(resource.securityGroupIds),
      };
    case 'subnet':
      return {
        ...resource,
        routeTableId: resource.routeTableId && gone.has(resource.routeTableId) ? undefined : resource.routeTableId,
        networkAclId: resource.networkAclId && gone.has(resource.networkAclId) ? undefined : resource.networkAclId,
      };
    case 'internetGateway':
    case 'virtualPrivateGateway':
      return resource.vpcId && gone.has(resource.vpcId) ? { ...resource, vpcId: undefined } : resource;
    case 'routeTable':
      // Routes to a deleted target stay, as in AWS, where they show as blackholes until someone removes them.
      return { ...resource, propagatingGatewayIds: keep(resource.propagatingGatewayIds) };
    case 'directConnectGateway':
      return { ...resource, virtualPrivateGatewayIds: keep(resource.virtualPrivateGatewayIds) };
    default:
      return resource;
  }
}

/**
 * Deletes resources and what depends on them. A VPC's main route table, default network ACL and default
 * security group go only with the VPC, as in AWS.
 */
export function deleteResources(ids: ResourceId[]): Command {
  return {
    label: ids.length === 1 ? 'Delete' : `Delete ${ids.length} resources`,
    apply(design) {
      const gone = new Set<ResourceId>();
      const refused: string[] = [];
      const visit = (id: ResourceId, cascade: boolean) => {
        if (gone.has(id)) return;
        const r = getResource(design, id);
        if (!r) return;
        const vpcGoing = 'vpcId' in r && r.vpcId !== undefined && (gone.has(r.vpcId) || ids.includes(r.vpcId));
        if (!cascade && !vpcGoing) {
          if (r.kind === 'routeTable' && r.main) return void refused.push(`${r.name} is its VPC's main route table`);
          if (r.kind === 'networkAcl' && r.isDefault)
            return void refused.push(`${r.name} is its VPC's default network ACL`);
          if (r.kind === 'securityGroup' && r.isDefault)
            return void refused.push(`${r.name} is its VPC's default security group`);
        }
        gone.add(id);
        for (const dep of dependentsOf(design, id)) visit(dep, true);
      };
      for (const id of ids) visit(id, false);
      if (gone.size === 0) {
        return refuse(
          refused.length ? `Cannot delete: ${refused.join('; ')} (it goes when its VPC goes).` : 'Nothing to delete.',
        );
      }
      const resources: Record<ResourceId, Resource> = {};
      for (const [id, r] of Object.entries(design.resources)) if (!gone.has(id)) resources[id] = scrub(r, gone);
      const layout: Record<string, Box> = {};
      for (const [key, box] of Object.entries(design.layout)) if (!gone.has(key)) layout[key] = box;
      const flows = design.flows.filter((f) => !endpointsOf(f).some((e) => gone.has(e)));
      return done(pruneFailures({ ...design, resources, layout, flows }), []);
    },
  };
}

function endpointsOf(flow: Flow): string[] {
  return [flow.from, flow.to];
}

/** Moves nodes (a whole drag, or an arrow-key nudge, of any number of nodes) as one step. */
export function moveNodes(positions: Record<string, { x: number; y: number }>, label?: string): Command {
  const count = Object.keys(positions).length;
  return {
    label: label ?? (count === 1 ? 'Move' : `Move ${count} resources`),
    apply(design) {
      const layout = { ...design.layout };
      let changed = false;
      for (const [id, pos] of Object.entries(positions)) {
        if (!getResource(design, id)) continue;
        const old = layout[id];
        const x = Math.round(pos.x);
        const y = Math.round(pos.y);
        if (old && old.x === x && old.y === y) continue;
        layout[id] = { ...old, x, y };
        changed = true;
      }
      if (!changed) return refuse('Nothing moved.');
      // Containers that grew make room: the subnets below move down, the page moves what the VPC now covers.
      return done(settleAfterMove(design, { ...design, layout }, Object.keys(positions)));
    },
  };
}

/** Sets a container's minimum size (a resize handle drag). */
export function resizeNode(id: ResourceId, size: { width: number; height: number }): Command {
  return {
    label: 'Resize',
    apply(design) {
      if (!getResource(design, id)) return refuse(`There is no resource ${id}.`);
      const old = design.layout[id] ?? { x: 0, y: 0 };
      return done({
        ...design,
        layout: { ...design.layout, [id]: { ...old, width: Math.round(size.width), height: Math.round(size.height) } },
      });
    },
  };
}

/**
 * Moves a resource into another container: an instance, NAT gateway or interface into another subnet of the
 * same VPC, a subnet into another availability zone of its VPC. Refused where AWS would not allow it (a subnet
 * cannot change VPC; an instance cannot leave its VPC).
 */
export function moveInto(
  id: ResourceId,
  targetNodeId: string | undefined,
  position: { x: number; y: number },
): Command {
  return {
    label: 'Move into',
    apply(design) {
      const r = getResource(design, id);
      if (!r) return refuse(`There is no resource ${id}.`);
      const ctx = resolveDropContext(design, targetNodeId);
      const box: Box = { ...design.layout[id], x: Math.round(position.x), y: Math.round(position.y) };
      // It lands at the nearest free place to the drop in its new container, which makes room for it.
      const put = (next: Resource) =>
        done(
          placeResource(
            { ...design, resources: { ...design.resources, [id]: next }, layout: { ...design.layout, [id]: box } },
            id,
            box,
          ),
          [id],
        );
      switch (r.kind) {
        case 'subnet': {
          if (!ctx.vpc || !ctx.zone) return refuse('A subnet must stay in an availability zone of its VPC.');
          if (ctx.vpc.id !== r.vpcId)
            return refuse('A subnet cannot move to another VPC: copy it and paste it there instead.');
          return put({ ...r, availabilityZone: ctx.zone });
        }
        case 'instance':
        case 'natGateway':
        case 'networkInterface': {
          if (!ctx.subnet) return refuse(`${r.name} must stay in a subnet.`);
          if (ctx.subnet.vpcId !== getOfKind(design, r.subnetId, 'subnet')?.vpcId) {
            return refuse(`${r.name} cannot move to a subnet in another VPC: its security groups belong to this VPC.`);
          }
          return put({ ...r, subnetId: ctx.subnet.id });
        }
        default:
          return refuse(`${r.name} cannot be moved into ${targetNodeId ?? 'the canvas'}.`);
      }
    },
  };
}

/**
 * Connects two nodes the way AWS connects the things they stand for: two VPCs get a peering request, a gateway
 * attaches to a VPC, a customer gateway and a virtual private gateway get a VPN connection, a gateway endpoint
 * is associated with a route table.
 */
export function connect(sourceNodeId: string, targetNodeId: string): Command {
  return {
    label: 'Connect',
    apply(design) {
      const a = getResource(design, parseNodeId(sourceNodeId).type === 'resource' ? sourceNodeId : undefined);
      const b = getResource(design, parseNodeId(targetNodeId).type === 'resource' ? targetNodeId : undefined);
      if (!a || !b || a.id === b.id) return refuse('Connect two different resources.');
      const pair = (k1: Resource['kind'], k2: Resource['kind']) =>
        a.kind === k1 && b.kind === k2
          ? ([a, b] as const)
          : b.kind === k1 && a.kind === k2
            ? ([b, a] as const)
            : undefined;

      // Dragged from one VPC to another: the first asks, the second accepts later (pending-acceptance).
      if (a.kind === 'vpc' && b.kind === 'vpc') return requestPeering(a.id, b.id).apply(design);
      const gwVpc = pair('internetGateway', 'vpc') ?? pair('virtualPrivateGateway', 'vpc');
      if (gwVpc) {
        const [gw, vpc] = gwVpc;
        const taken = Object.values(design.resources).find(
          (r) => r.kind === gw.kind && 'vpcId' in r && r.vpcId === vpc.id && r.id !== gw.id,
        );
        if (taken) return refuse(`${vpc.name} already has ${taken.name} attached; a VPC takes only one.`);
        return done({ ...design, resources: { ...design.resources, [gw.id]: { ...gw, vpcId: vpc.id } as Resource } }, [
          gw.id,
        ]);
      }
      const vpn = pair('virtualPrivateGateway', 'customerGateway');
      if (vpn) {
        const [vgw, cgw] = vpn;
        const id = nextId(design, 'vpnConnection');
        return done(
          {
            ...design,
            resources: {
              ...design.resources,
              [id]: {
                id,
                kind: 'vpnConnection',
                name: `${vgw.name} ↔ ${cgw.name}`,
                vpnGatewayId: vgw.id,
                customerGatewayId: cgw.id,
                staticRoutesOnly: true,
                onPremisesCidrs: ['192.168.0.0/16'],
              },
            },
          },
          [id],
        );
      }
      const dx = pair('directConnectGateway', 'virtualPrivateGateway');
      if (dx) {
        const [dxgw, vgw] = dx;
        if (dxgw.kind !== 'directConnectGateway' || dxgw.virtualPrivateGatewayIds.includes(vgw.id))
          return refuse('They are already associated.');
        return done({
          ...design,
          resources: {
            ...design.resources,
            [dxgw.id]: { ...dxgw, virtualPrivateGatewayIds: [...dxgw.virtualPrivateGatewayIds, vgw.id] },
          },
        });
      }
      const ep = pair('vpcEndpoint', 'routeTable');
      if (ep) {
        const [endpoint, table] = ep;
        if (endpoint.kind !== 'vpcEndpoint' || endpoint.endpointType !== 'Gateway')
          return refuse('Only gateway endpoints are route-table targets.');
        if (endpoint.routeTableIds.includes(table.id)) return refuse('That route table already uses this endpoint.');
        return done({
          ...design,
          resources: {
            ...design.resources,
            [endpoint.id]: { ...endpoint, routeTableIds: [...endpoint.routeTableIds, table.id] },
          },
        });
      }
      return refuse(
        `A ${a.kind} and a ${b.kind} do not connect directly: connect two VPCs to peer them, or a gateway to its VPC.`,
      );
    },
  };
}

/** Replaces the whole design (New design, Import): one undoable step, so the previous design comes back. */
export function replaceDesign(next: Design, label: string): Command {
  return { label, apply: () => done(next, []) };
}
