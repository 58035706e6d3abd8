/**
 * The vocabulary of `where` conditions: each one cites the AWS page it encodes, names real resource kinds, and a
 * set condition can check a set. Their behaviour is tested on the lessons that use them (catalog.test.ts,
 * grade.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { RESOURCE_KINDS } from '../model/types.ts';
import { appliesTo, CONDITIONS, conditionOf, type Condition } from './conditions.ts';

describe('CONDITIONS', () => {
  const all = Object.entries(CONDITIONS) as [string, Condition][];

  it.each(all)('%s cites an AWS documentation page and applies to real kinds', (_name, condition) => {
    expect(condition.docs).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    for (const kind of condition.kinds) expect(RESOURCE_KINDS).toContain(kind);
    if (condition.scope === 'set') expect(condition.testSet).toBeTypeOf('function');
  });

  it('finds conditions by name only among its own keys', () => {
    expect(conditionOf('inPublicSubnet')).toBe(CONDITIONS.inPublicSubnet);
    expect(conditionOf('toString')).toBeUndefined();
    expect(conditionOf('__proto__')).toBeUndefined();
  });

  it('applies `id` to every kind and the others only to theirs', () => {
    for (const kind of RESOURCE_KINDS) expect(appliesTo(CONDITIONS.id, kind)).toBe(true);
    expect(appliesTo(CONDITIONS.privateDns, 'vpcEndpoint')).toBe(true);
    expect(appliesTo(CONDITIONS.privateDns, 'natGateway')).toBe(false);
  });
});
