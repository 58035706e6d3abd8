/**
 * The lesson file: strict JSON. Unlike a design file, which is repaired field by field so a student's work always
 * opens, a lesson is a teacher's answer key: anything the reader does not understand would grade wrongly, so it is
 * refused with one plain line — not JSON, not a lesson, a newer format, an unknown field anywhere in the lesson's
 * own structure, a goal naming a resource the starting design lacks, an unknown `where` condition or goal type,
 * a flow the engine cannot trace, two goals with one id. The starting design is read by the design-file reader.
 */
import { parseJsonFile, readDesign } from '../io/designFile.ts';
import { RESOURCE_KINDS, type Design, type ResourceKind } from '../model/types.ts';
import { RULES } from '../rules/index.ts';
import { trace } from '../traffic/trace.ts';
import { appliesTo, conditionOf, type ValueType } from './conditions.ts';
import {
  LESSON_FORMAT,
  LESSON_FORMAT_VERSION,
  type Goal,
  type GoalFlow,
  type Lesson,
  type ResourceGoal,
} from './types.ts';

export type LessonReadResult = { ok: true; lesson: Lesson } | { ok: false; error: string };

/** Thrown inside the reader, caught at its edge: the one line the user sees. */
class Refusal extends Error {}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function refuse(message: string): never {
  throw new Refusal(message);
}

/** Refuses a key that is not one of `allowed` (so a misspelt field is never silently ignored). */
function onlyFields(obj: Obj, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key)) refuse(`The lesson has an unknown field "${key}" in ${where}.`);
}

function object(v: unknown, where: string): Obj {
  if (!isObject(v)) refuse(`${cap(where)} should be an object.`);
  return v;
}

function text(obj: Obj, key: string, where: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v.trim() === '') refuse(`${cap(where)} needs "${key}" as text.`);
  return v;
}

function optionalText(obj: Obj, key: string, where: string): string | undefined {
  if (obj[key] === undefined) return undefined;
  return text(obj, key, where);
}

function list(obj: Obj, key: string, where: string): unknown[] {
  const v = obj[key];
  if (!Array.isArray(v)) refuse(`${cap(where)} needs "${key}" as a list.`);
  return v;
}

function texts(obj: Obj, key: string, where: string): string[] {
  return list(obj, key, where).map((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') refuse(`${cap(where)}: ${key} item ${i + 1} should be text.`);
    return item;
  });
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An endpoint in the CLI's syntax that names a resource (not `internet`, `ip:…` or `service:…`). */
function endpointResource(design: Design, endpoint: string): string | undefined {
  const raw = endpoint.trim();
  if (raw.startsWith('ip:') || raw.startsWith('service:')) return undefined;
  if (raw.toLowerCase() === 'internet' && !Object.hasOwn(design.resources, raw)) return undefined;
  return raw;
}

function hasResource(design: Design, id: string): boolean {
  return Object.hasOwn(design.resources, id);
}

const FLOW_FIELDS = ['name', 'from', 'to', 'protocol', 'port', 'action', 'resource'] as const;

function readFlow(raw: unknown, where: string, start: Design): GoalFlow {
  const obj = object(raw, `the flow of ${where}`);
  onlyFields(obj, FLOW_FIELDS, `the flow of ${where}`);
  const w = `the flow of ${where}`;
  const protocol = obj.protocol;
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'icmp')
    refuse(`${cap(w)} needs "protocol" as tcp, udp or icmp.`);
  const flow: GoalFlow = { name: text(obj, 'name', w), from: text(obj, 'from', w), to: text(obj, 'to', w), protocol };
  if (obj.port !== undefined) {
    if (typeof obj.port !== 'number' || !Number.isInteger(obj.port))
      refuse(`${cap(w)} needs "port" as a whole number.`);
    flow.port = obj.port;
  }
  const action = optionalText(obj, 'action', w);
  if (action !== undefined) flow.action = action;
  const resource = optionalText(obj, 'resource', w);
  if (resource !== undefined) flow.resource = resource;
  for (const end of [flow.from, flow.to]) {
    const id = endpointResource(start, end);
    if (id !== undefined && !hasResource(start, id))
      refuse(`${cap(where)} names "${id}", which is not in the starting design.`);
  }
  const outcome = trace(start, flow);
  if (!outcome.ok) refuse(`${cap(w)} cannot be traced: ${outcome.error}.`);
  return flow;
}

const RULE_IDS = new Set(RULES.map((r) => r.id));

