/**
 * Generated designs for benchmarks and scale tests: deterministic (the same options give the same design) and
 * valid by AWS's rules, so a benchmark measures the normal path rather than error reporting.
 *
 * Each VPC `i` gets 10.i.0.0/16 over three AZs, an attached internet gateway, one public /24 subnet per AZ with a
 * NAT gateway (and its Elastic IP), private /24 subnets routed to the NAT gateway of their own AZ, an S3 gateway
 * endpoint on the private route tables, web and app security groups, and an active peering connection to the
 * next VPC with routes on both sides.
 *
 * @example generateDesign({ vpcs: 50, subnetsPerVpc: 20, instancesPerSubnet: 1 }) // 50 VPCs, 1,000 subnets, 1,000 instances
 */
import { defaultNetworkAcl, defaultSecurityGroup, emptyDesign, zonesOf } from './create.ts';
import { autoLayout } from '../layout/autoLayout.ts';
import { diagramGeometry } from '../layout/diagram.ts';
import { CHIP, REGION } from '../layout/geometry.ts';
import type { Design, Resource, Route, RouteTable } from './types.ts';

export interface GenerateOptions {
  /** 1–256. */
  vpcs: number;
  /** 1–256 (each a /24 of the VPC's /16). */
  subnetsPerVpc: number;
  /** 0–200 per subnet. */
  instancesPerSubnet: number;
  region?: string;
}

const ZONES_PER_VPC = 3;

