/**
 * Arriving at an AWS service: through a VPC endpoint its policy decides first, then (for S3) the bucket policy,
 * with the condition keys the request carries — aws:SourceVpce and aws:SourceVpc through an endpoint (where the
 * source address is private, so aws:SourceIp is absent), aws:SourceIp (the public address) over the internet.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html — "If you do not attach a
 * policy when you create an endpoint, we attach a default policy for you that allows full access".
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html — aws:SourceVpce
 * and aws:SourceVpc; "You can't use the aws:SourceIp condition in your bucket policies for requests that come
 * through VPC endpoints", which carry the private address instead (aws:VpcSourceIp).
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html — a gateway endpoint reaches buckets
 * in the same Region only.
 */
import { formatIp } from '../cidr/cidr.ts';
import { getOfKind } from '../model/queries.ts';
import type { ResourceId, S3Bucket, VpcEndpoint } from '../model/types.ts';
import type { Packet } from './packet.ts';
import { evaluatePolicy, type PolicyDecision } from './policy.ts';
import type { TraceQuery } from './types.ts';
import { block, capitalise, hop, nameOf, the, type Walk } from './walk.ts';

export interface ServiceAccess {
  /** The endpoint the request came through, if any. */
  endpoint?: VpcEndpoint;
  vpcId?: ResourceId;
  /** The source address the service sees (private through an endpoint, public otherwise). */
  sourceIp: number;
}

/** The account an ARN names (`arn:aws:dynamodb:us-east-1:111111111111:table/Orders`), if any; S3 ARNs name none. */
function accountInArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** The bucket an S3 request is for: the one named, or the one whose name the resource ARN carries. */
function bucketFor(w: Walk, query: TraceQuery, bucketId: ResourceId | undefined): S3Bucket | undefined {
  if (bucketId) return getOfKind(w.ix.design, bucketId, 's3Bucket');
  const m = /^arn:aws[a-z-]*:s3:::([^/]+)/.exec(query.resource ?? '');
  return m ? w.ix.buckets.get(m[1]!) : undefined;
}

function describeDecision(decision: PolicyDecision): string {
  switch (decision.decision) {
    case 'allow':
      return `${decision.statement} allows it`;
    case 'deny':
      return `${decision.statement} denies it (an explicit deny wins)`;
    case 'implicitDeny':
      return 'no statement allows it';
    case 'invalid':
      return `it cannot be read: ${decision.error}`;
  }
}

/**
 * Records the request's arrival at a service, evaluating the endpoint policy and bucket policy for the query's
 * action and resource. Without an action the policies are not evaluated (and the hop says so).
 */
