/**
 * A small kit for writing the lessons' starting designs in a few lines each (scripts/lessons/starts.ts): AWS's
 * defaults filled in by the model's builders, every resource named as a student will read it, laid out by the
 * engine's auto-layout. Used only to write the catalogue's JSON files; nothing here ships.
 */
import { layoutDesign } from './layout.ts';
import {
  aNatGateway,
  anElasticIp,
  anEndpoint,
  anInstance,
  anInternetGateway,
  aNetworkAcl,
  aPeering,
  aRouteTable,
  aSecurityGroup,
  aSubnet,
  aVpc,
  aBucket,
} from '../../src/engine/model/builders.ts';
import { defaultNetworkAcl, defaultSecurityGroup, emptyDesign } from '../../src/engine/model/create.ts';
import type {
  Design,
  Instance,
  NetworkAclRule,
  PeeringConnection,
  Resource,
  Route,
  SecurityGroupRule,
  VpcEndpoint,
} from '../../src/engine/model/types.ts';

export const ALL: SecurityGroupRule = { protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' };
export const tcp = (port: number, peer: string | { group: string }): SecurityGroupRule =>
  typeof peer === 'string'
    ? { protocol: 'tcp', fromPort: port, toPort: port, cidr: peer }
    : { protocol: 'tcp', fromPort: port, toPort: port, groupId: peer.group };
export const route = (id: string, destination: string, targetId: string): Route =>
  destination.startsWith('pl-')
    ? { id, destinationPrefixListId: destination, targetId }
    : { id, destinationCidrBlock: destination, targetId };
export const acl = (
  ruleNumber: number,
  action: 'allow' | 'deny',
  protocol: string,
  cidr: string,
  ports?: [number, number],
): NetworkAclRule => ({
  ruleNumber,
  action,
  protocol,
  cidr,
  ...(ports ? { fromPort: ports[0], toPort: ports[1] } : {}),
});

export class Net {
  readonly resources: Resource[] = [];

  private add<R extends Resource>(r: R): R {
    this.resources.push(r);
    return r;
  }

  /** A VPC with its main route table (`<id>-main`), default network ACL and default security group. */
  vpc(
    id: string,
    name: string,
    cidr: string,
    o: { zones?: string[]; region?: string; accountId?: string; mainRoutes?: Route[]; dnsHostnames?: boolean } = {},
  ) {
    const region = o.region ?? 'us-east-1';
    this.add(
      aVpc({
        id,
        name,
        cidrBlocks: [cidr],
        region,
        accountId: o.accountId ?? '111111111111',
        availabilityZones: o.zones ?? [`${region}a`, `${region}b`],
        enableDnsHostnames: o.dnsHostnames ?? true,
      }),
    );
    this.add(
      aRouteTable({ id: `${id}-main`, name: `${name} main routes`, vpcId: id, main: true, routes: o.mainRoutes ?? [] }),
    );
    this.add({ ...defaultNetworkAcl(`${id}-acl`, id), name: `${name} default ACL` });
    this.add({ ...defaultSecurityGroup(`${id}-sg`, id), name: `${name} default` });
    return this;
  }

  subnet(
    id: string,
    name: string,
    vpcId: string,
    cidr: string,
    az: string,
    o: { rt?: string; acl?: string; mapPublicIp?: boolean } = {},
  ) {
    this.add(
      aSubnet({
        id,
        name,
        vpcId,
        cidrBlock: cidr,
        availabilityZone: az,
        mapPublicIpOnLaunch: o.mapPublicIp ?? false,
        ...(o.rt ? { routeTableId: o.rt } : {}),
        ...(o.acl ? { networkAclId: o.acl } : {}),
      }),
    );
    return this;
  }

  igw(id: string, name: string, vpcId: string) {
    this.add(anInternetGateway({ id, name, vpcId }));
    return this;
  }

  routeTable(id: string, name: string, vpcId: string, routes: Route[] = []) {
    this.add(aRouteTable({ id, name, vpcId, routes }));
    return this;
  }

  sg(id: string, name: string, vpcId: string, ingress: SecurityGroupRule[], egress: SecurityGroupRule[] = [ALL]) {
    this.add(aSecurityGroup({ id, name, vpcId, description: name, ingress, egress }));
    return this;
  }

  networkAcl(id: string, name: string, vpcId: string, inbound: NetworkAclRule[], outbound: NetworkAclRule[]) {
    this.add(aNetworkAcl({ id, name, vpcId, inbound, outbound }));
    return this;
  }

  eip(id: string, name: string, publicIp: string) {
    this.add(anElasticIp({ id, name, publicIp }));
    return this;
  }

  instance(id: string, name: string, subnetId: string, privateIp: string, sgs: string[], o: Partial<Instance> = {}) {
    this.add(anInstance({ id, name, subnetId, privateIp, securityGroupIds: sgs, associatePublicIp: false, ...o }));
    return this;
  }

  nat(id: string, name: string, subnetId: string, elasticIpId?: string, o: { securityGroupIds?: string[] } = {}) {
    const nat = aNatGateway({ id, name, subnetId, ...o });
    if (elasticIpId) nat.elasticIpId = elasticIpId;
    else delete nat.elasticIpId;
    this.add(nat);
    return this;
  }

  peering(id: string, name: string, requesterVpcId: string, accepterVpcId: string, o: Partial<PeeringConnection> = {}) {
    this.add(aPeering({ id, name, requesterVpcId, accepterVpcId, ...o }));
    return this;
  }

  endpoint(id: string, name: string, vpcId: string, service: string, o: Partial<VpcEndpoint> = {}) {
    this.add(anEndpoint({ id, name, vpcId, serviceName: `com.amazonaws.us-east-1.${service}`, ...o }));
    return this;
  }

  bucket(id: string, name: string, bucketName: string, policyDocument?: unknown) {
    this.add(aBucket({ id, name, bucketName, ...(policyDocument ? { policyDocument } : {}) }));
    return this;
  }

  /** Any other resource, written out in full. */
  raw(r: Resource) {
    this.add(r);
    return this;
  }

  /** The design, named, laid out, with the given saved flows. */
  design(name: string, flows: Design['flows'] = []): Design {
    const resources: Design['resources'] = {};
    for (const r of this.resources) resources[r.id] = r;
    // Only the Availability Zones a VPC has subnets in, so a one-zone lesson does not show an empty band.
    for (const r of this.resources) {
      if (r.kind !== 'vpc') continue;
      const used = new Set(
        this.resources.flatMap((s) => (s.kind === 'subnet' && s.vpcId === r.id ? [s.availabilityZone] : [])),
      );
      if (used.size > 0) resources[r.id] = { ...r, availabilityZones: r.availabilityZones.filter((z) => used.has(z)) };
    }
    return layoutDesign(emptyDesign({ name, resources, flows }));
  }
}
