import { describe, expect, it } from 'vitest';
import { moveInto } from '../engine/commands/edit.ts';
import { routeSubnetToInternet } from '../engine/commands/subnetInternetRoute.ts';
import { loadLesson } from '../engine/lessons/catalog/index.ts';
import { applyAll } from '../engine/lessons/catalog/solutions/apply.ts';
import { gradeLesson } from '../engine/lessons/grade.ts';
import { isWrongAttempt, passedCount } from './attempt.ts';

describe('a wrong attempt (the panel then offers the first hint)', async () => {
  const lesson = await loadLesson('nat-gateway');
  const start = lesson.start;
  const grade = (design: typeof start) => gradeLesson(lesson, design);
  const atStart = grade(start);

  it('is an edit that meets no more goals: the app server moved into the public subnet (it has no public address)', () => {
    const moved = applyAll(start, moveInto('i-app', 'subnet-public', { x: 140, y: 60 }));
    expect(passedCount(grade(moved))).toBe(passedCount(atStart));
    expect(isWrongAttempt(atStart, grade(moved))).toBe(true);
  });

  it('is not a step closer (the NAT gateway into the public subnet), nor the edit that completes the lesson', () => {
    const natMoved = applyAll(start, moveInto('nat-lab', 'subnet-public', { x: 40, y: 60 }));
    expect(isWrongAttempt(atStart, grade(natMoved))).toBe(false);
    const solved = applyAll(natMoved, routeSubnetToInternet('subnet-private', 'nat-lab'));
    expect(isWrongAttempt(grade(natMoved), grade(solved))).toBe(false);
    // Undoing the last step of a solution meets fewer goals: a wrong attempt if it were an edit.
    expect(isWrongAttempt(grade(solved), grade(natMoved))).toBe(true);
  });
});
