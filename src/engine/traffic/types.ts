/**
 * The traffic simulation's vocabulary: a query (from, to, protocol, port, and for AWS services the action and
 * resource), the hops a packet takes forward and back, and the explanations for where AWS would drop it.
 */
import type { ResourceId, ResourceKind } from '../model/types.ts';

export type TrafficProtocol = 'tcp' | 'udp' | 'icmp';

/**
 * A question: can `from` reach `to`? Endpoints use the CLI's syntax: a resource id, `ip:A.B.C.D`, `internet`,
 * `service:s3`, `service:dynamodb` or `service:<name>` for an interface-endpoint service.
 */
export interface TraceQuery {
  from: string;
  to: string;
  protocol?: TrafficProtocol;
  /** Destination port (TCP/UDP); for ICMP the type (8, echo request, when absent). Default 443. */
  port?: number;
  /** For AWS services: the API action, e.g. `s3:GetObject`. */
  action?: string;
  /** For AWS services: the resource ARN, e.g. `arn:aws:s3:::bucket/key`. */
  resource?: string;
}

export type HopDirection = 'forward' | 'return';

/** allow/deny: a filter (security group, network ACL, policy) decided; forward: a component carried the packet. */
export type HopAction = 'allow' | 'deny' | 'forward';

/** What a hop passes through: one of the model's kinds, or a place the design holds no resource for. */
export type HopKind = ResourceKind | 'onPremises' | 'route' | 'address';

export interface Hop {
  /** The design id of the component (or `internet`, `on-premises`, `service:s3`). */
  id: string;
  /** What the component is (`hopTypeName` gives the CloudFormation type name the CLI prints). */
  kind: HopKind;
  direction: HopDirection;
  action: HopAction;
  /** What happened here, in words: the route or rule that matched, addresses before and after NAT, ports. */
  detail: string;
  /** The id of the route or rule that decided, when it has one (a route id, a security group rule id, `inbound #100`). */
  matched?: string;
}

/**
 * Reachability Analyzer's explanation codes where one fits, VPC Designer's own otherwise.
 * https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html
 */
export type ExplanationCode =
  // Reachability Analyzer's codes
  | 'ENI_SG_RULES_MISMATCH'
  | 'SUBNET_ACL_RESTRICTION'
  | 'NO_ROUTE_TO_DESTINATION'
  | 'BAD_STATE_ROUTE'
  | 'BAD_STATE_ATTACHMENT'
  | 'BAD_STATE_VPN'
  | 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR'
  | 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS'
  | 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS'
  | 'ENI_SOURCE_DEST_CHECK_RESTRICTION'
  // VPC Designer's own, where no Reachability Analyzer code fits
  | 'IGW_PRIVATE_DESTINATION'
  | 'NO_INTERNET_GATEWAY'
  | 'NAT_GATEWAY_UNSOLICITED_INBOUND'
  | 'NAT_GATEWAY_NOT_A_HOST'
  | 'NAT_GATEWAY_PROTOCOL'
  | 'NAT_GATEWAY_NO_ELASTIC_IP'
  | 'PRIVATE_NAT_GATEWAY_TO_INTERNET'
  | 'VPCE_POLICY_RESTRICTION'
  | 'BUCKET_POLICY_RESTRICTION'
  | 'ENDPOINT_REGION_MISMATCH'
  | 'ADDRESS_NOT_IN_SUBNET'
  | 'NO_PATH_FROM_ON_PREMISES'
  | 'TARGET_NOT_MODELLED'
  | 'ROUTING_LOOP'
  | 'RESOURCE_FAILED';

export interface Explanation {
  code: ExplanationCode;
  /** The design id of the component that blocks (security group, NACL, route table, gateway, peering, endpoint…). */
  id: string;
  direction: HopDirection;
  /**
   * For people: what stops the packet, naming components by name (never by id), what the concept is in one plain
   * sentence, and what to change — or, when the block is how AWS is meant to work, that it is expected.
   */
  message: string;
  /** Other components involved (e.g. the route that sent the packet to the peering connection). */
  related?: string[];
  /** The glossary entry (engine/glossary) explaining the concept behind the block, e.g. `security-group`. */
  concept?: string;
  /** True when the block is AWS working as designed (a private subnet is not reachable from the internet). */
  expected?: boolean;
}

export interface TraceResult {
  reachable: boolean;
  forward: Hop[];
  return: Hop[];
  explanations: Explanation[];
}

/** A query the engine cannot answer (unknown endpoint, bad option): a plain one-line message, never a throw. */
export type TraceOutcome = { ok: true; result: TraceResult } | { ok: false; error: string };

/** A network interface as the engine sees it: where it sits, its addresses, its groups. */
export interface Eni {
  /** The design id shown in hops: the instance, network interface, NAT gateway or VPC endpoint. */
  id: ResourceId;
  /** What hops through this interface name its holder as. */
  hopKind: 'instance' | 'networkInterface' | 'natGateway' | 'vpcEndpoint';
  kind: 'instance' | 'networkInterface' | 'natGateway' | 'interfaceEndpoint';
  vpcId: ResourceId;
  subnetId: ResourceId;
  /** Private IPv4 addresses as numbers; the first is the primary. */
  privateIps: number[];
  /** The public IPv4 (auto-assigned or Elastic IP) when it has one; `assumed` when the design does not say which. */
  publicIp?: { address: number; elasticIpId?: ResourceId; assumed: boolean };
  securityGroupIds: ResourceId[];
  sourceDestCheck: boolean;
  /** Whether the private address was made up because the design does not give one. */
  synthetic: boolean;
}
