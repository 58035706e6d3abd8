/**
 * Runs every rule over a design. Pure: the browser re-runs it on every change, the CLI runs it once.
 *
 * The shared index (per-VPC maps, parsed CIDRs) is built once per run, so the whole validation stays linear in
 * the design's size; pairwise checks (overlaps) sort instead of comparing every pair.
 */
import type { Design } from '../model/types.ts';
import { createRuleContext } from './context.ts';
import type { Finding, Rule } from './types.ts';
import { subnetCidrInvalid } from './cidr/subnetCidrInvalid.ts';
import { subnetCidrOverlap } from './cidr/subnetCidrOverlap.ts';
import { subnetCidrSize } from './cidr/subnetCidrSize.ts';
import { subnetFull } from './cidr/subnetFull.ts';
import { subnetOutsideVpc } from './cidr/subnetOutsideVpc.ts';
import { subnetSmall } from './cidr/subnetSmall.ts';
import { privateIpDuplicate } from './cidr/privateIpDuplicate.ts';
import { privateIpInSubnet } from './cidr/privateIpInSubnet.ts';
import { privateIpReserved } from './cidr/privateIpReserved.ts';
import { vpcCidrCount } from './cidr/vpcCidrCount.ts';
import { vpcCidrInvalid } from './cidr/vpcCidrInvalid.ts';
import { vpcCidrOverlap } from './cidr/vpcCidrOverlap.ts';
import { vpcCidrRestricted } from './cidr/vpcCidrRestricted.ts';
import { vpcCidrSize } from './cidr/vpcCidrSize.ts';
import { endpointGatewayService } from './endpoints/endpointGatewayService.ts';
import { endpointNoRouteTable } from './endpoints/endpointNoRouteTable.ts';
import { endpointPrivateDns } from './endpoints/endpointPrivateDns.ts';
import { endpointRegion } from './endpoints/endpointRegion.ts';
import { endpointRouteTables } from './endpoints/endpointRouteTables.ts';
import { endpointSecurityGroup } from './endpoints/endpointSecurityGroup.ts';
import { endpointSubnets } from './endpoints/endpointSubnets.ts';
import { policyDocument } from './endpoints/policyDocument.ts';
import { elasticIpShared } from './internet/elasticIpShared.ts';
import { igwDetached } from './internet/igwDetached.ts';
import { igwOnePerVpc } from './internet/igwOnePerVpc.ts';
import { instanceNeedsPublicIp } from './internet/instanceNeedsPublicIp.ts';
import { publicIpWithoutRoute } from './internet/publicIpWithoutRoute.ts';
import { natGatewayCrossAz } from './nat/natGatewayCrossAz.ts';
import { natGatewayElasticIp } from './nat/natGatewayElasticIp.ts';
import { natGatewayNotBastion } from './nat/natGatewayNotBastion.ts';
import { natGatewayPublicSubnet } from './nat/natGatewayPublicSubnet.ts';
import { natGatewaySecurityGroup } from './nat/natGatewaySecurityGroup.ts';
import { natInstance } from './nat/natInstance.ts';
import { peeringCidrOverlap } from './peering/peeringCidrOverlap.ts';
import { peeringCrossRegionSgReference } from './peering/peeringCrossRegionSgReference.ts';
import { peeringDuplicate } from './peering/peeringDuplicate.ts';
import { peeringNotActive } from './peering/peeringNotActive.ts';
import { peeringNotTransitive } from './peering/peeringNotTransitive.ts';
import { peeringQuota } from './peering/peeringQuota.ts';
import { peeringRoutes } from './peering/peeringRoutes.ts';
import { peeringSelf } from './peering/peeringSelf.ts';
import { danglingReference } from './references/danglingReference.ts';
import { instanceSecurityGroupNames } from './references/instanceSecurityGroupNames.ts';
import { networkAclVpc } from './references/networkAclVpc.ts';
import { networkInterfaceZone } from './references/networkInterfaceZone.ts';
import { securityGroupVpc } from './references/securityGroupVpc.ts';
import { mainRouteTable } from './routing/mainRouteTable.ts';
import { routeBlackhole } from './routing/routeBlackhole.ts';
import { routeDestination } from './routing/routeDestination.ts';
import { routeDuplicate } from './routing/routeDuplicate.ts';
import { routeMoreSpecificThanLocal } from './routing/routeMoreSpecificThanLocal.ts';
import { routeTableAssociation } from './routing/routeTableAssociation.ts';
import { naclEphemeralPorts } from './security/naclEphemeralPorts.ts';
import { naclPortRange } from './security/naclPortRange.ts';
import { naclRuleNumbers } from './security/naclRuleNumbers.ts';
import { naclRuleQuota } from './security/naclRuleQuota.ts';
import { sgOpenToWorld } from './security/sgOpenToWorld.ts';
import { sgPerInterfaceQuota } from './security/sgPerInterfaceQuota.ts';
import { sgReferenceScope } from './security/sgReferenceScope.ts';
import { sgRuleQuota } from './security/sgRuleQuota.ts';
import { templateParameterUnresolved } from './template/templateParameterUnresolved.ts';
import { templateRefused } from './template/templateRefused.ts';
import { igwUnused } from './unused/igwUnused.ts';
import { natGatewayUnused } from './unused/natGatewayUnused.ts';
import { routeTableUnused } from './unused/routeTableUnused.ts';

