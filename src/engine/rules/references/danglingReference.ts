/**
 * Every reference names a resource that exists and is of the right kind: a subnet's VPC, an instance's subnet
 * and security groups, a peering connection's VPCs, … A design imported or edited by hand can point at
 * something deleted; AWS would refuse to create the resource.
 * https://docs.aws.amazon.com/vpc/latest/userguide/how-it-works.html
 */
import type { Resource, ResourceKind } from '../../model/types.ts';
import { Label, finding, kindName, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isUnknownValue } from '../../model/unknown.ts';

interface Reference {
  field: string;
  kind: ResourceKind;
  /** The field holds a list of ids. */
  many?: boolean;
  /** The field may be absent. */
  optional?: boolean;
  /** How the message names the relation, e.g. "belongs to". */
  verb: string;
}

// Route-table associations, NAT gateways' Elastic IPs and security group rules have rules of their own.
const REFERENCES: Partial<Record<ResourceKind, Reference[]>> = {
  subnet: [
    { field: 'vpcId', kind: 'vpc', verb: 'belongs to' },
    { field: 'networkAclId', kind: 'networkAcl', optional: true, verb: 'is associated with' },
  ],
  routeTable: [
    { field: 'vpcId', kind: 'vpc', verb: 'belongs to' },
    {
      field: 'propagatingGatewayIds',
      kind: 'virtualPrivateGateway',
      many: true,
      optional: true,
      verb: 'takes routes from',
    },
  ],
  securityGroup: [{ field: 'vpcId', kind: 'vpc', verb: 'belongs to' }],
  networkAcl: [{ field: 'vpcId', kind: 'vpc', verb: 'belongs to' }],
  vpcEndpoint: [
    { field: 'vpcId', kind: 'vpc', verb: 'belongs to' },
    { field: 'routeTableIds', kind: 'routeTable', many: true, optional: true, verb: 'is associated with' },
    { field: 'subnetIds', kind: 'subnet', many: true, optional: true, verb: 'is placed in' },
    { field: 'securityGroupIds', kind: 'securityGroup', many: true, optional: true, verb: 'uses' },
  ],
  instance: [
    { field: 'subnetId', kind: 'subnet', verb: 'is placed in' },
    { field: 'securityGroupIds', kind: 'securityGroup', many: true, optional: true, verb: 'uses' },
    { field: 'elasticIpId', kind: 'elasticIp', optional: true, verb: 'uses' },
  ],
  networkInterface: [
    { field: 'subnetId', kind: 'subnet', verb: 'is placed in' },
    { field: 'securityGroupIds', kind: 'securityGroup', many: true, optional: true, verb: 'uses' },
    { field: 'instanceId', kind: 'instance', optional: true, verb: 'is attached to' },
    { field: 'elasticIpId', kind: 'elasticIp', optional: true, verb: 'uses' },
  ],
  natGateway: [{ field: 'subnetId', kind: 'subnet', verb: 'is placed in' }],
  internetGateway: [{ field: 'vpcId', kind: 'vpc', optional: true, verb: 'is attached to' }],
  virtualPrivateGateway: [{ field: 'vpcId', kind: 'vpc', optional: true, verb: 'is attached to' }],
  peeringConnection: [
    { field: 'requesterVpcId', kind: 'vpc', verb: 'connects' },
    { field: 'accepterVpcId', kind: 'vpc', verb: 'connects' },
  ],
  vpnConnection: [
    { field: 'vpnGatewayId', kind: 'virtualPrivateGateway', verb: 'ends at' },
    { field: 'customerGatewayId', kind: 'customerGateway', verb: 'ends at' },
  ],
  directConnectGateway: [
    {
      field: 'virtualPrivateGatewayIds',
      kind: 'virtualPrivateGateway',
      many: true,
      optional: true,
      verb: 'is associated with',
    },
  ],
};

export const danglingReference: Rule = {
  id: 'dangling-reference',
  severity: 'error',
  title: 'References point at existing resources',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/how-it-works.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    const report = (owner: Resource, ref: Reference, value: unknown) => {
      if (typeof value === 'string' && index.get(value)?.kind === ref.kind) return;
      if (isUnknownValue(value)) return; // given by a parameter without a value
      const wanted = kindName(ref.kind);
      if (typeof value !== 'string' || value === '') {
        out.push(
          finding(
            danglingReference,
            [owner.id],
            `${Label(owner)} has no ${wanted}.`,
            `Choose the ${wanted} it ${ref.verb}.`,
          ),
        );
        return;
      }
      const target = index.get(value);
      const what = target
        ? `${label(target)}, which is not a ${wanted}`
        : `${wanted} ${value.slice(0, 60)}, which does not exist`;
      out.push(
        finding(
          danglingReference,
          [owner.id],
          `${Label(owner)} ${ref.verb} ${what}.`,
          `Point it at an existing ${wanted}, or delete the reference.`,
        ),
      );
    };
    for (const resource of index.all) {
      const refs = REFERENCES[resource.kind];
      if (!refs) continue;
      const fields = resource as unknown as Record<string, unknown>;
      for (const ref of refs) {
        const value = fields[ref.field];
        if (value === undefined && ref.optional) continue;
        if (ref.many) {
          if (Array.isArray(value)) for (const v of value) report(resource, ref, v);
        } else {
          report(resource, ref, value);
        }
      }
    }
    return out;
  },
};
