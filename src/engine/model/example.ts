/**
 * The design a first visit shows: the classic two-AZ VPC (public and private subnets, an internet gateway, a NAT
 * gateway per AZ, web and app instances, an S3 gateway endpoint) and a second VPC peered with it.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-example-private-subnets-nat.html
 */
import { emptyDesign } from './create.ts';
import { defaultNetworkAcl, defaultSecurityGroup } from './create.ts';
import type { Design, Resource } from './types.ts';

export function exampleDesign(): Design {
  const r: Resource[] = [
    // Production VPC
    {
      id: 'vpc-prod', kind: 'vpc', name: 'Production', cidrBlocks: ['10.0.0.0/16'], enableDnsSupport: true, enableDnsHostnames: true,
      region: 'us-east-1', accountId: '111111111111', availabilityZones: ['us-east-1a', 'us-east-1b'],
    },
    { id: 'rtb-prod-main', kind: 'routeTable', name: 'Production main', vpcId: 'vpc-prod', main: true, routes: [], propagatingGatewayIds: [] },
    defaultNetworkAcl('acl-prod-default', 'vpc-prod'),
    defaultSecurityGroup('sg-prod-default', 'vpc-prod'),
    { id: 'igw-prod', kind: 'internetGateway', name: 'Production IGW', vpcId: 'vpc-prod' },
    { id: 'subnet-public-a', kind: 'subnet', name: 'Public A', vpcId: 'vpc-prod', cidrBlock: '10.0.0.0/24', availabilityZone: 'us-east-1a', mapPublicIpOnLaunch: true, routeTableId: 'rtb-public' },
    { id: 'subnet-public-b', kind: 'subnet', name: 'Public B', vpcId: 'vpc-prod', cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1b', mapPublicIpOnLaunch: true, routeTableId: 'rtb-public' },
    { id: 'subnet-private-a', kind: 'subnet', name: 'Private A', vpcId: 'vpc-prod', cidrBlock: '10.0.10.0/24', availabilityZone: 'us-east-1a', mapPublicIpOnLaunch: false, routeTableId: 'rtb-private-a' },
    { id: 'subnet-private-b', kind: 'subnet', name: 'Private B', vpcId: 'vpc-prod', cidrBlock: '10.0.11.0/24', availabilityZone: 'us-east-1b', mapPublicIpOnLaunch: false, routeTableId: 'rtb-private-b' },
    {
      id: 'rtb-public', kind: 'routeTable', name: 'Public routes', vpcId: 'vpc-prod', main: false, propagatingGatewayIds: [],
      routes: [{ id: 'route-public-default', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-prod' }],
    },
    {
      id: 'rtb-private-a', kind: 'routeTable', name: 'Private A routes', vpcId: 'vpc-prod', main: false, propagatingGatewayIds: [],
      routes: [
        { id: 'route-private-a-default', destinationCidrBlock: '0.0.0.0/0', targetId: 'nat-a' },
        { id: 'route-private-a-shared', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-prod-shared' },
        { id: 'route-private-a-partner', destinationCidrBlock: '10.2.0.0/16', targetId: 'pcx-prod-shared' },
      ],
    },
    {
      id: 'rtb-private-b', kind: 'routeTable', name: 'Private B routes', vpcId: 'vpc-prod', main: false, propagatingGatewayIds: [],
      routes: [
        { id: 'route-private-b-default', destinationCidrBlock: '0.0.0.0/0', targetId: 'nat-b' },
        { id: 'route-private-b-shared', destinationCidrBlock: '10.1.0.0/16', targetId: 'pcx-prod-shared' },
      ],
    },
    { id: 'eip-nat-a', kind: 'elasticIp', name: 'NAT A address', publicIp: '203.0.113.10' },
    { id: 'eip-nat-b', kind: 'elasticIp', name: 'NAT B address', publicIp: '203.0.113.11' },
    { id: 'nat-a', kind: 'natGateway', name: 'NAT gateway A', subnetId: 'subnet-public-a', connectivityType: 'public', elasticIpId: 'eip-nat-a', privateIp: '10.0.0.10' },
    { id: 'nat-b', kind: 'natGateway', name: 'NAT gateway B', subnetId: 'subnet-public-b', connectivityType: 'public', elasticIpId: 'eip-nat-b', privateIp: '10.0.1.10' },
    {
      id: 'sg-web', kind: 'securityGroup', name: 'web', vpcId: 'vpc-prod', description: 'HTTPS from anywhere', isDefault: false,
      ingress: [
        { id: 'sg-web-https', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', description: 'HTTPS from the internet' },
        { id: 'sg-web-http', protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0', description: 'HTTP from the internet' },
      ],
      egress: [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }],
    },
    {
      id: 'sg-app', kind: 'securityGroup', name: 'app', vpcId: 'vpc-prod', description: 'App port from the web tier', isDefault: false,
      ingress: [{ id: 'sg-app-from-web', protocol: 'tcp', fromPort: 8080, toPort: 8080, groupId: 'sg-web', description: 'from web servers' }],
      egress: [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }],
    },
    { id: 'i-web-a', kind: 'instance', name: 'web-a', subnetId: 'subnet-public-a', instanceType: 't3.small', privateIp: '10.0.0.20', publicIp: '198.51.100.20', securityGroupIds: ['sg-web'], sourceDestCheck: true },
    { id: 'i-web-b', kind: 'instance', name: 'web-b', subnetId: 'subnet-public-b', instanceType: 't3.small', privateIp: '10.0.1.20', publicIp: '198.51.100.21', securityGroupIds: ['sg-web'], sourceDestCheck: true },
    { id: 'i-app-a', kind: 'instance', name: 'app-a', subnetId: 'subnet-private-a', instanceType: 'm6i.large', privateIp: '10.0.10.20', securityGroupIds: ['sg-app'], sourceDestCheck: true },
    { id: 'i-app-b', kind: 'instance', name: 'app-b', subnetId: 'subnet-private-b', instanceType: 'm6i.large', privateIp: '10.0.11.20', securityGroupIds: ['sg-app'], sourceDestCheck: true },
    {
      id: 'vpce-s3', kind: 'vpcEndpoint', name: 'S3 gateway endpoint', vpcId: 'vpc-prod', endpointType: 'Gateway', serviceName: 'com.amazonaws.us-east-1.s3',
      routeTableIds: ['rtb-private-a', 'rtb-private-b'], subnetIds: [], securityGroupIds: [], privateDnsEnabled: false,
    },
    // Shared services VPC, peered with production
    {
      id: 'vpc-shared', kind: 'vpc', name: 'Shared services', cidrBlocks: ['10.1.0.0/16'], enableDnsSupport: true, enableDnsHostnames: true,
      region: 'us-east-1', accountId: '111111111111', availabilityZones: ['us-east-1a'],
    },
    {
      id: 'rtb-shared-main', kind: 'routeTable', name: 'Shared main', vpcId: 'vpc-shared', main: true, propagatingGatewayIds: [],
      routes: [{ id: 'route-shared-prod', destinationCidrBlock: '10.0.0.0/16', targetId: 'pcx-prod-shared' }],
    },
    defaultNetworkAcl('acl-shared-default', 'vpc-shared'),
    defaultSecurityGroup('sg-shared-default', 'vpc-shared'),
    {
      id: 'sg-tools', kind: 'securityGroup', name: 'tools', vpcId: 'vpc-shared', description: 'HTTPS from production', isDefault: false,
      ingress: [{ id: 'sg-tools-https', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16', description: 'HTTPS from production' }],
      egress: [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }],
    },
    { id: 'subnet-shared-a', kind: 'subnet', name: 'Tools A', vpcId: 'vpc-shared', cidrBlock: '10.1.0.0/24', availabilityZone: 'us-east-1a', mapPublicIpOnLaunch: false },
    { id: 'i-tools', kind: 'instance', name: 'tools', subnetId: 'subnet-shared-a', instanceType: 't3.medium', privateIp: '10.1.0.20', securityGroupIds: ['sg-tools'], sourceDestCheck: true },
    { id: 'pcx-prod-shared', kind: 'peeringConnection', name: 'Production ↔ Shared', requesterVpcId: 'vpc-prod', accepterVpcId: 'vpc-shared', status: 'active' },
    // Services and the internet, as traffic endpoints
    { id: 'internet', kind: 'internet', name: 'Internet' },
    { id: 's3-assets', kind: 's3Bucket', name: 'Assets bucket', bucketName: 'example-assets', region: 'us-east-1' },
  ];
  const resources: Design['resources'] = {};
  for (const x of r) resources[x.id] = x;
  return emptyDesign({
    name: 'Example: two-AZ web app with a peered shared-services VPC',
    resources,
    layout: {
      'vpc-prod': { x: 80, y: 120 },
      'igw-prod': { x: 300, y: -28 },
      'vpce-s3': { x: 560, y: -28 },
      'subnet-public-a': { x: 16, y: 40 },
      'subnet-private-a': { x: 16, y: 220 },
      'subnet-public-b': { x: 16, y: 40 },
      'subnet-private-b': { x: 16, y: 220 },
      'nat-a': { x: 20, y: 50 },
      'i-web-a': { x: 150, y: 50 },
      'nat-b': { x: 20, y: 50 },
      'i-web-b': { x: 150, y: 50 },
      'i-app-a': { x: 20, y: 50 },
      'i-app-b': { x: 20, y: 50 },
      'vpc-shared': { x: 820, y: 120 },
      'subnet-shared-a': { x: 16, y: 40 },
      'i-tools': { x: 20, y: 50 },
      internet: { x: 380, y: -120 },
      's3-assets': { x: 1130, y: 200 },
    },
    flows: [
      { id: 'flow-web-internet', name: 'web-a → internet (HTTPS)', from: 'i-web-a', to: 'internet', protocol: 'tcp', port: 443 },
      { id: 'flow-app-s3', name: 'app-a → S3 via the endpoint', from: 'i-app-a', to: 'service:s3', protocol: 'tcp', port: 443, action: 's3:GetObject', resource: 'arn:aws:s3:::example-assets/report.csv' },
      { id: 'flow-transitive', name: 'app-a → partner VPC through Shared (transitive: blocked)', from: 'i-app-a', to: 'ip:10.2.0.10', protocol: 'tcp', port: 443 },
    ],
  });
}
