/**
 * The fast reader must agree with the full `yaml` parser wherever it answers, and answer for the YAML that real
 * templates are written in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseYamlFast, resolvePlain } from './fastYaml.ts';
import { parseYamlFully } from './parseTemplate.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const templates = [
  ...readdirSync(join(FIXTURES, 'corpus'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(FIXTURES, 'corpus', f)),
  ...readdirSync(join(FIXTURES, 'scenarios'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(FIXTURES, 'scenarios', f)),
];

function full(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseYamlFully(text) };
  } catch {
    return { ok: false };
  }
}

/** Where the fast reader answers, the full parser must succeed with the same value. */
function expectAgreement(text: string, label = text) {
  const fast = parseYamlFast(text);
  if (!fast) return;
  const reference = full(text);
  expect(reference.ok, `the full parser rejects what the fast one read: ${label}`).toBe(true);
  if (reference.ok) expect(fast.value, label).toEqual(reference.value);
}

describe('every template of the corpus', () => {
  it.each(templates)('%s is read fast, and the same as by the full parser', (file) => {
    const text = readFileSync(file, 'utf8');
    const fast = parseYamlFast(text);
    expect(fast, 'the fast reader gave up').toBeDefined();
    expect(fast!.value).toEqual(full(text).ok ? (full(text) as { value: unknown }).value : undefined);
  });
});

// The public templates of fixtures/realworld (not committed) are read by realworld.test.ts (`npm run test:realworld`).

const SNIPPETS: string[] = [
  // scalars by the core schema
  'a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 1.5\nf: .5\ng: 1e3\nh: .inf\ni: -.Inf\nj: .nan\nk: ~\nl: null\nm: True\nn: FALSE\no: yes\np: "2010-09-09"\nq: 2010-09-09\nr: 012\ns: +7\nt: 1.\n',
  'a: plain text with spaces  \nb: text # a comment\nc: a#b\nd: http://example.com:8080/x\ne: "quoted # not a comment"\nf: \'it\'\'s\'\ng: "tab\\there \\u00e9 \\x41 \\\\ \\"q\\""\n',
  "a: ''\nb: \"\"\nc:\nd: # only a comment\ne: -1\nf: '-'\n",
  // block structure
  'Resources:\n  A:\n    Type: x\n    Properties:\n      List:\n        - 1\n        - two\n      Same:\n      - a\n      - b\n      Map: {k: v}\n',
  '- a\n- - b\n  - c\n- d: 1\n  e: 2\n-   f: 3\n    g: [4]\n-\n  h: 5\n- \n',
  'a:\n  - Key: Name\n    Value: x\n  - {Key: Env, Value: prod}\n',
  // flow collections
  'a: [1, "two", \'three\', {b: c, d: [e, f]}, ]\nb: {x: 1, y: {z: 2},}\nc: []\nd: {}\n',
  'a: [\n    1,\n    2  # comment\n  ]\nb: {\n  c: d,\n  e: f\n  }\n',
  'a: {b: }\nc: [http://x.y, "a,b"]\n',
  // block scalars
  'a: |\n  line one\n    indented\n  line three\nb: x\n',
  'a: |-\n  no newline\nb: |+\n  keep\n\n\nc: >\n  folded\n  text\n\n  para\nd: >-\n  x\n  y\n',
  'a: |\n  #!/bin/bash\n  echo "${AWS::Region}" # not a comment\n\n  done\nb: 1\n',
  // short-form tags
  "a: !Ref X\nb: !GetAtt A.B.C\nc: !Sub '${X}'\nd: !Select [0, !GetAZs '']\ne: !GetAZs\nf: !GetAZs\n  Ref: AWS::Region\ng: !Join\n  - ''\n  - - a\n    - !Ref B\n",
  'a: !If [C, !Ref AWS::NoValue, [1, 2]]\nb: !Equals [!Ref P, "x"]\nc: !Not [!Condition C]\nd: !Base64\n  Fn::Sub: |\n    #!/bin/bash\n    echo hi\ne: !Sub |\n  x ${Y}\n',
  'a: [!Ref B, !GetAtt C.D, !Select [1, !Split [",", !Ref E]]]\nb: {c: !Ref D}\nc: !Ref\n',
  'a: !Select [ 0, !GetAZs ]\nb: [!Ref , x]\nc: {k: !GetAZs }\n',
  // multi-line quoted scalars, folded (the Quick Start VPC's flow-log format default is one)
  "p:\n  Default:\n    '${version} ${account-id}\n    ${log-status}'\n  Type: String\n",
  'a: \'one  \n  two\n\n\n  three \'\nb: "x\\\n   y \\t\n  z"\n- c\n',
  "- 'one\n  two'\n- \"a\\u00e9\n\n  b\"\n- k: 'v\n    w'\n  l: 1\n",
  "a: !Sub 'arn:${AWS::Partition}:s3:::\n  bucket/*'\nb: 'x\n\ty'\n",
  "a: 'x\n y'\n",
  "a:\n  b: 'x\n  y'\n",
  // things the fast reader should give up on (or agree about)
  'a: &x 1\nb: *x\n',
  'a: !!str 5\n',
  '? complex\n: key\n',
  'a: multi\n  line plain\n',
  "a: 'multi\n  line quoted'\n",
  'a: one\n  two: x\n',
  'a: one # c\n  two\n',
  'a: one\n  # c\n  two\n',
  'a: one\n  - two\n',
  'a: one\n\ttwo\n',
  '- one\n  two\n- three\n',
  'k:\n  - one\n    two\n  - x: 1\n    y\n',
  'a: [b,\n  c]\nd: 1\n  e\n',
  'a: 1\na: 2\n',
  'a:\n\tb: 1\n',
  '%YAML 1.2\n---\na: 1\n',
  '---\na: 1\n...\n',
  'a: 1\n---\nb: 2\n',
  'a: |2\n   x\n',
  'a: b: c\n',
  'a:\n  - x\n  b: y\n',
  'a:\n    b: 1\n  c: 2\n',
  '[a: b]\n',
  'a: [b: c]\n',
  'a: {b, c}\n',
  '<<: {a: 1}\n',
  '1: a\ntrue: b\n',
  'a: !Unknown x\n',
  'a: "unterminated\n',
  'a: [1, 2\n',
  'a: >\n  x\n    more indented\n  y\n',
  '- a\nb: c\n',
  'a: 1\n  b: 2\n',
];

