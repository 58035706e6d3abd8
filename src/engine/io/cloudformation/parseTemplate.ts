/**
 * Reads a CloudFormation template's text — JSON, or YAML with the short-form intrinsic tags (`!Ref`, `!GetAtt`,
 * `!Sub`, …) — into plain data in the long form (`{ Ref: … }`, `{ 'Fn::GetAtt': [...] }`), so the resolver only
 * ever sees one spelling. Never throws: hostile input (alias bombs, deep nesting, binary junk) becomes a one-line
 * error.
 *
 * Short forms: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
import { parseDocument, YAMLMap, YAMLSeq, type Schema } from 'yaml';
import { NestingError, parseJsonSafely, toPlainData } from '../plainData.ts';
import { parseYamlFast } from './fastYaml.ts';
import { SHORT_FORMS, splitGetAtt } from './shortForms.ts';

export { MAX_DEPTH, toPlainData } from '../plainData.ts';

export type ParseResult =
  { ok: true; template: Record<string, unknown>; warnings: string[] } | { ok: false; error: string };

type ToJson = (key: unknown, ctx: unknown) => unknown;

/** One tag per collection kind and for scalars, each wrapping its content as `{ [fn]: content }`. */
function intrinsicTags() {
  const tags: unknown[] = [];
  for (const [short, fn] of Object.entries(SHORT_FORMS)) {
    const tag = `!${short}`;
    tags.push({
      tag,
      resolve: (value: string) => (fn === 'Fn::GetAtt' ? { [fn]: splitGetAtt(value) } : { [fn]: value }),
    });
    // Subclasses keep yaml's own toJSON (and with it the alias counting that stops alias bombs).
    tags.push({
      tag,
      collection: 'seq',
      resolve(seq: YAMLSeq) {
        const out = new (class extends YAMLSeq {
          override toJSON(key: unknown, ctx: unknown): unknown[] {
            return { [fn]: (YAMLSeq.prototype.toJSON as ToJson).call(this, key, ctx) } as unknown as unknown[];
          }
        })(seq.schema as Schema);
        out.items = seq.items;
        return out;
      },
    });
    tags.push({
      tag,
      collection: 'map',
      resolve(map: YAMLMap) {
        const out = new (class extends YAMLMap {
          override toJSON(key: unknown, ctx: unknown) {
            return { [fn]: (YAMLMap.prototype.toJSON as ToJson).call(this, key, ctx) };
          }
        })(map.schema as Schema);
        out.items = map.items;
        return out;
      },
    });
  }
  return tags;
}

let cachedTags: unknown[] | undefined;

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) control++;
  }
  return control > sample.length * 0.05;
}

/** What a parse noticed besides the value: `__proto__` keys dropped, and tags that are not intrinsic functions. */
export interface ParseStats {
  dropped: number;
  unknownTags?: Set<string>;
  /** Read only by the lenient reader (quoted values continued at their key's indentation). */
  lenient?: boolean;
}

/**
 * The full YAML parser (the `yaml` package) with the short-form tags: slower than `parseYamlFast`, but it reads
 * everything YAML allows and stops alias bombs. Throws on invalid YAML. A tag that is no intrinsic function (such
 * as `!ValueOf`, which only Rules take) is read as if it were absent and named in `stats.unknownTags`, never
 * printed on the console.
 */
export function parseYamlFully(text: string, stats: ParseStats = { dropped: 0 }): unknown {
  cachedTags ??= intrinsicTags();
  const options = {
    customTags: cachedTags as never,
    maxAliasCount: 100,
    prettyErrors: false,
    uniqueKeys: true,
    // Keep YAML 1.2's core schema: `on`/`yes` stay strings, as CloudFormation reads them.
    schema: 'core',
    logLevel: 'error',
  } as const;
  const doc = parseDocument(text, options);
  if (doc.errors.length > 0) throw doc.errors[0];
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = /tag: (\S+)/.exec(warning.message)?.[1] ?? 'unknown';
    (stats.unknownTags ??= new Set()).add(tag.slice(0, 40));
  }
  return toPlainData(doc.toJS({ maxAliasCount: 100 }), stats);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * Parses a template's text. JSON is tried first when the text starts with `{` (JSON.parse is fast and YAML 1.2 is
 * a superset anyway); everything else goes through the YAML parser with the short-form tags.
 *
 * @example parseTemplateText('Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: !Ref C}')
 *   // { ok: true, template: { Resources: { V: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'C' } } } } } }
 */
export function parseTemplateText(source: string): ParseResult {
  // Editors on Windows often save UTF-8 with a byte order mark; it is no part of the JSON or YAML.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  if (looksBinary(text)) return { ok: false, error: 'The file is not text (it looks like binary data).' };
  let raw: unknown;
  const stats: ParseStats = { dropped: 0 };
  try {
    if (text.trimStart().startsWith('{')) {
      try {
        raw = parseJsonSafely(text, stats);
      } catch (e) {
        if (e instanceof RangeError) throw e;
        return { ok: false, error: `The file is not valid JSON (${firstLine((e as Error).message)}).` };
      }
    } else {
      const fast = parseYamlFast(text);
      if (fast) {
        raw = fast.value;
        stats.dropped += fast.dropped;
      } else {
        try {
          raw = parseYamlFully(text, stats);
        } catch (e) {
          // Quoted values continued at the key's indentation: refused by YAML 1.2, accepted by CloudFormation.
          const lenient = parseYamlFast(text, { lenientQuotes: true });
          if (!lenient) throw e;
          raw = lenient.value;
          stats.dropped += lenient.dropped;
          stats.lenient = true;
        }
      }
    }
  } catch (e) {
    if (e instanceof NestingError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: 'The file is nested too deeply to read.' };
    const message = firstLine((e as Error).message ?? String(e));
    if (/alias/i.test(message))
      return { ok: false, error: 'The YAML uses too many aliases (this looks like an alias bomb); it was not read.' };
    return { ok: false, error: `The file is not valid YAML (${message.slice(0, 160)}).` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      error: 'The file does not hold a CloudFormation template (expected a mapping with Resources).',
    };
  }
  const warnings =
    stats.dropped > 0
      ? [`Ignored ${stats.dropped} key${stats.dropped > 1 ? 's' : ''} named __proto__ (never a valid name).`]
      : [];
  if (stats.lenient) {
    warnings.push(
      'A quoted value goes on over lines indented no deeper than its key, which strict YAML refuses; it was read as CloudFormation reads it.',
    );
  }
  if (stats.unknownTags?.size) {
    const tags = [...stats.unknownTags].slice(0, 5).join(', ');
    warnings.push(
      `The YAML uses ${tags}, which ${stats.unknownTags.size > 1 ? 'are not intrinsic functions' : 'is not an intrinsic function'} this importer knows; what follows ${stats.unknownTags.size > 1 ? 'each' : 'it'} was read without the tag.`,
    );
  }
  return { ok: true, template: raw as Record<string, unknown>, warnings };
}
