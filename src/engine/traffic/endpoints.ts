/**
 * Turns the CLI's endpoint syntax into something a packet can leave or reach: a network interface, an address
 * on the internet or on-premises, an address in a subnet that no modelled interface holds, or an AWS service.
 *
 *   <resource id>   an instance, network interface, NAT gateway or interface endpoint (its network interface); a
 *                   gateway endpoint (its service, through that endpoint);
 *                   an internet gateway (the internet, through that gateway); a virtual private gateway, VPN
 *                   connection or customer gateway (on-premises); an S3 bucket (S3, that bucket); `internet`
 *   ip:A.B.C.D      any address: resolved to the interface that holds it (private, public or Elastic IP),
 *                   else the subnet it lies in, else the internet (public) or on-premises (private)
 *   internet        any public address (a stand-in address no rule in the design names specifically)
 *   service:NAME    s3, dynamodb, or an interface-endpoint service (ssm, secretsmanager, …)
 */
import { parseIp, tryCidr } from '../cidr/cidr.ts';
import { getResource, resourcesOfKind } from '../model/queries.ts';
import type { ResourceId, Subnet } from '../model/types.ts';
import { subnetAt, vpcsHolding, type NetworkIndex } from './networkIndex.ts';
import { isPublicAddress, serviceOfEndpointName } from './services.ts';
import type { Eni } from './types.ts';

export type Endpoint =
  | { kind: 'eni'; eni: Eni; /** The address named with ip:, when it was one. */ ip?: number; label: string }
  | { kind: 'address'; ip: number; vpcId: ResourceId; subnet: Subnet; label: string }
  | { kind: 'internet'; ip: number; gatewayId?: ResourceId; label: string }
  | { kind: 'onPremises'; ip: number; gatewayId?: ResourceId; label: string }
  | {
      kind: 'service';
      service: string;
      bucketId?: ResourceId;
      /** A gateway endpoint the request must take. */ viaEndpointId?: ResourceId;
      label: string;
    };

export type EndpointResult = { ok: true; endpoint: Endpoint } | { ok: false; error: string };

const USAGE = 'use a resource id, ip:A.B.C.D, internet or service:NAME';

function onPremisesAddress(index: NetworkIndex, gatewayId: ResourceId): number {
  for (const text of index.routeSources.onPremisesCidrsByGateway.get(gatewayId) ?? []) {
    const cidr = tryCidr(text);
    if (cidr) return cidr.prefix >= 31 ? cidr.first : cidr.first + 10;
  }
  return parseIp('192.168.100.10')!;
}

function resolveAddress(index: NetworkIndex, text: string, ip: number): Endpoint {
  const label = `ip:${text}`;
  const publicHolder = index.publicIps.get(ip);
  if (publicHolder) return { kind: 'eni', eni: publicHolder, ip, label };
  for (const vpcId of vpcsHolding(index, ip)) {
    const holder = index.privateIps.get(vpcId)?.get(ip);
    if (holder) return { kind: 'eni', eni: holder, ip, label };
  }
  for (const vpcId of vpcsHolding(index, ip)) {
    const subnet = subnetAt(index, vpcId, ip);
    if (subnet) return { kind: 'address', ip, vpcId, subnet, label };
  }
  if (isPublicAddress(ip)) return { kind: 'internet', ip, label };
  return { kind: 'onPremises', ip, label };
}

/**
 * Resolves one endpoint of a query.
 *
 * @example resolveEndpoint(index, 'ip:10.0.1.10') // { ok: true, endpoint: { kind: 'eni', eni: …, ip: … } }
 * @example resolveEndpoint(index, 'nope') // { ok: false, error: 'unknown endpoint "nope": …' }
 */
