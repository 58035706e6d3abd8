/**
 * Every inspector field has its "what is it / when to use it" help: each label a form gives a field control, a
 * fact row or a checkbox group has an entry in engine/model/fieldHelp.ts, and every palette item has its kind's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PALETTE_ITEMS, paletteItemHelp } from '../../engine/commands/add.ts';
import { glossaryEntry } from '../../engine/glossary/glossary.ts';
import { fieldHelp, fieldHelpLabels } from '../../engine/model/fieldHelp.ts';
import { KIND_HELP } from '../../engine/model/kinds.ts';

const FIELDS = /<(ValidatedField|TextField|SelectField|Checkbox|CidrField|CidrListField|Fact|CheckboxGroup)\b/g;

/** The literal labels (and the literal alternatives of a `?:`) given to field controls in the inspector's forms. */
function fieldLabels(): string[] {
  const dir = join(import.meta.dirname, 'forms');
  const labels = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsx'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(FIELDS)) {
      const tag = text.slice(m.index, m.index + 700);
      const attr = /\s(label|legend)=(?:"([^"]+)"|\{([^}]*)\})/.exec(tag);
      if (!attr) continue;
      if (attr[2]) labels.add(attr[2]);
      else for (const lit of attr[3]!.matchAll(/[?:]\s*'([^']+)'/g)) labels.add(lit[1]!);
    }
  }
  return [...labels];
}

describe('help at hand', () => {
  it('gives every inspector field label help', () => {
    const labels = fieldLabels();
    expect(labels.length).toBeGreaterThan(40);
    const missing = labels.filter((l) => !fieldHelp(l));
    expect(missing).toEqual([]);
  });

  it('gives every palette item help that links to a glossary entry', () => {
    for (const item of PALETTE_ITEMS) {
      const help = paletteItemHelp(item);
      expect(help.about.length, item.label).toBeGreaterThan(30);
      expect(glossaryEntry(help.concept), item.label).toBeDefined();
    }
    for (const [kind, help] of Object.entries(KIND_HELP)) expect(glossaryEntry(help.concept), kind).toBeDefined();
  });

  it('links field help only to glossary entries that exist, and numbered labels share one entry', () => {
    for (const label of fieldHelpLabels()) {
      const concept = fieldHelp(label)!.concept;
      if (concept) expect(glossaryEntry(concept), label).toBeDefined();
    }
    expect(fieldHelp('Secondary CIDR block 3')).toBe(fieldHelp('Secondary CIDR block'));
  });
});
