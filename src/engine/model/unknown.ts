/**
 * Values a design does not know, and resources it does not own.
 *
 * A CloudFormation template can leave a value to a parameter that has no Default; until someone supplies it, the
 * value is unknown — not wrong. The importer writes such a value as `${Name}` (CloudFormation's own substitution
 * syntax, with the parameter's name), and anything built from it keeps the token (`${Prefix}.0/24`), so a rule
 * can tell "unknown" from "invalid" and skip the check instead of reporting the parameter's name as a bad CIDR.
 * Parameter names are alphanumeric, which keeps IAM policy variables such as `${aws:username}` out of the match.
 * (Fn::Sub's escaped `${!Literal}` yields the same text as a token; templates use it in free text and policies,
 * which no check reads as an address.)
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 *
 * Resources the design names but does not define (an existing VPC given as a parameter) carry `external: true`:
 * their missing properties are unknown, so rules that need them skip them as well.
 */
import type { Resource } from './types.ts';

/** One `${Name}` token; the name follows CloudFormation's rule for logical ids and parameter names. */
const TOKEN = /\$\{([A-Za-z0-9]+)\}/g;
const WHOLE_TOKEN = /^\$\{([A-Za-z0-9]+)\}$/;

/**
 * The text that stands for the value of a parameter nobody has given a value.
 *
 * @example unknownValue('PrimaryIPAddress') // '${PrimaryIPAddress}'
 */
export function unknownValue(parameter: string): string {
  return `\${${parameter}}`;
}

/**
 * Whether a value depends on a parameter whose value is unknown.
 *
 * @example isUnknownValue('${PeerVpcCidr}') // true
 * @example isUnknownValue('10.0.0.0/16') // false
 */
export function isUnknownValue(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${') && new RegExp(TOKEN.source).test(value);
}

/**
 * The parameters a value depends on, in order of appearance, without repeats.
 *
 * @example unknownParametersIn('${Prefix}.${Octet}.0/24') // ['Prefix', 'Octet']
 */
export function unknownParametersIn(value: string): string[] {
  if (!value.includes('${')) return [];
  const names: string[] = [];
  for (const match of value.matchAll(TOKEN)) if (!names.includes(match[1]!)) names.push(match[1]!);
  return names;
}

/**
 * The parameter a value is exactly, when it is one whole token (an id given by a parameter).
 *
 * @example wholeUnknownParameter('${VpcId}') // 'VpcId'
 * @example wholeUnknownParameter('${Prefix}.0/24') // undefined
 */
export function wholeUnknownParameter(value: unknown): string | undefined {
  return typeof value === 'string' ? WHOLE_TOKEN.exec(value)?.[1] : undefined;
}

/** Whether the resource is defined outside the design (its properties are unknown). */
export function isExternal(resource: Resource | undefined): boolean {
  return resource?.external === true;
}