function checkValue(type: ValueType, value: unknown, name: string, where: string, start: Design): void {
  const bad = (what: string) => refuse(`${cap(where)}: condition "${name}" takes ${what}.`);
  if (type === 'boolean') {
    if (typeof value !== 'boolean') bad('true or false');
  } else if (type === 'text') {
    if (typeof value !== 'string' || value.trim() === '') bad('text');
  } else if (type === 'id' || type === 'ids') {
    if (typeof value !== 'string' || value.trim() === '') bad(type === 'id' ? 'a resource id' : 'resource ids');
    const idList =
      type === 'id'
        ? [String(value)]
        : String(value)
            .split(/[\s,]+/)
            .filter(Boolean);
    for (const id of idList)
      if (!hasResource(start, id)) refuse(`${cap(where)} names "${id}", which is not in the starting design.`);
  } else if (typeof value !== 'string' || !type.oneOf.includes(value)) {
    bad(`one of ${type.oneOf.join(', ')}`);
  }
}

function readWhere(raw: unknown, kind: ResourceKind, where: string, start: Design): ResourceGoal['where'] {
  const obj = object(raw, `"where" of ${where}`);
  const out: NonNullable<ResourceGoal['where']> = {};
  for (const [name, value] of Object.entries(obj)) {
    const condition = conditionOf(name);
    if (!condition) refuse(`${cap(where)} has an unknown condition "${name}".`);
    if (!appliesTo(condition, kind)) refuse(`${cap(where)}: condition "${name}" does not apply to ${kind}.`);
    checkValue(condition.value, value, name, where, start);
    out[name] = value as string | number | boolean;
  }
  return out;
}

const GOAL_BASE = ['id', 'type', 'text', 'fault'] as const;
const GOAL_FIELDS: Record<Goal['type'], readonly string[]> = {
  reach: [...GOAL_BASE, 'flow'],
  block: [...GOAL_BASE, 'flow'],
  noFinding: [...GOAL_BASE, 'rule', 'resource'],
  resource: [...GOAL_BASE, 'kind', 'min', 'where'],
  survives: [...GOAL_BASE, 'flow', 'failed'],
};

function readGoal(raw: unknown, index: number, start: Design): Goal {
  const obj = object(raw, `goal ${index + 1}`);
  const id = text(obj, 'id', `goal ${index + 1}`);
  const where = `goal "${id}"`;
  const type = obj.type;
  if (typeof type !== 'string' || !Object.hasOwn(GOAL_FIELDS, type))
    refuse(
      `${cap(where)} has an unknown type ${JSON.stringify(type ?? null)} (use reach, block, noFinding, resource or survives).`,
    );
  const goalType = type as Goal['type'];
  onlyFields(obj, GOAL_FIELDS[goalType], where);
  const base = { id, text: text(obj, 'text', where) };
  const fault = optionalText(obj, 'fault', where);
  const withFault = fault === undefined ? base : { ...base, fault };
  switch (goalType) {
    case 'reach':
    case 'block':
      return { ...withFault, type: goalType, flow: readFlow(obj.flow, where, start) };
    case 'noFinding': {
      const rule = text(obj, 'rule', where);
      if (!RULE_IDS.has(rule)) refuse(`${cap(where)} names an unknown rule "${rule}".`);
      const resource = optionalText(obj, 'resource', where);
      if (resource !== undefined && !hasResource(start, resource))
        refuse(`${cap(where)} names "${resource}", which is not in the starting design.`);
      return resource === undefined
        ? { ...withFault, type: 'noFinding', rule }
        : { ...withFault, type: 'noFinding', rule, resource };
    }
    case 'resource': {
      const kind = obj.kind;
      if (typeof kind !== 'string' || !(RESOURCE_KINDS as readonly string[]).includes(kind))
        refuse(`${cap(where)} needs "kind" as a resource kind (vpc, subnet, natGateway, …).`);
      const goal: ResourceGoal = { ...withFault, type: 'resource', kind: kind as ResourceKind };
      if (obj.min !== undefined) {
        if (typeof obj.min !== 'number' || !Number.isInteger(obj.min) || obj.min < 1)
          refuse(`${cap(where)} needs "min" as a whole number of at least 1.`);
        goal.min = obj.min;
      }
      if (obj.where !== undefined) goal.where = readWhere(obj.where, goal.kind, where, start);
      return goal;
    }
    case 'survives': {
      const flow = readFlow(obj.flow, where, start);
      const failedObj = object(obj.failed, `"failed" of ${where}`);
      onlyFields(failedObj, ['resources', 'zones'], `"failed" of ${where}`);
      const resources = failedObj.resources === undefined ? [] : texts(failedObj, 'resources', `"failed" of ${where}`);
      const zones = failedObj.zones === undefined ? [] : texts(failedObj, 'zones', `"failed" of ${where}`);
      for (const r of resources)
        if (!hasResource(start, r)) refuse(`${cap(where)} names "${r}", which is not in the starting design.`);
      const knownZones = new Set(
        Object.values(start.resources).flatMap((r) => (r.kind === 'vpc' ? r.availabilityZones : [])),
      );
      for (const z of zones)
        if (!knownZones.has(z))
          refuse(`${cap(where)} fails Availability Zone "${z}", which no VPC of the starting design uses.`);
      if (resources.length + zones.length === 0) refuse(`${cap(where)} needs something in "failed".`);
      return { ...withFault, type: 'survives', flow, failed: { resources, zones } };
    }
  }
}

