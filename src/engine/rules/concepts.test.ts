import { describe, expect, it } from 'vitest';
import { glossaryEntry } from '../glossary/glossary.ts';
import { RULES } from './index.ts';
import { RULE_CONCEPTS } from './concepts.ts';

describe('rule concepts (issue 9 item 5: the glossary linked from findings)', () => {
  it('names, for every rule, a glossary entry or explicitly none', () => {
    for (const rule of RULES) expect(Object.hasOwn(RULE_CONCEPTS, rule.id), rule.id).toBe(true);
    expect(Object.keys(RULE_CONCEPTS).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('links only to entries the glossary defines, and leaves out only rules about the file itself', () => {
    for (const [rule, concept] of Object.entries(RULE_CONCEPTS)) {
      if (concept === null) expect(rule).toMatch(/^(dangling-reference|template-)/);
      else expect(glossaryEntry(concept), rule).toBeDefined();
    }
  });
});
