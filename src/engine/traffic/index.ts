/** The traffic simulation's public surface. */
export * from './types.ts';
export { trace, DEFAULT_PORT, DEFAULT_ICMP_TYPE } from './trace.ts';
export { exposure, type ExposureReport, type InstanceExposure, type PortExposure } from './exposure.ts';
export { evaluatePolicy, type PolicyDecision, type PolicyRequest } from './policy.ts';
export { evaluateNetworkAcl } from './networkAcls.ts';
export { evaluateSecurityGroups } from './securityGroups.ts';
export { effectiveRoutes, findRoute, type EffectiveRoute } from './routes.ts';
export { EPHEMERAL } from './packet.ts';
export { hopKindLabel, hopKindOf, hopTypeName } from './hopKinds.ts';
export { serviceName } from './serviceNames.ts';
export { componentName, describeComponent, mention, type ComponentName } from './names.ts';
