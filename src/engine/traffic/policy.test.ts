import { describe, expect, it } from 'vitest';
import { evaluatePolicy, type PolicyRequest } from './policy.ts';

const request = (over: Partial<PolicyRequest> = {}): PolicyRequest => ({
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::reports/q1.csv',
  account: '111111111111',
  context: {},
  ...over,
});

describe('evaluatePolicy', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
  it('needs an allow: no matching statement is an implicit deny', () => {
    const policy = { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: '*' }] };
    expect(evaluatePolicy(policy, request())).toEqual({ decision: 'implicitDeny' });
  });

  it('matches wildcards in Action (case-insensitive) and Resource', () => {
    const policy = {
      Statement: {
        Sid: 'Read',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['S3:get*'],
        Resource: 'arn:aws:s3:::rep?rts/*',
      },
    };
    expect(evaluatePolicy(policy, request())).toEqual({ decision: 'allow', statement: 'statement "Read"' });
    expect(evaluatePolicy(policy, request({ resource: 'arn:aws:s3:::other/q1.csv' })).decision).toBe('implicitDeny');
  });

  it('lets an explicit deny win, whatever the order', () => {
    const policy = {
      Statement: [
        { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' },
        { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
      ],
    };
    expect(evaluatePolicy(policy, request()).decision).toBe('deny');
  });

  it('supports NotAction and NotResource', () => {
    const policy = {
      Statement: [
        { Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: '*' },
        { Effect: 'Allow', Principal: '*', Action: '*', NotResource: 'arn:aws:s3:::secret/*' },
      ],
    };
    expect(evaluatePolicy(policy, request()).decision).toBe('allow');
    expect(evaluatePolicy(policy, request({ action: 's3:DeleteObject' })).decision).toBe('deny');
    expect(evaluatePolicy(policy, request({ resource: 'arn:aws:s3:::secret/x' })).decision).toBe('implicitDeny');
  });

  it('skips statements for other principals', () => {
    const policy = {
      Statement: [
        { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: '*', Resource: '*' },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: '*', Resource: '*' },
      ],
    };
    expect(evaluatePolicy(policy, request()).decision).toBe('allow');
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
  it('treats a missing key as not matching, except for negated operators and IfExists', () => {
    const deny = (condition: unknown) => ({
      Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: condition }],
    });
    expect(evaluatePolicy(deny({ StringEquals: { 'aws:SourceVpce': 'vpce-1' } }), request()).decision).toBe(
      'implicitDeny',
    );
    expect(evaluatePolicy(deny({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } }), request()).decision).toBe('deny');
    expect(
      evaluatePolicy(
        deny({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } }),
        request({ context: { 'aws:sourcevpce': 'vpce-1' } }),
      ).decision,
    ).toBe('implicitDeny');
    expect(evaluatePolicy(deny({ StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } }), request()).decision).toBe(
      'deny',
    );
    expect(evaluatePolicy(deny({ Null: { 'aws:SourceVpc': 'true' } }), request()).decision).toBe('deny');
  });

  it('compares addresses with IpAddress and NotIpAddress', () => {
    const allow = {
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: '*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7'] } },
        },
      ],
    };
    expect(evaluatePolicy(allow, request({ context: { 'aws:sourceip': '203.0.113.9' } })).decision).toBe('allow');
    expect(evaluatePolicy(allow, request({ context: { 'aws:sourceip': '198.51.100.7' } })).decision).toBe('allow');
    expect(evaluatePolicy(allow, request({ context: { 'aws:sourceip': '192.0.2.1' } })).decision).toBe('implicitDeny');
    expect(evaluatePolicy(allow, request({ context: {} })).decision).toBe('implicitDeny');
  });

  it('matches StringLike values with wildcards, any of several values', () => {
    const allow = {
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: '*',
          Resource: '*',
          Condition: { StringLike: { 'aws:SourceVpc': ['vpc-x', 'vpc-a*'] } },
        },
      ],
    };
    expect(evaluatePolicy(allow, request({ context: { 'aws:sourcevpc': 'vpc-abc' } })).decision).toBe('allow');
  });

  it('reports an unreadable policy instead of throwing', () => {
    expect(evaluatePolicy('{nope', request()).decision).toBe('invalid');
    expect(evaluatePolicy(42, request()).decision).toBe('invalid');
  });
});
