import { describe, expect, it } from 'vitest';
import { aDesign, anInstance, aSubnet, aVpc } from '../model/builders.ts';
import { emptyDesign } from '../model/create.ts';
import { mainRouteTableOf, defaultNetworkAclOf, defaultSecurityGroupOf, routeTableOfSubnet } from '../model/queries.ts';
import type { Instance, Subnet } from '../model/types.ts';
import { addFromPalette } from './add.ts';
import { copyResources, pasteResources } from './clipboard.ts';
import { run } from './command.ts';
import { applyCommands } from './testing.ts';
import { connect, deleteResources, moveInto, moveNodes, updateResource } from './edit.ts';

const apply = applyCommands;

describe('adding from the palette', () => {
  it('creates a VPC with a main route table, default NACL and default security group', () => {
    // https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html ("your VPC has a main route table")
    const d = apply(emptyDesign(), addFromPalette('VPC', { position: { x: 0, y: 0 } }));
    expect(mainRouteTableOf(d, 'vpc-1')?.main).toBe(true);
    expect(defaultNetworkAclOf(d, 'vpc-1')?.inbound[0]).toMatchObject({
      ruleNumber: 100,
      action: 'allow',
      cidr: '0.0.0.0/0',
    });
    expect(defaultSecurityGroupOf(d, 'vpc-1')?.ingress[0]?.groupId).toBe(defaultSecurityGroupOf(d, 'vpc-1')?.id);
  });

  it('gives a subnet dropped on a VPC a free CIDR and the first AZ, or the AZ band it was dropped on', () => {
    const base = aDesign(aVpc({ id: 'v' }), aSubnet({ id: 's', vpcId: 'v', cidrBlock: '10.0.0.0/24' }));
    const onVpc = apply(base, addFromPalette('Subnet', { nodeId: 'v', position: { x: 5, y: 5 } }));
    expect(onVpc.resources['subnet-1']).toMatchObject({
      cidrBlock: '10.0.1.0/24',
      availabilityZone: 'us-east-1a',
      vpcId: 'v',
    });
    const onBand = apply(base, addFromPalette('Subnet', { nodeId: 'az:v:us-east-1b', position: { x: 5, y: 5 } }));
    expect((onBand.resources['subnet-1'] as Subnet).availabilityZone).toBe('us-east-1b');
  });

  it('refuses a subnet outside any VPC and an instance outside a subnet, with a reason', () => {
    expect(run(emptyDesign(), addFromPalette('Subnet', { position: { x: 0, y: 0 } })).error).toMatch(
      /belongs to a VPC/,
    );
    expect(
      run(aDesign(aVpc()), addFromPalette('EC2 instance', { nodeId: 'vpc-a', position: { x: 0, y: 0 } })).error,
    ).toMatch(/runs in a subnet/);
  });

  it('puts a new instance on a free, non-reserved address with the default security group', () => {
    const base = aDesign(aVpc(), aSubnet({ cidrBlock: '10.0.1.0/24' }), anInstance({ privateIp: '10.0.1.10' }));
    const d = apply(base, addFromPalette('EC2 instance', { nodeId: 'subnet-a', position: { x: 1, y: 1 } }));
    const added = d.resources['i-1'] as Instance;
    expect(added.privateIp).toBe('10.0.1.11');
    expect(added.securityGroupIds).toEqual(['vpc-a-sg']);
  });

  it('refuses a second internet gateway on a VPC', () => {
    const d = apply(aDesign(aVpc()), addFromPalette('Internet gateway', { nodeId: 'vpc-a', position: { x: 0, y: 0 } }));
    expect(run(d, addFromPalette('Internet gateway', { nodeId: 'vpc-a', position: { x: 0, y: 0 } })).error).toMatch(
      /only one/,
    );
  });
});