export function arriveAtService(
  w: Walk,
  service: string,
  packet: Packet,
  query: TraceQuery,
  access: ServiceAccess,
  bucketId?: ResourceId,
): boolean {
  const design = w.ix.design;
  const vpc = access.vpcId ? getOfKind(design, access.vpcId, 'vpc') : undefined;
  const account = vpc?.accountId ?? design.accountId;
  const bucket = service === 's3' ? bucketFor(w, query, bucketId) : undefined;
  const action = query.action;
  const resource = query.resource ?? (bucket ? `arn:aws:s3:::${bucket.bucketName}/*` : '*');
  const serviceId = bucket?.id ?? `service:${service}`;
  const serviceKind = bucket ? 's3Bucket' : 'awsService';
  const through = access.endpoint ? `through ${nameOf(w, access.endpoint.id)}` : 'at its public endpoint';

  if (access.endpoint && bucket && vpc && access.endpoint.endpointType === 'Gateway' && bucket.region !== vpc.region) {
    return block(
      w,
      'forward',
      'ENDPOINT_REGION_MISMATCH',
      access.endpoint.id,
      `${capitalise(the(w, bucket.id))} is in ${bucket.region} but ${the(w, access.endpoint.id)} serves ${vpc.region} only. A gateway endpoint reaches the service only in its own Region: reach this bucket through a NAT gateway, or keep the bucket in ${vpc.region}.`,
      [bucket.id],
    );
  }
  // The request's global condition keys: through an endpoint the VPC and endpoint ids and the private address,
  // otherwise the public source address; always the caller's account, the resource's account when it is known
  // (a bucket of the design, or the account an ARN names), and whether the request uses TLS (HTTPS on 443).
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
  const context: Record<string, string | undefined> = {
    ...(access.endpoint
      ? {
          'aws:sourcevpce': access.endpoint.id,
          'aws:sourcevpc': access.vpcId,
          'aws:vpcsourceip': formatIp(access.sourceIp),
        }
      : { 'aws:sourceip': formatIp(access.sourceIp) }),
    'aws:principalaccount': account,
    'aws:resourceaccount': bucket ? design.accountId : accountInArn(resource),
    'aws:securetransport': String(packet.protocol === 'tcp' && packet.dstPort === 443),
  };
  if (action === undefined) {
    hop(
      w,
      'forward',
      serviceId,
      serviceKind,
      'forward',
      `${service} receives ${formatIp(packet.srcIp)}'s request ${through}; no action given, so endpoint and bucket policies are not evaluated`,
    );
  } else {
    if (access.endpoint) {
      const endpoint = access.endpoint;
      const decision =
        endpoint.policyDocument === undefined
          ? ({ decision: 'allow', statement: 'the default policy (full access)' } as const)
          : evaluatePolicy(endpoint.policyDocument, { action, resource, account, context });
      const allowed = decision.decision === 'allow';
      hop(
        w,
        'forward',
        endpoint.id,
        'vpcEndpoint',
        allowed ? 'allow' : 'deny',
        `endpoint policy for ${action} on ${resource}: ${describeDecision(decision)}`,
        'statement' in decision ? decision.statement : undefined,
      );
      if (!allowed) {
        return block(
          w,
          'forward',
          'VPCE_POLICY_RESTRICTION',
          endpoint.id,
          `The endpoint policy of ${the(w, endpoint.id)} does not allow ${action} on ${resource}: ${describeDecision(decision)}. An endpoint policy limits what can be done through the endpoint; allow this action and resource in it if the request is wanted.`,
        );
      }
    }
    if (bucket?.policyDocument !== undefined) {
      const decision = evaluatePolicy(bucket.policyDocument, { action, resource, account, context });
      const denied = decision.decision === 'deny' || decision.decision === 'invalid';
      const keys = access.endpoint
        ? `aws:SourceVpce=${access.endpoint.id}, aws:SourceVpc=${access.vpcId}, no aws:SourceIp (private source ${formatIp(access.sourceIp)})`
        : `aws:SourceIp=${formatIp(access.sourceIp)}, no aws:SourceVpce`;
      hop(
        w,
        'forward',
        bucket.id,
        's3Bucket',
        denied ? 'deny' : 'allow',
        `bucket policy (${keys}): ${decision.decision === 'implicitDeny' ? "no statement applies; the caller's own IAM permissions are assumed to allow it" : describeDecision(decision)}`,
        'statement' in decision ? decision.statement : undefined,
      );
      if (denied) {
        return block(
          w,
          'forward',
          'BUCKET_POLICY_RESTRICTION',
          bucket.id,
          `The bucket policy of ${the(w, bucket.id)} denies ${action} on ${resource} for this request (${keys}): ${describeDecision(decision)}. A bucket policy says who may use the bucket and from where (for example only through one endpoint, aws:SourceVpce); change the policy or send the request the way it requires.`,
          access.endpoint ? [access.endpoint.id] : undefined,
        );
      }
    }
    hop(
      w,
      'forward',
      serviceId,
      serviceKind,
      'forward',
      `${service} receives ${action} on ${resource} from ${formatIp(packet.srcIp)} ${through}`,
    );
  }
  w.replySteps.push(() => {
    hop(w, 'return', serviceId, serviceKind, 'forward', `${service} replies to ${formatIp(packet.srcIp)}`);
    return true;
  });
  w.arrived = true;
  return true;
}
