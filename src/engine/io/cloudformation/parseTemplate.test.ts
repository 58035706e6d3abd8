import { describe, expect, it } from 'vitest';
import { parseTemplateText } from './parseTemplate.ts';

function parsed(text: string) {
  const r = parseTemplateText(text);
  if (!r.ok) throw new Error(r.error);
  return r.template;
}

// Short forms: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
describe('YAML short-form tags become the long form', () => {
  it('reads every short form as its Fn:: mapping', () => {
    const t = parsed(`
a: !Ref Vpc
b: !GetAtt Vpc.CidrBlock
c: !Sub '\${AWS::Region}-x'
d: !Join [',', [a, b]]
e: !Select [0, !GetAZs '']
f: !Split [',', 'a,b']
g: !FindInMap [M, k, v]
h: !Cidr [10.0.0.0/16, 2, 8]
i: !If [Cond, yes, no]
j: !Equals [a, b]
k: !Not [!Condition Cond]
l: !And [!Condition A, !Condition B]
m: !Or [!Condition A, !Condition B]
n: !ImportValue SharedVpc
o: !GetAZs
  Ref: AWS::Region
p: !GetAtt [Sg, GroupId]
`);
    expect(t.a).toEqual({ Ref: 'Vpc' });
    expect(t.b).toEqual({ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] });
    expect(t.c).toEqual({ 'Fn::Sub': '${AWS::Region}-x' });
    expect(t.d).toEqual({ 'Fn::Join': [',', ['a', 'b']] });
    expect(t.e).toEqual({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
    expect(t.f).toEqual({ 'Fn::Split': [',', 'a,b'] });
    expect(t.g).toEqual({ 'Fn::FindInMap': ['M', 'k', 'v'] });
    expect(t.h).toEqual({ 'Fn::Cidr': ['10.0.0.0/16', 2, 8] });
    expect(t.i).toEqual({ 'Fn::If': ['Cond', 'yes', 'no'] });
    expect(t.j).toEqual({ 'Fn::Equals': ['a', 'b'] });
    expect(t.k).toEqual({ 'Fn::Not': [{ Condition: 'Cond' }] });
    expect(t.l).toEqual({ 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] });
    expect(t.m).toEqual({ 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] });
    expect(t.n).toEqual({ 'Fn::ImportValue': 'SharedVpc' });
    expect(t.o).toEqual({ 'Fn::GetAZs': { Ref: 'AWS::Region' } });
    expect(t.p).toEqual({ 'Fn::GetAtt': ['Sg', 'GroupId'] });
  });

  it('keeps a GetAtt attribute that itself has dots', () => {
    expect(parsed('a: !GetAtt Db.Endpoint.Address').a).toEqual({ 'Fn::GetAtt': ['Db', 'Endpoint.Address'] });
  });

  it('reads JSON templates as they are', () => {
    expect(parsed('{"Resources": {"V": {"Type": "AWS::EC2::VPC"}}}').Resources).toEqual({
      V: { Type: 'AWS::EC2::VPC' },
    });
  });
});

