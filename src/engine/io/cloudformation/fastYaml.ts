/**
 * A fast reader for the YAML that CloudFormation templates are written in: block mappings and sequences, flow
 * collections, plain and quoted scalars, literal and folded block scalars, comments, and the intrinsic short-form
 * tags. The `yaml` package reads 1 MB in about a second; this reads it in a few tens of milliseconds, which is
 * what keeps a 1 MB import under half a second.
 *
 * It is deliberately strict: anything it is not sure of — anchors and aliases, complex keys, multi-line scalars
 * inside flow collections, explicit indentation indicators, directives, unknown tags, duplicate keys, odd indentation —
 * makes it give up (`undefined`), and the caller falls back to the full `yaml` parser, which reads it or reports
 * the error. fastYaml.test.ts checks that both readers agree wherever this one answers.
 * Scalars resolve by the YAML 1.2 core schema, as the `yaml` package does by default.
 */
import { MAX_DEPTH } from '../plainData.ts';
import { SHORT_FORMS, splitGetAtt } from './shortForms.ts';

class Bail extends Error {}

const bail = (): never => {
  throw new Bail();
};

export interface FastYamlResult {
  value: unknown;
  /** `__proto__` keys dropped. */
  dropped: number;
}

// --- Scalars -----------------------------------------------------------------------------------------------------

/** The YAML 1.2 core schema, with the same tests as the `yaml` package. */
export function resolvePlain(s: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
  return s;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** A double-quoted scalar starting at `text[start]` (the quote); returns its value and the index after it. */
function readDoubleQuoted(text: string, start: number): [string, number] {
  let out = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return [out, i + 1];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = text[++i];
    if (e === undefined) bail(); // a line continuation: multi-line
    if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = text.slice(i + 1, i + 1 + len);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) bail();
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else {
      const mapped = ESCAPES[e!];
      if (mapped === undefined) bail();
      out += mapped;
    }
  }
  return bail(); // not closed on this line
}

function readSingleQuoted(text: string, start: number): [string, number] {
  let out = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      return [out, i + 1];
    }
    out += c;
  }
  return bail();
}

/**
 * A quoted scalar that may go on over several lines, folded as YAML folds flow scalars: a single line break becomes
 * a space, each empty line a newline, and white space around breaks goes (in double quotes, `\` before a break
 * joins the lines). With `minIndent`, continuation lines must be indented at least that far, as YAML 1.2 says;
 * without it (the lenient mode, see `parseYamlFast`) they may sit at any indentation. Returns the value and the
 * line and column just after the closing quote.
 */
function readQuotedLines(lines: string[], line: number, start: number, minIndent?: number): [string, number, number] {
  const quote = lines[line]![start]!;
  let out = '';
  /** Where trailing white space may be trimmed from: never into what an escape produced. */
  let kept = 0;
  let k = start + 1;
  for (;;) {
    const text = lines[line]!;
    let joined = false;
    while (k < text.length) {
      const c = text[k]!;
      if (c === quote) {
        if (quote === "'" && text[k + 1] === "'") {
          out += "'";
          k += 2;
          kept = out.length;
          continue;
        }
        return [out, line, k + 1];
      }
      if (quote === '"' && c === '\\') {
        if (k + 1 === text.length) {
          joined = true; // an escaped line break
          break;
        }
        const [value, after] = readEscape(text, k);
        out += value;
        k = after;
        kept = out.length;
        continue;
      }
      out += c;
      k++;
    }
    line++;
    if (line >= lines.length) bail(); // never closed
    if (!joined) {
      out = out.slice(0, kept) + out.slice(kept).replace(/[ \t]+$/, '');
      let blanks = 0;
      while (line < lines.length && /^[ \t]*$/.test(lines[line]!)) {
        blanks++;
        line++;
      }
      if (line >= lines.length) bail();
      out += blanks > 0 ? '\n'.repeat(blanks) : ' ';
    }
    k = 0;
    const next = lines[line]!;
    while (next[k] === ' ') k++;
    // Strictly (YAML 1.2), a continuation line is indented past the key or dash the value belongs to.
    if (minIndent !== undefined && k < minIndent) bail();
    while (next[k] === ' ' || next[k] === '\t') k++;
  }
}

