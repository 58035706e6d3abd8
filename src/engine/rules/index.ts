/**
 * Runs every rule over a design. Pure: the browser re-runs it on every change, the CLI runs it once.
 */
import type { Design } from '../model/types.ts';
import type { Finding, Rule, RuleContext } from './types.ts';

export type { Finding, Rule, RuleContext, Severity } from './types.ts';

/** Every rule, in the order the Findings panel lists them within a severity. */
export const RULES: Rule[] = [];

export function validateDesign(design: Design, options: Partial<RuleContext> = {}): Finding[] {
  const context: RuleContext = { now: options.now ?? new Date() };
  const findings: Finding[] = [];
  for (const rule of RULES) findings.push(...rule.check(design, context));
  return findings;
}
