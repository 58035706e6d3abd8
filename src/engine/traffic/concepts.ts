/**
 * The glossary entry behind each explanation code: what a student should read to understand why the packet
 * stopped there. A call to `block` may name a closer one (a peering block caused by the source is edge-to-edge
 * routing, not transitive peering).
 */
import type { GlossaryId } from '../glossary/glossary.ts';
import type { ExplanationCode } from './types.ts';

export const CODE_CONCEPTS: Record<ExplanationCode, GlossaryId> = {
  ENI_SG_RULES_MISMATCH: 'security-group',
  SUBNET_ACL_RESTRICTION: 'network-acl',
  NO_ROUTE_TO_DESTINATION: 'route-table',
  BAD_STATE_ROUTE: 'blackhole-route',
  BAD_STATE_ATTACHMENT: 'internet-gateway',
  BAD_STATE_VPN: 'vpn-connection',
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: 'transitive-peering',
  IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: 'internet-gateway',
  IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: 'private-subnet',
  ENI_SOURCE_DEST_CHECK_RESTRICTION: 'source-dest-check',
  IGW_PRIVATE_DESTINATION: 'internet-gateway',
  NO_INTERNET_GATEWAY: 'internet-gateway',
  NAT_GATEWAY_UNSOLICITED_INBOUND: 'nat-gateway',
  NAT_GATEWAY_NOT_A_HOST: 'bastion-host',
  NAT_GATEWAY_PROTOCOL: 'nat-gateway',
  NAT_GATEWAY_NO_ELASTIC_IP: 'elastic-ip',
  PRIVATE_NAT_GATEWAY_TO_INTERNET: 'nat-gateway',
  VPCE_POLICY_RESTRICTION: 'endpoint-policy',
  BUCKET_POLICY_RESTRICTION: 'bucket-policy',
  ENDPOINT_REGION_MISMATCH: 'gateway-endpoint',
  ADDRESS_NOT_IN_SUBNET: 'subnet',
  NO_PATH_FROM_ON_PREMISES: 'edge-to-edge-routing',
  TARGET_NOT_MODELLED: 'route-table',
  ROUTING_LOOP: 'route-table',
  RESOURCE_FAILED: 'failure-drill',
};
