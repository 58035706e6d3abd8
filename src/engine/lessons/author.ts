/**
 * Teacher authoring (issue 9): a lesson made from a design and its saved flows. The design becomes the lesson's
 * starting design; each saved flow the teacher marks becomes a goal that it must get through (`reach`) or be
 * stopped (`block`); each finding the teacher ticks becomes a goal that it must go (`noFinding`).
 *
 * Pure: the Lessons panel's authoring dialog calls it, and so can a test or a script.
 *
 * @example
 *   const lesson = lessonFromDesign(exampleDesign(), {
 *     title: 'Open the web tier', summary: '…', explanation: '…', hints: ['Look at sg-web.'],
 *     flows: [{ flow: design.flows[0], expect: 'reach' }], findings: [],
 *   });
 *   serializeLesson(lesson); // a lesson file that parseLesson reads back
 */
import type { Design, Flow, ResourceId } from '../model/types.ts';
import { LESSON_FORMAT, LESSON_FORMAT_VERSION, type Goal, type GoalFlow, type Lesson } from './types.ts';

export type FlowExpectation = 'reach' | 'block' | 'ignore';

export interface LessonDraft {
  /** Defaults to a slug of the title. */
  id?: string;
  kind?: Lesson['kind'];
  title: string;
  summary: string;
  explanation: string;
  hints: string[];
  concepts?: string[];
  /** Saved flows of the design and what the student must make of each. */
  flows: { flow: Flow; expect: FlowExpectation }[];
  /** Findings that must be gone: a rule, on a resource when given, with the goal's sentence. */
  findings: { rule: string; resource?: ResourceId; text: string; docs?: string }[];
  references?: { title: string; url: string }[];
}

/**
 * A lesson id from its title: lower-case letters, digits and single hyphens (`Open the web tier!` → `open-the-web-tier`).
 */
export function lessonIdFor(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'lesson';
}

/** How a flow is named in a goal: its name, else `from → to`. */
export function flowLabel(flow: Pick<Flow, 'name' | 'from' | 'to'>): string {
  return flow.name.trim() || `${flow.from} → ${flow.to}`;
}

function portText(flow: GoalFlow): string {
  if (flow.protocol === 'icmp') return ' (ICMP)';
  return flow.port === undefined
    ? ` (${flow.protocol.toUpperCase()})`
    : ` on ${flow.protocol.toUpperCase()} ${flow.port}`;
}

/** The goal sentence for a flow that must get through or be stopped. */
export function flowGoalText(flow: Flow, expect: 'reach' | 'block'): string {
  const { id: _id, ...goalFlow } = flow;
  const what = `${flowLabel(flow)}${portText(goalFlow)}`;
  return expect === 'reach' ? `${what} gets through.` : `${what} is blocked.`;
}

/** The lesson the draft describes, starting from `design` (its saved flows kept, so the student sees them too). */
export function lessonFromDesign(design: Design, draft: LessonDraft): Lesson {
  const goals: Goal[] = [];
  const taken = new Set<string>();
  const goalId = (base: string) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  for (const { flow, expect } of draft.flows) {
    if (expect === 'ignore') continue;
    const { id, ...goalFlow } = flow;
    goals.push({
      id: goalId(`${expect}-${lessonIdFor(id)}`),
      type: expect,
      text: flowGoalText(flow, expect),
      flow: goalFlow,
    });
  }
  for (const finding of draft.findings) {
    goals.push({
      id: goalId(`fix-${finding.rule}`),
      type: 'noFinding',
      text: finding.text,
      rule: finding.rule,
      ...(finding.resource ? { resource: finding.resource } : {}),
    });
  }
  const references = [...(draft.references ?? [])];
  for (const finding of draft.findings) {
    if (finding.docs && !references.some((r) => r.url === finding.docs))
      references.push({ title: `AWS documentation: ${finding.rule}`, url: finding.docs });
  }
  const { failures: _drill, ...start } = design; // a failure drill under way is not part of the lesson
  return {
    format: LESSON_FORMAT,
    formatVersion: LESSON_FORMAT_VERSION,
    id: draft.id?.trim() || lessonIdFor(draft.title),
    kind: draft.kind ?? 'lesson',
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    concepts: draft.concepts ?? [],
    start: start as Design,
    goals,
    hints: draft.hints.map((h) => h.trim()).filter((h) => h !== ''),
    explanation: draft.explanation.trim(),
    references,
  };
}
