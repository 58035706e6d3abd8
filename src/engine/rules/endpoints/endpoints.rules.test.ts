import { describe, expect, it } from 'vitest';
import { aBucket, aDesign, aRouteTable, aSecurityGroup, aSubnet, aVpc, anEndpoint } from '../../model/builders.ts';
import type { PeeringConnection, Resource } from '../../model/types.ts';
import { findingsOf } from '../testing.ts';
import { endpointGatewayService } from './endpointGatewayService.ts';
import { endpointNoRouteTable } from './endpointNoRouteTable.ts';
import { endpointPrivateDns } from './endpointPrivateDns.ts';
import { endpointRegion } from './endpointRegion.ts';
import { endpointRouteTables } from './endpointRouteTables.ts';
import { endpointSecurityGroup } from './endpointSecurityGroup.ts';
import { endpointSubnets } from './endpointSubnets.ts';
import { policyDocument, policyProblems } from './policyDocument.ts';
import { parseServiceName } from './serviceName.ts';

const GATEWAY_DOCS = 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html';
const INTERFACE_DOCS = 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html';

const ssm = (o: Parameters<typeof anEndpoint>[0] = {}) =>
  anEndpoint({
    id: 'vpce-ssm',
    endpointType: 'Interface',
    serviceName: 'com.amazonaws.us-east-1.ssm',
    subnetIds: ['subnet-a'],
    securityGroupIds: ['sg-https'],
    ...o,
  });
const httpsFromVpc = aSecurityGroup({
  id: 'sg-https',
  ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16' }],
});

describe('service names', () => {
  it('read region and service', () => {
    expect(parseServiceName('com.amazonaws.eu-west-1.s3')).toEqual({ region: 'eu-west-1', service: 's3' });
    expect(parseServiceName('com.amazonaws.vpce.us-east-1.vpce-svc-123')).toEqual({
      region: 'us-east-1',
      service: 'vpce-svc-123',
    });
  });
});

describe(`endpoint-gateway-service (${GATEWAY_DOCS})`, () => {
  it('cites the gateway endpoints page', () => expect(endpointGatewayService.docs).toBe(GATEWAY_DOCS));

  it('refuses a gateway endpoint for SQS and accepts S3 and DynamoDB', () => {
    expect(
      findingsOf(
        aDesign(aVpc(), anEndpoint({ serviceName: 'com.amazonaws.us-east-1.sqs', routeTableIds: ['vpc-a-main'] })),
        'endpoint-gateway-service',
      )[0],
    ).toMatchObject({ severity: 'error', resources: ['vpce-a'] });
    expect(
      findingsOf(
        aDesign(
          aVpc(),
          anEndpoint({ routeTableIds: ['vpc-a-main'] }),
          anEndpoint({ id: 'vpce-d', serviceName: 'com.amazonaws.us-east-1.dynamodb', routeTableIds: ['vpc-a-main'] }),
        ),
        'endpoint-gateway-service',
      ),
    ).toEqual([]);
  });
});

describe(`endpoint-region (${GATEWAY_DOCS})`, () => {
  it('cites the gateway endpoints page', () => expect(endpointRegion.docs).toBe(GATEWAY_DOCS));

  it("refuses another Region's service and accepts the VPC's own", () => {
    const [f] = findingsOf(
      aDesign(aVpc(), anEndpoint({ serviceName: 'com.amazonaws.eu-west-1.s3', routeTableIds: ['vpc-a-main'] })),
      'endpoint-region',
    );
    expect(f!.message).toContain('eu-west-1');
    expect(f!.fix).toContain('com.amazonaws.us-east-1.s3');
    expect(findingsOf(aDesign(aVpc(), anEndpoint({ routeTableIds: ['vpc-a-main'] })), 'endpoint-region')).toEqual([]);
  });
});

