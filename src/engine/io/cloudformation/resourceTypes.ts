/**
 * A flat list of a design's resources under their CloudFormation type names (each kind's `cfnType`, model/kinds.ts)
 * — routes and rules included under their own types — so a template's logical ids can be found again in
 * `check --json` output.
 */
import { KINDS } from '../../model/kinds.ts';
import type { Design } from '../../model/types.ts';

export interface ListedResource {
  id: string;
  type: string;
  name: string;
  /**
   * The record this one belongs to: a route's table, a rule's security group or network ACL — and, in `check`'s
   * output, the record a folded template resource went into (an association's subnet, an attachment's gateway).
   */
  parent?: string;
  /** A stand-in for something the file names but does not define (an existing VPC, …): its properties are unknown. */
  external?: true;
}

/**
 * Every resource of the design, then every route and every rule that has an id, with its CloudFormation type.
 *
 * @example listResources(design).find((r) => r.id === 'TeamToLonely') // { id: 'TeamToLonely', type: 'AWS::EC2::Route', parent: 'TeamRt', … }
 */
export function listResources(design: Design): ListedResource[] {
  const out: ListedResource[] = [];
  for (const r of Object.values(design.resources)) {
    out.push({
      id: r.id,
      type: KINDS[r.kind].cfnType,
      name: r.name,
      ...(r.external === true ? { external: true as const } : {}),
    });
  }
  for (const r of Object.values(design.resources)) {
    if (r.kind === 'routeTable') {
      for (const route of r.routes)
        if (route.id) out.push({ id: route.id, type: 'AWS::EC2::Route', name: route.id, parent: r.id });
    } else if (r.kind === 'securityGroup') {
      for (const rule of r.ingress)
        if (rule.id) out.push({ id: rule.id, type: 'AWS::EC2::SecurityGroupIngress', name: rule.id, parent: r.id });
      for (const rule of r.egress)
        if (rule.id) out.push({ id: rule.id, type: 'AWS::EC2::SecurityGroupEgress', name: rule.id, parent: r.id });
    } else if (r.kind === 'networkAcl') {
      for (const rule of [...r.inbound, ...r.outbound])
        if (rule.id) out.push({ id: rule.id, type: 'AWS::EC2::NetworkAclEntry', name: rule.id, parent: r.id });
    }
  }
  return out;
}
