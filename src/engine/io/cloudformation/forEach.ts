/**
 * `Fn::ForEach` of the AWS::LanguageExtensions transform, expanded before anything else reads the template: a loop
 * `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]` becomes one copy of its outputs per item,
 * with `${Identifier}` (and `&{Identifier}`, the item without non-alphanumeric characters) replaced in keys and
 * strings and `Ref: Identifier` replaced by the item. Loops nest. A loop over a list nobody knows (a parameter
 * without a value) stays as it is, and the import reports it.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html
 */
import { MAX_DEPTH, setOwn } from '../plainData.ts';

const PREFIX = 'Fn::ForEach::';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a key of Resources or Outputs is a loop. */
export function isForEachKey(key: string): boolean {
  return key.startsWith(PREFIX);
}

/** The items of a loop's collection: a literal list, or a list parameter with a value; undefined when unknown. */
function itemsOf(collection: unknown, parameterValue: (name: string) => unknown): string[] | undefined {
  if (Array.isArray(collection)) {
    const items = collection.map((item) =>
      typeof item === 'string' || typeof item === 'number' ? String(item) : undefined,
    );
    return items.every((item) => item !== undefined) ? (items as string[]) : undefined;
  }
  if (isRecord(collection) && Object.keys(collection).length === 1 && typeof collection.Ref === 'string') {
    const value = parameterValue(collection.Ref);
    if (Array.isArray(value)) return value.map(String);
    if (typeof value === 'string') return value.split(',').map((s) => s.trim());
  }
  return undefined;
}

/** A copy of `node` with the loop's identifier replaced by `item`. */
function substitute(node: unknown, identifier: string, item: string, depth: number): unknown {
  if (depth > MAX_DEPTH) return node;
  const alphanumeric = item.replace(/[^A-Za-z0-9]/g, '');
  const text = (s: string) => s.split(`\${${identifier}}`).join(item).split(`&{${identifier}}`).join(alphanumeric);
  if (typeof node === 'string') return text(node);
  if (Array.isArray(node)) return node.map((v) => substitute(v, identifier, item, depth + 1));
  if (!isRecord(node)) return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'Ref' && node.Ref === identifier) return item;
  const out: Record<string, unknown> = {};
  for (const key of keys) setOwn(out, text(key), substitute(node[key], identifier, item, depth + 1));
  return out;
}

/**
 * A section (Resources or Outputs) with every loop it can expand expanded.
 *
 * @example expandForEach({ 'Fn::ForEach::S': ['Z', ['a', 'b'], { 'Subnet${Z}': { Type: 'AWS::EC2::Subnet' } }] }, () => undefined)
 *   // { Subneta: { Type: 'AWS::EC2::Subnet' }, Subnetb: { Type: 'AWS::EC2::Subnet' } }
 */
export function expandForEach(
  section: Record<string, unknown>,
  parameterValue: (name: string) => unknown,
  depth = 0,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(section)) {
    const loop =
      Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && isRecord(value[2])
        ? value
        : undefined;
    const items = isForEachKey(key) && loop && depth < 10 ? itemsOf(loop[1], parameterValue) : undefined;
    if (!loop || !items) {
      setOwn(out, key, value);
      continue;
    }
    for (const item of items) {
      const copy = substitute(loop[2], loop[0] as string, item, 0) as Record<string, unknown>;
      for (const [k, v] of Object.entries(expandForEach(copy, parameterValue, depth + 1))) setOwn(out, k, v);
    }
  }
  return out;
}