describe('editing', () => {
  it('deleting a VPC takes its subnets, instances and defaults with it', () => {
    const d = apply(aDesign(aVpc(), aSubnet(), anInstance()), deleteResources(['vpc-a']));
    expect(Object.keys(d.resources)).toEqual([]);
  });

  it('refuses to delete a main route table on its own', () => {
    const r = run(aDesign(aVpc()), deleteResources(['vpc-a-main']));
    expect(r.error).toMatch(/main route table/);
  });

  it('falls back to the main route table when the explicit one is deleted', () => {
    const d0 = aDesign(aVpc(), aSubnet({ routeTableId: 'rtb-x' }), {
      id: 'rtb-x',
      kind: 'routeTable',
      name: 'x',
      vpcId: 'vpc-a',
      main: false,
      routes: [],
      propagatingGatewayIds: [],
    });
    const d = apply(d0, deleteResources(['rtb-x']));
    expect(routeTableOfSubnet(d, d.resources['subnet-a'] as Subnet)?.id).toBe('vpc-a-main');
  });

  it('moves a whole selection as one command and records integer positions', () => {
    const d = apply(
      aDesign(aVpc(), aSubnet()),
      moveNodes({ 'vpc-a': { x: 10.4, y: 20.6 }, 'subnet-a': { x: 3, y: 4 } }),
    );
    expect(d.layout['vpc-a']).toEqual({ x: 10, y: 21 });
  });

  it('moving a subnet into another AZ band changes its AZ; into another VPC is refused', () => {
    const base = aDesign(aVpc(), aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }), aSubnet());
    const d = apply(base, moveInto('subnet-a', 'az:vpc-a:us-east-1b', { x: 0, y: 0 }));
    expect((d.resources['subnet-a'] as Subnet).availabilityZone).toBe('us-east-1b');
    expect(run(base, moveInto('subnet-a', 'az:vpc-b:us-east-1a', { x: 0, y: 0 })).error).toMatch(/another VPC/);
  });

  it('connecting two VPCs makes a pending peering request, and only one per pair', () => {
    const base = aDesign(aVpc(), aVpc({ id: 'vpc-b', cidrBlocks: ['10.1.0.0/16'] }));
    const d = apply(base, connect('vpc-a', 'vpc-b'));
    expect(d.resources['pcx-1']).toMatchObject({
      kind: 'peeringConnection',
      requesterVpcId: 'vpc-a',
      accepterVpcId: 'vpc-b',
      status: 'pending-acceptance',
    });
    expect(run(d, connect('vpc-b', 'vpc-a')).error).toMatch(/only one peering connection per pair/);
  });

  it('updates a field and keeps everything else', () => {
    const d = apply(aDesign(aVpc()), updateResource('vpc-a', { name: 'Prod' }));
    expect(d.resources['vpc-a']).toMatchObject({ name: 'Prod', cidrBlocks: ['10.0.0.0/16'] });
  });
});

describe('copy and paste', () => {
  it('pastes a VPC as a working twin: new ids, new CIDR, its subnet and instance re-addressed and re-pointed', () => {
    const base = aDesign(aVpc(), aSubnet(), anInstance({ securityGroupIds: ['vpc-a-sg'] }));
    const d = apply(base, pasteResources(copyResources(base, ['vpc-a'])));
    const vpcs = Object.values(d.resources).filter((r) => r.kind === 'vpc');
    expect(vpcs).toHaveLength(2);
    const twin = vpcs.find((v) => v.id !== 'vpc-a')!;
    expect(twin.kind === 'vpc' && twin.cidrBlocks[0]).toBe('10.1.0.0/16');
    const subnet = Object.values(d.resources).find((r) => r.kind === 'subnet' && r.vpcId === twin.id) as Subnet;
    expect(subnet.cidrBlock).toBe('10.1.0.0/24');
    const instance = Object.values(d.resources).find(
      (r) => r.kind === 'instance' && r.subnetId === subnet.id,
    ) as Instance;
    expect(instance.securityGroupIds).toHaveLength(1);
    expect(instance.securityGroupIds[0]).not.toBe('vpc-a-sg');
    expect(d.resources[instance.securityGroupIds[0]!]).toMatchObject({ vpcId: twin.id, isDefault: true });
  });
});
