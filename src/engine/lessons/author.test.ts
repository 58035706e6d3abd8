import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../model/example.ts';
import { trace } from '../traffic/trace.ts';
import { flowGoalText, lessonFromDesign, lessonIdFor } from './author.ts';
import { gradeLesson, lessonComplete } from './grade.ts';
import { parseLesson, serializeLesson } from './parse.ts';

const reachable = (design: ReturnType<typeof exampleDesign>, flow: (typeof design.flows)[number]) => {
  const outcome = trace(design, flow);
  return outcome.ok && outcome.result.reachable;
};

describe('a lesson made from a design', () => {
  const design = exampleDesign();

  it('turns the example design and its saved flows into a lesson file that parses back the same', () => {
    expect(design.flows.length).toBeGreaterThan(1);
    const lesson = lessonFromDesign(design, {
      title: 'Open the web tier!',
      summary: 'Make the web servers reachable.',
      explanation: 'Security groups allow traffic in.\n\nNACLs are stateless.',
      hints: ['Look at the web security group.', '  '],
      flows: design.flows.map((flow) => ({ flow, expect: reachable(design, flow) ? 'block' : 'reach' })),
      findings: [],
    });
    expect(lesson.id).toBe('open-the-web-tier');
    expect(lesson.hints).toEqual(['Look at the web security group.']);
    expect(lesson.goals).toHaveLength(design.flows.length);
    expect(lesson.goals.map((g) => g.text)).toEqual(
      design.flows.map((f) => flowGoalText(f, reachable(design, f) ? 'block' : 'reach')),
    );
    const read = parseLesson(serializeLesson(lesson));
    expect(read.ok ? read.lesson : read.error).toEqual(lesson);
    // Every flow was marked the opposite of what it does now: no goal is met at the start.
    expect(gradeLesson(lesson, design).filter((r) => r.passed)).toEqual([]);
  });

  it('leaves ignored flows out, keeps what the flows do now as met, and drops a failure drill from the start', () => {
    const [first, ...rest] = design.flows;
    const drilled = { ...design, failures: { resources: [], zones: ['us-east-1a'] } };
    const lesson = lessonFromDesign(drilled, {
      title: 'Keep it working',
      summary: 's',
      explanation: 'e',
      hints: [],
      flows: [
        { flow: first!, expect: reachable(design, first!) ? 'reach' : 'block' },
        ...rest.map((flow) => ({ flow, expect: 'ignore' as const })),
      ],
      findings: [],
    });
    expect(lesson.goals).toHaveLength(1);
    expect(lesson.start.failures).toBeUndefined();
    expect(lessonComplete(gradeLesson(lesson, lesson.start))).toBe(true);
  });

  it('makes findings that must go into goals, citing their AWS pages once', () => {
    const lesson = lessonFromDesign(design, {
      title: 't',
      summary: 's',
      explanation: 'e',
      hints: [],
      flows: [],
      findings: [
        {
          rule: 'sg-open-to-world',
          resource: 'sg-web',
          text: 'Resolve: sg-web is open.',
          docs: 'https://docs.aws.amazon.com/a',
        },
        {
          rule: 'sg-open-to-world',
          resource: 'sg-app',
          text: 'Resolve: sg-app is open.',
          docs: 'https://docs.aws.amazon.com/a',
        },
      ],
    });
    expect(lesson.goals.map((g) => g.id)).toEqual(['fix-sg-open-to-world', 'fix-sg-open-to-world-2']);
    expect(lesson.references).toHaveLength(1);
  });

  it('makes ids of titles', () => {
    expect(lessonIdFor('NAT gateway: the basics')).toBe('nat-gateway-the-basics');
    expect(lessonIdFor('!!!')).toBe('lesson');
  });
});