describe('bad input is one plain line, never a throw', () => {
  it.each([
    ['', 'The file is empty.'],
    ['   \n  ', 'The file is empty.'],
  ])('refuses an empty file', (text, error) => {
    expect(parseTemplateText(text)).toEqual({ ok: false, error });
  });

  it('refuses binary junk', () => {
    const junk = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));
    const r = parseTemplateText(junk);
    expect(r).toEqual({ ok: false, error: 'The file is not text (it looks like binary data).' });
  });

  it('names the syntax error for broken YAML and JSON', () => {
    const yaml = parseTemplateText('Resources:\n  V: [unclosed');
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) {
      expect(yaml.error).toMatch(/^The file is not valid YAML/);
      expect(yaml.error).not.toContain('\n');
    }
    const json = parseTemplateText('{"Resources": {');
    expect(json.ok).toBe(false);
    if (!json.ok) expect(json.error).toMatch(/^The file is not valid JSON/);
  });

  it('stops a YAML alias bomb quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    const names = 'bcdefghi';
    for (let i = 0; i < names.length; i++) {
      const prev = i === 0 ? 'a' : names[i - 1];
      lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const r = parseTemplateText(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/alias/);
  });

  it('stops an alias bomb hidden inside a short-form tag', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    const names = 'bcdefghi';
    for (let i = 0; i < names.length; i++) {
      const prev = i === 0 ? 'a' : names[i - 1];
      lines.push(`${names[i]}: &${names[i]} !Join [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(parseTemplateText(lines.join('\n')).ok).toBe(false);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const r = parseTemplateText(`{"a": ${deep}}`);
    expect(r.ok).toBe(false);
  });

  it('refuses a file that is a list or a scalar', () => {
    expect(parseTemplateText('- a\n- b').ok).toBe(false);
    expect(parseTemplateText('just words').ok).toBe(false);
  });

  it('refuses duplicate keys, as CloudFormation does', () => {
    expect(parseTemplateText('Resources:\n  A: 1\n  A: 2').ok).toBe(false);
  });
});

describe('prototype pollution', () => {
  it('drops __proto__ keys from YAML and JSON, says so, and leaves Object.prototype alone', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const yaml = parseTemplateText(
      '__proto__: {polluted: yes}\nResources:\n  constructor: {Type: x}\n  V: {__proto__: {polluted: 1}}',
    );
    const json = parseTemplateText(
      '{"__proto__": {"polluted": true}, "Resources": {"V": {"constructor": {"prototype": {"polluted": 1}}}}}',
    );
    expect(yaml.ok && json.ok).toBe(true);
    if (yaml.ok) {
      expect(yaml.warnings[0]).toMatch(/__proto__/);
      expect(Object.getPrototypeOf(yaml.template)).toBe(Object.prototype);
      // A logical id named constructor is a valid alphanumeric id and survives as an own key.
      expect(Object.hasOwn(yaml.template.Resources as object, 'constructor')).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});

// What real templates contain that strict YAML 1.2 parsers balk at, but CloudFormation reads.
describe('templates as people write them', () => {
  it('reads a quoted value continued at its key’s indentation (a JSON policy as a multi-line string), with a note', () => {
    const r = parseTemplateText(
      [
        'Resources:',
        '  E:',
        '    Type: AWS::EC2::VPCEndpoint',
        '    Properties:',
        "      PolicyDocument: '{",
        '        "Statement":[{',
        '            "Effect":"Allow",',
        '            "Principal": "*"',
        '        }]',
        "      }'",
        '      ServiceName: !Sub "com.amazonaws.${AWS::Region}.s3"',
      ].join('\n'),
    );
    if (!r.ok) throw new Error(r.error);
    const props = (r.template.Resources as Record<string, { Properties: Record<string, unknown> }>).E!.Properties;
    expect(JSON.parse(props.PolicyDocument as string)).toEqual({ Statement: [{ Effect: 'Allow', Principal: '*' }] });
    expect(props.ServiceName).toEqual({ 'Fn::Sub': 'com.amazonaws.${AWS::Region}.s3' });
    expect(r.warnings).toEqual([
      expect.stringMatching(/quoted value goes on over lines indented no deeper than its key/),
    ]);
  });

  it('still refuses a quoted value that never closes', () => {
    expect(parseTemplateText("Resources:\n  A:\n    Type: 'x\n  B: 1\n").ok).toBe(false);
  });

  it('reads rule functions (!ValueOf, !EachMemberEquals, …) and names tags it does not know, without printing them', () => {
    const r = parseTemplateText(
      'Rules:\n  R:\n    Assertions:\n      - Assert: !EachMemberEquals [!ValueOf [Subnets, VpcId], !Ref VpcId]\nResources:\n  A: {Type: AWS::SNS::Topic, Properties: {X: !Frobnicate [a, b]}}\n',
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.template.Rules).toEqual({
      R: {
        Assertions: [
          { Assert: { 'Fn::EachMemberEquals': [{ 'Fn::ValueOf': ['Subnets', 'VpcId'] }, { Ref: 'VpcId' }] } },
        ],
      },
    });
    expect(r.warnings).toEqual([
      'The YAML uses !Frobnicate, which is not an intrinsic function this importer knows; what follows it was read without the tag.',
    ]);
  });

  it('reads JSON and YAML saved with a byte order mark', () => {
    expect(parsed('\ufeff{"Resources": {"V": {"Type": "AWS::EC2::VPC"}}}').Resources).toEqual({
      V: { Type: 'AWS::EC2::VPC' },
    });
    expect(parsed('\ufeffResources:\r\n  V: {Type: AWS::EC2::VPC}\r\n').Resources).toEqual({
      V: { Type: 'AWS::EC2::VPC' },
    });
  });

  it('reads an empty tagged scalar inside a flow list (!Select [0, !GetAZs ])', () => {
    expect(parsed('a: !Select [ 0, !GetAZs ]\n').a).toEqual({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
  });
});
