/**
 * Policy documents as the inspector edits them: parse what the user typed (keeping the error as a value), the
 * default endpoint policy, a bucket policy that admits only one VPC endpoint, and the services an endpoint
 * commonly points at.
 */
import type { Check } from './fields.ts';
import type { EndpointType } from './types.ts';

/**
 * The policy AWS attaches to an endpoint when none is given: full access.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html#default-endpoint-policy
 */
export function defaultEndpointPolicy(): unknown {
  return { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };
}

/**
 * Size limits: an endpoint policy is at most 20,480 characters
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html); a bucket policy at most 20 KB
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html), counted here in characters.
 */
export const ENDPOINT_POLICY_MAX_CHARS = 20_480;
export const BUCKET_POLICY_MAX_CHARS = 20_480;

/**
 * Parses a policy typed by the user: valid JSON, an object, with a Statement (one object or a list).
 *
 * @example parsePolicyText('{"Statement": []}') // { ok: true, value: { Statement: [] } }
 * @example parsePolicyText('{') // { ok: false, error: 'Invalid JSON: …' }
 */
export function parsePolicyText(text: string, maxChars = ENDPOINT_POLICY_MAX_CHARS): Check<unknown> {
  if (text.length > maxChars)
    return {
      ok: false,
      error: `A policy can be at most ${maxChars.toLocaleString('en-US')} characters; this one has ${text.length.toLocaleString('en-US')}.`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `Invalid JSON: ${message.split('\n')[0]}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'A policy is a JSON object, like {"Statement": [ … ]}.' };
  }
  const statement = (value as Record<string, unknown>).Statement;
  if (statement === undefined)
    return { ok: false, error: 'A policy needs a "Statement" (one statement or a list of them).' };
  if (statement === null || typeof statement !== 'object')
    return { ok: false, error: '"Statement" must be an object or a list of objects.' };
  return { ok: true, value };
}

/** Pretty JSON for the editor. */
export function formatPolicy(policy: unknown): string {
  return JSON.stringify(policy, null, 2);
}

/**
 * A bucket policy that denies every request not arriving through the given VPC endpoint (AWS's own example,
 * "Restricting access to a specific VPC endpoint").
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html
 */
export function bucketPolicyForEndpoint(bucketName: string, endpointId: string): unknown {
  return {
    Version: '2012-10-17',
    Id: 'Policy-access-via-vpce',
    Statement: [
      {
        Sid: 'Access-to-specific-VPCE-only',
        Principal: '*',
        Action: 's3:*',
        Effect: 'Deny',
        Resource: [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`],
        Condition: { StringNotEquals: { 'aws:SourceVpce': endpointId } },
      },
    ],
  };
}

/**
 * Services people commonly reach through endpoints. Gateway endpoints exist only for S3 and DynamoDB.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 * https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html
 */
export const ENDPOINT_SERVICES: ReadonlyArray<{ service: string; label: string; types: readonly EndpointType[] }> = [
  { service: 's3', label: 'Amazon S3', types: ['Gateway', 'Interface'] },
  { service: 'dynamodb', label: 'Amazon DynamoDB', types: ['Gateway', 'Interface'] },
  { service: 'ssm', label: 'Systems Manager', types: ['Interface'] },
  { service: 'ssmmessages', label: 'Session Manager messages', types: ['Interface'] },
  { service: 'ec2messages', label: 'EC2 messages', types: ['Interface'] },
  { service: 'ec2', label: 'Amazon EC2 API', types: ['Interface'] },
  { service: 'secretsmanager', label: 'Secrets Manager', types: ['Interface'] },
  { service: 'kms', label: 'AWS KMS', types: ['Interface'] },
  { service: 'sts', label: 'AWS STS', types: ['Interface'] },
  { service: 'logs', label: 'CloudWatch Logs', types: ['Interface'] },
  { service: 'monitoring', label: 'CloudWatch metrics', types: ['Interface'] },
  { service: 'ecr.api', label: 'ECR API', types: ['Interface'] },
  { service: 'ecr.dkr', label: 'ECR Docker registry', types: ['Interface'] },
  { service: 'sqs', label: 'Amazon SQS', types: ['Interface'] },
  { service: 'sns', label: 'Amazon SNS', types: ['Interface'] },
  { service: 'lambda', label: 'AWS Lambda', types: ['Interface'] },
  { service: 'execute-api', label: 'API Gateway', types: ['Interface'] },
];

/** `com.amazonaws.<region>.<service>` */
export function endpointServiceName(region: string, service: string): string {
  return `com.amazonaws.${region}.${service}`;
}

/** The short service of an AWS service name (`s3` from `com.amazonaws.us-east-1.s3`), or undefined. */
export function shortServiceOf(serviceName: string): string | undefined {
  const m = /^com\.amazonaws\.[a-z0-9-]+\.(.+)$/.exec(serviceName);
  return m?.[1];
}

/**
 * Checks an endpoint's service name. AWS services are `com.amazonaws.<region>.<service>`; partner and own
 * services (`com.amazonaws.vpce.<region>.vpce-svc-…`) are accepted as typed. A gateway endpoint takes only
 * S3 or DynamoDB.
 */
export function checkServiceName(text: string, type: EndpointType): Check<string> {
  const t = text.trim();
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(t) || !t.includes('.')) {
    return { ok: false, error: 'A service name looks like com.amazonaws.us-east-1.s3.' };
  }
  if (type === 'Gateway') {
    const service = shortServiceOf(t);
    if (service !== 's3' && service !== 'dynamodb') {
      return {
        ok: false,
        error: 'Gateway endpoints exist only for S3 and DynamoDB: use an interface endpoint for other services.',
      };
    }
  }
  return { ok: true, value: t };
}
