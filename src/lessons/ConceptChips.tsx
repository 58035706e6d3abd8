/**
 * A lesson's concepts as chips. The glossary (issue 9, item 5) is not part of this build yet, so each chip shows
 * the concept's id as plain text; once the glossary lands, a chip becomes its link.
 */
export function ConceptChips({ concepts }: { concepts: readonly string[] }) {
  if (concepts.length === 0) return null;
  return (
    <ul aria-label="Concepts" className="flex flex-wrap gap-1">
      {concepts.map((id) => (
        <li key={id} className="rounded-full border border-gray-300 bg-gray-50 px-2 py-px text-[11px] text-gray-700">
          {id}
        </li>
      ))}
    </ul>
  );
}
