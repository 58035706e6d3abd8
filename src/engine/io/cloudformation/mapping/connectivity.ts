/**
 * Connections between VPCs and to services: AWS::EC2::VPCPeeringConnection, VPCEndpoint, and the S3 bucket and
 * bucket policy that endpoint and traffic checks read.
 */
import type { EndpointType, PeeringStatus } from '../../../model/types.ts';
import { toPlainData } from '../parseTemplate.ts';
import { defaultSecurityGroupId, type ImportContext, isRecord, type Outcome, type Props } from './context.ts';

/**
 * A peering between two VPCs of the same account is accepted without a peering role, so CloudFormation creates
 * it active. Across accounts the accepter must accept — CloudFormation does it through PeerRoleArn; without one
 * the request waits for acceptance.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcpeeringconnection.html
 */
export function mapPeering(ctx: ImportContext, id: string, props: Props): Outcome {
  const requester = ctx.vpc(props.VpcId, id);
  const owner = ctx.text(props, 'PeerOwnerId', id);
  const region = ctx.text(props, 'PeerRegion', id);
  const peerId = ctx.text(props, 'PeerVpcId', id);
  const crossAccount = owner !== undefined && owner !== ctx.accountId;
  const accepter = ctx.vpc(peerId, id, { ...(owner ? { accountId: owner } : {}), ...(region ? { region } : {}) });
  let status: PeeringStatus = 'active';
  if (crossAccount) {
    const role = ctx.text(props, 'PeerRoleArn', id);
    status = role ? 'active' : 'pending-acceptance';
    ctx.warn(
      role
        ? `${id} peers with ${accepter.id} in account ${owner}; CloudFormation accepts it through the role ${role}.`
        : `${id} peers with ${accepter.id} in account ${owner} without a PeerRoleArn, so it waits for that account to accept it.`,
    );
  }
  if (region && region !== ctx.region) {
    ctx.warn(
      `${id} is a cross-region peering (${ctx.region} ↔ ${region}): security groups cannot reference groups across it.`,
    );
    if (!accepter.external && accepter.region !== region) {
      // A stack creates its VPCs in its own region, so a peer VPC of the same template cannot really be in
      // PeerRegion; the template still says the peer is there, and rules about cross-region peering need to know.
      ctx.warn(
        `${id} names ${accepter.id} as its peer in ${region}, but ${accepter.id} is a VPC of this template, which CloudFormation creates in ${accepter.region}; it is taken to be in ${region}, as PeerRegion says.`,
      );
      accepter.region = region;
    }
  }
  ctx.add({
    id,
    kind: 'peeringConnection',
    name: id,
    requesterVpcId: requester.id,
    accepterVpcId: accepter.id,
    status,
  });
  return { status: 'modelled' };
}

/** A policy given as a JSON string is parsed; a YAML/JSON mapping is taken as is. */
function policyOf(ctx: ImportContext, value: unknown, owner: string): unknown {
  if (typeof value === 'string') {
    try {
      return toPlainData(JSON.parse(value));
    } catch {
      ctx.warn(`${owner}.PolicyDocument is text that is not JSON; it was kept as text.`);
      return value;
    }
  }
  return value;
}

/**
 * VpcEndpointType defaults to Gateway. An interface endpoint without security groups gets the VPC's default group.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html
 * https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html
 */
export function mapVpcEndpoint(ctx: ImportContext, id: string, props: Props): Outcome {
  const vpc = ctx.vpc(props.VpcId, id);
  const declared = ctx.text(props, 'VpcEndpointType', id) ?? 'Gateway';
  if (declared === 'GatewayLoadBalancer') {
    // Routes send traffic to these (to an inspection appliance); the model has no such hop.
    return {
      status: 'not-modelled',
      reason: 'Gateway Load Balancer endpoints are not modelled: traffic routed to one goes nowhere in traces',
    };
  }
  let type: EndpointType = 'Gateway';
  if (declared.toLowerCase() === 'interface') type = 'Interface';
  else if (declared.toLowerCase() !== 'gateway') {
    type = 'Interface';
    ctx.warn(`${id} is a ${declared} endpoint, which is drawn as an interface endpoint.`);
  }
  const routeTableIds = ctx
    .list(props, 'RouteTableIds', id)
    .map((t) => ctx.routeTable(t, id)?.id)
    .filter((t) => t !== undefined);
  const subnetIds = ctx
    .list(props, 'SubnetIds', id)
    .map((s) => ctx.subnet(s, id)?.id)
    .filter((s) => s !== undefined);
  const groups = ctx.securityGroupIds(ctx.list(props, 'SecurityGroupIds', id), id);
  const serviceName = ctx.text(props, 'ServiceName', id) ?? '';
  if (!serviceName) ctx.warn(`${id} names no ServiceName.`);
  ctx.add({
    id,
    kind: 'vpcEndpoint',
    name: id,
    vpcId: vpc.id,
    endpointType: type,
    serviceName,
    routeTableIds,
    subnetIds,
    securityGroupIds: type === 'Interface' && groups.length === 0 ? [defaultSecurityGroupId(vpc.id)] : groups,
    privateDnsEnabled: ctx.bool(props, 'PrivateDnsEnabled', id, false),
    ...(props.PolicyDocument !== undefined ? { policyDocument: policyOf(ctx, props.PolicyDocument, id) } : {}),
  });
  return { status: 'modelled' };
}

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html */
export function mapBucket(ctx: ImportContext, id: string): Outcome {
  ctx.add({ id, kind: 's3Bucket', name: id, bucketName: ctx.resolver.bucketName(id), region: ctx.region });
  return { status: 'modelled' };
}

/**
 * The policy joins the bucket it names (Bucket is the bucket's name, which is what Ref of a bucket returns).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucketpolicy.html
 */
export function mapBucketPolicy(ctx: ImportContext, id: string, props: Props): Outcome {
  const name = ctx.text(props, 'Bucket', id);
  if (!name) return { status: 'failed', reason: 'it names no Bucket' };
  let bucket = ctx.all('s3Bucket').find((b) => b.bucketName === name || b.id === name);
  if (!bucket) {
    bucket = ctx.add({
      id: `${id}.Bucket`,
      kind: 's3Bucket',
      name: `${name} (not in the template)`,
      external: true,
      bucketName: name,
      region: ctx.region,
    });
    ctx.placeholders.push(`${bucket.id} (the existing bucket ${name})`);
  }
  if (!isRecord(props.PolicyDocument) && typeof props.PolicyDocument !== 'string')
    ctx.warn(`${id} has no PolicyDocument.`);
  else bucket.policyDocument = policyOf(ctx, props.PolicyDocument, id);
  return { status: 'merged', into: bucket.id };
}
