/**
 * The lessons' starting designs, by lesson file. `npx tsx scripts/build-lessons.ts` writes each into the `start`
 * field of its JSON file in src/engine/lessons/catalog/ (the texts, goals and hints are written in the JSON files
 * themselves); the JSON files are what ships and what the tests read.
 */
import type { Design } from '../../src/engine/model/types.ts';
import { ALL, Net, acl, route, tcp } from './kit.ts';

/** A VPC with a public and a private subnet in one AZ and an internet gateway: the base of several lessons. */
function publicPrivate(n: Net, o: { privateRoutes?: ReturnType<typeof route>[]; publicAcl?: string } = {}): Net {
  return n
    .vpc('vpc-lab', 'Lab VPC', '10.0.0.0/16')
    .igw('igw-lab', 'Lab internet gateway', 'vpc-lab')
    .routeTable('rtb-public', 'Public routes', 'vpc-lab', [route('r-igw', '0.0.0.0/0', 'igw-lab')])
    .routeTable('rtb-private', 'Private routes', 'vpc-lab', o.privateRoutes ?? [])
    .subnet('subnet-public', 'Public subnet', 'vpc-lab', '10.0.0.0/24', 'us-east-1a', {
      rt: 'rtb-public',
      mapPublicIp: true,
      ...(o.publicAcl ? { acl: o.publicAcl } : {}),
    })
    .subnet('subnet-private', 'Private subnet', 'vpc-lab', '10.0.1.0/24', 'us-east-1a', { rt: 'rtb-private' });
}

