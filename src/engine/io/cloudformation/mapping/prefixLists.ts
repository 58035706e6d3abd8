/**
 * Customer-managed prefix lists (AWS::EC2::PrefixList): a named set of CIDR blocks that security group rules and
 * routes name instead of a block. The model has no record for a list; each rule or route that names one becomes
 * one copy per entry, which is what the list stands for: "You can create a prefix list from the IP addresses that
 * you frequently use, and reference them as a set in security group rules and routes instead of referencing them
 * individually. For example, you can consolidate security group rules with different CIDR blocks but the same port
 * and protocol into a single rule that uses a prefix list."
 * https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-prefixlist.html
 */
import { refId, type ImportContext, type Outcome, type Props } from './context.ts';

export function mapPrefixList(ctx: ImportContext, id: string, props: Props): Outcome {
  const family = (ctx.text(props, 'AddressFamily', id) ?? 'IPv4').toLowerCase();
  if (family === 'ipv6') return { status: 'not-modelled', reason: 'an IPv6 prefix list: IPv6 is not modelled' };
  const cidrs = ctx
    .records(props, 'Entries', id)
    .map((entry) => ctx.text(entry, 'Cidr', id))
    .filter((cidr): cidr is string => typeof cidr === 'string' && cidr !== '');
  ctx.prefixLists.set(id, cidrs);
  return {
    status: 'not-modelled',
    reason:
      'a prefix list is not a record of its own: the security group rules and routes that name it get one copy per entry',
  };
}

/** The entries of a template prefix list a rule or route names (by Ref or GetAtt PrefixListId), if it is one. */
export function prefixListEntries(ctx: ImportContext, named: string | undefined): string[] | undefined {
  if (named === undefined) return undefined;
  const id = String(refId(named));
  return ctx.prefixLists.get(id) ?? ctx.prefixLists.get(id.replace(/\.PrefixListId$/, ''));
}
