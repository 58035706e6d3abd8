/**
 * A subnet can only be associated with a network ACL of its own VPC.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
 */
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

export const networkAclVpc: Rule = {
  id: 'network-acl-vpc',
  severity: 'error',
  title: 'Subnets use a network ACL of their own VPC',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const subnet of index.subnets) {
      const acl = index.get(subnet.networkAclId);
      if (acl?.kind !== 'networkAcl' || acl.vpcId === subnet.vpcId) continue;
      if (isExternal(acl) || isExternal(subnet)) continue; // an existing one's VPC is a guess
      out.push(
        finding(
          networkAclVpc,
          [subnet.id, acl.id],
          `${Label(subnet)} is associated with ${label(acl)}, which belongs to another VPC (${acl.vpcId}).`,
          "Associate the subnet with one of its own VPC's network ACLs.",
        ),
      );
    }
    return out;
  },
};
