/**
 * Grading on real lesson designs: what each kind of goal reports when met and when not, that grading leaves the
 * design untouched, and the named conditions' edge cases (a resource the student deleted, a set condition).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteResources, updateResource } from '../commands/edit.ts';
import { run } from '../commands/command.ts';
import type { Design, SecurityGroup } from '../model/types.ts';
import { SOLUTIONS } from './catalog/solutions/index.ts';
import { gradeLesson, lessonComplete, nextHint } from './grade.ts';
import { parseLesson } from './parse.ts';
import type { Lesson } from './types.ts';

function load(name: string): Lesson {
  const read = parseLesson(readFileSync(join(__dirname, 'catalog', `${name}.lesson.json`), 'utf8'));
  if (!read.ok) throw new Error(read.error);
  return read.lesson;
}

const byId = (lesson: Lesson, design: Design) =>
  Object.fromEntries(gradeLesson(lesson, design).map((r) => [r.goal.id, r]));

describe('gradeLesson', () => {
  const nat = load('01-nat-gateway');
  const solved = SOLUTIONS['01-nat-gateway']!(nat.start);

  it('gives one result per goal, in the lesson’s order, and leaves the design as it was', () => {
    const before = JSON.stringify(nat.start);
    const results = gradeLesson(nat, nat.start);
    expect(results.map((r) => r.goal.id)).toEqual(nat.goals.map((g) => g.id));
    expect(JSON.stringify(nat.start)).toBe(before);
    expect(lessonComplete(results)).toBe(false);
    expect(lessonComplete(gradeLesson(nat, solved))).toBe(true);
    expect(lessonComplete([])).toBe(false);
  });

  it('says where a flow stops, naming the component by name', () => {
    const r = byId(nat, nat.start)['app-out']!;
    expect(r.passed).toBe(false);
    expect(r.reason).toBe(
      '"App server" → the internet (TCP 443) is blocked: it stops at Route table "Private routes": there is no route for it.',
    );
  });

  it('fails a block goal that gets through', () => {
    const open = run(
      solved,
      updateResource('i-app', { associatePublicIp: true, subnetId: 'subnet-public' } as never),
    ).design;
    const withRule = run(
      open,
      updateResource<SecurityGroup>('sg-app', {
        ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }],
      }),
    ).design;
    const r = byId(nat, withRule)['no-way-in']!;
    expect(r.passed).toBe(false);
    expect(r.reason).toBe('The internet → "App server" (TCP 443) still gets through; it must be blocked.');
  });

  it('fails a resource goal whose resource the student deleted, saying so', () => {
    const gone = run(solved, deleteResources(['nat-lab'])).design;
    const r = byId(nat, gone)['nat-public']!;
    expect(r).toMatchObject({ passed: false, reason: 'NAT gateway "nat-lab" is no longer in the design.' });
  });

  it('grades survives goals on the failed design without marking the student’s design failed', () => {
    const ha = load('03-high-availability');
    const r = byId(ha, ha.start)['b-survives-a']!;
    expect(r.passed).toBe(false);
    expect(r.reason).toMatch(
      /^With Availability Zone us-east-1a down, "App server B" → the internet \(TCP 443\) breaks: it stops at NAT gateway "NAT gateway A"/,
    );
    expect(ha.start.failures).toBeUndefined();
    expect(byId(ha, ha.start)['a-survives-b']!.passed).toBe(true);
  });

  it('checks a set condition on all the matching resources, naming the zone left out', () => {
    const ha = load('03-high-availability');
    const withSecond = SOLUTIONS['03-high-availability']!(ha.start);
    expect(byId(ha, withSecond)['nat-per-az']!.passed).toBe(true);
    // Both NAT gateways in zone a: two of them, but us-east-1b has none.
    const bothInA = { ...withSecond, resources: { ...withSecond.resources } };
    for (const r of Object.values(bothInA.resources))
      if (r.kind === 'natGateway' && r.subnetId === 'subnet-public-b')
        bothInA.resources[r.id] = { ...r, subnetId: 'subnet-public-a' };
    const r = byId(ha, bothInA)['nat-per-az']!;
    expect(r.passed).toBe(false);
    expect(r.reason).toBe(
      'The NAT gateways do not cover every Availability Zone that has subnets: none in us-east-1b.',
    );
  });

  it('reports a finding that remains, and its absence', () => {
    const ha = load('03-high-availability');
    expect(byId(ha, ha.start)['same-zone']).toMatchObject({
      passed: false,
      reason: 'A "nat-gateway-cross-az" finding remains about Subnet "Private subnet B".',
    });
    expect(byId(ha, SOLUTIONS['03-high-availability']!(ha.start))['same-zone']).toMatchObject({
      passed: true,
      reason: 'No "nat-gateway-cross-az" finding remains.',
    });
  });

  it('lets an interface endpoint’s security group decide: without an inbound rule the service is not reached', () => {
    const lesson = load('09-interface-endpoint');
    const solvedEndpoint = SOLUTIONS['09-interface-endpoint']!(lesson.start);
    expect(byId(lesson, solvedEndpoint)['ssm']!.passed).toBe(true);
    const closed = run(solvedEndpoint, updateResource<SecurityGroup>('sg-endpoint', { ingress: [] })).design;
    expect(byId(lesson, closed)['ssm']).toMatchObject({
      passed: false,
      reason: expect.stringContaining('Security group "Endpoint group"'),
    });
  });

  it('uses Amazon Inspector-style exposure for exposedToInternet', () => {
    const lesson = load('11-network-reachability');
    expect(byId(lesson, lesson.start)['db-closed']).toMatchObject({
      passed: false,
      reason: 'EC2 instance "Database server" has a port open to the internet.',
    });
  });
});

describe('nextHint', () => {
  it('gives the hints in order while a goal is unmet, and none once the lesson is complete', () => {
    const nat = load('01-nat-gateway');
    const unmet = gradeLesson(nat, nat.start);
    expect(nextHint(nat, unmet, 0)).toBe(nat.hints[0]);
    expect(nextHint(nat, unmet, 1)).toBe(nat.hints[1]);
    expect(nextHint(nat, unmet, nat.hints.length)).toBeUndefined();
    expect(nextHint(nat, gradeLesson(nat, SOLUTIONS['01-nat-gateway']!(nat.start)), 0)).toBeUndefined();
  });
});
