import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/index.ts';
import { filterFindings, groupBySeverity } from './filter.ts';

const f = (severity: Finding['severity'], rule: string, resources: string[], message: string): Finding => ({
  rule,
  severity,
  resources,
  message,
  fix: 'Do the thing.',
  docs: 'https://docs.aws.amazon.com/vpc/',
});

const findings = [
  f('error', 'subnet-cidr-overlap', ['subnet-b', 'subnet-a'], 'Subnet subnet-b overlaps subnet subnet-a.'),
  f('warning', 'igw-detached', ['igw-1'], 'Internet gateway igw-1 is not attached.'),
  f('info', 'subnet-small', ['subnet-a'], 'Subnet subnet-a has only 11 usable addresses.'),
  f('error', 'route-blackhole', ['rtb-1'], 'Route table rtb-1 has a route that is a blackhole.'),
];
const all = { error: true, warning: true, info: true };

describe('the Findings panel filter', () => {
  it('groups by severity keeping order, and counts each group', () => {
    const groups = groupBySeverity(findings);
    expect(groups.error.map((x) => x.rule)).toEqual(['subnet-cidr-overlap', 'route-blackhole']);
    expect([groups.error.length, groups.warning.length, groups.info.length]).toEqual([2, 1, 1]);
  });

  it('hides severities that are toggled off', () => {
    expect(filterFindings(findings, { ...all, error: false }, '').map((x) => x.severity)).toEqual(['warning', 'info']);
  });

  it('matches every word of the text against message, rule and resource ids, ignoring case', () => {
    expect(filterFindings(findings, all, 'SUBNET-A').map((x) => x.rule)).toEqual([
      'subnet-cidr-overlap',
      'subnet-small',
    ]);
    expect(filterFindings(findings, all, 'subnet-a usable').map((x) => x.rule)).toEqual(['subnet-small']);
    expect(filterFindings(findings, all, 'blackhole')).toHaveLength(1);
    expect(filterFindings(findings, all, 'nothing-like-this')).toEqual([]);
  });
});
