/**
 * Gateway endpoints exist for two services only: Amazon S3 and DynamoDB. Everything else uses an interface
 * endpoint.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { parseServiceName } from './serviceName.ts';
import { isUnknownValue } from '../../model/unknown.ts';

export const endpointGatewayService: Rule = {
  id: 'endpoint-gateway-service',
  severity: 'error',
  title: 'Gateway endpoints are for S3 and DynamoDB',
  docs: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const endpoint of index.endpoints) {
      if (endpoint.endpointType !== 'Gateway' || isUnknownValue(endpoint.serviceName)) continue;
      const { service } = parseServiceName(endpoint.serviceName);
      if (service === 's3' || service === 'dynamodb') continue;
      out.push(
        finding(
          endpointGatewayService,
          [endpoint.id],
          `${Label(endpoint)} is a gateway endpoint for "${String(endpoint.serviceName).slice(0, 80)}"; gateway endpoints exist only for S3 and DynamoDB.`,
          'Make it an interface endpoint, or point it at com.amazonaws.<region>.s3 or .dynamodb.',
        ),
      );
    }
    return out;
  },
};
