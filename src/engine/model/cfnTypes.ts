/**
 * The CloudFormation type name of each kind of record: what `check --json` lists resources under and what trace
 * hops name their components as. Kinds CloudFormation has no type for (the internet, AWS services as traffic
 * endpoints) get a `VPCDesigner::` name.
 */
import type { ResourceKind } from './types.ts';

export const CFN_TYPE: Record<ResourceKind, string> = {
  vpc: 'AWS::EC2::VPC',
  subnet: 'AWS::EC2::Subnet',
  internetGateway: 'AWS::EC2::InternetGateway',
  natGateway: 'AWS::EC2::NatGateway',
  instance: 'AWS::EC2::Instance',
  networkInterface: 'AWS::EC2::NetworkInterface',
  elasticIp: 'AWS::EC2::EIP',
  routeTable: 'AWS::EC2::RouteTable',
  securityGroup: 'AWS::EC2::SecurityGroup',
  networkAcl: 'AWS::EC2::NetworkAcl',
  peeringConnection: 'AWS::EC2::VPCPeeringConnection',
  vpcEndpoint: 'AWS::EC2::VPCEndpoint',
  s3Bucket: 'AWS::S3::Bucket',
  virtualPrivateGateway: 'AWS::EC2::VPNGateway',
  customerGateway: 'AWS::EC2::CustomerGateway',
  vpnConnection: 'AWS::EC2::VPNConnection',
  directConnectGateway: 'AWS::DirectConnect::Gateway',
  internet: 'VPCDesigner::Internet',
  awsService: 'VPCDesigner::AwsService',
};
