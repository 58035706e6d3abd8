/**
 * What AWS refuses in how a template defines a resource, where the model has no field to hold the mistake — a
 * subnet given a second route table, an instance with network interfaces and an instance-level subnet or groups,
 * a security group rule that names a group of a VPC of its own by name. The importer notes each on the resource
 * (`refusals`, with the AWS page it comes from); this rule reports them, so the stack's creation failing shows as an
 * error rather than as an import note.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const templateRefused: Rule = {
  id: 'template-refused',
  severity: 'error',
  title: 'What AWS refuses in the template',
  docs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const resource of index.all) {
      if (!Array.isArray(resource.refusals)) continue;
      for (const refusal of resource.refusals) {
        if (typeof refusal?.message !== 'string' || refusal.message === '') continue;
        const involved = Array.isArray(refusal.resources)
          ? refusal.resources.filter((id) => typeof id === 'string' && id !== resource.id)
          : [];
        out.push(
          finding(
            templateRefused,
            [resource.id, ...involved],
            `${Label(resource)}: ${refusal.message}`,
            'Change the template as the message says; AWS fails the stack otherwise.',
          ),
        );
      }
    }
    return out;
  },
};
