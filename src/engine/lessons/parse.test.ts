/**
 * The lesson reader's refusals, each a single plain line, on lesson 1's real file with one thing changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson, readLesson, serializeLesson } from './parse.ts';

const TEXT = readFileSync(join(__dirname, 'catalog/01-nat-gateway.lesson.json'), 'utf8');

/** A lesson file as loosely typed JSON, so a test can break any part of it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = Record<string, any>;

/** Lesson 1's file as data, changed by `edit`, then read. */
function readEdited(edit: (raw: Raw) => void) {
  const raw = JSON.parse(TEXT) as Raw;
  edit(raw);
  return parseLesson(JSON.stringify(raw));
}

function refusal(edit: (raw: Raw) => void): string {
  const result = readEdited(edit);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error).not.toContain('\n');
  return result.error;
}

describe('parseLesson', () => {
  it('reads lesson 1 and gives it back unchanged through serializeLesson', () => {
    const first = parseLesson(TEXT);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.lesson.goals.map((g) => g.id)).toEqual([
      'nat-public',
      'nat-eip',
      'private-route',
      'app-out',
      'no-way-in',
    ]);
    const again = parseLesson(serializeLesson(first.lesson));
    expect(again).toEqual(first);
  });

  it('refuses text that is not JSON, and JSON that is not a lesson', () => {
    expect(parseLesson('{ nope')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The file is not valid JSON/),
    });
    expect(parseLesson('')).toEqual({ ok: false, error: 'The file is empty.' });
    expect(parseLesson('[1]')).toEqual({
      ok: false,
      error: 'The file does not hold a lesson (expected a JSON object).',
    });
    expect(refusal((raw) => (raw.format = 'vpc-designer'))).toBe(
      'The file is not a VPC Designer lesson (format is "vpc-designer").',
    );
  });

  it('refuses a lesson made by a newer version', () => {
    expect(refusal((raw) => (raw.formatVersion = 2))).toBe(
      'The lesson was made by a newer VPC Designer (format 2; this one reads up to 1).',
    );
  });

  it('refuses unknown fields at every level of the lesson', () => {
    expect(refusal((raw) => (raw.grade = 'A'))).toBe('The lesson has an unknown field "grade" in the lesson.');
    expect(refusal((raw) => (raw.goals[0].weight = 2))).toBe(
      'The lesson has an unknown field "weight" in goal "nat-public".',
    );
    expect(refusal((raw) => (raw.goals[3].flow.via = 'nat-lab'))).toBe(
      'The lesson has an unknown field "via" in the flow of goal "app-out".',
    );
    expect(refusal((raw) => (raw.references[0].note = 'x'))).toBe(
      'The lesson has an unknown field "note" in reference 1.',
    );
    // A field of one goal type is unknown on another.
    expect(refusal((raw) => (raw.goals[3].kind = 'natGateway'))).toBe(
      'The lesson has an unknown field "kind" in goal "app-out".',
    );
  });

  it('refuses a goal naming a resource the starting design lacks', () => {
    expect(refusal((raw) => (raw.goals[3].flow.from = 'i-gone'))).toBe(
      'Goal "app-out" names "i-gone", which is not in the starting design.',
    );
    expect(refusal((raw) => (raw.goals[0].where.id = 'nat-gone'))).toBe(
      'Goal "nat-public" names "nat-gone", which is not in the starting design.',
    );
    expect(
      refusal((raw) =>
        raw.goals.push({ id: 'x', type: 'noFinding', text: 'x', rule: 'nat-gateway-elastic-ip', resource: 'nat-gone' }),
      ),
    ).toBe('Goal "x" names "nat-gone", which is not in the starting design.');
    expect(
      refusal((raw) =>
        raw.goals.push({
          id: 'x',
          type: 'survives',
          text: 'x',
          flow: raw.goals[3].flow,
          failed: { resources: ['nat-gone'], zones: [] },
        }),
      ),
    ).toBe('Goal "x" names "nat-gone", which is not in the starting design.');
    expect(
      refusal((raw) =>
        raw.goals.push({
          id: 'x',
          type: 'survives',
          text: 'x',
          flow: raw.goals[3].flow,
          failed: { resources: [], zones: ['eu-west-1a'] },
        }),
      ),
    ).toBe('Goal "x" fails Availability Zone "eu-west-1a", which no VPC of the starting design uses.');
  });

  it('refuses unknown conditions, and conditions that do not fit the kind or take another value', () => {
    expect(refusal((raw) => (raw.goals[0].where.isShiny = true))).toBe(
      'Goal "nat-public" has an unknown condition "isShiny".',
    );
    expect(refusal((raw) => (raw.goals[0].where.privateDns = true))).toBe(
      'Goal "nat-public": condition "privateDns" does not apply to natGateway.',
    );
    expect(refusal((raw) => (raw.goals[0].where.inPublicSubnet = 'yes'))).toBe(
      'Goal "nat-public": condition "inPublicSubnet" takes true or false.',
    );
    expect(refusal((raw) => (raw.goals[2].where.defaultRoute = 'vpn'))).toBe(
      'Goal "private-route": condition "defaultRoute" takes one of natGateway, internetGateway, instance, peeringConnection, none.',
    );
  });

  it('refuses unknown goal types, unknown rules, bad flows and duplicate goal ids', () => {
    expect(refusal((raw) => (raw.goals[0].type = 'exists'))).toBe(
      'Goal "nat-public" has an unknown type "exists" (use reach, block, noFinding, resource or survives).',
    );
    expect(refusal((raw) => raw.goals.push({ id: 'x', type: 'noFinding', text: 'x', rule: 'no-such-rule' }))).toBe(
      'Goal "x" names an unknown rule "no-such-rule".',
    );
    expect(refusal((raw) => (raw.goals[3].flow.protocol = 'http'))).toBe(
      'The flow of goal "app-out" needs "protocol" as tcp, udp or icmp.',
    );
    expect(refusal((raw) => (raw.goals[3].flow.port = 70000))).toBe(
      'The flow of goal "app-out" cannot be traced: port must be a whole number from 0 to 65535.',
    );
    expect(refusal((raw) => (raw.goals[1].id = 'nat-public'))).toBe(
      'Two goals have the id "nat-public"; each goal needs its own.',
    );
    expect(refusal((raw) => (raw.goals[0].kind = 'router'))).toBe(
      'Goal "nat-public" needs "kind" as a resource kind (vpc, subnet, natGateway, …).',
    );
  });

  it('refuses a starting design the design reader cannot read or has to repair', () => {
    expect(refusal((raw) => (raw.start.format = 'other'))).toBe(
      'The lesson\'s starting design cannot be read: The file is not a VPC Designer design (format is "other").',
    );
    expect(refusal((raw) => (raw.start.resources['i-app'].privateIp = ['10.0.1.10']))).toMatch(
      /^The lesson's starting design has a problem: i-app: privateIp should be text/,
    );
  });

  it('never lets a hostile key reach a prototype', () => {
    const result = readLesson(JSON.parse(TEXT.replace('"goals": [', '"__proto__": { "polluted": true }, "goals": [')));
    expect(result).toEqual({ ok: false, error: 'The lesson has an unknown field "__proto__" in the lesson.' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
