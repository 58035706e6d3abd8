import { describe, expect, it } from 'vitest';
import { aDesign, aNetworkAcl, anInstance, anInternetGateway, aRouteTable, aSubnet, aVpc } from './builders.ts';
import { exampleDesign } from './example.ts';
import { hasPublicIp, isPublicSubnet, networkAclOfSubnet, referencesTo, routeTableOfSubnet } from './queries.ts';
import type { Subnet } from './types.ts';

const subnet = (d: ReturnType<typeof aDesign>, id = 'subnet-a') => d.resources[id] as Subnet;

describe('route table and NACL associations', () => {
  // https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html: "a subnet that is not explicitly
  // associated with any route table is implicitly associated with the main route table".
  it('falls back to the main route table without an explicit association', () => {
    const d = aDesign(aVpc(), aSubnet());
    expect(routeTableOfSubnet(d, subnet(d))?.id).toBe('vpc-a-main');
  });

  it('uses the explicit association when there is one', () => {
    const d = aDesign(aVpc(), aSubnet({ routeTableId: 'rtb-a' }), aRouteTable());
    expect(routeTableOfSubnet(d, subnet(d))?.id).toBe('rtb-a');
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html: "each subnet that you create is
  // automatically associated with the default network ACL".
  it('falls back to the default network ACL', () => {
    const d = aDesign(aVpc(), aSubnet(), aNetworkAcl());
    expect(networkAclOfSubnet(d, subnet(d))?.id).toBe('vpc-a-acl');
    const explicit = aDesign(aVpc(), aSubnet({ networkAclId: 'acl-a' }), aNetworkAcl());
    expect(networkAclOfSubnet(explicit, subnet(explicit))?.id).toBe('acl-a');
  });
});

describe('public subnets and public addresses', () => {
  // https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html: "Public subnet – The subnet has a
  // direct route to an internet gateway."
  it('a subnet is public only through a route to an internet gateway attached to its VPC', () => {
    const routed = aRouteTable({
      id: 'vpc-a-main',
      main: true,
      routes: [{ id: 'r', destinationCidrBlock: '0.0.0.0/0', targetId: 'igw-a' }],
    });
    const attached = aDesign(aVpc(), aSubnet(), routed, anInternetGateway());
    expect(isPublicSubnet(attached, subnet(attached))).toBe(true);
    const detached = aDesign(aVpc(), aSubnet(), routed, anInternetGateway({ vpcId: undefined }));
    expect(isPublicSubnet(detached, subnet(detached))).toBe(false);
    const noRoute = aDesign(aVpc(), aSubnet(), anInternetGateway());
    expect(isPublicSubnet(noRoute, subnet(noRoute))).toBe(false);
  });

  it('an instance follows its subnet’s auto-assign setting unless it says otherwise', () => {
    const d = aDesign(
      aVpc(),
      aSubnet({ mapPublicIpOnLaunch: true }),
      anInstance(),
      anInstance({ id: 'i-b', associatePublicIp: false }),
    );
    expect(hasPublicIp(d, d.resources['i-a'] as never)).toBe(true);
    expect(hasPublicIp(d, d.resources['i-b'] as never)).toBe(false);
  });
});

describe('the example design', () => {
  const d = exampleDesign();
  it('has public subnets routed to the internet gateway and private subnets that are not', () => {
    expect(isPublicSubnet(d, subnet(d, 'subnet-public-a'))).toBe(true);
    expect(isPublicSubnet(d, subnet(d, 'subnet-private-b'))).toBe(false);
  });

  it('has every reference pointing at a resource that exists', () => {
    for (const r of Object.values(d.resources)) {
      for (const key of [
        'vpcId',
        'subnetId',
        'routeTableId',
        'elasticIpId',
        'requesterVpcId',
        'accepterVpcId',
      ] as const) {
        const ref = (r as unknown as Record<string, unknown>)[key];
        if (typeof ref === 'string') expect(d.resources[ref], `${r.id}.${key} → ${ref}`).toBeDefined();
      }
    }
  });

  it('finds who refers to a resource', () => {
    expect(
      referencesTo(d, 'sg-web')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['i-web-a', 'i-web-b', 'sg-app']);
  });
});