describe(`endpoint-route-tables and endpoint-no-route-table (${GATEWAY_DOCS})`, () => {
  it('cite the gateway endpoints page', () => {
    expect(endpointRouteTables.docs).toBe(GATEWAY_DOCS);
    expect(endpointNoRouteTable.docs).toBe(GATEWAY_DOCS);
  });

  it('refuses two S3 endpoints on one route table, and allows them on different tables', () => {
    const shared = aDesign(
      aVpc(),
      aRouteTable(),
      anEndpoint({ routeTableIds: ['rtb-a'] }),
      anEndpoint({ id: 'vpce-b', routeTableIds: ['rtb-a'] }),
    );
    expect(findingsOf(shared, 'endpoint-route-tables')[0]).toMatchObject({
      severity: 'error',
      resources: ['vpce-b', 'vpce-a', 'rtb-a'],
    });
    const apart = aDesign(
      aVpc(),
      aRouteTable(),
      anEndpoint({ routeTableIds: ['rtb-a'] }),
      anEndpoint({ id: 'vpce-b', routeTableIds: ['vpc-a-main'] }),
    );
    expect(findingsOf(apart, 'endpoint-route-tables')).toEqual([]);
  });

  it('allows an S3 and a DynamoDB endpoint on the same table', () => {
    const design = aDesign(
      aVpc(),
      aRouteTable(),
      anEndpoint({ routeTableIds: ['rtb-a'] }),
      anEndpoint({ id: 'vpce-d', serviceName: 'com.amazonaws.us-east-1.dynamodb', routeTableIds: ['rtb-a'] }),
    );
    expect(findingsOf(design, 'endpoint-route-tables')).toEqual([]);
  });

  it('warns about a gateway endpoint with no route table', () => {
    expect(findingsOf(aDesign(aVpc(), anEndpoint()), 'endpoint-no-route-table')[0]).toMatchObject({
      severity: 'warning',
      resources: ['vpce-a'],
    });
    expect(
      findingsOf(aDesign(aVpc(), anEndpoint({ routeTableIds: ['vpc-a-main'] })), 'endpoint-no-route-table'),
    ).toEqual([]);
  });
});

describe(`endpoint-subnets (${INTERFACE_DOCS})`, () => {
  it('cites the interface endpoints page', () => expect(endpointSubnets.docs).toBe(INTERFACE_DOCS));

  it('refuses two subnets in one AZ and accepts one per AZ', () => {
    const subnets = [
      aSubnet(),
      aSubnet({ id: 'subnet-b', cidrBlock: '10.0.2.0/24' }),
      aSubnet({ id: 'subnet-c', cidrBlock: '10.0.3.0/24', availabilityZone: 'us-east-1b' }),
    ];
    const [f] = findingsOf(
      aDesign(aVpc(), ...subnets, httpsFromVpc, ssm({ subnetIds: ['subnet-a', 'subnet-b'] })),
      'endpoint-subnets',
    );
    expect(f).toMatchObject({ severity: 'error', resources: ['vpce-ssm', 'subnet-b', 'subnet-a'] });
    expect(
      findingsOf(
        aDesign(aVpc(), ...subnets, httpsFromVpc, ssm({ subnetIds: ['subnet-a', 'subnet-c'] })),
        'endpoint-subnets',
      ),
    ).toEqual([]);
  });
});

describe(`endpoint-security-group (${INTERFACE_DOCS})`, () => {
  it('cites the interface endpoints page', () => expect(endpointSecurityGroup.docs).toBe(INTERFACE_DOCS));

  it('reports groups that admit no HTTPS from the VPC', () => {
    const sshOnly = aSecurityGroup({
      id: 'sg-https',
      ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/16' }],
    });
    expect(findingsOf(aDesign(aVpc(), aSubnet(), sshOnly, ssm()), 'endpoint-security-group')[0]).toMatchObject({
      severity: 'error',
      resources: ['vpce-ssm', 'sg-https'],
    });
    const elsewhere = aSecurityGroup({
      id: 'sg-https',
      ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '192.168.0.0/16' }],
    });
    expect(findingsOf(aDesign(aVpc(), aSubnet(), elsewhere, ssm()), 'endpoint-security-group')).toHaveLength(1);
  });

  it('accepts HTTPS from the VPC range or from a group', () => {
    expect(findingsOf(aDesign(aVpc(), aSubnet(), httpsFromVpc, ssm()), 'endpoint-security-group')).toEqual([]);
    const fromGroup = aSecurityGroup({
      id: 'sg-https',
      ingress: [{ protocol: 'tcp', fromPort: 0, toPort: 65535, groupId: 'vpc-a-sg' }],
    });
    expect(findingsOf(aDesign(aVpc(), aSubnet(), fromGroup, ssm()), 'endpoint-security-group')).toEqual([]);
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html — reachable "over VPN
  // and Direct Connect, or ... over VPC peering".
  it('accepts HTTPS from a peered VPC or from the on-premises networks of its VPN', () => {
    const fromPeer = aSecurityGroup({
      id: 'sg-https',
      ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.9.0.0/16' }],
    });
    const peer = aVpc({ id: 'vpc-b', cidrBlocks: ['10.9.0.0/16'] });
    const pcx: PeeringConnection = {
      id: 'pcx-ab',
      kind: 'peeringConnection',
      name: 'pcx-ab',
      requesterVpcId: 'vpc-a',
      accepterVpcId: 'vpc-b',
      status: 'active',
    };
    expect(findingsOf(aDesign(aVpc(), peer, pcx, aSubnet(), fromPeer, ssm()), 'endpoint-security-group')).toEqual([]);
    expect(
      findingsOf(
        aDesign(aVpc(), peer, { ...pcx, status: 'pending-acceptance' }, aSubnet(), fromPeer, ssm()),
        'endpoint-security-group',
      ),
    ).toHaveLength(1);
    const fromOffice = aSecurityGroup({
      id: 'sg-https',
      ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '192.168.0.0/16' }],
    });
    const vpn: Resource[] = [
      { id: 'vgw', kind: 'virtualPrivateGateway', name: 'vgw', vpcId: 'vpc-a', amazonSideAsn: 64512 },
      {
        id: 'vpn',
        kind: 'vpnConnection',
        name: 'vpn',
        vpnGatewayId: 'vgw',
        customerGatewayId: 'cgw',
        staticRoutesOnly: true,
        onPremisesCidrs: ['192.168.0.0/16'],
      },
    ];
    expect(findingsOf(aDesign(aVpc(), aSubnet(), fromOffice, ssm(), ...vpn), 'endpoint-security-group')).toEqual([]);
  });

  it("falls back to the VPC's default group, which admits only its own members", () => {
    expect(findingsOf(aDesign(aVpc(), aSubnet(), ssm({ securityGroupIds: [] })), 'endpoint-security-group')).toEqual(
      [],
    );
  });
});

