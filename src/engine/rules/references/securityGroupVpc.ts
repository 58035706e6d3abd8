/**
 * A security group can only be used by resources in the VPC it was created for: an instance, network interface
 * or interface endpoint cannot use another VPC's group.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
 */
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

export const securityGroupVpc: Rule = {
  id: 'security-group-vpc',
  severity: 'error',
  title: "Resources use their own VPC's security groups",
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const owner of [...index.instances, ...index.networkInterfaces, ...index.endpoints]) {
      const vpc = index.vpcOf(owner);
      // An existing subnet's VPC is a guess: only resources placed in subnets of the design are compared.
      if (!vpc || ('subnetId' in owner && isExternal(index.get(owner.subnetId)))) continue;
      for (const id of owner.securityGroupIds) {
        const group = index.get(id);
        if (group?.kind !== 'securityGroup' || group.vpcId === vpc.id || isExternal(group)) continue;
        out.push(
          finding(
            securityGroupVpc,
            [owner.id, group.id],
            `${Label(owner)} uses ${label(group)}, which belongs to another VPC (${group.vpcId}) than its own (${vpc.id}).`,
            `Use a security group of ${label(vpc)}.`,
          ),
        );
      }
    }
    return out;
  },
};
