/**
 * A lesson's concepts as chips, each opening its glossary entry. A concept the glossary does not define (a
 * teacher's own word in an imported lesson) stays plain text.
 */
import { glossaryEntry } from '../engine/glossary/glossary.ts';
import { openGlossary, preloadGlossary } from '../panels/glossary/openGlossary.ts';

export function ConceptChips({ concepts }: { concepts: readonly string[] }) {
  if (concepts.length === 0) return null;
  return (
    <ul aria-label="Concepts" className="flex flex-wrap gap-1">
      {concepts.map((id) => {
        const entry = glossaryEntry(id);
        const chip = 'rounded-full border border-gray-300 bg-gray-50 px-2 py-px text-[11px] text-gray-700';
        return (
          <li key={id}>
            {entry ? (
              <button
                type="button"
                className={`${chip} hover:border-sky-400 hover:text-sky-800`}
                title={`${entry.term}: open in the glossary`}
                onClick={() => openGlossary(id)}
                onPointerEnter={preloadGlossary}
                onFocus={preloadGlossary}
              >
                {entry.term}
              </button>
            ) : (
              <span className={chip}>{id}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
