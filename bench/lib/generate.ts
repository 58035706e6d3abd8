/**
 * Large designs for the benchmarks: `vpcs` VPCs side by side, each with two availability zones, public and
 * private subnets, an internet gateway, a NAT gateway (and its Elastic IP) per zone, and instances spread over
 * the subnets until the VPC's share of the design is full. Built with the engine's own `createVpc`, so each VPC
 * has its main route table, default network ACL and default security group as AWS creates them.
 */
import { createVpc, emptyDesign } from '../../src/engine/index.ts';
import type { Box, Design, Resource } from '../../src/engine/index.ts';

export interface GenerateOptions {
  vpcs: number;
  /** Every resource that belongs to one VPC, the VPC and its Elastic IPs included. At least 15. */
  resourcesPerVpc: number;
}

const ZONES = ['us-east-1a', 'us-east-1b'];
const INSTANCE = { width: 150, height: 90 };
const PER_ROW = 4;

/**
 * @example generateBenchDesign({ vpcs: 5, resourcesPerVpc: 60 }) // 300 resources
 */
export function generateBenchDesign({ vpcs, resourcesPerVpc }: GenerateOptions): Design {
  let design = emptyDesign({ name: `Benchmark: ${vpcs * resourcesPerVpc} resources` });
  const layout: Record<string, Box> = {};
  let x = 40;
  for (let v = 0; v < vpcs; v++) {
    const { design: withVpc, vpc } = createVpc(design, {
      id: `vpc-${v}`, name: `VPC ${v}`, cidrBlocks: [`10.${v}.0.0/16`], zones: ZONES,
    });
    design = withVpc;
    const added: Resource[] = [{ id: `igw-${v}`, kind: 'internetGateway', name: `IGW ${v}`, vpcId: vpc.id }];
    const subnets: string[] = [];
    ZONES.forEach((zone, z) => {
      for (const [tier, isPublic] of [['public', true], ['private', false]] as const) {
        const id = `subnet-${v}-${tier}-${z}`;
        subnets.push(id);
        added.push({
          id, kind: 'subnet', name: `${tier} ${zone}`, vpcId: vpc.id, cidrBlock: `10.${v}.${z * 16 + (isPublic ? 0 : 8)}.0/24`,
          availabilityZone: zone, mapPublicIpOnLaunch: isPublic,
        });
      }
      added.push({ id: `eip-${v}-${z}`, kind: 'elasticIp', name: `NAT ${z} address`, publicIp: `203.0.113.${v * 2 + z + 1}` });
      added.push({
        id: `nat-${v}-${z}`, kind: 'natGateway', name: `NAT ${zone}`, subnetId: `subnet-${v}-public-${z}`,
        connectivityType: 'public', elasticIpId: `eip-${v}-${z}`, privateIp: `10.${v}.${z * 16}.5`,
      });
    });
    // 4 defaults and the VPC come from createVpc; the rest of the share is instances.
    const instances = resourcesPerVpc - 4 - added.length;
    if (instances < 1) throw new Error(`resourcesPerVpc must be at least ${5 + added.length}.`);
    const perSubnet = new Map<string, number>();
    for (let i = 0; i < instances; i++) {
      const subnetId = subnets[i % subnets.length]!;
      const slot = (perSubnet.get(subnetId) ?? 0) + 1; // slot 0 is the NAT gateway's in public subnets
      perSubnet.set(subnetId, slot);
      const subnet = added.find((r) => r.id === subnetId);
      const [a, b, c] = subnet && subnet.kind === 'subnet' ? subnet.cidrBlock.split('.') : ['10', '0', '0'];
      const id = `i-${v}-${i}`;
      added.push({
        id, kind: 'instance', name: `app-${v}-${i}`, subnetId, instanceType: 't3.micro', privateIp: `${a}.${b}.${c}.${10 + slot}`,
        securityGroupIds: [], sourceDestCheck: true,
      });
      layout[id] = { x: 20 + (slot % PER_ROW) * (INSTANCE.width + 10), y: 50 + Math.floor(slot / PER_ROW) * (INSTANCE.height + 10) };
    }
    ZONES.forEach((_, z) => (layout[`nat-${v}-${z}`] = { x: 20, y: 50 }));
    const rows = Math.ceil((Math.ceil(instances / subnets.length) + 1) / PER_ROW);
    const subnetHeight = 70 + rows * (INSTANCE.height + 10);
    subnets.forEach((id, s) => (layout[id] = { x: 16, y: 40 + (s % 2) * (subnetHeight + 20) }));
    layout[vpc.id] = { x, y: 120 };
    layout[`igw-${v}`] = { x: 200, y: -28 };
    x += ZONES.length * (PER_ROW * (INSTANCE.width + 10) + 60) + 120;
    const resources = { ...design.resources };
    for (const r of added) resources[r.id] = r;
    design = { ...design, resources };
  }
  return { ...design, layout: { ...design.layout, ...layout } };
}
