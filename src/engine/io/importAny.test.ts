import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../model/example.ts';
import { validateDesign } from '../rules/index.ts';
import { serializeDesign } from './designFile.ts';
import { importDesignText, MAX_IMPORT_BYTES } from './importAny.ts';
import { importDesignTextSync } from './importSync.ts';

const VPC_YAML = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n';

describe('recognising the format by content', () => {
  it('reads a design file whatever its extension', async () => {
    const r = await importDesignText(serializeDesign(exampleDesign()), 'saved.yaml');
    expect(r.ok && r.report.format).toBe('VPC Designer design');
  });

  it('reads CloudFormation YAML and JSON whatever their extension', async () => {
    const yaml = await importDesignText(VPC_YAML, 'template.txt');
    const json = await importDesignText(
      '{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}}}',
      'vpc.template',
    );
    expect(yaml.ok && yaml.report.format).toBe('CloudFormation template (YAML)');
    expect(json.ok && json.report.format).toBe('CloudFormation template (JSON)');
    expect(yaml.ok && json.ok && Object.keys(yaml.design.resources)).toEqual(
      json.ok ? Object.keys(json.design.resources) : [],
    );
  });

  it('says when a file is neither', async () => {
    expect(await importDesignText('{"hello": "world"}', 'x.json')).toEqual({
      ok: false,
      error: 'x.json: this is neither a VPC Designer design nor a CloudFormation template (no Resources section).',
    });
  });
});

/** Every failure is one line that names the file; none takes long. */
function expectOneLineError(result: Awaited<ReturnType<typeof importDesignText>>, pattern: RegExp) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toMatch(pattern);
  expect(result.error).not.toContain('\n');
  expect(result.error).not.toMatch(/at .*\.ts:\d+/);
}

describe('bad input: a clear one-line error or a finding, within seconds', () => {
  it('empty files', async () => {
    expectOneLineError(await importDesignText('', 'empty.yaml'), /^empty\.yaml: The file is empty\.$/);
  });

  it('binary junk', async () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 31) % 256)).join('');
    expectOneLineError(await importDesignText(junk, 'photo.png'), /not text/);
  });

  it('syntax errors', async () => {
    expectOneLineError(
      await importDesignText('Resources:\n  Vpc: {Type: AWS::EC2::VPC\n', 'broken.yaml'),
      /^broken\.yaml: The file is not valid YAML/,
    );
    expectOneLineError(
      await importDesignText('{"Resources": [', 'broken.json'),
      /^broken\.json: The file is not valid JSON/,
    );
  });

  it('a 20 MB file is refused at once, from its size', async () => {
    const big = `Resources:\n${'  # padding\n'.repeat((20 * 1024 * 1024) / 12)}`;
    expect(big.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    const started = performance.now();
    expectOneLineError(
      await importDesignText(big, 'huge.yaml'),
      /too large to import \(20\.0 MB; the limit is 10 MB\)/,
    );
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('a YAML alias bomb', async () => {
    const bomb = ['Resources: {}', 'a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(',')}]`,
      );
    const started = performance.now();
    expectOneLineError(await importDesignText(bomb.join('\n'), 'bomb.yaml'), /alias bomb/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('__proto__ and constructor keys leave Object.prototype unchanged', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const r = await importDesignText(
      `${VPC_YAML}  constructor:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a, __proto__: {polluted: 1}}\n__proto__: {polluted: 2}\n`,
      'proto.yaml',
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.design.resources.constructor).toMatchObject({ kind: 'subnet', vpcId: 'Vpc' });
      expect(r.report.warnings[0]).toMatch(/__proto__/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('a dangling !Ref', async () => {
    expectOneLineError(
      await importDesignText(
        `${VPC_YAML}  S:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Nope}\n`,
        'd.yaml',
      ),
      /S refers to Nope/,
    );
    expectOneLineError(
      await importDesignText(`${VPC_YAML}Outputs:\n  X: {Value: !GetAtt Ghost.Arn}\n`, 'd.yaml'),
      /Output X reads an attribute of Ghost/,
    );
    expectOneLineError(
      await importDesignText(
        `${VPC_YAML}  S:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !Sub '\${Missing}-b'}\n`,
        'd.yaml',
      ),
      /substitutes \$\{Missing\}/,
    );
  });

  it('unknown resource types are listed, not dropped', async () => {
    const r = await importDesignText(`${VPC_YAML}  Thing: {Type: Custom::Thing}\n  Weird: {Type: 42}\n`, 'u.yaml');
    expect(r.ok && r.report.notModelled).toEqual(['Thing (Custom::Thing)']);
    expect(r.ok && r.report.failed).toEqual(['Weird ((no Type)): it has no Type (it is a mapping)']);
  });

  it('wrong property types load with warnings and show up as error findings', async () => {
    const r = await importDesignText(
      'Resources:\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: [10.0.0.0/16]}}\n  Odd: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 1234}}\n  Props: {Type: AWS::EC2::VPC, Properties: [1, 2]}\n',
      'w.yaml',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.warnings).toContain('Vpc.CidrBlock should be text, but is a list; it was left empty.');
    expect(r.report.failed).toEqual(['Props (AWS::EC2::VPC): its Properties should be a mapping, not a list']);
    const errors = validateDesign(r.design)
      .filter((f) => f.severity === 'error')
      .map((f) => f.resources[0]);
    expect(errors).toEqual(expect.arrayContaining(['Vpc', 'Odd']));
  });

  it('a template without Resources', async () => {
    expectOneLineError(
      await importDesignText('AWSTemplateFormatVersion: "2010-09-09"\nDescription: nothing\n', 'n.yaml'),
      /no Resources section/,
    );
  });

  it('never throws, even for input that is not text', () => {
    expect(importDesignTextSync(undefined as unknown as string, 'x').ok).toBe(false);
  });
});
