/**
 * Parameter constraints, checked as CloudFormation checks them before creating a stack:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 * ("If you define constraints for the parameter, you must specify a value that adheres to those constraints";
 * AllowedPattern "must match the entire parameter value provided", and for a CommaDelimitedList "each value in the list").
 */
import { describe, expect, it } from 'vitest';
import { importTemplate } from './importTemplate.ts';
import { findParameterProblem, parameterProblem } from './parameterConstraints.ts';

const vpc = { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } };

describe('parameterProblem', () => {
  it('refuses a value outside AllowedValues, naming the parameter and the constraint', () => {
    expect(
      parameterProblem('Tenancy', { Type: 'String', AllowedValues: ['default', 'dedicated'] }, 'host', 'value'),
    ).toBe('Parameter Tenancy: the value "host" is not one of its AllowedValues (default, dedicated).');
    expect(
      parameterProblem('Tenancy', { Type: 'String', AllowedValues: ['default', 'dedicated'] }, 'dedicated', 'value'),
    ).toBeUndefined();
  });

  it('matches AllowedPattern against the whole value, and against each value of a CommaDelimitedList', () => {
    const cidr = { Type: 'String', AllowedPattern: '\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+' };
    expect(parameterProblem('Cidr', cidr, '10.0.0.0/16', 'value')).toBeUndefined();
    expect(parameterProblem('Cidr', cidr, 'x10.0.0.0/16', 'value')).toMatch(
      /^Parameter Cidr: .* does not match its AllowedPattern/,
    );
    const list = { Type: 'CommaDelimitedList', AllowedPattern: 'us-east-1[a-f]' };
    expect(parameterProblem('Zones', list, 'us-east-1a,us-east-1b', 'value')).toBeUndefined();
    expect(parameterProblem('Zones', list, 'us-east-1a,eu-west-1a', 'value')).toMatch(
      /holds "eu-west-1a", which does not match/,
    );
    expect(parameterProblem('Zones', list, '', 'Default')).toBeUndefined();
  });

  it('checks MinLength/MaxLength on strings and MinValue/MaxValue and numberhood on numbers', () => {
    expect(parameterProblem('Name', { MinLength: 3 }, 'ab', 'value')).toMatch(/shorter than its MinLength 3/);
    expect(parameterProblem('Name', { MaxLength: '3' }, 'abcd', 'value')).toMatch(/longer than its MaxLength 3/);
    expect(parameterProblem('Size', { Type: 'Number', MinValue: 1, MaxValue: 4 }, '0', 'value')).toMatch(
      /less than its MinValue 1/,
    );
    expect(parameterProblem('Size', { Type: 'Number', MinValue: 1, MaxValue: 4 }, 4, 'Default')).toBeUndefined();
    expect(parameterProblem('Size', { Type: 'Number' }, 'four', 'value')).toBe(
      'Parameter Size: the value "four" is not a number (the type is Number).',
    );
    expect(parameterProblem('Ports', { Type: 'List<Number>', MaxValue: 65535 }, '22,70000', 'value')).toMatch(
      /holds 70000, which is more than its MaxValue 65535/,
    );
  });

  it('compares a Number against numeric AllowedValues by value, and appends the ConstraintDescription', () => {
    expect(parameterProblem('Azs', { Type: 'Number', AllowedValues: [2, 3] }, '3', 'value')).toBeUndefined();
    expect(
      parameterProblem(
        'Azs',
        { Type: 'Number', AllowedValues: [2, 3], ConstraintDescription: 'two or three zones' },
        '4',
        'value',
      ),
    ).toBe('Parameter Azs: the value "4" is not one of its AllowedValues (2, 3) (two or three zones).');
  });

  it('leaves alone what cannot be checked here: Systems Manager parameters, patterns JavaScript cannot read', () => {
    expect(
      parameterProblem(
        'Ami',
        { Type: 'AWS::SSM::Parameter::Value<String>', AllowedValues: ['x'] },
        '/aws/service/ami',
        'Default',
      ),
    ).toBeUndefined();
    expect(parameterProblem('Odd', { Type: 'String', AllowedPattern: '[a-z' }, 'anything', 'value')).toBeUndefined();
    expect(
      parameterProblem('Java', { Type: 'String', AllowedPattern: '\\p{Alnum}+' }, 'abc1', 'value'),
    ).toBeUndefined();
    expect(
      parameterProblem('Java', { Type: 'String', AllowedPattern: '\\A[a-z]+\\z' }, 'abc', 'value'),
    ).toBeUndefined();
    expect(parameterProblem('Java', { Type: 'String', AllowedPattern: '[a-z]++' }, 'abc', 'value')).toBeUndefined();
  });
});

describe('findParameterProblem and the import', () => {
  it('checks a Default that will be used, but not one a supplied value replaces', () => {
    const template = {
      Parameters: { Env: { Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'test' } },
      Resources: vpc,
    };
    expect(findParameterProblem(template, {})).toBe(
      'Parameter Env: its Default "test" is not one of its AllowedValues (dev, prod).',
    );
    expect(findParameterProblem(template, { Env: 'prod' })).toBeUndefined();
    const result = importTemplate(template);
    expect(result).toEqual({
      ok: false,
      error: 'Parameter Env: its Default "test" is not one of its AllowedValues (dev, prod).',
    });
    expect(importTemplate(template, { parameters: { Env: 'dev' } }).ok).toBe(true);
  });

  it('refuses a supplied value that breaks a constraint, and has nothing to check for a parameter without a value', () => {
    const template = {
      Parameters: { Cidr: { Type: 'String', AllowedPattern: '10\\..*' }, Other: { Type: 'String', MinLength: 5 } },
      Resources: vpc,
    };
    expect(importTemplate(template, { parameters: { Cidr: '192.168.0.0/16' } })).toEqual({
      ok: false,
      error: 'Parameter Cidr: the value "192.168.0.0/16" does not match its AllowedPattern 10\\..*.',
    });
    expect(importTemplate(template).ok).toBe(true);
  });
});
