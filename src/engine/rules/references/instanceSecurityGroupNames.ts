/**
 * Security groups by name belong to the default VPC: for an instance in any other VPC, EC2 takes only group ids
 * ("[Default VPC] The names of the security groups. For a nondefault VPC, you must use security group IDs
 * instead."), so a launch that names its groups is refused. The importer notes the names a template gives in
 * `SecurityGroups` for such an instance.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const instanceSecurityGroupNames: Rule = {
  id: 'instance-security-group-names',
  severity: 'error',
  title: 'Instances outside the default VPC give security group ids, not names',
  docs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const instance of index.instances) {
      const names = Array.isArray(instance.securityGroupNames)
        ? instance.securityGroupNames.filter((n) => typeof n === 'string')
        : [];
      if (names.length === 0) continue;
      const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
      out.push(
        finding(
          instanceSecurityGroupNames,
          [instance.id, ...instance.securityGroupIds.filter((id) => names.includes(id))],
          `${Label(instance)} names its security groups (${shown}) in SecurityGroups, but it is not in the default VPC, where only group ids are accepted; EC2 refuses to launch it.`,
          'List the groups in SecurityGroupIds (!Ref of a VPC security group gives its id) instead of SecurityGroups.',
        ),
      );
    }
    return out;
  },
};