describe('snippets', () => {
  it.each(SNIPPETS.map((s) => [JSON.stringify(s).slice(0, 60), s]))('%s', (_label, text) => {
    expectAgreement(text);
  });

  it('answers for the constructs templates use', () => {
    for (const text of SNIPPETS.slice(0, 14)) expect(parseYamlFast(text), text).toBeDefined();
  });

  it('gives up on anchors, complex keys and duplicate keys', () => {
    for (const text of ['a: &x 1\nb: *x\n', '? complex\n: key\n', 'a: 1\na: 2\n']) {
      expect(parseYamlFast(text), text).toBeUndefined();
    }
  });

  // Parameter descriptions wrapped over lines are in most real templates (the Quick Start VPC has dozens).
  it('reads multi-line plain and quoted scalars, folded as the full parser folds them', () => {
    for (const text of [
      'a: multi\n  line plain\n',
      'Description:\n  Set to false to create only private subnets. If false,\n  the CIDR parameters will be\n\n  ignored\nType: String\n',
      'a: !Sub ${AWS::StackName} stack\n  in ${AWS::Region}\nb: 1\n',
      "p:\n  Default:\n    '${version} ${account-id}\n    ${log-status}'\n",
    ]) {
      expect(parseYamlFast(text), text).toBeDefined();
      expectAgreement(text);
    }
    expect(parseYamlFast('a: !Sub ${AWS::StackName} stack\n  in ${AWS::Region}\n')?.value).toEqual({
      a: { 'Fn::Sub': '${AWS::StackName} stack in ${AWS::Region}' },
    });
  });

  it('reads multi-line quoted scalars only in the lenient mode, folded as YAML folds them', () => {
    const text = 'a: \'one\n  two\n\n  three\'\nb: "x \\\n  y\\tz\n   w"\nc: \'{\n  "k": 1\n}\'\n';
    expect(parseYamlFast(text)).toBeUndefined();
    expect(parseYamlFast(text, { lenientQuotes: true })?.value).toEqual({
      a: 'one two\nthree',
      b: 'x y\tz w',
      c: '{ "k": 1 }',
    });
    // Where the full parser accepts the text (continuations indented past the key), both read the same.
    const strict = 'a: \'one\n  two\n\n  three\'\nb: "x \\\n  y\\tz\n   w"\n';
    expect(parseYamlFast(strict, { lenientQuotes: true })?.value).toEqual(
      full(strict).ok && (full(strict) as { value: unknown }).value,
    );
    expect(parseYamlFast("a: 'never closed\n  b: 1\n", { lenientQuotes: true })).toBeUndefined();
  });

  it('drops and counts __proto__ keys', () => {
    const r = parseYamlFast('__proto__: {a: 1}\nb: {__proto__: 2}\n');
    expect(r?.dropped).toBe(2);
    expect(r?.value).toEqual({ b: {} });
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it('resolves plain scalars by the core schema', () => {
    expect([
      resolvePlain('yes'),
      resolvePlain('0x10'),
      resolvePlain('1e2'),
      resolvePlain('~'),
      resolvePlain('10.0.0.0/16'),
    ]).toEqual(['yes', 16, 100, null, '10.0.0.0/16']);
  });
});

/** A small seeded generator, so a failure names a reproducible case. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('mutated templates', () => {
  it('agree with the full parser after random edits (or the fast reader gives up)', () => {
    const next = random(42);
    const pieces = [
      ' ',
      '\n',
      ':',
      '- ',
      '  ',
      '#',
      "'",
      '"',
      '[',
      ']',
      '{',
      '}',
      ',',
      '!Ref ',
      '|',
      '>',
      '\t',
      '&a ',
      '*a',
      '? ',
    ];
    const sources = templates.map((f) => readFileSync(f, 'utf8'));
    for (let round = 0; round < 300; round++) {
      let text = sources[Math.floor(next() * sources.length)]!;
      for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
        const at = Math.floor(next() * text.length);
        const roll = next();
        if (roll < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
        else text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at);
      }
      expectAgreement(text, `round ${round}`);
    }
  });
});
