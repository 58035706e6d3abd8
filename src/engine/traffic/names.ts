/**
 * What to call a component a hop or an explanation names, for people: the design's own name and AWS's word for
 * its kind, never the internal id. Two resources of one kind with the same name — each VPC's `default` security
 * group and network ACL — are told apart by their VPC: "default (Production)". Routes, which have no names, are
 * named by their destination and their route table; the places the engine names itself (`internet`,
 * `on-premises`, `service:s3`) by the service's name.
 *
 * @example componentName(exampleDesign(), 'sg-prod-default') // 'default (Production)'
 * @example mention(exampleDesign(), 'sg-web')                 // 'security group "web"'
 */
import { KINDS } from '../model/kinds.ts';
import { kindLabelOf } from '../model/inspection.ts';
import { getResource, vpcIdOf } from '../model/queries.ts';
import type { Design, Resource, RouteTable } from '../model/types.ts';
import { hopKindLabel } from './hopKinds.ts';
import { serviceName } from './serviceNames.ts';
import type { HopKind } from './types.ts';

/** Per design: the ids whose name another resource of the same kind also has. */
const ambiguous = new WeakMap<Design, Set<string>>();

function ambiguousIds(design: Design): Set<string> {
  let ids = ambiguous.get(design);
  if (ids) return ids;
  const byName = new Map<string, string[]>();
  for (const r of Object.values(design.resources)) {
    const key = `${r.kind}\u0000${r.name}`;
    const list = byName.get(key);
    if (list) list.push(r.id);
    else byName.set(key, [r.id]);
  }
  ids = new Set([...byName.values()].filter((l) => l.length > 1).flat());
  ambiguous.set(design, ids);
  return ids;
}

function resourceName(design: Design, r: Resource): string {
  const name = r.name || KINDS[r.kind].label;
  if (!ambiguousIds(design).has(r.id)) return name;
  const vpcId = r.kind === 'vpc' ? undefined : vpcIdOf(design, r);
  const vpc = vpcId ? getResource(design, vpcId) : undefined;
  return vpc ? `${name} (${vpc.name || KINDS.vpc.label})` : name;
}

/** The route table holding a route id, and the route. */
function findRouteById(design: Design, id: string) {
  for (const r of Object.values(design.resources)) {
    if (r.kind !== 'routeTable') continue;
    const route = r.routes.find((x) => x.id === id);
    if (route) return { table: r as RouteTable, route };
  }
  return undefined;
}

/** The route ids the engine makes up: `<endpoint>:prefix-list`, `<gateway>:propagated:<cidr>`. */
function impliedRouteName(design: Design, id: string): string | undefined {
  const prefix = /^(.*):prefix-list$/.exec(id);
  if (prefix && getResource(design, prefix[1]!)) return `prefix-list route to ${componentName(design, prefix[1]!)}`;
  const propagated = /^(.*):propagated:(.*)$/.exec(id);
  if (propagated && getResource(design, propagated[1]!))
    return `propagated route to ${propagated[2]} via ${componentName(design, propagated[1]!)}`;
  return undefined;
}

/**
 * A component's name as a person reads it.
 *
 * @example componentName(design, 'i-web-a') // 'web-a'
 * @example componentName(design, 'service:s3') // 'Amazon S3'
 */
export function componentName(design: Design, id: string): string {
  const resource = getResource(design, id);
  if (resource) return resourceName(design, resource);
  if (id === 'internet') return 'the internet';
  if (id === 'on-premises') return 'the on-premises network';
  if (id === 'local') return 'local';
  if (id.startsWith('service:')) return serviceName(id.slice('service:'.length));
  const found = findRouteById(design, id);
  if (found) {
    const to = found.route.destinationCidrBlock ?? found.route.destinationPrefixListId ?? '?';
    return `route to ${to} in ${resourceName(design, found.table)}`;
  }
  return impliedRouteName(design, id) ?? id;
}

/**
 * The component named with its kind, for the middle of a sentence: `security group "web"`, `the internet`.
 *
 * @example mention(exampleDesign(), 'nat-a') // 'NAT gateway "NAT gateway A"'
 */
export function mention(design: Design, id: string): string {
  const resource = getResource(design, id);
  if (!resource) return componentName(design, id);
  const word =
    resource.kind === 'vpc' ? 'VPC' : kindLabelOf(resource).replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
  const name = resourceName(design, resource);
  const qualified = /^(.*) \((.*)\)$/.exec(name);
  return qualified && qualified[1] === resource.name
    ? `${word} "${qualified[1]}" (${qualified[2]})`
    : `${word} "${name}"`;
}

export interface ComponentName {
  name: string;
  type: string;
}

/**
 * A component's name and what it is, as a heading or a hop row shows them.
 *
 * @example describeComponent(exampleDesign(), 'sg-web') // { name: 'web', type: 'Security group' }
 * @example describeComponent(design, 'service:s3') // { name: 'Amazon S3', type: 'AWS service' }
 */
export function describeComponent(design: Design, id: string, kind?: HopKind): ComponentName {
  const resource = getResource(design, id);
  if (resource) return { name: resourceName(design, resource), type: kindLabelOf(resource) };
  if (id === 'internet') return { name: 'Internet', type: KINDS.internet.label };
  if (id === 'on-premises') return { name: hopKindLabel('onPremises'), type: hopKindLabel('onPremises') };
  if (id.startsWith('service:'))
    return { name: serviceName(id.slice('service:'.length)), type: KINDS.awsService.label };
  const name = componentName(design, id);
  return { name, type: kind ? hopKindLabel(kind) : name === id ? 'Component' : hopKindLabel('route') };
}
