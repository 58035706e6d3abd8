/**
 * When the lesson panel offers a hint by itself: after an attempt — an edit — that leaves goals failing and meets
 * no more of them than before (a step that brings the student closer is left alone).
 */
import { lessonComplete } from '../engine/lessons/grade.ts';
import type { GoalResult } from '../engine/lessons/types.ts';

export function passedCount(results: readonly GoalResult[]): number {
  return results.filter((r) => r.passed).length;
}

/** Whether the edit from `before` to `after` was a wrong attempt (see above). */
export function isWrongAttempt(before: readonly GoalResult[], after: readonly GoalResult[]): boolean {
  return !lessonComplete(after) && passedCount(after) <= passedCount(before);
}
