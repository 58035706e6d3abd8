/**
 * Test networks for the traffic tests: the classic public/private VPC (internet gateway, NAT gateway, web and app
 * tiers) and a peer. Tests change what matters to them with `patch` and `without`.
 */
import {
  aDesign,
  anElasticIp,
  anInstance,
  anInternetGateway,
  aNatGateway,
  aRouteTable,
  aSecurityGroup,
  aSubnet,
  aVpc,
} from '../model/builders.ts';
import type { Design, Resource } from '../model/types.ts';

/**
 * vpc-a 10.0.0.0/16: subnet-pub 10.0.0.0/24 (rtb-pub: 0.0.0.0/0 → igw-a) with nat-a (eip-nat 203.0.113.10) and
 * i-web (10.0.0.10, public 198.51.100.10, sg-web: 443 from anywhere); subnet-priv 10.0.1.0/24 (rtb-priv:
 * 0.0.0.0/0 → nat-a) with i-app (10.0.1.10, sg-app: 8080 from sg-web).
 */
export function classicResources(): Resource[] {
  return [
    aVpc({ id: 'vpc-a', cidrBlocks: ['10.0.0.0/16'] }),
    anInternetGateway({ id: 'igw-a', vpcId: 'vpc-a' }),
    aSubnet({
      id: 'subnet-pub',
      vpcId: 'vpc-a',
      cidrBlock: '10.0.0.0/24',
      mapPublicIpOnLaunch: true,
      routeTableId: 'rtb-pub',
    }),
    aSubnet({ id: 'subnet-priv', vpcId: 'vpc-a', cidrBlock: '10.0.1.0/24', routeTableId: 'rtb-priv' }),
    aRouteTable({
      id: 'rtb-pub',
      vpcId: 'vpc-a',
      routes: [{ id: 'r-pub-default', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }],
    }),
    aRouteTable({
      id: 'rtb-priv',
      vpcId: 'vpc-a',
      routes: [{ id: 'r-priv-default', destinationCidrBlock: '0.0.0.0/0', targetId: 'nat-a' }],
    }),
    anElasticIp({ id: 'eip-nat', publicIp: '203.0.113.10' }),
    aNatGateway({ id: 'nat-a', subnetId: 'subnet-pub', elasticIpId: 'eip-nat', privateIp: '10.0.0.5' }),
    aSecurityGroup({
      id: 'sg-web',
      vpcId: 'vpc-a',
      ingress: [{ id: 'web-https', protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }],
    }),
    aSecurityGroup({
      id: 'sg-app',
      vpcId: 'vpc-a',
      ingress: [{ id: 'app-from-web', protocol: 'tcp', fromPort: 8080, toPort: 8080, groupId: 'sg-web' }],
    }),
    anInstance({
      id: 'i-web',
      subnetId: 'subnet-pub',
      privateIp: '10.0.0.10',
      publicIp: '198.51.100.10',
      securityGroupIds: ['sg-web'],
    }),
    anInstance({ id: 'i-app', subnetId: 'subnet-priv', privateIp: '10.0.1.10', securityGroupIds: ['sg-app'] }),
  ];
}

/** vpc-b 10.1.0.0/16 peered with vpc-a through pcx-ab (routes both ways), with i-peer (10.1.0.10, sg-peer: all from 10.0.0.0/16). */
export function peerResources(): Resource[] {
  return [
    aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }),
    aSubnet({ id: 'subnet-b', vpcId: 'vpc-b', cidrBlock: '10.1.0.0/24', routeTableId: 'rtb-b' }),
    aRouteTable({
      id: 'rtb-b',
      vpcId: 'vpc-b',
      routes: [{ id: 'r-b-to-a', destinationCidrBlock: '10.0.0.0/16', targetId: 'pcx-ab' }],
    }),
    aSecurityGroup({
      id: 'sg-peer',
      vpcId: 'vpc-b',
      ingress: [{ id: 'peer-from-a', protocol: '-1', fromPort: -1, toPort: -1, cidr: '10.0.0.0/16' }],
    }),
    anInstance({ id: 'i-peer', subnetId: 'subnet-b', privateIp: '10.1.0.10', securityGroupIds: ['sg-peer'] }),
    {
      id: 'pcx-ab',
      kind: 'peeringConnection',
      name: 'pcx-ab',
      requesterVpcId: 'vpc-a',
      accepterVpcId: 'vpc-b',
      status: 'active',
    },
  ];
}

export function designOf(resources: Resource[]): Design {
  return aDesign(...resources);
}

/** The resources with `id` changed by `change` (a partial record merged in). */
export function patch(
  resources: Resource[],
  id: string,
  change: Partial<Resource> | ((r: Resource) => Resource),
): Resource[] {
  if (!resources.some((r) => r.id === id)) throw new Error(`no resource ${id} to patch`);
  return resources.map((r) =>
    r.id !== id ? r : typeof change === 'function' ? change(r) : ({ ...r, ...change } as Resource),
  );
}

export function without(resources: Resource[], ...ids: string[]): Resource[] {
  return resources.filter((r) => !ids.includes(r.id));
}
