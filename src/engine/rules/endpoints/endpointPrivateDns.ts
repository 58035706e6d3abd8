/**
 * Private DNS for an interface endpoint needs both DNS attributes of its VPC: enableDnsSupport and
 * enableDnsHostnames.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-private-dns
 */
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

export const endpointPrivateDns: Rule = {
  id: 'endpoint-private-dns',
  severity: 'error',
  title: 'Private DNS needs DNS support and hostnames',
  docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-private-dns',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const endpoint of index.endpoints) {
      if (endpoint.endpointType !== 'Interface' || endpoint.privateDnsEnabled !== true) continue;
      const vpc = index.get(endpoint.vpcId);
      if (vpc?.kind !== 'vpc' || isExternal(vpc)) continue; // an existing VPC's DNS settings are unknown
      const off = [
        vpc.enableDnsSupport !== true && 'enableDnsSupport',
        vpc.enableDnsHostnames !== true && 'enableDnsHostnames',
      ].filter(Boolean);
      if (off.length === 0) continue;
      out.push(
        finding(
          endpointPrivateDns,
          [endpoint.id, vpc.id],
          `${Label(endpoint)} has private DNS on, but ${label(vpc)} has ${off.join(' and ')} off; AWS requires both for private DNS.`,
          `Turn on ${off.join(' and ')} for the VPC, or turn off private DNS on the endpoint.`,
        ),
      );
    }
    return out;
  },
};
