import { describe, expect, it } from 'vitest';
import { GLOSSARY, LESSON_CONCEPT_IDS, glossaryEntry, glossaryIds, searchGlossary } from './glossary.ts';

describe('glossary', () => {
  it('defines every concept id the lesson contract lists', () => {
    for (const id of LESSON_CONCEPT_IDS) expect(glossaryEntry(id), id).toBeDefined();
  });

  it('gives every entry a term, one plain sentence, a body and at least one AWS documentation page', () => {
    for (const [id, e] of Object.entries(GLOSSARY)) {
      expect(e.term.length, id).toBeGreaterThan(2);
      expect(e.short, id).toMatch(/^[A-Z].*[.)]$/);
      expect(e.body.length, id).toBeGreaterThan(40);
      expect(e.aws.length, id).toBeGreaterThan(0);
      for (const page of e.aws) {
        expect(page.url, id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/[a-zA-Z0-9/_.-]+\.html(#[a-z0-9-]+)?$/);
        expect(page.title.length, id).toBeGreaterThan(3);
      }
    }
  });

  it('links only to entries that exist', () => {
    for (const [id, e] of Object.entries(GLOSSARY))
      for (const other of e.see ?? []) expect(glossaryEntry(other), `${id} → ${other}`).toBeDefined();
  });

  it('finds entries by words of their term first, then of their text', () => {
    expect(searchGlossary('nat')[0]).toMatch(/^nat-/);
    expect(searchGlossary('stateless')[0]).toBe('stateful-stateless');
    expect(searchGlossary('aws:SourceVpce')).toContain('bucket-policy');
    expect(searchGlossary('no such thing at all')).toEqual([]);
    expect(searchGlossary('')).toEqual(glossaryIds());
  });
});