export type { Finding, Rule, RuleContext, Severity } from './types.ts';
export { buildIndex } from './context.ts';
export type { DesignIndex } from './context.ts';

/** Every rule, in the order the Findings panel lists them within a severity. */
export const RULES: Rule[] = [
  // References and CIDR arithmetic
  danglingReference,
  vpcCidrInvalid,
  vpcCidrSize,
  vpcCidrCount,
  vpcCidrOverlap,
  vpcCidrRestricted,
  subnetCidrInvalid,
  subnetCidrSize,
  subnetOutsideVpc,
  subnetCidrOverlap,
  subnetSmall,
  subnetFull,
  privateIpInSubnet,
  privateIpReserved,
  privateIpDuplicate,
  // Routing
  mainRouteTable,
  routeTableAssociation,
  routeDestination,
  routeBlackhole,
  routeDuplicate,
  routeMoreSpecificThanLocal,
  // Internet gateway and public addresses
  igwOnePerVpc,
  igwDetached,
  instanceNeedsPublicIp,
  publicIpWithoutRoute,
  elasticIpShared,
  // NAT
  natGatewayPublicSubnet,
  natGatewayElasticIp,
  natGatewayCrossAz,
  natGatewaySecurityGroup,
  natGatewayNotBastion,
  natInstance,
  // Peering
  peeringSelf,
  peeringCidrOverlap,
  peeringDuplicate,
  peeringNotActive,
  peeringRoutes,
  peeringNotTransitive,
  peeringCrossRegionSgReference,
  peeringQuota,
  // Endpoints and policies
  endpointGatewayService,
  endpointRegion,
  endpointRouteTables,
  endpointNoRouteTable,
  endpointSubnets,
  endpointSecurityGroup,
  endpointPrivateDns,
  policyDocument,
  // Security groups and network ACLs
  securityGroupVpc,
  instanceSecurityGroupNames,
  networkInterfaceZone,
  networkAclVpc,
  sgReferenceScope,
  naclRuleNumbers,
  naclPortRange,
  naclEphemeralPorts,
  sgRuleQuota,
  sgPerInterfaceQuota,
  naclRuleQuota,
  sgOpenToWorld,
  // What a template left unknown, and what AWS refuses in it that the model cannot hold
  templateParameterUnresolved,
  templateRefused,
  // Built but unused
  igwUnused,
  natGatewayUnused,
  routeTableUnused,
];

// In context.ts, so a command that runs a rule or two (peering refusals) does not load every rule.
export { createRuleContext } from './context.ts';

/**
 * Every finding about a design, rule by rule. Never throws: a rule that trips over malformed data yields one
 * finding saying it could not check the design, and the other rules still run.
 *
 * @example validateDesign(aDesign(aVpc({ cidrBlocks: ['10.0.0.0/8'] }))) // [{ rule: 'vpc-cidr-size', severity: 'error', … }]
 */
export function validateDesign(design: Design, options: { now?: Date } = {}): Finding[] {
  const context = createRuleContext(design, options);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    try {
      for (const f of rule.check(design, context)) findings.push(f);
    } catch (e) {
      findings.push({
        rule: rule.id,
        severity: 'warning',
        resources: [],
        message: `The check "${rule.title}" could not run on this design (${firstLine(e)}).`,
        fix: 'Look for a resource with a malformed field (e.g. a number where text belongs) and correct it.',
        docs: rule.docs,
      });
    }
  }
  return findings;
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.slice(0, 120);
}
