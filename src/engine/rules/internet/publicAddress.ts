/**
 * Whether an instance gets a public IPv4 address: an Elastic IP (on the instance or on one of its network
 * interfaces), or one assigned at launch (the instance's choice, else its subnet's auto-assign setting).
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html
 */
import type { Instance, ResourceId } from '../../model/types.ts';
import type { DesignIndex } from '../context.ts';

const cache = new WeakMap<DesignIndex, Set<ResourceId>>();

/** Instances with an Elastic IP on one of their secondary network interfaces. */
function instancesWithInterfaceEip(index: DesignIndex): Set<ResourceId> {
  let set = cache.get(index);
  if (!set) {
    set = new Set();
    for (const eni of index.networkInterfaces) {
      if (typeof eni.instanceId === 'string' && index.get(eni.elasticIpId)?.kind === 'elasticIp')
        set.add(eni.instanceId);
    }
    cache.set(index, set);
  }
  return set;
}

export function hasElasticIp(index: DesignIndex, instance: Instance): boolean {
  return index.get(instance.elasticIpId)?.kind === 'elasticIp' || instancesWithInterfaceEip(index).has(instance.id);
}

export function hasPublicAddress(index: DesignIndex, instance: Instance): boolean {
  if (hasElasticIp(index, instance)) return true;
  if (typeof instance.associatePublicIp === 'boolean') return instance.associatePublicIp;
  const subnet = index.get(instance.subnetId);
  return subnet?.kind === 'subnet' && subnet.mapPublicIpOnLaunch === true;
}

const targetsCache = new WeakMap<DesignIndex, Set<ResourceId>>();

/** Ids of every resource some route points at (NAT instances and middleboxes among them). */
export function routeTargetIds(index: DesignIndex): Set<ResourceId> {
  let set = targetsCache.get(index);
  if (!set) {
    set = new Set();
    for (const table of index.routeTables)
      for (const route of table.routes) if (typeof route.targetId === 'string') set.add(route.targetId);
    targetsCache.set(index, set);
  }
  return set;
}