export function generateDesign(options: GenerateOptions): Design {
  const vpcCount = clamp(options.vpcs, 1, 256);
  const subnetsPerVpc = clamp(options.subnetsPerVpc, 1, 256);
  const instancesPerSubnet = clamp(options.instancesPerSubnet, 0, 200);
  const region = options.region ?? 'us-east-1';
  const zones = zonesOf(region, ZONES_PER_VPC);
  const resources: Resource[] = [];
  const peeringId = (a: number) => `pcx-${a}-${a + 1}`;

  for (let v = 0; v < vpcCount; v++) {
    const vpcId = `vpc-${v}`;
    const cidr = (third: number, fourth = 0) => `10.${v}.${third}.${fourth}`;
    const usedZones = zones.slice(0, Math.min(ZONES_PER_VPC, subnetsPerVpc));
    resources.push(
      {
        id: vpcId,
        kind: 'vpc',
        name: `VPC ${v}`,
        cidrBlocks: [`${cidr(0)}/16`],
        enableDnsSupport: true,
        enableDnsHostnames: true,
        region,
        accountId: '111111111111',
        availabilityZones: usedZones,
      },
      { id: `igw-${v}`, kind: 'internetGateway', name: `IGW ${v}`, vpcId },
      defaultNetworkAcl(`acl-${v}`, vpcId),
      defaultSecurityGroup(`sg-${v}-default`, vpcId),
      {
        id: `sg-${v}-web`,
        kind: 'securityGroup',
        name: `web ${v}`,
        vpcId,
        description: 'HTTPS from anywhere',
        isDefault: false,
        ingress: [{ id: `sg-${v}-web-https`, protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }],
        egress: [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }],
      },
      {
        id: `sg-${v}-app`,
        kind: 'securityGroup',
        name: `app ${v}`,
        vpcId,
        description: 'App port from web, SSH from the network',
        isDefault: false,
        ingress: [
          { id: `sg-${v}-app-web`, protocol: 'tcp', fromPort: 8080, toPort: 8080, groupId: `sg-${v}-web` },
          { id: `sg-${v}-app-ssh`, protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/8' },
        ],
        egress: [{ protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }],
      },
    );

    // Routes to the neighbouring VPCs over peering, for every route table that carries workload traffic.
    const peeringRoutes: Route[] = [];
    if (v > 0)
      peeringRoutes.push({
        id: `route-${v}-to-${v - 1}`,
        destinationCidrBlock: `10.${v - 1}.0.0/16`,
        targetId: peeringId(v - 1),
      });
    if (v < vpcCount - 1)
      peeringRoutes.push({
        id: `route-${v}-to-${v + 1}`,
        destinationCidrBlock: `10.${v + 1}.0.0/16`,
        targetId: peeringId(v),
      });
    const table = (id: string, name: string, main: boolean, routes: Route[]): RouteTable => ({
      id,
      kind: 'routeTable',
      name,
      vpcId,
      main,
      routes,
      propagatingGatewayIds: [],
    });
    resources.push(
      table(`rtb-${v}-main`, `main ${v}`, true, []),
      table(`rtb-${v}-public`, `public ${v}`, false, [
        { id: `route-${v}-public-default`, destinationCidrBlock: '0.0.0.0/0', targetId: `igw-${v}` },
        ...peeringRoutes.map((r) => ({ ...r, id: `${r.id}-public` })),
      ]),
    );
    usedZones.forEach((zone, z) => {
      resources.push(
        table(`rtb-${v}-private-${z}`, `private ${v} ${zone}`, false, [
          { id: `route-${v}-private-${z}-default`, destinationCidrBlock: '0.0.0.0/0', targetId: `nat-${v}-${z}` },
          ...peeringRoutes.map((r) => ({ ...r, id: `${r.id}-private-${z}` })),
        ]),
        { id: `eip-${v}-${z}`, kind: 'elasticIp', name: `NAT ${v} ${zone}`, publicIp: `198.18.${v}.${z + 1}` },
      );
    });

    for (let s = 0; s < subnetsPerVpc; s++) {
      const z = s % usedZones.length;
      const isPublic = s < usedZones.length;
      const subnetId = `subnet-${v}-${s}`;
      resources.push({
        id: subnetId,
        kind: 'subnet',
        name: `${isPublic ? 'public' : 'private'} ${v}.${s}`,
        vpcId,
        cidrBlock: `${cidr(s)}/24`,
        availabilityZone: usedZones[z]!,
        mapPublicIpOnLaunch: isPublic,
        routeTableId: isPublic ? `rtb-${v}-public` : `rtb-${v}-private-${z}`,
      });
      if (isPublic) {
        resources.push({
          id: `nat-${v}-${z}`,
          kind: 'natGateway',
          name: `NAT ${v} ${usedZones[z]}`,
          subnetId,
          connectivityType: 'public',
          elasticIpId: `eip-${v}-${z}`,
          privateIp: cidr(s, 5),
        });
      }
      for (let i = 0; i < instancesPerSubnet; i++) {
        const instanceId = `i-${v}-${s}-${i}`;
        resources.push({
          id: instanceId,
          kind: 'instance',
          name: `${isPublic ? 'web' : 'app'} ${v}.${s}.${i}`,
          subnetId,
          instanceType: 't3.micro',
          privateIp: cidr(s, 10 + i),
          securityGroupIds: [isPublic ? `sg-${v}-web` : `sg-${v}-app`],
          sourceDestCheck: true,
        });
      }
    }

    resources.push({
      id: `vpce-${v}-s3`,
      kind: 'vpcEndpoint',
      name: `S3 ${v}`,
      vpcId,
      endpointType: 'Gateway',
      serviceName: `com.amazonaws.${region}.s3`,
      routeTableIds: usedZones.map((_, z) => `rtb-${v}-private-${z}`),
      subnetIds: [],
      securityGroupIds: [],
      privateDnsEnabled: false,
    });
    if (v < vpcCount - 1) {
      resources.push({
        id: peeringId(v),
        kind: 'peeringConnection',
        name: `VPC ${v} ↔ VPC ${v + 1}`,
        requesterVpcId: vpcId,
        accepterVpcId: `vpc-${v + 1}`,
        status: 'active',
      });
    }
  }

  const byId: Design['resources'] = {};
  for (const r of resources) byId[r.id] = r;
  const design = emptyDesign({
    name: `Generated: ${vpcCount} VPCs × ${subnetsPerVpc} subnets × ${instancesPerSubnet} instances`,
    region,
    resources: byId,
  });
  // Inside each VPC, laid out as an import is (subnets in tier rows, leaves in grids); the VPCs in a square grid
  // spaced by the largest VPC's drawn size, so nothing overlaps and the whole design frames at a legible zoom.
  const layout = autoLayout(design);
  const boxes = diagramGeometry({ ...design, layout }).byId;
  const vpcs = Object.values(byId).filter((r) => r.kind === 'vpc');
  const cell = { width: 0, height: 0 };
  for (const vpc of vpcs) {
    const box = boxes.get(vpc.id)!.abs;
    cell.width = Math.max(cell.width, box.width + REGION.gap);
    cell.height = Math.max(cell.height, box.height + REGION.gap + CHIP.height);
  }
  const columns = Math.ceil(Math.sqrt(vpcs.length));
  vpcs.forEach((vpc, i) => {
    layout[vpc.id] = {
      x: REGION.pad + (i % columns) * cell.width,
      y: REGION.header + CHIP.height + Math.floor(i / columns) * cell.height,
    };
  });
  return { ...design, layout };
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : min;
}
