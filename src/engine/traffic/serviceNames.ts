/** What to call the AWS services the engine names by their short endpoint name (`service:s3`, `ssm`). */
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

/** @example serviceName('s3') // 'Amazon S3' */
export function serviceName(service: string): string {
  return SERVICE_NAMES[service] ?? service;
}
