/**
 * Words for what a hop passes through. The model's kinds read their definitions (model/kinds.ts); the places the
 * engine names without a resource (the on-premises network, a route, a bare address) are defined here.
 */
import { KINDS, isResourceKind } from '../model/kinds.ts';
import { getResource } from '../model/queries.ts';
import type { Design, ResourceKind } from '../model/types.ts';
import type { HopKind } from './types.ts';

const PLACES: Record<Exclude<HopKind, ResourceKind>, { label: string; typeName: string }> = {
  onPremises: { label: 'On-premises network', typeName: 'OnPremises' },
  route: { label: 'Route', typeName: 'AWS::EC2::Route' },
  address: { label: 'Address', typeName: 'Address' },
};

/**
 * What a hop's component is, as a heading says it.
 *
 * @example hopKindLabel('securityGroup') // 'Security group'
 */
export function hopKindLabel(kind: HopKind): string {
  return isResourceKind(kind) ? KINDS[kind].label : PLACES[kind].label;
}

/**
 * The type name `trace` prints for a hop: the CloudFormation type, except that the internet and AWS services,
 * which CloudFormation has no type for, keep the short names trace output has always used.
 *
 * @example hopTypeName('natGateway') // 'AWS::EC2::NatGateway'
 * @example hopTypeName('awsService') // 'AWS::Service'
 */
export function hopTypeName(kind: HopKind): string {
  if (kind === 'internet') return 'Internet';
  if (kind === 'awsService') return 'AWS::Service';
  return isResourceKind(kind) ? KINDS[kind].cfnType : PLACES[kind].typeName;
}

/**
 * What the component a hop or explanation names is: a resource's kind, or one of the places the engine names itself
 * (`internet`, `on-premises`, `service:s3`, a route id, a bare address).
 *
 * @example hopKindOf(exampleDesign(), 'sg-web') // 'securityGroup'
 * @example hopKindOf(design, 'service:s3') // 'awsService'
 */
export function hopKindOf(design: Design, id: string): HopKind {
  if (id === 'internet') return 'internet';
  if (id === 'on-premises') return 'onPremises';
  if (id.startsWith('service:')) return 'awsService';
  const resource = getResource(design, id);
  if (resource) return resource.kind;
  const isRoute = Object.values(design.resources).some(
    (r) => r.kind === 'routeTable' && r.routes.some((route) => route.id === id),
  );
  return isRoute ? 'route' : 'address';
}
