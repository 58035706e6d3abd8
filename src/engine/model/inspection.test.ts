import { describe, expect, it } from 'vitest';
import {
  aDesign,
  aNatGateway,
  anEndpoint,
  anInstance,
  anInternetGateway,
  aPeering,
  aRouteTable,
  aSubnet,
  aVirtualPrivateGateway,
  aVpc,
} from './builders.ts';
import { impliedRoutes, mainRouteTableLabel, routeTargetOptions, subnetsUsingRouteTable } from './inspection.ts';
import { bucketPolicyForEndpoint, checkServiceName, defaultEndpointPolicy, parsePolicyText } from './policies.ts';
import type { Resource } from './types.ts';

describe('impliedRoutes', () => {
  it('lists a local route per VPC block and a prefix-list route per associated gateway endpoint', () => {
    // https://docs.aws.amazon.com/vpc/latest/userguide/RouteTables.html#route-table-routes
    // https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
    const table = aRouteTable({ id: 'rt' });
    const design = aDesign(
      aVpc({ cidrBlocks: ['10.0.0.0/16', '10.5.0.0/16'] }),
      table,
      anEndpoint({ id: 'e1', name: 'S3 endpoint', routeTableIds: ['rt'] }),
      anEndpoint({
        id: 'e2',
        name: 'elsewhere',
        routeTableIds: ['other'],
        serviceName: 'com.amazonaws.us-east-1.dynamodb',
      }),
    );
    expect(impliedRoutes(design, table)).toEqual([
      { destination: '10.0.0.0/16', target: 'local', origin: 'local' },
      { destination: '10.5.0.0/16', target: 'local', origin: 'local' },
      { destination: 'pl-s3', target: 'S3 endpoint', origin: 'gateway endpoint' },
    ]);
  });

  it('adds on-premises CIDRs from the VGW only when propagation is on', () => {
    const vpn: Resource = {
      id: 'vpn',
      kind: 'vpnConnection',
      name: 'vpn',
      vpnGatewayId: 'vgw-a',
      customerGatewayId: 'cgw',
      staticRoutesOnly: true,
      onPremisesCidrs: ['192.168.0.0/16'],
    };
    const off = aRouteTable({ id: 'rt' });
    const on = aRouteTable({ id: 'rt', propagatingGatewayIds: ['vgw-a'] });
    expect(
      impliedRoutes(aDesign(aVpc(), aVirtualPrivateGateway(), vpn, off), off).some((r) => r.origin === 'propagated'),
    ).toBe(false);
    expect(impliedRoutes(aDesign(aVpc(), aVirtualPrivateGateway({ name: 'VGW' }), vpn, on), on)).toContainEqual({
      destination: '192.168.0.0/16',
      target: 'VGW',
      origin: 'propagated',
    });
  });
});

describe('routeTargetOptions', () => {
  it("offers only the VPC's own gateways, NATs, instances and peerings", () => {
    const design = aDesign(
      aVpc({ id: 'vpc-a' }),
      aVpc({ id: 'vpc-b', cidrBlocks: ['10.9.0.0/16'] }),
      aSubnet({ id: 'sa', vpcId: 'vpc-a' }),
      aSubnet({ id: 'sb', vpcId: 'vpc-b', cidrBlock: '10.9.0.0/24' }),
      anInternetGateway({ id: 'igw-a', name: 'IGW A', vpcId: 'vpc-a' }),
      anInternetGateway({ id: 'igw-b', vpcId: 'vpc-b' }),
      aNatGateway({ id: 'nat-a', name: 'NAT A', subnetId: 'sa' }),
      anInstance({ id: 'i-b', subnetId: 'sb' }),
      aPeering({ id: 'pcx', name: 'A to B' }),
    );
    expect(routeTargetOptions(design, 'vpc-a').map((o) => o.label)).toEqual([
      'Internet gateway: IGW A',
      'NAT gateway: NAT A',
      'Peering connection: A to B',
    ]);
  });
});

describe('route table associations', () => {
  it('counts subnets without an explicit association as using the main table', () => {
    const main = aRouteTable({ id: 'main', name: 'Main', main: true });
    const custom = aRouteTable({ id: 'custom' });
    const design = aDesign(
      aVpc(),
      main,
      custom,
      aSubnet({ id: 's1' }),
      aSubnet({ id: 's2', cidrBlock: '10.0.2.0/24', routeTableId: 'custom' }),
    );
    expect(subnetsUsingRouteTable(design, main).map((u) => [u.subnet.id, u.explicit])).toEqual([['s1', false]]);
    expect(subnetsUsingRouteTable(design, custom).map((u) => [u.subnet.id, u.explicit])).toEqual([['s2', true]]);
    expect(mainRouteTableLabel(design, 'vpc-a')).toBe('(main) Main');
  });
});

describe('policies', () => {
  it('parses a policy or explains what is wrong', () => {
    expect(parsePolicyText('{"Statement": []}')).toEqual({ ok: true, value: { Statement: [] } });
    const bad = parsePolicyText('{"Statement": [}');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^Invalid JSON: /);
    expect(parsePolicyText('[1]').ok).toBe(false);
    expect(parsePolicyText('{"Version": "2012-10-17"}').ok).toBe(false);
    expect(parsePolicyText(' '.repeat(20_481)).ok).toBe(false);
  });

  it('has the default full-access endpoint policy and a bucket policy that admits one endpoint', () => {
    // https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html#default-endpoint-policy
    expect(defaultEndpointPolicy()).toEqual({
      Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
    });
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html
    const policy = bucketPolicyForEndpoint('assets', 'vpce-1') as { Statement: Array<Record<string, unknown>> };
    expect(policy.Statement[0]).toMatchObject({
      Effect: 'Deny',
      Resource: ['arn:aws:s3:::assets', 'arn:aws:s3:::assets/*'],
      Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } },
    });
  });

  it('allows gateway endpoints only for S3 and DynamoDB', () => {
    // https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
    expect(checkServiceName('com.amazonaws.us-east-1.dynamodb', 'Gateway').ok).toBe(true);
    expect(checkServiceName('com.amazonaws.us-east-1.ssm', 'Gateway').ok).toBe(false);
    expect(checkServiceName('com.amazonaws.us-east-1.ssm', 'Interface').ok).toBe(true);
    expect(checkServiceName('not a service', 'Interface').ok).toBe(false);
  });
});
