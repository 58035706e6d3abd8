/**
 * A policy editor: a monospace textarea that parses as you type, shows the parse error, and commits only a
 * valid document (on blur or Ctrl/Cmd+Enter), so the model keeps the last good policy.
 */
import { type ReactNode, useId, useState } from 'react';
import { formatPolicy, parsePolicyText } from '../../engine/model/policies.ts';
import { inputClass, labelClass } from './controls.tsx';

export function JsonField({
  label,
  policy,
  onCommit,
  allowEmpty,
  emptyText = '',
  maxChars,
  actions,
  hint,
}: {
  label: string;
  /** The stored document; undefined shows `emptyText`. */
  policy: unknown;
  /** Stores a parsed document, or undefined when the field is emptied and `allowEmpty` is set. */
  onCommit: (policy: unknown) => void;
  allowEmpty?: boolean;
  emptyText?: string;
  maxChars?: number;
  actions?: ReactNode;
  hint?: ReactNode;
}) {
  const id = useId();
  const value = policy === undefined ? emptyText : formatPolicy(policy);
  const [base, setBase] = useState(value);
  const [draft, setDraft] = useState(value);
  if (base !== value) {
    setBase(value);
    setDraft(value);
  }
  const empty = draft.trim() === '';
  const result = empty && allowEmpty ? ({ ok: true, value: undefined } as const) : parsePolicyText(draft, maxChars);
  const commit = () => {
    if (!result.ok || draft === value) return;
    onCommit(result.value);
  };
  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
        {actions}
      </div>
      <textarea
        id={id}
        value={draft}
        rows={8}
        spellCheck={false}
        aria-invalid={!result.ok}
        aria-describedby={!result.ok ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={`${inputClass} mt-0.5 resize-y font-mono text-xs leading-snug ${!result.ok ? 'border-red-500 bg-red-50' : ''}`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && draft !== value) {
            e.preventDefault();
            e.stopPropagation();
            setDraft(value);
          }
        }}
      />
      {!result.ok && (
        <p id={`${id}-error`} role="alert" className="mt-0.5 text-xs text-red-700">
          {result.error}
        </p>
      )}
      {result.ok && hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-gray-500">
          {hint}
        </p>
      )}
    </div>
  );
}
