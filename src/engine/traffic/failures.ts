/**
 * Failure drills: which components are down, and where a traced packet stops because of them.
 *
 * AWS route tables are static: when a NAT gateway, an instance or a whole Availability Zone fails, routes that
 * point at it do not move to another target — they go to a blackhole — so the path a packet takes is the same as
 * before, and it stops at the first failed component on it. "If you have resources in multiple Availability Zones
 * and they share one NAT gateway, and if the NAT gateway's Availability Zone is down, resources in the other
 * Availability Zones lose internet access"
 * (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html). A subnet "must reside entirely within
 * one Availability Zone" (https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html), so everything
 * in a subnet fails with its zone; regional components (internet gateway, route tables, security groups, network
 * ACLs, gateway endpoints, peering connections) fail only when marked themselves. An interface endpoint has a
 * network interface in each of its subnets and is down only when all of them are.
 */
import type { Design, Failures, Resource, ResourceId } from '../model/types.ts';
import { KINDS } from '../model/kinds.ts';
import { isNatInstance } from '../model/queries.ts';
import { CODE_CONCEPTS } from './concepts.ts';
import type { Explanation, Hop, HopDirection, TraceResult } from './types.ts';

/** The drill's explanation: what is down, and what a student should take from it. */
function failedExplanation(id: string, direction: HopDirection, why: string): Explanation {
  return {
    code: 'RESOURCE_FAILED',
    id,
    direction,
    message: `${why} AWS routes do not move to another target by themselves, so traffic that depends on it stops until it is back. To survive this, give each Availability Zone its own path (for example a NAT gateway per zone).`,
    concept: CODE_CONCEPTS.RESOURCE_FAILED,
  };
}

/** True when the drill marks anything as failed. */
export function hasFailures(failures: Failures | undefined): failures is Failures {
  return !!failures && (failures.resources.length > 0 || failures.zones.length > 0);
}

/** The Availability Zones the design's subnets are in (the zones a drill can fail), sorted. */
export function subnetZonesOf(design: Pick<Design, 'resources'>): string[] {
  const zones = new Set<string>();
  for (const r of Object.values(design.resources))
    if (r.kind === 'subnet' && r.availabilityZone) zones.add(r.availabilityZone);
  return [...zones].sort();
}

/** The design with this drill; an empty drill leaves no `failures` field at all. */
export function withFailures(design: Design, failures: Failures): Design {
  const { failures: _old, ...rest } = design;
  return hasFailures(failures) ? { ...rest, failures } : rest;
}

/** The design as it is configured, the drill left out (what rules and security assessments look at). */
export function withoutFailures(design: Design): Design {
  return design.failures === undefined ? design : withFailures(design, { resources: [], zones: [] });
}

/** The subnets a resource sits in (its network interfaces' subnets for an interface endpoint). */
function subnetsOfResource(resource: Resource): ResourceId[] {
  switch (resource.kind) {
    case 'subnet':
      return [resource.id];
    case 'instance':
    case 'natGateway':
    case 'networkInterface':
      return [resource.subnetId];
    case 'vpcEndpoint':
      return resource.endpointType === 'Interface' ? resource.subnetIds : [];
    default:
      return [];
  }
}

/**
 * Why a component is down in this drill, in one plain sentence naming it; undefined when it is up.
 *
 * @example failureOf(design, 'nat-a') // 'NAT gateway "NAT gateway A" has failed (failure drill).' when marked
 */
export function failureOf(design: Design, id: string): string | undefined {
  const failures = design.failures;
  if (!hasFailures(failures)) return undefined;
  const resource = design.resources[id];
  if (!resource) return undefined;
  const what = `${isNatInstance(resource) ? 'NAT instance' : KINDS[resource.kind].label} "${resource.name}"`;
  if (failures.resources.includes(id)) return `${what} has failed (failure drill).`;
  const subnets = subnetsOfResource(resource);
  if (subnets.length === 0) return undefined;
  const downZones: string[] = [];
  for (const subnetId of subnets) {
    const subnet = design.resources[subnetId];
    if (subnet?.kind !== 'subnet') return undefined;
    if (failures.resources.includes(subnet.id) && subnet.id !== id) {
      downZones.push(`its subnet "${subnet.name}"`);
      continue;
    }
    if (!failures.zones.includes(subnet.availabilityZone)) return undefined;
    downZones.push(`Availability Zone ${subnet.availabilityZone}`);
  }
  const where = [...new Set(downZones)].join(' and ');
  return `${what} is down: ${where} ${downZones.length > 1 ? 'have' : 'has'} failed (failure drill).`;
}

/**
 * The trace with the drill applied: cut at the first hop (forward, then back) through a failed component, which
 * becomes a deny hop with a RESOURCE_FAILED explanation. A trace that never meets one is returned as it was.
 */
export function applyFailures(design: Design, result: TraceResult): TraceResult {
  if (!hasFailures(design.failures)) return result;
  const cut = (hops: Hop[]): { hops: Hop[]; at?: Hop; why?: string } => {
    for (let i = 0; i < hops.length; i++) {
      const why = failureOf(design, hops[i]!.id);
      if (why) return { hops: [...hops.slice(0, i), { ...hops[i]!, action: 'deny', detail: why }], at: hops[i], why };
    }
    return { hops };
  };
  const forward = cut(result.forward);
  if (forward.at) {
    return {
      reachable: false,
      forward: forward.hops,
      return: [],
      explanations: [failedExplanation(forward.at.id, 'forward', forward.why!)],
    };
  }
  if (!result.reachable) return result;
  const back = cut(result.return);
  if (!back.at) return result;
  return {
    reachable: false,
    forward: result.forward,
    return: back.hops,
    explanations: [failedExplanation(back.at.id, 'return', back.why!)],
  };
}
