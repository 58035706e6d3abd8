/**
 * What to call the component a hop or explanation names: the design's own name and AWS's word for its kind
 * ("web", "Security group"), and for the ids the engine makes up (`internet`, `service:s3`, `on-premises`)
 * the service's name.
 */
import type { Design } from '../../engine/index.ts';
import { kindLabel } from '../adapter.ts';

const SERVICE_NAMES: Record<string, string> = {
  s3: 'Amazon S3',
  dynamodb: 'Amazon DynamoDB',
  ssm: 'AWS Systems Manager',
  ssmmessages: 'Systems Manager messages',
  ec2messages: 'EC2 messages',
  secretsmanager: 'AWS Secrets Manager',
  kms: 'AWS KMS',
  sts: 'AWS STS',
  logs: 'CloudWatch Logs',
  monitoring: 'CloudWatch',
  sqs: 'Amazon SQS',
  sns: 'Amazon SNS',
  'ecr.api': 'Amazon ECR API',
  'ecr.dkr': 'Amazon ECR registry',
  ecs: 'Amazon ECS',
  lambda: 'AWS Lambda',
  execute_api: 'API Gateway',
  'execute-api': 'API Gateway',
};

/** Interface-endpoint services offered in the endpoint pickers, besides those the design already uses. */
export const COMMON_SERVICES = ['ssm', 'secretsmanager', 'kms', 'sts', 'logs', 'sqs', 'sns', 'ecr.api', 'ecr.dkr', 'lambda'] as const;

export function serviceName(service: string): string {
  return SERVICE_NAMES[service] ?? service;
}

const TYPE_LABELS: Record<string, string> = {
  'AWS::EC2::Instance': 'EC2 instance',
  'AWS::EC2::NetworkInterface': 'Network interface',
  'AWS::EC2::SecurityGroup': 'Security group',
  'AWS::EC2::NetworkAcl': 'Network ACL',
  'AWS::EC2::RouteTable': 'Route table',
  'AWS::EC2::InternetGateway': 'Internet gateway',
  'AWS::EC2::NatGateway': 'NAT gateway',
  'AWS::EC2::VPCPeeringConnection': 'Peering connection',
  'AWS::EC2::VPCEndpoint': 'VPC endpoint',
  'AWS::EC2::VPNGateway': 'Virtual private gateway',
  'AWS::EC2::Subnet': 'Subnet',
  'AWS::EC2::VPC': 'VPC',
  'AWS::S3::Bucket': 'S3 bucket',
  'AWS::Service': 'AWS service',
  Internet: 'Internet',
  OnPremises: 'On-premises network',
};

export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type.replace(/^AWS::\w+::/, '');
}

export interface ComponentName {
  name: string;
  type: string;
}

/**
 * @example describeComponent(exampleDesign(), 'sg-web') // { name: 'web', type: 'Security group' }
 * @example describeComponent(design, 'service:s3') // { name: 'Amazon S3', type: 'AWS service' }
 */
export function describeComponent(design: Design, id: string, type?: string): ComponentName {
  const resource = design.resources[id];
  if (resource) return { name: resource.name || id, type: kindLabel(resource) };
  if (id === 'internet') return { name: 'Internet', type: 'Internet' };
  if (id === 'on-premises') return { name: 'On-premises network', type: 'On-premises network' };
  if (id.startsWith('service:')) return { name: serviceName(id.slice('service:'.length)), type: 'AWS service' };
  return { name: id, type: type ? typeLabel(type) : 'Component' };
}
