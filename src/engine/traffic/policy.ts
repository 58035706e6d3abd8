/**
 * IAM-style policy evaluation for VPC endpoint policies and S3 bucket policies: an explicit deny wins, otherwise
 * an allow is needed (for endpoint policies), with wildcards in Action and Resource and the condition operators
 * these policies use (String*, Arn*, IpAddress/NotIpAddress, Bool, Null, with …IfExists).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html — "An explicit deny
 * in any policy overrides any allows."
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html — a
 * condition whose key is missing from the request does not match, except the negated operators (a key that is
 * absent is "not equal" to every value) and `…IfExists`, which match when the key is missing.
 */
import { contains, parseCidr, parseIp } from '../cidr/cidr.ts';

export interface PolicyRequest {
  action: string;
  resource: string;
  /** The caller's account; principals naming it (or `*`) match. */
  account: string;
  /** Global condition keys (lower-case names): aws:sourcevpce, aws:sourcevpc, aws:sourceip, aws:vpcsourceip. */
  context: Record<string, string | undefined>;
}

export type PolicyDecision =
  | { decision: 'allow'; statement: string }
  | { decision: 'deny'; statement: string }
  | { decision: 'implicitDeny' }
  | { decision: 'invalid'; error: string };

type Json = unknown;

function asList(value: Json): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function wildcardToRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, ignoreCase ? 'i' : '');
}

const regexCache = new Map<string, RegExp>();
function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    re = wildcardToRegExp(pattern, ignoreCase);
    if (regexCache.size > 5000) regexCache.clear();
    regexCache.set(key, re);
  }
  return re.test(value);
}

function matchesAny(patterns: Json, value: string, ignoreCase: boolean): boolean {
  return asList(patterns).some((p) => typeof p === 'string' && wildcardMatch(p, value, ignoreCase));
}

function principalMatches(statement: Record<string, Json>, account: string): boolean {
  const matches = (principal: Json): boolean => {
    if (principal === '*') return true;
    if (principal && typeof principal === 'object') {
      const aws = (principal as Record<string, Json>).AWS;
      return asList(aws).some(
        (p) => p === '*' || p === account || (typeof p === 'string' && p.startsWith(`arn:aws:iam::${account}:`)),
      );
    }
    return false;
  };
  if (statement.Principal !== undefined) return matches(statement.Principal);
  if (statement.NotPrincipal !== undefined) return !matches(statement.NotPrincipal);
  return true;
}

const NEGATED = new Set([
  'stringnotequals',
  'stringnotequalsignorecase',
  'stringnotlike',
  'arnnotequals',
  'arnnotlike',
  'notipaddress',
]);

function conditionValueMatches(operator: string, expected: string, actual: string): boolean | undefined {
  switch (operator) {
    case 'stringequals':
    case 'stringnotequals':
    case 'arnequals':
    case 'arnnotequals':
      return expected === actual;
    case 'stringequalsignorecase':
    case 'stringnotequalsignorecase':
      return expected.toLowerCase() === actual.toLowerCase();
    case 'stringlike':
    case 'stringnotlike':
    case 'arnlike':
    case 'arnnotlike':
      return wildcardMatch(expected, actual);
    case 'ipaddress':
    case 'notipaddress': {
      const ip = parseIp(actual);
      if (ip === undefined) return false;
      const text = expected.includes('/') ? expected : `${expected}/32`;
      const cidr = parseCidr(text);
      return cidr.ok && contains(cidr.cidr, ip);
    }
    case 'bool':
      return expected.toLowerCase() === actual.toLowerCase();
    default:
      return undefined;
  }
}

/** Whether one condition block holds for the request; `undefined` when it uses an operator this engine does not know. */
function conditionsHold(condition: Json, context: PolicyRequest['context']): boolean | undefined {
  if (condition === undefined) return true;
  if (!condition || typeof condition !== 'object') return false;
  for (const [rawOperator, block] of Object.entries(condition as Record<string, Json>)) {
    let operator = rawOperator.toLowerCase().replace(/^for(any|all)value:/, '');
    const ifExists = operator.endsWith('ifexists');
    if (ifExists) operator = operator.slice(0, -'ifexists'.length);
    if (!block || typeof block !== 'object') return false;
    for (const [rawKey, expectedValues] of Object.entries(block as Record<string, Json>)) {
      const actual = context[rawKey.toLowerCase()];
      const expected = asList(expectedValues).map(String);
      if (operator === 'null') {
        const wantMissing = expected.some((v) => v.toLowerCase() === 'true');
        if ((actual === undefined) !== wantMissing) return false;
        continue;
      }
      const negated = NEGATED.has(operator);
      if (actual === undefined) {
        if (ifExists || negated) continue;
        return false;
      }
      const results = expected.map((e) => conditionValueMatches(operator, e, actual));
      if (results.some((r) => r === undefined)) return undefined;
      const any = results.some(Boolean);
      if (negated ? any : !any) return false;
    }
  }
  return true;
}

/**
 * Evaluates a policy document for one request.
 *
 * @example evaluatePolicy({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:Get*', Resource: '*' }] },
 *   { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', account: '111111111111', context: {} })
 *   // { decision: 'allow', statement: 'statement 1' }
 */
export function evaluatePolicy(policy: Json, request: PolicyRequest): PolicyDecision {
  let doc = policy;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return { decision: 'invalid', error: 'the policy is not valid JSON' };
    }
  }
  if (!doc || typeof doc !== 'object') return { decision: 'invalid', error: 'the policy is not a JSON object' };
  const statements = asList((doc as Record<string, Json>).Statement);
  let allowedBy: string | undefined;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    if (!s || typeof s !== 'object') continue;
    const statement = s as Record<string, Json>;
    const label =
      typeof statement.Sid === 'string' && statement.Sid ? `statement "${statement.Sid}"` : `statement ${i + 1}`;
    const effect = String(statement.Effect ?? '').toLowerCase();
    if (effect !== 'allow' && effect !== 'deny') continue;
    const actionOk =
      statement.Action !== undefined
        ? matchesAny(statement.Action, request.action, true)
        : statement.NotAction !== undefined && !matchesAny(statement.NotAction, request.action, true);
    if (!actionOk) continue;
    const resourceOk =
      statement.Resource !== undefined
        ? matchesAny(statement.Resource, request.resource, false)
        : statement.NotResource !== undefined
          ? !matchesAny(statement.NotResource, request.resource, false)
          : true;
    if (!resourceOk) continue;
    if (!principalMatches(statement, request.account)) continue;
    const holds = conditionsHold(statement.Condition, request.context);
    // An operator we do not know: assume a deny applies (the safe answer) and an allow does not.
    if (holds === undefined ? effect === 'allow' : !holds) continue;
    if (effect === 'deny') return { decision: 'deny', statement: label };
    allowedBy ??= label;
  }
  return allowedBy ? { decision: 'allow', statement: allowedBy } : { decision: 'implicitDeny' };
}
