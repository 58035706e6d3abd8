/**
 * The Glossary: every concept a student meets, searchable, each with what it is, when to use it, related
 * entries and the AWS documentation it rests on. Opened by `openGlossary(id?)`.
 */
import { useId, useMemo, useState } from 'react';
import { glossaryEntry, searchGlossary } from '../../engine/glossary/glossary.ts';
import { DialogFrame } from '../DialogFrame.tsx';

export function GlossaryDialog({ initialId, onClose }: { initialId?: string; onClose: () => void }) {
  const titleId = useId();
  const [query, setQuery] = useState('');
  const ids = useMemo(() => searchGlossary(query), [query]);
  const [chosen, setChosen] = useState<string | undefined>(() =>
    glossaryEntry(initialId ?? '') ? initialId : undefined,
  );
  const shown = chosen && (query === '' || ids.includes(chosen)) ? chosen : ids[0];
  const entry = shown ? glossaryEntry(shown) : undefined;
  return (
    <DialogFrame
      labelledBy={titleId}
      onClose={onClose}
      className="flex h-[32rem] max-h-full w-[46rem] max-w-full flex-col"
    >
      <div className="flex items-center gap-3 border-b border-gray-200 px-4 py-2.5">
        <h2 id={titleId} className="text-base font-semibold">
          Glossary
        </h2>
        <input
          type="search"
          aria-label="Search the glossary"
          placeholder="Search: NAT, peering, stateless…"
          value={query}
          data-autofocus={initialId ? undefined : true}
          onChange={(e) => setQuery(e.target.value)}
          className="min-w-0 flex-1 rounded border border-gray-300 px-2 py-1 text-sm focus:border-sky-600 focus:ring-1 focus:ring-sky-600 focus:outline-none"
        />
        <button
          type="button"
          onClick={onClose}
          aria-label="Close glossary"
          className="rounded px-2 py-1 text-sm text-gray-600 hover:bg-gray-100"
        >
          ✕
        </button>
      </div>
      <div className="flex min-h-0 flex-1">
        <nav aria-label="Glossary terms" className="w-56 shrink-0 overflow-y-auto border-r border-gray-200 py-1">
          {ids.length === 0 ? (
            <p className="px-3 py-2 text-xs text-gray-500">No entry mentions “{query}”.</p>
          ) : (
            <ul>
              {ids.map((id) => (
                <li key={id}>
                  <button
                    type="button"
                    aria-current={id === shown ? 'true' : undefined}
                    ref={id === shown ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
                    onClick={() => setChosen(id)}
                    className={`w-full px-3 py-1 text-left text-[13px] ${id === shown ? 'bg-sky-50 font-medium text-sky-900' : 'text-gray-800 hover:bg-gray-50'}`}
                  >
                    {glossaryEntry(id)!.term}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        {entry && shown && (
          <article
            aria-labelledby={`${titleId}-entry`}
            data-entry={shown}
            className="min-w-0 flex-1 space-y-3 overflow-y-auto px-5 py-4"
          >
            <h3
              id={`${titleId}-entry`}
              className="text-lg font-semibold"
              data-autofocus={initialId ? true : undefined}
              tabIndex={-1}
            >
              {entry.term}
            </h3>
            <p className="text-sm font-medium text-gray-900">{entry.short}</p>
            <p className="text-sm leading-relaxed text-gray-700">{entry.body}</p>
            <section aria-label="AWS documentation">
              <h4 className="text-xs font-semibold tracking-wide text-gray-500 uppercase">AWS documentation</h4>
              <ul className="mt-1 space-y-0.5">
                {entry.aws.map((page) => (
                  <li key={page.url}>
                    <a
                      href={page.url}
                      target="_blank"
                      rel="noreferrer"
                      className="text-sm text-sky-700 hover:underline"
                    >
                      {page.title}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
            {entry.see && entry.see.length > 0 && (
              <section aria-label="Related">
                <h4 className="text-xs font-semibold tracking-wide text-gray-500 uppercase">Related</h4>
                <ul className="mt-1 flex flex-wrap gap-1">
                  {entry.see.map((id) => (
                    <li key={id}>
                      <button
                        type="button"
                        onClick={() => {
                          setQuery('');
                          setChosen(id);
                        }}
                        className="rounded-full border border-sky-200 bg-sky-50 px-2 py-0.5 text-xs text-sky-800 hover:bg-sky-100"
                      >
                        {glossaryEntry(id)?.term ?? id}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </article>
        )}
      </div>
    </DialogFrame>
  );
}
