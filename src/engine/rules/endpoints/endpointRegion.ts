/**
 * A VPC endpoint connects to a service in the VPC's own Region (gateway endpoints cannot reach another
 * Region's S3 or DynamoDB at all).
 * https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 */
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { parseServiceName } from './serviceName.ts';

export const endpointRegion: Rule = {
  id: 'endpoint-region',
  severity: 'error',
  title: "Endpoints serve their VPC's Region",
  docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const endpoint of index.endpoints) {
      const vpc = index.get(endpoint.vpcId);
      const { region } = parseServiceName(endpoint.serviceName);
      if (vpc?.kind !== 'vpc' || !region || region === vpc.region) continue;
      out.push(
        finding(
          endpointRegion,
          [endpoint.id, vpc.id],
          `${Label(endpoint)} is for a service in ${region}, but ${label(vpc)} is in ${vpc.region}; an endpoint only serves its VPC's own Region.`,
          `Use the ${vpc.region} service name (e.g. com.amazonaws.${vpc.region}.${parseServiceName(endpoint.serviceName).service || 's3'}).`,
        ),
      );
    }
    return out;
  },
};
