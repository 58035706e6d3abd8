import { describe, expect, it } from 'vitest';
import {
  aDesign,
  aNatGateway,
  anElasticIp,
  anInternetGateway,
  aRouteTable,
  aSubnet,
  aVpc,
} from '../../model/builders.ts';
import type { Resource } from '../../model/types.ts';
import { importDesignTextSync } from '../../io/importSync.ts';
import { findingsOf } from '../testing.ts';
import { igwUnused } from './igwUnused.ts';
import { natGatewayUnused } from './natGatewayUnused.ts';
import { routeTableUnused } from './routeTableUnused.ts';

const IGW_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html';
const NAT_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-scenarios.html';
const RTB_DOCS = 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-assocation';

/** A public subnet (subnet-a, table rtb-pub → igw-a) holding nat-a, and a private subnet-p on the main table. */
function network(mainRoutes: Resource[] = [], ...extra: Resource[]) {
  return aDesign(
    aVpc(),
    anInternetGateway(),
    aRouteTable({ id: 'rtb-pub', routes: [{ id: 'r', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }] }),
    aSubnet({ routeTableId: 'rtb-pub' }),
    aSubnet({ id: 'subnet-p', cidrBlock: '10.0.2.0/24' }),
    aNatGateway(),
    anElasticIp(),
    ...mainRoutes,
    ...extra,
  );
}

const mainToNat = aRouteTable({
  id: 'vpc-a-main',
  main: true,
  routes: [{ id: 'r', destinationCidrBlock: '0.0.0.0/0', targetId: 'nat-a' }],
});

describe(`igw-unused (${IGW_DOCS})`, () => {
  it('cites the internet gateway page and is info', () => {
    expect(igwUnused.docs).toBe(IGW_DOCS);
    expect(igwUnused.severity).toBe('info');
  });

  it('tells about an attached internet gateway that no route table routes to', () => {
    const [f] = findingsOf(aDesign(aVpc(), anInternetGateway(), aSubnet()), 'igw-unused');
    expect(f).toMatchObject({ severity: 'info', resources: ['igw-a', 'vpc-a'] });
    expect(f!.message).toContain('no route table routes to it');
    expect(f!.fix).toContain('Route to the internet gateway');
  });

  it('is silent when a route uses it, when it is detached (igw-detached says so), or when the VPC is not in the design', () => {
    expect(findingsOf(network([mainToNat]), 'igw-unused')).toEqual([]);
    expect(findingsOf(aDesign(anInternetGateway({ vpcId: undefined })), 'igw-unused')).toEqual([]);
    expect(findingsOf(aDesign(aVpc({ external: true, cidrBlocks: [] }), anInternetGateway()), 'igw-unused')).toEqual(
      [],
    );
    expect(
      findingsOf(aDesign(aVpc(), anInternetGateway(), aRouteTable({ id: 'rtb-x', external: true })), 'igw-unused'),
    ).toEqual([]);
  });
});

describe(`nat-gateway-unused (${NAT_DOCS})`, () => {
  it('cites the NAT gateway scenarios page and is info', () => {
    expect(natGatewayUnused.docs).toBe(NAT_DOCS);
    expect(natGatewayUnused.severity).toBe('info');
  });

  it('tells about a NAT gateway no route uses, and how to route a private subnet of its zone to it', () => {
    const [f] = findingsOf(network(), 'nat-gateway-unused');
    expect(f).toMatchObject({ severity: 'info', resources: ['nat-a'] });
    expect(f!.fix).toContain('private subnet in us-east-1a');
  });

  it('is silent when a private subnet routes to it, or when its VPC has route tables outside the design', () => {
    expect(findingsOf(network([mainToNat]), 'nat-gateway-unused')).toEqual([]);
    expect(findingsOf(network([], aRouteTable({ id: 'rtb-existing', external: true })), 'nat-gateway-unused')).toEqual(
      [],
    );
  });
});

describe(`route-table-unused (${RTB_DOCS})`, () => {
  it('cites the route table association section and is info', () => {
    expect(routeTableUnused.docs).toBe(RTB_DOCS);
    expect(routeTableUnused.severity).toBe('info');
  });

  it('tells about a custom route table no subnet is associated with', () => {
    const [f] = findingsOf(aDesign(aVpc(), aSubnet(), aRouteTable({ id: 'rtb-spare' })), 'route-table-unused');
    expect(f).toMatchObject({ severity: 'info', resources: ['rtb-spare'] });
    expect(f!.message).toContain('not associated with any subnet');
  });

  it('is silent for the main table (used implicitly), an associated table, a table taking VPN route propagation, and an existing one', () => {
    const design = aDesign(
      aVpc(),
      aSubnet({ routeTableId: 'rtb-used' }),
      aRouteTable({ id: 'rtb-used' }),
      aRouteTable({ id: 'rtb-vpn', propagatingGatewayIds: ['vgw-a'] }),
      aRouteTable({ id: 'rtb-existing', external: true }),
    );
    expect(findingsOf(design, 'route-table-unused')).toEqual([]);
    expect(findingsOf(aDesign(aVpc()), 'route-table-unused')).toEqual([]);
  });
});

describe('templates: a resource named by a resource type the model does not represent is not called unused', () => {
  // An edge association (https://docs.aws.amazon.com/vpc/latest/userguide/gateway-route-tables.html) and a route a
  // custom resource adds are invisible to the model; the table and the NAT gateway they name may well be in use.
  const template = `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Igw: {Type: AWS::EC2::InternetGateway}
  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}
  Public: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}}
  PublicRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  PublicAssoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Public, RouteTableId: !Ref PublicRt}}
  ToIgw: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}
  EdgeRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  Edge: {Type: AWS::EC2::GatewayRouteTableAssociation, Properties: {GatewayId: !Ref Igw, RouteTableId: !Ref EdgeRt}}
  Eip: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}
  Nat: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref Public, AllocationId: !GetAtt Eip.AllocationId}}
  AddRoute: {Type: Custom::AddDefaultRoute, Properties: {ServiceToken: arn:aws:lambda:us-east-1:111111111111:function:f, NatGatewayId: !Ref Nat}}
  SpareRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
`;

  it('stays quiet about the edge-associated table and the NAT gateway, and still tells about a table nothing names', () => {
    const result = importDesignTextSync(template, 'edge.yaml');
    if (!result.ok) throw new Error(result.error);
    expect(result.design.resources.EdgeRt!.usedByNotModelled).toEqual(['Edge']);
    expect(findingsOf(result.design, 'route-table-unused').map((f) => f.resources[0])).toEqual(['SpareRt']);
    expect(findingsOf(result.design, 'nat-gateway-unused')).toEqual([]);
    expect(findingsOf(result.design, 'igw-unused')).toEqual([]);
  });
});
