/**
 * VPC endpoint policies and S3 bucket policies are IAM JSON policy documents: an optional Version ("2012-10-17" or
 * "2008-10-17"; without one, AWS reads the policy as 2008-10-17, so its absence is no error), and a Statement of
 * one or more entries, each with an Effect (Allow or Deny), a Principal, an Action and a Resource (or their Not-
 * forms).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
 */
import type { Resource } from '../../model/types.ts';
import { finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

const VERSIONS = new Set(['2012-10-17', '2008-10-17']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with a policy document, one plain phrase per problem (empty when it is valid). */
export function policyProblems(document: unknown): string[] {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return ['it is not valid JSON'];
    }
  }
  if (!isRecord(doc)) return ['it is not a JSON object'];
  const problems: string[] = [];
  if (doc.Version !== undefined && (typeof doc.Version !== 'string' || !VERSIONS.has(doc.Version)))
    problems.push(`its Version ${JSON.stringify(doc.Version).slice(0, 30)} is not "2012-10-17" or "2008-10-17"`);
  const statements = Array.isArray(doc.Statement)
    ? doc.Statement
    : doc.Statement === undefined
      ? undefined
      : [doc.Statement];
  if (!statements || statements.length === 0) {
    problems.push('it has no Statement');
    return problems;
  }
  statements.forEach((s, i) => {
    const which =
      statements.length === 1
        ? 'its statement'
        : `statement ${i + 1}${isRecord(s) && typeof s.Sid === 'string' ? ` (${s.Sid.slice(0, 30)})` : ''}`;
    if (!isRecord(s)) {
      problems.push(`${which} is not an object`);
      return;
    }
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
      problems.push(
        `${which} has Effect ${s.Effect === undefined ? 'missing' : JSON.stringify(s.Effect).slice(0, 30)} (must be "Allow" or "Deny")`,
      );
    const missing = [
      ['Principal', 'NotPrincipal'],
      ['Action', 'NotAction'],
      ['Resource', 'NotResource'],
    ]
      .filter(([a, b]) => s[a!] === undefined && s[b!] === undefined)
      .map(([a]) => a);
    if (missing.length > 0) problems.push(`${which} has no ${missing.join(', ')}`);
  });
  return problems;
}

export const policyDocument: Rule = {
  id: 'policy-document',
  severity: 'error',
  title: 'Endpoint and bucket policies are valid',
  docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    const checkOne = (owner: Resource, document: unknown, what: string) => {
      if (document === undefined || document === null) return;
      const problems = policyProblems(document);
      if (problems.length === 0) return;
      const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
      out.push(
        finding(
          policyDocument,
          [owner.id],
          `The ${what} of ${label(owner)} is invalid: ${shown}.`,
          'Give every statement an Effect (Allow or Deny), a Principal, an Action and a Resource, under Version "2012-10-17".',
        ),
      );
    };
    for (const endpoint of index.endpoints) checkOne(endpoint, endpoint.policyDocument, 'endpoint policy');
    for (const bucket of index.buckets) checkOne(bucket, bucket.policyDocument, 'bucket policy');
    return out;
  },
};
