/**
 * The constraints a template puts on its parameters — AllowedValues, AllowedPattern, MinLength, MaxLength,
 * MinValue, MaxValue, and a Number type's need for a number — checked the way CloudFormation checks them before it
 * creates a stack, on the value that will be used: the one supplied (`--param`), else the Default ("If you define
 * constraints for the parameter, you must specify a value that adheres to those constraints").
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 *
 * AllowedPattern "must match the entire parameter value" of a String, and each value of a CommaDelimitedList;
 * AllowedValues applies to each value of a list; MinLength/MaxLength apply to String, MinValue/MaxValue to Number
 * (and each value of List<Number>). Systems Manager parameter types are skipped: their value is the name of a
 * parameter in Parameter Store, which is not known here.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Default as the text CloudFormation reads (YAML may hand over a number, a boolean or a list). */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.join(',');
  return undefined;
}

function asNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function shown(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * Java regular expression syntax that JavaScript reads differently or not at all (CloudFormation's patterns are
 * Java's): POSIX and Unicode classes, \A \Z \z \Q…\E and friends, possessive quantifiers.
 */
const JAVA_ONLY = /\\[pP]\{|\\[AZzQEGhHRX]|[*+?}]\+/;

/** The whole-value regular expression of an AllowedPattern, or undefined when JavaScript cannot read it as Java does (then it is not checked). */
function wholePattern(pattern: string): RegExp | undefined {
  if (JAVA_ONLY.test(pattern)) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with one parameter's value, as one line naming the parameter and the constraint; undefined when
 * it satisfies them all (or is a type whose value cannot be checked here).
 *
 * @example parameterProblem('Tenancy', { Type: 'String', AllowedValues: ['default', 'dedicated'] }, 'host', 'value')
 *   // 'Parameter Tenancy: the value "host" is not one of its AllowedValues (default, dedicated).'
 */
export function parameterProblem(
  name: string,
  spec: Record<string, unknown>,
  raw: unknown,
  source: 'value' | 'Default',
): string | undefined {
  const type = typeof spec.Type === 'string' ? spec.Type : 'String';
  if (type.startsWith('AWS::SSM::Parameter::')) return undefined;
  const text = asText(raw);
  if (text === undefined) return undefined;
  const what = source === 'value' ? `the value ${shown(text)}` : `its Default ${shown(text)}`;
  const because =
    typeof spec.ConstraintDescription === 'string' && spec.ConstraintDescription.trim() !== ''
      ? ` (${spec.ConstraintDescription.replace(/\s+/g, ' ').trim().slice(0, 160)})`
      : '';
  const fail = (constraint: string) => `Parameter ${name}: ${what} ${constraint}${because}.`;
  const isList = type === 'CommaDelimitedList' || type.startsWith('List<');
  // An empty list (a Default of "") holds no value to check.
  const items = isList
    ? text
        .split(',')
        .map((s) => s.trim())
        .filter((s, _, all) => s !== '' || all.length > 1)
    : [text];
  if (items.length === 0) return undefined;
  const numeric = type === 'Number' || type === 'List<Number>';

  if (numeric) {
    const bad = items.find((item) => asNumber(item) === undefined);
    if (bad !== undefined)
      return fail(
        isList
          ? `holds ${shown(bad)}, which is not a number (the type is ${type})`
          : `is not a number (the type is ${type})`,
      );
  }
  if (Array.isArray(spec.AllowedValues) && spec.AllowedValues.length > 0) {
    const allowed = spec.AllowedValues.map(asText).filter((v): v is string => v !== undefined);
    const matches = (item: string) =>
      allowed.some((a) => a === item || (numeric && asNumber(a) !== undefined && asNumber(a) === asNumber(item)));
    const bad = items.find((item) => !matches(item));
    if (bad !== undefined) {
      const list = allowed.slice(0, 10).join(', ') + (allowed.length > 10 ? ', …' : '');
      return fail(`${isList ? `holds ${shown(bad)}, which ` : ''}is not one of its AllowedValues (${list})`);
    }
  }
  if (typeof spec.AllowedPattern === 'string' && (type === 'String' || type === 'CommaDelimitedList')) {
    const pattern = wholePattern(spec.AllowedPattern);
    const bad = pattern ? items.find((item) => !pattern.test(item)) : undefined;
    if (bad !== undefined)
      return fail(
        `${isList ? `holds ${shown(bad)}, which ` : ''}does not match its AllowedPattern ${spec.AllowedPattern.slice(0, 80)}`,
      );
  }
  if (type === 'String') {
    const min = asNumber(spec.MinLength);
    const max = asNumber(spec.MaxLength);
    if (min !== undefined && text.length < min)
      return fail(`is ${text.length} characters long, shorter than its MinLength ${min}`);
    if (max !== undefined && text.length > max)
      return fail(`is ${text.length} characters long, longer than its MaxLength ${max}`);
  }
  if (numeric) {
    const min = asNumber(spec.MinValue);
    const max = asNumber(spec.MaxValue);
    for (const item of items) {
      const n = asNumber(item)!;
      const one = isList ? `holds ${item}, which ` : '';
      if (min !== undefined && n < min) return fail(`${one}is less than its MinValue ${min}`);
      if (max !== undefined && n > max) return fail(`${one}is more than its MaxValue ${max}`);
    }
  }
  return undefined;
}

/**
 * The first parameter whose value (supplied, else its Default) breaks the template's constraints, as one line; a
 * parameter with neither has no value to check (its value stays unknown).
 *
 * @example findParameterProblem({ Parameters: { Size: { Type: 'Number', MaxValue: 4, Default: 2 } } }, { Size: '9' })
 *   // 'Parameter Size: the value "9" is more than its MaxValue 4.'
 */
export function findParameterProblem(
  template: Record<string, unknown>,
  supplied: Record<string, string>,
): string | undefined {
  const params = isRecord(template.Parameters) ? template.Parameters : {};
  for (const [name, spec] of Object.entries(params)) {
    if (!isRecord(spec)) continue;
    const given = Object.hasOwn(supplied, name);
    const value = given ? supplied[name] : spec.Default;
    if (value === undefined || value === null) continue;
    const problem = parameterProblem(name, spec, value, given ? 'value' : 'Default');
    if (problem) return problem;
  }
  return undefined;
}