/** One escape sequence at `text[at]` (the backslash): its value and the index after it. */
function readEscape(text: string, at: number): [string, number] {
  const e = text[at + 1];
  if (e === 'x' || e === 'u' || e === 'U') {
    const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const hex = text.slice(at + 2, at + 2 + len);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) bail();
    return [String.fromCodePoint(parseInt(hex, 16)), at + 2 + len];
  }
  const mapped = e === undefined ? undefined : ESCAPES[e];
  if (mapped === undefined) bail();
  return [mapped!, at + 2];
}

/** Everything after `from` is blank or a comment. */
function restIsEmpty(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    // A comment must be separated from what comes before it by white space.
    if (c === '#') return i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t';
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** A plain scalar in block context: up to a comment, trimmed. */
function plainEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
  }
  return text.length;
}

// --- The reader --------------------------------------------------------------------------------------------------

interface Tagged {
  fn: string;
}

class Reader {
  private readonly lines: string[];
  /** Indentation of each line; -1 for blank and comment-only lines. */
  private readonly indents: number[];
  /** Lines whose indentation holds a tab (fine inside block scalars; a reason to give up anywhere else). */
  private readonly tabbed = new Set<number>();
  dropped = 0;
  private depth = 0;

  constructor(
    text: string,
    /** Quoted scalars may go on over lines at any indentation (see `parseYamlFast`). */
    private readonly lenientQuotes = false,
  ) {
    this.lines = text.split('\n');
    this.indents = this.lines.map((line, n) => {
      let i = 0;
      while (line[i] === ' ') i++;
      if (line[i] === '\t') {
        if (/^[ \t]*(#.*)?$/.test(line)) return -1;
        this.tabbed.add(n);
      }
      if (i === line.length || line[i] === '#') return -1;
      return i;
    });
  }

  /** The next line at or after `i` with content, or the line count. */
  private nextContent(i: number): number {
    while (i < this.lines.length && this.indents[i] === -1) i++;
    if (this.tabbed.has(i)) bail();
    return i;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) bail();
  }

  read(): unknown {
    let i = this.nextContent(0);
    const first = this.lines[i];
    if (first === undefined) bail();
    if (first!.startsWith('%')) bail();
    if (/^---(\s|$)/.test(first!)) {
      if (!restIsEmpty(first!, 3)) bail();
      i = this.nextContent(i + 1);
    }
    if (i >= this.lines.length || this.indents[i] !== 0) bail();
    const [value, next] = this.blockNode(i, 0, -1, false);
    if (this.nextContent(next) < this.lines.length) bail(); // something left over (a second document, bad indentation)
    return value;
  }

  /** A node that starts at column `col` of line `i` (mid-line for compact items). */
  private blockNode(i: number, col: number, parent: number, _inSeq: boolean): [unknown, number] {
    const line = this.lines[i]!;
    if (line.startsWith('---', 0) && col === 0) bail();
    if (line.startsWith('...', 0) && col === 0) bail();
    const text = line.slice(col);
    if (text === '-' || text.startsWith('- ') || text.startsWith('-\t')) return this.sequence(i, col);
    if (this.keyEnd(text) !== undefined) return this.mapping(i, col);
    return this.inlineValue(i, col, parent, false);
  }

  /**
   * Where the key of a `key: value` line ends (the index of its colon), or undefined when the text is not a key
   * line. Keys are plain or quoted scalars on one line.
   */
  private keyEnd(text: string): number | undefined {
    const c = text[0];
    if (c === undefined) return undefined;
    if (c === '"' || c === "'") {
      let end: number;
      try {
        end = (c === '"' ? readDoubleQuoted(text, 0) : readSingleQuoted(text, 0))[1];
      } catch {
        return undefined;
      }
      let j = end;
      while (text[j] === ' ') j++;
      return text[j] === ':' && (j + 1 === text.length || text[j + 1] === ' ' || text[j + 1] === '\t') ? j : undefined;
    }
    if ('[]{}!&*|>%@`#?,'.includes(c)) {
      // Not a plain key; a line like `!Ref x: y` or `[a]: b` is a complex key: give up.
      if (c === ']' || c === '}' || c === ',') bail();
      if (/:(\s|$)/.test(text) && c !== '#' && c !== '[' && c !== '{' && c !== '!' && c !== '|' && c !== '>') bail();
      return undefined;
    }
    for (let j = 0; j < text.length; j++) {
      const ch = text[j];
      if (ch === '#' && j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) return undefined;
      if (ch === ':' && (j + 1 === text.length || text[j + 1] === ' ' || text[j + 1] === '\t')) return j;
    }
    return undefined;
  }

  private keyOf(text: string, end: number): string {
    const raw = text.slice(0, end).trimEnd();
    if (raw[0] === '"') return readDoubleQuoted(raw, 0)[0];
    if (raw[0] === "'") return readSingleQuoted(raw, 0)[0];
    if (raw === '<<') bail();
    const value = resolvePlain(raw);
    if (typeof value !== 'string') bail(); // numeric, boolean and null keys: leave them to the full parser
    return value as string;
  }

  private mapping(i: number, col: number): [unknown, number] {
    this.enter();
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    let line = i;
    let start = col;
    for (;;) {
      const text = this.lines[line]!.slice(start);
      const end = this.keyEnd(text);
      if (end === undefined) bail();
      const key = this.keyOf(text, end!);
      if (seen.has(key)) bail(); // duplicate keys: the full parser reports them
      seen.add(key);
      const [value, next] = this.afterIndicator(line, start + end! + 1, start, true);
      if (key === '__proto__') this.dropped++;
      else out[key] = value;
      const n = this.nextContent(next);
      if (n >= this.lines.length || this.indents[n]! < col) {
        this.depth--;
        return [out, n];
      }
      if (this.indents[n] !== col) bail();
      const t = this.lines[n]!.slice(col);
      if (t === '-' || t.startsWith('- ')) bail();
      line = n;
      start = col;
    }
  }

  private sequence(i: number, col: number): [unknown, number] {
    this.enter();
    const out: unknown[] = [];
    let line = i;
    for (;;) {
      const [value, next] = this.afterIndicator(line, col + 1, col, false);
      out.push(value);
      const n = this.nextContent(next);
      if (n >= this.lines.length || this.indents[n]! < col) {
        this.depth--;
        return [out, n];
      }
      if (this.indents[n] !== col) bail();
      const t = this.lines[n]!.slice(col);
      if (!(t === '-' || t.startsWith('- '))) {
        // A sequence as a mapping value, at the key's indentation.
        this.depth--;
        return [out, n];
      }
      line = n;
    }
  }

  /**
   * The value after `key:` or `-` on line `i`, from column `from`. `parent` is the indentation of the key or dash;
   * nested content must be indented more, except a sequence that is a mapping's value, which may sit at the key's
   * indentation.
   */
  private afterIndicator(i: number, from: number, parent: number, isMapValue: boolean): [unknown, number] {
    const line = this.lines[i]!;
    let j = from;
    while (line[j] === ' ') j++;
    if (line[j] === '\t') bail();
    if (restIsEmpty(line, j)) return this.nested(i + 1, parent, isMapValue);
    if (!isMapValue && line[j] === '-' && (line[j + 1] === ' ' || line[j + 1] === undefined))
      return this.sequence(i, j);
    if (!isMapValue && this.keyEnd(line.slice(j)) !== undefined) return this.mapping(i, j);
    return this.inlineValue(i, j, parent, isMapValue);
  }

  /** What follows on the next lines: a more-indented node, a same-indented sequence (mapping values), or null. */
  private nested(i: number, parent: number, isMapValue: boolean): [unknown, number] {
    const n = this.nextContent(i);
    if (n < this.lines.length) {
      const indent = this.indents[n]!;
      if (indent > parent) return this.blockNode(n, indent, parent, false);
      if (isMapValue && indent === parent && parent >= 0) {
        const t = this.lines[n]!.slice(indent);
        if (t === '-' || t.startsWith('- ')) return this.sequence(n, indent);
      }
    }
    return [null, n];
  }

  /** A value that starts at column `j` of line `i`: tag, block scalar, flow collection, quoted or plain scalar. */
  private inlineValue(i: number, j: number, parent: number, isMapValue: boolean): [unknown, number] {
    const line = this.lines[i]!;
    const c = line[j];
    if (c === '!') {
      const m = /^!([A-Za-z0-9]+)(?=[ \t]|$)/.exec(line.slice(j));
      const fn = m && Object.hasOwn(SHORT_FORMS, m[1]!) ? SHORT_FORMS[m[1]!]! : bail();
      let k = j + m![0].length;
      while (line[k] === ' ' || line[k] === '\t') k++;
      if (restIsEmpty(line, k)) {
        const [value, next] = this.nested(i + 1, parent, isMapValue);
        return [wrap({ fn }, value === null && !this.hasNested(i + 1, parent) ? '' : value, true), next];
      }
      if (line[k] === '!' || line[k] === '&' || line[k] === '*') bail();
      const scalar = line[k] !== '[' && line[k] !== '{' && line[k] !== '|' && line[k] !== '>';
      const quoted = line[k] === '"' || line[k] === "'";
      // Tags take a plain scalar's text unresolved (`!Ref 5` is `{Ref: '5'}`).
      const [value, next] =
        scalar && !quoted ? this.plainScalar(i, k, parent) : this.inlineValue(i, k, parent, isMapValue);
      return [wrap({ fn }, value, scalar), next];
    }
    if (c === '|' || c === '>') return this.blockScalar(i, j, parent);
    if (c === '[' || c === '{') {
      const flow = new FlowReader(this.lines, this.indents, this.tabbed, i, j, parent);
      const value = flow.node();
      this.dropped += flow.dropped;
      const [endLine, endCol] = flow.position();
      if (!restIsEmpty(this.lines[endLine]!, endCol)) bail();
      return [value, endLine + 1];
    }
    if (c === '"' || c === "'") {
      // Over one line or several (folded); leniently, continuation lines may sit at any indentation.
      const [value, endLine, endCol] = readQuotedLines(this.lines, i, j, this.lenientQuotes ? undefined : parent + 1);
      if (!restIsEmpty(this.lines[endLine]!, endCol)) bail();
      this.noContinuation(endLine, parent);
      return [value, endLine + 1];
    }
    if (
      c === '&' ||
      c === '*' ||
      c === '%' ||
      c === '@' ||
      c === '`' ||
      c === '?' ||
      c === ',' ||
      c === ']' ||
      c === '}'
    )
      bail();
    if ((c === '-' || c === ':') && (line[j + 1] === ' ' || line[j + 1] === undefined)) bail();
    const [text, next] = this.plainScalar(i, j, parent);
    return [resolvePlain(text), next];
  }

  /**
   * A plain scalar's text from column `j` of line `i`, continued on more-indented lines (a long Description
   * wrapped over several lines), folded as YAML folds them: a line break becomes a space, each empty line a
   * newline. Anything a continuation line might mean besides text (a key, a comment, an indicator) is left to the
   * full parser.
   */
  private plainScalar(i: number, j: number, parent: number): [string, number] {
    const line = this.lines[i]!;
    const end = plainEnd(line, j);
    let text = line.slice(j, end).trimEnd();
    if (/:(\s|$)/.test(text) || /\s#/.test(text)) bail();
    if (end < line.length || parent < 0) {
      // A comment ends the scalar: nothing may continue it.
      this.noContinuation(i, parent);
      return [text, i + 1];
    }
    let last = i;
    let blanks = 0;
    for (let n = i + 1; n < this.lines.length; n++) {
      const raw = this.lines[n]!;
      if (/^[ \t]*$/.test(raw)) {
        if (raw.includes('\t')) bail();
        blanks++;
        continue;
      }
      let k = 0;
      while (raw[k] === ' ') k++;
      if (k <= parent) break;
      const more = raw.slice(k).trimEnd();
      if (raw[k] === '\t' || raw[k] === '#' || /:(\s|$)/.test(more) || /\s#/.test(more) || /^[-?:](\s|$)/.test(more))
        bail();
      text += blanks > 0 ? '\n'.repeat(blanks) : ' ';
      text += more;
      blanks = 0;
      last = n;
    }
    return [text, last + 1];
  }

  private hasNested(i: number, parent: number): boolean {
    const n = this.nextContent(i);
    return n < this.lines.length && this.indents[n]! > parent;
  }

  /** Nothing may continue a scalar that ended (at a comment, a closing quote) on a more-indented line. */
  private noContinuation(i: number, parent: number): void {
    const n = this.nextContent(i + 1);
    if (n < this.lines.length && this.indents[n]! > parent) bail();
  }

  /** `|` and `>` with optional chomping (`-`, `+`); explicit indentation indicators are left to the full parser. */
  private blockScalar(i: number, j: number, parent: number): [unknown, number] {
    const line = this.lines[i]!;
    const header = /^([|>])([-+]?)/.exec(line.slice(j))!;
    if (!restIsEmpty(line, j + header[0].length)) bail();
    const folded = header[1] === '>';
    const chomp = header[2];
    // Content lines: blank, or indented at least as much as the first content line (which sets the indent).
    let n = i + 1;
    let indent = -1;
    const body: string[] = [];
    for (; n < this.lines.length; n++) {
      const raw = this.lines[n]!;
      if (/^[ \t]*$/.test(raw) && raw.includes('\t')) bail();
      if (/^ *$/.test(raw)) {
        if (indent === -1) bail(); // leading blank lines
        if (raw.length > indent) bail();
        body.push('');
        continue;
      }
      let k = 0;
      while (raw[k] === ' ') k++;
      if (indent === -1) {
        if (k <= parent) break;
        indent = k;
      }
      if (k < indent) {
        if (k > parent) bail();
        break;
      }
      body.push(raw.slice(indent));
    }
    let trailing = 0;
    while (body.length && body[body.length - 1] === '') {
      body.pop();
      trailing++;
    }
    let text: string;
    if (!folded) text = body.join('\n');
    else {
      if (body.some((l) => l.startsWith(' ') || l.startsWith('\t'))) bail(); // more-indented lines in a folded scalar
      text = '';
      let blanks = 0;
      body.forEach((l, idx) => {
        if (l === '') {
          blanks++;
          return;
        }
        if (idx > 0) text += blanks ? '\n'.repeat(blanks) : ' ';
        blanks = 0;
        text += l;
      });
    }
    if (body.length === 0) return [chomp === '+' ? '\n'.repeat(trailing) : '', n];
    if (chomp === '-') return [text, n];
    if (chomp === '+') return [`${text}\n${'\n'.repeat(trailing)}`, n];
    return [`${text}\n`, n];
  }
}

function wrap(tag: Tagged, value: unknown, scalar: boolean): unknown {
  if (tag.fn === 'Fn::GetAtt' && scalar) return { [tag.fn]: splitGetAtt(String(value)) };
  return { [tag.fn]: value };
}

/** Flow collections (`[a, b]`, `{k: v}`), possibly over several lines. */
class FlowReader {
  dropped = 0;
  private line: number;
  private col: number;

  constructor(
    private readonly lines: string[],
    private readonly indents: number[],
    private readonly tabbed: ReadonlySet<number>,
    line: number,
    col: number,
    private readonly parent: number,
  ) {
    this.line = line;
    this.col = col;
  }

  position(): [number, number] {
    return [this.line, this.col];
  }

  private get text(): string {
    return this.lines[this.line]!;
  }

  /** Skips spaces, line breaks and comments; continuation lines must be indented past the parent. */
  private skip(): void {
    for (;;) {
      const t = this.text;
      while (this.col < t.length && (t[this.col] === ' ' || t[this.col] === '\t')) this.col++;
      if (
        this.col < t.length &&
        t[this.col] === '#' &&
        (this.col === 0 || t[this.col - 1] === ' ' || t[this.col - 1] === '\t')
      )
        this.col = t.length;
      if (this.col < t.length) return;
      if (this.line + 1 >= this.lines.length) bail();
      this.line++;
      this.col = 0;
      if (this.tabbed.has(this.line)) bail();
      const indent = this.indents[this.line]!;
      if (indent !== -1 && indent <= this.parent) bail();
    }
  }

  private depth = 0;

  node(): unknown {
    if (++this.depth > MAX_DEPTH) bail();
    try {
      return this.nodeInner();
    } finally {
      this.depth--;
    }
  }

  private nodeInner(): unknown {
    this.skip();
    const c = this.text[this.col];
    if (c === '[') return this.seq();
    if (c === '{') return this.map();
    if (c === '!') {
      const m = /^!([A-Za-z0-9]+)/.exec(this.text.slice(this.col));
      const fn = m && Object.hasOwn(SHORT_FORMS, m[1]!) ? SHORT_FORMS[m[1]!]! : bail();
      this.col += m![0].length;
      const after = this.text[this.col];
      if (after !== ' ' && after !== '\t' && after !== undefined) bail();
      this.skip();
      const next = this.text[this.col];
      // An empty tagged node in a flow collection (`[0, !GetAZs ]`) tags an empty scalar.
      if (next === ',' || next === ']' || next === '}') return wrap({ fn }, '', true);
      if (next === '!' || next === '&' || next === '*') bail();
      if (next === '[' || next === '{') return wrap({ fn }, this.node(), false);
      return wrap({ fn }, this.scalar(true), true);
    }
    return this.scalar(false);
  }

  /** A quoted or plain scalar; `raw` keeps a plain scalar's text unresolved (for tags). */
  private scalar(raw: boolean): unknown {
    const t = this.text;
    const c = t[this.col];
    if (c === '"' || c === "'") {
      const [value, end] = c === '"' ? readDoubleQuoted(t, this.col) : readSingleQuoted(t, this.col);
      this.col = end;
      return value;
    }
    if (c === undefined || '&*%@`?|>#'.includes(c)) bail();
    if ((c === '-' || c === ':') && (t[this.col + 1] === ' ' || t[this.col + 1] === undefined)) bail();
    let k = this.col;
    for (; k < t.length; k++) {
      const ch = t[k]!;
      if (ch === ',' || ch === '[' || ch === ']' || ch === '{' || ch === '}') break;
      if (ch === ':' && (k + 1 === t.length || ' \t,[]{}'.includes(t[k + 1]!))) break;
      if (ch === '#' && (t[k - 1] === ' ' || t[k - 1] === '\t')) break;
    }
    const text = t.slice(this.col, k).trimEnd();
    if (text === '') bail(); // an empty entry (`[, a]`)
    this.col = k;
    if (k === t.length) {
      // The scalar reaches the end of the line: it must not go on on the next one.
      const saved: [number, number] = [this.line, this.col];
      this.skip();
      const next = this.text[this.col];
      if (next !== ',' && next !== ']' && next !== '}' && next !== ':') bail();
      [this.line, this.col] = saved;
    }
    return raw ? text : resolvePlain(text);
  }

  private seq(): unknown[] {
    this.col++; // [
    const out: unknown[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.col] === ']') {
        this.col++;
        return out;
      }
      const start = this.text[this.col];
      let item = this.node();
      this.skip();
      if (this.text[this.col] === ':' && typeof item === 'string' && start !== '[' && start !== '{' && start !== '!') {
        // A single-pair mapping inside a sequence: `[0, Fn::GetAZs: !Ref AWS::Region]`.
        this.col++;
        this.skip();
        const n = this.text[this.col];
        const value = n === ',' || n === ']' ? null : this.node();
        if (item === '__proto__' || item === '<<') bail();
        item = { [item]: value };
        this.skip();
      }
      out.push(item);
      const c = this.text[this.col];
      if (c === ',') this.col++;
      else if (c === ']') {
        this.col++;
        return out;
      } else bail(); // `[a: b]` single-pair mappings and anything else odd
    }
  }

  private map(): Record<string, unknown> {
    this.col++; // {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (;;) {
      this.skip();
      if (this.text[this.col] === '}') {
        this.col++;
        return out;
      }
      const c = this.text[this.col];
      if (c === '[' || c === '{' || c === '!') bail(); // complex or tagged keys
      const rawKey = this.scalar(false);
      if (typeof rawKey !== 'string') bail();
      const key = rawKey as string;
      if (key === '<<' || seen.has(key)) bail();
      seen.add(key);
      this.skip();
      let value: unknown = null;
      if (this.text[this.col] === ':') {
        this.col++;
        this.skip();
        const n = this.text[this.col];
        if (n !== ',' && n !== '}') value = this.node();
      } else bail(); // `{a, b}`: keys without values
      if (key === '__proto__') this.dropped++;
      else out[key] = value;
      this.skip();
      const d = this.text[this.col];
      if (d === ',') this.col++;
      else if (d === '}') {
        this.col++;
        return out;
      } else bail();
    }
  }
}

/**
 * Reads CloudFormation-style YAML quickly, or returns undefined when the full parser should decide.
 *
 * `lenientQuotes` also reads a quoted value whose continuation lines are indented no deeper than its key — which
 * YAML 1.2 forbids and the `yaml` package refuses, but PyYAML and CloudFormation itself accept, so real templates
 * have them (a JSON policy written as a multi-line '…' string). The caller uses it only when the full parser fails.
 *
 * @example parseYamlFast('Resources:\n  V: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !Ref C}}')
 *   // { value: { Resources: { V: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'C' } } } } }, dropped: 0 }
 */
export function parseYamlFast(text: string, options: { lenientQuotes?: boolean } = {}): FastYamlResult | undefined {
  try {
    const normalized = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
    const reader = new Reader(normalized, options.lenientQuotes === true);
    const value = reader.read();
    return { value, dropped: reader.dropped };
  } catch (e) {
    if (e instanceof Bail || e instanceof RangeError) return undefined;
    throw e;
  }
}