export function resolveEndpoint(index: NetworkIndex, text: string): EndpointResult {
  const raw = text.trim();
  if (raw === '') return { ok: false, error: `an empty endpoint: ${USAGE}` };
  if (raw.toLowerCase() === 'internet' && !getResource(index.design, raw)) {
    return { ok: true, endpoint: { kind: 'internet', ip: index.internetAddress, label: 'internet' } };
  }
  if (raw.startsWith('ip:')) {
    const ip = parseIp(raw.slice(3));
    if (ip === undefined) return { ok: false, error: `"${raw.slice(3)}" is not an IPv4 address (write ip:A.B.C.D)` };
    return { ok: true, endpoint: resolveAddress(index, raw.slice(3).trim(), ip) };
  }
  if (raw.startsWith('service:')) {
    const service = raw.slice(8).trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(service))
      return { ok: false, error: `"${raw}" is not a service: write service:s3, service:dynamodb, service:ssm, …` };
    return { ok: true, endpoint: { kind: 'service', service, label: raw } };
  }
  const resource = getResource(index.design, raw);
  if (!resource) return { ok: false, error: `unknown endpoint "${raw}": no resource has that id (${USAGE})` };
  switch (resource.kind) {
    case 'instance':
    case 'networkInterface':
    case 'natGateway': {
      const eni = index.enis.get(resource.id);
      if (!eni) return { ok: false, error: `${raw} is not in a subnet of the design, so traffic cannot reach it` };
      return { ok: true, endpoint: { kind: 'eni', eni, label: raw } };
    }
    case 'vpcEndpoint': {
      const enis = index.endpointEnis.get(resource.id);
      // A gateway endpoint stands for its service, reached through that endpoint (as Reachability Analyzer
      // takes a gateway endpoint as a destination).
      if (resource.endpointType === 'Gateway') {
        return {
          ok: true,
          endpoint: {
            kind: 'service',
            service: serviceOfEndpointName(resource.serviceName),
            viaEndpointId: resource.id,
            label: raw,
          },
        };
      }
      if (!enis?.length) return { ok: false, error: `${raw} has no network interface (choose its subnets)` };
      return { ok: true, endpoint: { kind: 'eni', eni: enis[0]!, label: raw } };
    }
    case 'internetGateway':
      return {
        ok: true,
        endpoint: { kind: 'internet', ip: index.internetAddress, gatewayId: resource.id, label: raw },
      };
    case 'internet':
      return { ok: true, endpoint: { kind: 'internet', ip: index.internetAddress, label: raw } };
    case 'virtualPrivateGateway':
      return {
        ok: true,
        endpoint: { kind: 'onPremises', ip: onPremisesAddress(index, resource.id), gatewayId: resource.id, label: raw },
      };
    case 'vpnConnection':
      return {
        ok: true,
        endpoint: {
          kind: 'onPremises',
          ip: onPremisesAddress(index, resource.vpnGatewayId),
          gatewayId: resource.vpnGatewayId,
          label: raw,
        },
      };
    case 'customerGateway': {
      const vpn = resourcesOfKind(index.design, 'vpnConnection').find((v) => v.customerGatewayId === resource.id);
      const gatewayId = vpn?.vpnGatewayId;
      const ip = gatewayId ? onPremisesAddress(index, gatewayId) : parseIp('192.168.100.10')!;
      return { ok: true, endpoint: { kind: 'onPremises', ip, gatewayId, label: raw } };
    }
    case 'elasticIp': {
      const ip = parseIp(resource.publicIp);
      const holder = ip === undefined ? undefined : index.publicIps.get(ip);
      if (!holder || ip === undefined)
        return { ok: false, error: `${raw} is an Elastic IP that is not associated with anything` };
      return { ok: true, endpoint: { kind: 'eni', eni: holder, ip, label: raw } };
    }
    case 'awsService':
      return { ok: true, endpoint: { kind: 'service', service: resource.service.toLowerCase(), label: raw } };
    case 's3Bucket':
      return { ok: true, endpoint: { kind: 'service', service: 's3', bucketId: resource.id, label: raw } };
    default:
      return { ok: false, error: `${raw} (${resource.kind}) is not something traffic starts or ends at (${USAGE})` };
  }
}
