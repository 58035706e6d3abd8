/**
 * Test-data builders: each test says only what matters to it. `aDesign` completes what AWS would create anyway
 * (each VPC's main route table, default network ACL and default security group) so tests stay short.
 *
 * @example
 * const design = aDesign(aVpc({ id: 'v' }), aSubnet({ id: 's', vpcId: 'v', cidrBlock: '10.0.1.0/24' }));
 */
import { defaultNetworkAcl, defaultSecurityGroup, emptyDesign } from './create.ts';
import type {
  Design,
  ElasticIp,
  Instance,
  InternetGateway,
  NatGateway,
  NetworkAcl,
  PeeringConnection,
  Resource,
  RouteTable,
  S3Bucket,
  SecurityGroup,
  Subnet,
  VirtualPrivateGateway,
  Vpc,
  VpcEndpoint,
} from './types.ts';

export function aVpc(o: Partial<Vpc> = {}): Vpc {
  return {
    id: 'vpc-a',
    kind: 'vpc',
    name: o.id ?? 'vpc-a',
    cidrBlocks: ['10.0.0.0/16'],
    enableDnsSupport: true,
    enableDnsHostnames: true,
    region: 'us-east-1',
    accountId: '111111111111',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    ...o,
  };
}

export function aSubnet(o: Partial<Subnet> = {}): Subnet {
  return {
    id: 'subnet-a',
    kind: 'subnet',
    name: o.id ?? 'subnet-a',
    vpcId: 'vpc-a',
    cidrBlock: '10.0.1.0/24',
    availabilityZone: 'us-east-1a',
    mapPublicIpOnLaunch: false,
    ...o,
  };
}

export function anInstance(o: Partial<Instance> = {}): Instance {
  return {
    id: 'i-a',
    kind: 'instance',
    name: o.id ?? 'i-a',
    subnetId: 'subnet-a',
    instanceType: 't3.micro',
    privateIp: '10.0.1.10',
    securityGroupIds: [],
    sourceDestCheck: true,
    ...o,
  };
}

export function aRouteTable(o: Partial<RouteTable> = {}): RouteTable {
  return {
    id: 'rtb-a',
    kind: 'routeTable',
    name: o.id ?? 'rtb-a',
    vpcId: 'vpc-a',
    main: false,
    routes: [],
    propagatingGatewayIds: [],
    ...o,
  };
}

export function aSecurityGroup(o: Partial<SecurityGroup> = {}): SecurityGroup {
  return {
    id: 'sg-a',
    kind: 'securityGroup',
    name: o.id ?? 'sg-a',
    vpcId: 'vpc-a',
    description: 'test group',
    isDefault: false,
    ingress: [],
    egress: [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }],
    ...o,
  };
}

export function aNetworkAcl(o: Partial<NetworkAcl> = {}): NetworkAcl {
  return {
    id: 'acl-a',
    kind: 'networkAcl',
    name: o.id ?? 'acl-a',
    vpcId: 'vpc-a',
    isDefault: false,
    inbound: [],
    outbound: [],
    ...o,
  };
}

export function anInternetGateway(o: Partial<InternetGateway> = {}): InternetGateway {
  return { id: 'igw-a', kind: 'internetGateway', name: o.id ?? 'igw-a', vpcId: 'vpc-a', ...o };
}

export function aNatGateway(o: Partial<NatGateway> = {}): NatGateway {
  return {
    id: 'nat-a',
    kind: 'natGateway',
    name: o.id ?? 'nat-a',
    subnetId: 'subnet-a',
    connectivityType: 'public',
    elasticIpId: 'eip-a',
    ...o,
  };
}

export function anElasticIp(o: Partial<ElasticIp> = {}): ElasticIp {
  return { id: 'eip-a', kind: 'elasticIp', name: o.id ?? 'eip-a', publicIp: '203.0.113.10', ...o };
}

export function aPeering(o: Partial<PeeringConnection> = {}): PeeringConnection {
  return {
    id: 'pcx-a',
    kind: 'peeringConnection',
    name: o.id ?? 'pcx-a',
    requesterVpcId: 'vpc-a',
    accepterVpcId: 'vpc-b',
    status: 'active',
    ...o,
  };
}

export function anEndpoint(o: Partial<VpcEndpoint> = {}): VpcEndpoint {
  return {
    id: 'vpce-a',
    kind: 'vpcEndpoint',
    name: o.id ?? 'vpce-a',
    vpcId: 'vpc-a',
    endpointType: 'Gateway',
    serviceName: 'com.amazonaws.us-east-1.s3',
    routeTableIds: [],
    subnetIds: [],
    securityGroupIds: [],
    privateDnsEnabled: false,
    ...o,
  };
}

export function aBucket(o: Partial<S3Bucket> = {}): S3Bucket {
  return { id: 's3-a', kind: 's3Bucket', name: o.id ?? 's3-a', bucketName: 'a-bucket', region: 'us-east-1', ...o };
}

export function aVirtualPrivateGateway(o: Partial<VirtualPrivateGateway> = {}): VirtualPrivateGateway {
  return {
    id: 'vgw-a',
    kind: 'virtualPrivateGateway',
    name: o.id ?? 'vgw-a',
    vpcId: 'vpc-a',
    amazonSideAsn: 64512,
    ...o,
  };
}

/**
 * A design holding the given resources, plus each VPC's main route table (`<vpc>-main`), default network ACL
 * (`<vpc>-acl`) and default security group (`<vpc>-sg`) unless the test supplies its own.
 */
export function aDesign(...resources: Resource[]): Design {
  const all: Resource[] = [...resources];
  for (const vpc of resources.filter((r): r is Vpc => r.kind === 'vpc')) {
    const mine = resources.filter((r) => 'vpcId' in r && r.vpcId === vpc.id);
    if (!mine.some((r) => r.kind === 'routeTable' && r.main))
      all.push(aRouteTable({ id: `${vpc.id}-main`, vpcId: vpc.id, main: true }));
    if (!mine.some((r) => r.kind === 'networkAcl' && r.isDefault)) all.push(defaultNetworkAcl(`${vpc.id}-acl`, vpc.id));
    if (!mine.some((r) => r.kind === 'securityGroup' && r.isDefault))
      all.push(defaultSecurityGroup(`${vpc.id}-sg`, vpc.id));
  }
  const map: Design['resources'] = {};
  for (const r of all) map[r.id] = r;
  return emptyDesign({ resources: map });
}
