/**
 * Helpers for rule tests: run the whole engine (so a rule that is not registered in RULES fails its tests) and
 * keep the findings of the rule under test.
 */
import type { Design } from '../model/types.ts';
import { validateDesign } from './index.ts';
import type { Finding } from './types.ts';

export const NOW = new Date('2025-06-01T12:00:00Z');

/** The findings of one rule on a design. */
export function findingsOf(design: Design, ruleId: string, now: Date = NOW): Finding[] {
  return validateDesign(design, { now }).filter((f) => f.rule === ruleId);
}

/** Every finding's rule id, for "nothing else fired" assertions. */
export function ruleIds(design: Design, now: Date = NOW): string[] {
  return validateDesign(design, { now }).map((f) => f.rule);
}