const LESSON_FIELDS = [
  'format',
  'formatVersion',
  'id',
  'kind',
  'title',
  'summary',
  'concepts',
  'start',
  'goals',
  'hints',
  'explanation',
  'references',
] as const;

function readUnchecked(raw: unknown): Lesson {
  if (!isObject(raw)) refuse('The file does not hold a lesson (expected a JSON object).');
  if (raw.format !== LESSON_FORMAT)
    refuse(`The file is not a VPC Designer lesson (format is ${JSON.stringify(raw.format ?? null)}).`);
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    refuse('The lesson needs "formatVersion" as a whole number.');
  if (version > LESSON_FORMAT_VERSION)
    refuse(
      `The lesson was made by a newer VPC Designer (format ${version}; this one reads up to ${LESSON_FORMAT_VERSION}).`,
    );
  onlyFields(raw, LESSON_FIELDS, 'the lesson');
  const id = text(raw, 'id', 'the lesson');
  const kind = raw.kind;
  if (kind !== 'lesson' && kind !== 'challenge') refuse('The lesson needs "kind" as lesson or challenge.');
  const startRead = readDesign(object(raw.start, 'the starting design'));
  if (!startRead.ok) refuse(`The lesson's starting design cannot be read: ${startRead.error}`);
  if (startRead.warnings.length > 0) refuse(`The lesson's starting design has a problem: ${startRead.warnings[0]}`);
  const start = startRead.value;
  const goals = list(raw, 'goals', 'the lesson').map((g, i) => readGoal(g, i, start));
  if (goals.length === 0) refuse('The lesson needs at least one goal.');
  const seen = new Set<string>();
  for (const g of goals) {
    if (seen.has(g.id)) refuse(`Two goals have the id "${g.id}"; each goal needs its own.`);
    seen.add(g.id);
  }
  const references = list(raw, 'references', 'the lesson').map((r, i) => {
    const obj = object(r, `reference ${i + 1}`);
    onlyFields(obj, ['title', 'url'], `reference ${i + 1}`);
    return { title: text(obj, 'title', `reference ${i + 1}`), url: text(obj, 'url', `reference ${i + 1}`) };
  });
  return {
    format: LESSON_FORMAT,
    formatVersion: LESSON_FORMAT_VERSION,
    id,
    kind,
    title: text(raw, 'title', 'the lesson'),
    summary: text(raw, 'summary', 'the lesson'),
    concepts: texts(raw, 'concepts', 'the lesson'),
    start,
    goals,
    hints: texts(raw, 'hints', 'the lesson'),
    explanation: text(raw, 'explanation', 'the lesson'),
    references,
  };
}

/**
 * Checks an already-parsed lesson (a dynamic import of a catalogue file, a file the user opened).
 *
 * @example readLesson({ format: 'vpc-designer-lesson', formatVersion: 2 })
 * // { ok: false, error: 'The lesson was made by a newer VPC Designer (format 2; this one reads up to 1).' }
 */
export function readLesson(raw: unknown): LessonReadResult {
  try {
    return { ok: true, lesson: readUnchecked(raw) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.message };
    return {
      ok: false,
      error: `The lesson could not be read (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`,
    };
  }
}

/**
 * Reads a lesson file's text.
 *
 * @example parseLesson('nope') // { ok: false, error: 'The file is not valid JSON (…).' }
 */
export function parseLesson(text: string): LessonReadResult {
  const json = parseJsonFile(text);
  return json.ok ? readLesson(json.raw) : json;
}

/** The lesson file's text: indented JSON, fields in the format's order, so `parseLesson` gives the lesson back. */
export function serializeLesson(lesson: Lesson): string {
  const ordered: Record<string, unknown> = {};
  for (const key of LESSON_FIELDS) ordered[key] = lesson[key];
  const { failures: _drill, ...start } = lesson.start;
  ordered.start = start;
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