describe('endpoint-private-dns (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html)', () => {
  it('cites the private DNS section', () =>
    expect(endpointPrivateDns.docs).toContain('privatelink-access-aws-services.html'));

  it('reports private DNS in a VPC without DNS hostnames', () => {
    const [f] = findingsOf(
      aDesign(aVpc({ enableDnsHostnames: false }), aSubnet(), httpsFromVpc, ssm({ privateDnsEnabled: true })),
      'endpoint-private-dns',
    );
    expect(f).toMatchObject({ severity: 'error', resources: ['vpce-ssm', 'vpc-a'] });
    expect(f!.message).toContain('enableDnsHostnames');
    expect(
      findingsOf(aDesign(aVpc(), aSubnet(), httpsFromVpc, ssm({ privateDnsEnabled: true })), 'endpoint-private-dns'),
    ).toEqual([]);
  });
});

describe('policy-document (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html)', () => {
  it('cites the IAM policy elements reference', () =>
    expect(policyDocument.docs).toBe(
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html',
    ));

  const valid = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
  };

  it('accepts a valid policy, a single statement object and the Not- forms', () => {
    expect(policyProblems(valid)).toEqual([]);
    // Version is optional: "If you do not include a Version element, the value defaults to 2008-10-17"
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html).
    expect(policyProblems({ Statement: valid.Statement })).toEqual([]);
    expect(
      policyProblems({
        Version: '2012-10-17',
        Statement: { Effect: 'Deny', NotPrincipal: { AWS: 'x' }, NotAction: '*', NotResource: '*' },
      }),
    ).toEqual([]);
    expect(policyProblems(JSON.stringify(valid))).toEqual([]);
  });

  it('names what is missing or wrong', () => {
    expect(policyProblems({ Statement: [] })).toEqual(['it has no Statement']);
    expect(policyProblems({ Version: '2012-10-18', Statement: valid.Statement })).toEqual([
      'its Version "2012-10-18" is not "2012-10-17" or "2008-10-17"',
    ]);
    expect(policyProblems({ Version: '2012-10-17', Statement: [{ Effect: 'Permit', Action: '*' }] })).toEqual([
      'its statement has Effect "Permit" (must be "Allow" or "Deny")',
      'its statement has no Principal, Resource',
    ]);
    expect(policyProblems('{not json')).toEqual(['it is not valid JSON']);
  });

  it('reports invalid endpoint and bucket policies', () => {
    const design = aDesign(
      aVpc(),
      anEndpoint({ routeTableIds: ['vpc-a-main'], policyDocument: { Version: '2012-10-17' } }),
      aBucket({ policyDocument: { Statement: [{ Effect: 'Allow' }] } }),
    );
    expect(findingsOf(design, 'policy-document').map((f) => f.resources[0])).toEqual(['vpce-a', 's3-a']);
    expect(
      findingsOf(
        aDesign(
          aVpc(),
          anEndpoint({ routeTableIds: ['vpc-a-main'], policyDocument: valid }),
          aBucket({ policyDocument: valid }),
        ),
        'policy-document',
      ),
    ).toEqual([]);
  });
});