export const STARTS: Record<string, () => Design> = {
  '01-nat-gateway': () =>
    publicPrivate(new Net())
      .sg('sg-app', 'App servers', 'vpc-lab', [], [ALL])
      .instance('i-app', 'App server', 'subnet-private', '10.0.1.10', ['sg-app'])
      .eip('eip-nat', 'NAT address', '203.0.113.10')
      .nat('nat-lab', 'NAT gateway', 'subnet-private', 'eip-nat')
      .design('Lesson 1: NAT gateway'),

  '02-nat-gateway-or-instance': () =>
    new Net()
      .vpc('vpc-lab', 'Lab VPC', '10.0.0.0/16')
      .igw('igw-lab', 'Lab internet gateway', 'vpc-lab')
      .routeTable('rtb-public', 'Public routes', 'vpc-lab', [route('r-igw', '0.0.0.0/0', 'igw-lab')])
      .routeTable('rtb-private-a', 'Private routes A', 'vpc-lab')
      .routeTable('rtb-private-b', 'Private routes B', 'vpc-lab')
      .subnet('subnet-public', 'Public subnet', 'vpc-lab', '10.0.0.0/24', 'us-east-1a', {
        rt: 'rtb-public',
        mapPublicIp: true,
      })
      .subnet('subnet-private-a', 'Private subnet A', 'vpc-lab', '10.0.1.0/24', 'us-east-1a', { rt: 'rtb-private-a' })
      .subnet('subnet-private-b', 'Private subnet B', 'vpc-lab', '10.0.2.0/24', 'us-east-1a', { rt: 'rtb-private-b' })
      .sg('sg-app', 'App servers', 'vpc-lab', [])
      .sg('sg-natgw', 'NAT gateway group', 'vpc-lab', [tcp(443, '10.0.0.0/16')])
      .sg('sg-nat-instance', 'NAT instance group', 'vpc-lab', [])
      .eip('eip-natgw', 'NAT gateway address', '203.0.113.10')
      .eip('eip-nat-instance', 'NAT instance address', '203.0.113.20')
      .nat('nat-gw', 'NAT gateway', 'subnet-public', 'eip-natgw', { securityGroupIds: ['sg-natgw'] })
      .instance('i-nat', 'NAT instance', 'subnet-public', '10.0.0.20', ['sg-nat-instance'], {
        elasticIpId: 'eip-nat-instance',
        instanceType: 't3.small',
      })
      .instance('i-app-a', 'App server A', 'subnet-private-a', '10.0.1.10', ['sg-app'])
      .instance('i-app-b', 'App server B', 'subnet-private-b', '10.0.2.10', ['sg-app'])
      .design('Lesson 2: NAT gateway or NAT instance'),

  '03-high-availability': () =>
    new Net()
      .vpc('vpc-lab', 'Lab VPC', '10.0.0.0/16')
      .igw('igw-lab', 'Lab internet gateway', 'vpc-lab')
      .routeTable('rtb-public', 'Public routes', 'vpc-lab', [route('r-igw', '0.0.0.0/0', 'igw-lab')])
      .routeTable('rtb-private-a', 'Private routes A', 'vpc-lab', [route('r-nat', '0.0.0.0/0', 'nat-a')])
      .routeTable('rtb-private-b', 'Private routes B', 'vpc-lab', [route('r-nat', '0.0.0.0/0', 'nat-a')])
      .subnet('subnet-public-a', 'Public subnet A', 'vpc-lab', '10.0.0.0/24', 'us-east-1a', {
        rt: 'rtb-public',
        mapPublicIp: true,
      })
      .subnet('subnet-public-b', 'Public subnet B', 'vpc-lab', '10.0.1.0/24', 'us-east-1b', {
        rt: 'rtb-public',
        mapPublicIp: true,
      })
      .subnet('subnet-private-a', 'Private subnet A', 'vpc-lab', '10.0.10.0/24', 'us-east-1a', { rt: 'rtb-private-a' })
      .subnet('subnet-private-b', 'Private subnet B', 'vpc-lab', '10.0.11.0/24', 'us-east-1b', { rt: 'rtb-private-b' })
      .eip('eip-nat-a', 'NAT A address', '203.0.113.10')
      .nat('nat-a', 'NAT gateway A', 'subnet-public-a', 'eip-nat-a')
      .sg('sg-app', 'App servers', 'vpc-lab', [])
      .instance('i-app-a', 'App server A', 'subnet-private-a', '10.0.10.10', ['sg-app'])
      .instance('i-app-b', 'App server B', 'subnet-private-b', '10.0.11.10', ['sg-app'])
      .design('Lesson 3: High availability'),

  '04-vpc-peering': () =>
    new Net()
      .vpc('vpc-app', 'App VPC', '10.0.0.0/16')
      .routeTable('rtb-app', 'App routes', 'vpc-app')
      .subnet('subnet-app', 'App subnet', 'vpc-app', '10.0.1.0/24', 'us-east-1a', { rt: 'rtb-app' })
      .sg('sg-app', 'App servers', 'vpc-app', [])
      .instance('i-app', 'App server', 'subnet-app', '10.0.1.10', ['sg-app'])
      .vpc('vpc-partner', 'Partner VPC', '10.1.0.0/16', { accountId: '222222222222' })
      .routeTable('rtb-partner', 'Partner routes', 'vpc-partner')
      .subnet('subnet-partner', 'Partner subnet', 'vpc-partner', '10.1.1.0/24', 'us-east-1a', { rt: 'rtb-partner' })
      .sg('sg-partner-api', 'Partner API', 'vpc-partner', [])
      .instance('i-partner', 'Partner API server', 'subnet-partner', '10.1.1.10', ['sg-partner-api'])
      .peering('pcx-partner', 'App to Partner', 'vpc-app', 'vpc-partner', { status: 'pending-acceptance' })
      .vpc('vpc-backup', 'Backup VPC', '10.2.0.0/16', { region: 'us-west-2' })
      .routeTable('rtb-backup', 'Backup routes', 'vpc-backup')
      .subnet('subnet-backup', 'Backup subnet', 'vpc-backup', '10.2.1.0/24', 'us-west-2a', { rt: 'rtb-backup' })
      .sg('sg-backup', 'Backup servers', 'vpc-backup', [])
      .instance('i-backup', 'Backup server', 'subnet-backup', '10.2.1.10', ['sg-backup'])
      .design('Lesson 4: VPC peering step by step'),

  '05-peering-not-transitive': () =>
    new Net()
      .vpc('vpc-a', 'VPC A', '10.0.0.0/16')
      .routeTable('rtb-a', 'A routes', 'vpc-a', [
        route('r-b', '10.1.0.0/16', 'pcx-ab'),
        route('r-c', '10.2.0.0/16', 'pcx-ab'),
      ])
      .subnet('subnet-a', 'Subnet A', 'vpc-a', '10.0.1.0/24', 'us-east-1a', { rt: 'rtb-a' })
      .sg('sg-a', 'Servers A', 'vpc-a', [])
      .instance('i-a', 'Server A', 'subnet-a', '10.0.1.10', ['sg-a'])
      .vpc('vpc-b', 'VPC B', '10.1.0.0/16')
      .routeTable('rtb-b', 'B routes', 'vpc-b', [
        route('r-a', '10.0.0.0/16', 'pcx-ab'),
        route('r-c', '10.2.0.0/16', 'pcx-bc'),
      ])
      .subnet('subnet-b', 'Subnet B', 'vpc-b', '10.1.1.0/24', 'us-east-1a', { rt: 'rtb-b' })
      .sg('sg-b', 'Servers B', 'vpc-b', [tcp(443, '10.0.0.0/8')])
      .instance('i-b', 'Server B', 'subnet-b', '10.1.1.10', ['sg-b'])
      .vpc('vpc-c', 'VPC C', '10.2.0.0/16')
      .routeTable('rtb-c', 'C routes', 'vpc-c', [route('r-b', '10.1.0.0/16', 'pcx-bc')])
      .subnet('subnet-c', 'Subnet C', 'vpc-c', '10.2.1.0/24', 'us-east-1a', { rt: 'rtb-c' })
      .sg('sg-c', 'Servers C', 'vpc-c', [tcp(443, '10.0.0.0/8')])
      .instance('i-c', 'Server C', 'subnet-c', '10.2.1.10', ['sg-c'])
      .peering('pcx-ab', 'A to B', 'vpc-a', 'vpc-b')
      .peering('pcx-bc', 'B to C', 'vpc-b', 'vpc-c')
      .design('Lesson 5: Peering is not transitive'),

  '06-overlapping-cidrs': () =>
    new Net()
      .vpc('vpc-shop', 'Shop VPC', '10.0.0.0/16')
      .routeTable('rtb-shop', 'Shop routes', 'vpc-shop')
      .subnet('subnet-shop', 'Shop subnet', 'vpc-shop', '10.0.1.0/24', 'us-east-1a', { rt: 'rtb-shop' })
      .sg('sg-shop', 'Shop servers', 'vpc-shop', [])
      .instance('i-shop', 'Shop server', 'subnet-shop', '10.0.1.10', ['sg-shop'])
      .vpc('vpc-warehouse', 'Warehouse VPC', '10.0.0.0/16')
      .routeTable('rtb-warehouse', 'Warehouse routes', 'vpc-warehouse')
      .subnet('subnet-warehouse', 'Warehouse subnet', 'vpc-warehouse', '10.0.1.0/24', 'us-east-1a', {
        rt: 'rtb-warehouse',
      })
      .sg('sg-warehouse', 'Warehouse API', 'vpc-warehouse', [tcp(443, '10.0.0.0/8')])
      .instance('i-warehouse', 'Warehouse API server', 'subnet-warehouse', '10.0.1.20', ['sg-warehouse'])
      .design('Lesson 6: Overlapping CIDRs'),

  '07-no-edge-to-edge': () =>
    new Net()
      .vpc('vpc-shared', 'Shared VPC', '10.0.0.0/16')
      .igw('igw-shared', 'Shared internet gateway', 'vpc-shared')
      .routeTable('rtb-shared-public', 'Shared public routes', 'vpc-shared', [
        route('r-igw', '0.0.0.0/0', 'igw-shared'),
      ])
      .routeTable('rtb-shared-private', 'Shared private routes', 'vpc-shared', [
        route('r-nat', '0.0.0.0/0', 'nat-shared'),
        route('r-project', '10.1.0.0/16', 'pcx-project'),
      ])
      .subnet('subnet-shared-public', 'Shared public subnet', 'vpc-shared', '10.0.0.0/24', 'us-east-1a', {
        rt: 'rtb-shared-public',
        mapPublicIp: true,
      })
      .subnet('subnet-shared-private', 'Shared private subnet', 'vpc-shared', '10.0.1.0/24', 'us-east-1a', {
        rt: 'rtb-shared-private',
      })
      .eip('eip-shared', 'Shared NAT address', '203.0.113.10')
      .nat('nat-shared', 'Shared NAT gateway', 'subnet-shared-public', 'eip-shared')
      .endpoint('vpce-shared-s3', 'Shared S3 endpoint', 'vpc-shared', 's3', { routeTableIds: ['rtb-shared-private'] })
      .raw({
        id: 'vgw-shared',
        kind: 'virtualPrivateGateway',
        name: 'Shared VPN gateway',
        vpcId: 'vpc-shared',
        amazonSideAsn: 64512,
      })
      .raw({
        id: 'cgw-office',
        kind: 'customerGateway',
        name: 'Office router',
        ipAddress: '198.51.100.1',
        bgpAsn: 65000,
      })
      .raw({
        id: 'vpn-office',
        kind: 'vpnConnection',
        name: 'Office VPN',
        vpnGatewayId: 'vgw-shared',
        customerGatewayId: 'cgw-office',
        staticRoutesOnly: true,
        onPremisesCidrs: ['192.168.0.0/16'],
      })
      .sg('sg-tools', 'Shared tools', 'vpc-shared', [tcp(443, '10.1.0.0/16')])
      .instance('i-tools', 'Tools server', 'subnet-shared-private', '10.0.1.10', ['sg-tools'])
      .vpc('vpc-project', 'Project VPC', '10.1.0.0/16')
      .routeTable('rtb-project', 'Project routes', 'vpc-project', [
        route('r-shared', '10.0.0.0/16', 'pcx-project'),
        route('r-default', '0.0.0.0/0', 'pcx-project'),
        route('r-office', '192.168.0.0/16', 'pcx-project'),
      ])
      .subnet('subnet-project', 'Project subnet', 'vpc-project', '10.1.1.0/24', 'us-east-1a', { rt: 'rtb-project' })
      .sg('sg-build', 'Build servers', 'vpc-project', [])
      .instance('i-build', 'Build server', 'subnet-project', '10.1.1.10', ['sg-build'])
      .peering('pcx-project', 'Shared to Project', 'vpc-shared', 'vpc-project')
      .design('Lesson 7: No edge-to-edge routing'),

  '08-gateway-endpoint': () =>
    publicPrivate(new Net(), { privateRoutes: [route('r-nat', '0.0.0.0/0', 'nat-lab')] })
      .eip('eip-nat', 'NAT address', '203.0.113.10')
      .nat('nat-lab', 'NAT gateway', 'subnet-public', 'eip-nat')
      .sg('sg-app', 'App servers', 'vpc-lab', [])
      .instance('i-app', 'App server', 'subnet-private', '10.0.1.10', ['sg-app'])
      .design('Lesson 8: Gateway endpoints for S3 and DynamoDB'),

  '09-interface-endpoint': () =>
    new Net()
      .vpc('vpc-lab', 'Lab VPC', '10.0.0.0/16', { dnsHostnames: false })
      .routeTable('rtb-private', 'Private routes', 'vpc-lab')
      .subnet('subnet-private', 'Private subnet', 'vpc-lab', '10.0.1.0/24', 'us-east-1a', { rt: 'rtb-private' })
      .sg('sg-app', 'App servers', 'vpc-lab', [])
      .sg('sg-endpoint', 'Endpoint group', 'vpc-lab', [])
      .instance('i-app', 'App server', 'subnet-private', '10.0.1.10', ['sg-app'])
      .endpoint('vpce-ssm', 'Systems Manager endpoint', 'vpc-lab', 'ssm', {
        endpointType: 'Interface',
        subnetIds: ['subnet-private'],
        securityGroupIds: ['sg-endpoint'],
        privateDnsEnabled: false,
      })
      .design('Lesson 9: Interface endpoint'),

  '10-endpoint-bucket-policies': () =>
    new Net()
      .vpc('vpc-lab', 'Lab VPC', '10.0.0.0/16')
      .routeTable('rtb-private', 'Private routes', 'vpc-lab')
      .subnet('subnet-private', 'Private subnet', 'vpc-lab', '10.0.1.0/24', 'us-east-1a', { rt: 'rtb-private' })
      .sg('sg-app', 'App servers', 'vpc-lab', [])
      .instance('i-app', 'App server', 'subnet-private', '10.0.1.10', ['sg-app'])
      .endpoint('vpce-s3', 'S3 endpoint', 'vpc-lab', 's3', { routeTableIds: ['rtb-private'] })
      .bucket('s3-reports', 'Reports bucket', 'lab-reports')
      .bucket('s3-other', 'Other bucket', 'someone-elses-data')
      .design('Lesson 10: Endpoint and bucket policies'),

  '11-network-reachability': () =>
    publicPrivate(new Net())
      .sg('sg-web', 'Web servers', 'vpc-lab', [tcp(443, '0.0.0.0/0'), tcp(22, '0.0.0.0/0')])
      .sg('sg-build', 'Build servers', 'vpc-lab', [tcp(8080, '0.0.0.0/0')])
      .sg('sg-db', 'Database', 'vpc-lab', [tcp(5432, '0.0.0.0/0')])
      .instance('i-web', 'Web server', 'subnet-public', '10.0.0.10', ['sg-web'], { associatePublicIp: true })
      .instance('i-build', 'Build server', 'subnet-public', '10.0.0.20', ['sg-build'], { associatePublicIp: true })
      .instance('i-db', 'Database server', 'subnet-public', '10.0.0.30', ['sg-db'], { associatePublicIp: true })
      .design('Lesson 11: Network reachability'),

  '12-security-groups-and-acls': () =>
    publicPrivate(new Net(), { publicAcl: 'acl-public' })
      .networkAcl(
        'acl-public',
        'Public subnet ACL',
        'vpc-lab',
        [acl(100, 'allow', 'tcp', '0.0.0.0/0', [443, 443]), acl(110, 'deny', 'tcp', '198.51.100.0/24', [443, 443])],
        [acl(100, 'allow', 'tcp', '0.0.0.0/0', [443, 443])],
      )
      .sg('sg-web', 'Web servers', 'vpc-lab', [tcp(443, '0.0.0.0/0')])
      .instance('i-web', 'Web server', 'subnet-public', '10.0.0.10', ['sg-web'], { associatePublicIp: true })
      .design('Lesson 12: Security groups and network ACLs'),

  '13-challenge-web-tier': () =>
    new Net()
      .vpc('vpc-shop', 'Shop VPC', '10.0.0.0/16')
      .igw('igw-shop', 'Shop internet gateway', 'vpc-shop')
      .routeTable('rtb-public', 'Public routes', 'vpc-shop', [route('r-igw', '0.0.0.0/0', 'igw-shop')])
      .routeTable('rtb-web', 'Web tier routes', 'vpc-shop')
      .routeTable('rtb-data', 'Data routes', 'vpc-shop')
      .subnet('subnet-public', 'Public subnet', 'vpc-shop', '10.0.0.0/24', 'us-east-1a', {
        rt: 'rtb-public',
        mapPublicIp: true,
      })
      .subnet('subnet-web', 'Web tier subnet', 'vpc-shop', '10.0.1.0/24', 'us-east-1a', { rt: 'rtb-web' })
      .subnet('subnet-data', 'Data subnet', 'vpc-shop', '10.0.2.0/24', 'us-east-1a', { rt: 'rtb-data' })
      .endpoint('vpce-s3', 'S3 endpoint', 'vpc-shop', 's3', { routeTableIds: ['rtb-data'] })
      .sg('sg-web', 'Web tier', 'vpc-shop', [tcp(443, '10.0.0.0/16')])
      .sg('sg-report', 'Reporting', 'vpc-shop', [tcp(22, '0.0.0.0/0')])
      .sg('sg-db', 'Orders database', 'vpc-shop', [tcp(5432, { group: 'sg-report' })])
      .instance('i-web-1', 'Web server 1', 'subnet-web', '10.0.1.10', ['sg-web'])
      .instance('i-web-2', 'Web server 2', 'subnet-web', '10.0.1.11', ['sg-web'])
      .instance('i-report', 'Reporting server', 'subnet-public', '10.0.0.20', ['sg-report'], {
        associatePublicIp: true,
      })
      .instance('i-db', 'Orders database', 'subnet-data', '10.0.2.10', ['sg-db'])
      .design('Challenge: the web tier'),

  '14-challenge-analytics': () =>
    new Net()
      .vpc('vpc-app', 'App VPC', '10.0.0.0/16')
      .igw('igw-app', 'App internet gateway', 'vpc-app')
      .routeTable('rtb-public', 'App public routes', 'vpc-app', [route('r-igw', '0.0.0.0/0', 'igw-app')])
      .routeTable('rtb-app', 'App private routes', 'vpc-app', [
        route('r-nat', '0.0.0.0/0', 'nat-app'),
        route('r-analytics', '10.5.0.0/16', 'pcx-analytics'),
      ])
      .subnet('subnet-public', 'App public subnet', 'vpc-app', '10.0.0.0/24', 'us-east-1a', {
        rt: 'rtb-public',
        mapPublicIp: true,
      })
      .subnet('subnet-app', 'App private subnet', 'vpc-app', '10.0.1.0/24', 'us-east-1a', { rt: 'rtb-app' })
      .nat('nat-app', 'App NAT gateway', 'subnet-public')
      .sg('sg-app', 'App servers', 'vpc-app', [tcp(443, '10.5.0.0/16')])
      .instance('i-app', 'App server', 'subnet-app', '10.0.1.10', ['sg-app'])
      .vpc('vpc-analytics', 'Analytics VPC', '10.5.0.0/16', { accountId: '333333333333' })
      .routeTable('rtb-analytics', 'Analytics routes', 'vpc-analytics')
      .subnet('subnet-analytics', 'Analytics subnet', 'vpc-analytics', '10.5.1.0/24', 'us-east-1a', {
        rt: 'rtb-analytics',
      })
      .sg('sg-analytics', 'Analytics jobs', 'vpc-analytics', [])
      .instance('i-analytics', 'Analytics job', 'subnet-analytics', '10.5.1.10', ['sg-analytics'])
      .peering('pcx-analytics', 'App to Analytics', 'vpc-app', 'vpc-analytics', { status: 'pending-acceptance' })
      .design('Challenge: analytics'),
};
