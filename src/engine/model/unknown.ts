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
 * An element of a list parameter nobody has given (`!Select [1, !Ref AvailabilityZones]`) is the list's token and
 * the index: `${AvailabilityZones}[1]` — distinct elements stay distinct, and the token still names the parameter.
 *
 * A value imported from another stack (`Fn::ImportValue`) is unknown too. It is written `${ImportValue:Name}` with
 * the export's name (which may itself hold a parameter's token: `${ImportValue:${ParentVPCStack}-VPC}`); so is an
 * attribute only known once a resource exists, `${GetAtt:Resource.Attribute}` (a DNS name, a nested stack's output),
 * and so is a resource the model does not represent, `${NotModelled:Id}` (a transit gateway as a route's target).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-importvalue.html
 *
 * Resources the design names but does not define (an existing VPC given as a parameter) carry `external: true`:
 * their missing properties are unknown, so rules that need them skip them as well.
 */
import type { Resource } from './types.ts';

/** One `${Name}` token; the name follows CloudFormation's rule for logical ids and parameter names. */
const TOKEN = /\$\{([A-Za-z0-9]+)\}/g;
/** A whole token, or a whole token with an element index (`${Subnets}[1]`). */
const WHOLE_TOKEN = /^\$\{([A-Za-z0-9]+)\}(\[\d+\])?$/;
/** Values only known once deployed: imports from other stacks, attributes nobody can compute beforehand. */
const DEPLOYED = /\$\{(?:ImportValue|GetAtt|NotModelled):/;
const WHOLE_DEPLOYED = /^\$\{(?:ImportValue|GetAtt|NotModelled):(.+)\}(\[\d+\])?$/s;

/**
 * The text that stands for the value of a parameter nobody has given a value.
 *
 * @example unknownValue('PrimaryIPAddress') // '${PrimaryIPAddress}'
 */
export function unknownValue(parameter: string): string {
  return `\${${parameter}}`;
}

/**
 * The text that stands for a value another stack exports (`Fn::ImportValue`): unknown until deployed.
 *
 * @example importedValue('network-VPC') // '${ImportValue:network-VPC}'
 */
export function importedValue(exportName: string): string {
  return `\${ImportValue:${exportName}}`;
}

/**
 * The text that stands for an attribute only known once the resource exists (a DNS name, a nested stack's output).
 *
 * @example deployedAttribute('Endpoint', 'DnsEntries') // '${GetAtt:Endpoint.DnsEntries}'
 */
export function deployedAttribute(resource: string, attribute: string): string {
  return `\${GetAtt:${resource}.${attribute}}`;
}

/**
 * The text that stands for a resource the model does not represent (a transit gateway a route targets): the
 * design cannot tell whether traffic gets through it, so checks that need it are skipped.
 *
 * @example notModelledResource('Tgw') // '${NotModelled:Tgw}'
 */
export function notModelledResource(id: string): string {
  return `\${NotModelled:${id}}`;
}

/**
 * The text that stands for element `index` of an unknown list (a list parameter without a value, or a split of an
 * unknown value).
 *
 * @example unknownElement('${AvailabilityZones}', 1) // '${AvailabilityZones}[1]'
 */
export function unknownElement(list: string, index: number): string {
  return `${list}[${index}]`;
}

/**
 * Whether a value depends on a parameter whose value is unknown, or on a value imported from another stack.
 *
 * @example isUnknownValue('${PeerVpcCidr}') // true
 * @example isUnknownValue('${ImportValue:network-CidrBlock}') // true
 * @example isUnknownValue('10.0.0.0/16') // false
 */
export function isUnknownValue(value: unknown): boolean {
  return (
    typeof value === 'string' && value.includes('${') && (DEPLOYED.test(value) || new RegExp(TOKEN.source).test(value))
  );
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
 * The name an unknown id goes by, when the value is exactly one token: the parameter (with the element index of a
 * list parameter), or the export of an imported value. Stand-ins for what such ids name keep this as their id.
 *
 * @example wholeUnknownParameter('${VpcId}') // 'VpcId'
 * @example wholeUnknownParameter('${Subnets}[1]') // 'Subnets[1]'
 * @example wholeUnknownParameter('${ImportValue:network-VPC}') // 'network-VPC'
 * @example wholeUnknownParameter('${GetAtt:Network.Outputs.PrivateRouteTable}') // 'Network.Outputs.PrivateRouteTable'
 * @example wholeUnknownParameter('${Prefix}.0/24') // undefined
 */
export function wholeUnknownParameter(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const token = WHOLE_TOKEN.exec(value);
  if (token) return token[1]! + (token[2] ?? '');
  const deployed = WHOLE_DEPLOYED.exec(value);
  return deployed ? deployed[1]! + (deployed[2] ?? '') : undefined;
}

/** Whether the resource is defined outside the design (its properties are unknown). */
export function isExternal(resource: Resource | undefined): boolean {
  return resource?.external === true;
}
