/**
 * The inspector's form controls. Every control has a real <label> (so tests and screen readers find it by name),
 * free text commits on blur or Enter (one undo step per edit, not per keystroke), and a value that fails its
 * check is shown with its error but never stored: the model keeps the last good value.
 */
import { type ReactNode, useId, useState } from 'react';
import type { Check } from '../../engine/model/fields.ts';
import { fieldHelp } from '../../engine/model/fieldHelp.ts';
import { HelpButton } from '../help/HelpButton.tsx';
import { useDesignStore } from '../../store/designStore.ts';

export const inputClass =
  'w-full min-w-0 rounded border border-gray-300 bg-white px-1.5 py-0.5 text-sm text-gray-900 focus:border-sky-600 focus:outline-none focus:ring-1 focus:ring-sky-600 disabled:bg-gray-100 disabled:text-gray-500';
const invalidClass = 'border-red-500 bg-red-50 focus:border-red-600 focus:ring-red-600';
export const labelClass = 'block text-xs font-medium text-gray-600';
export const buttonClass =
  'rounded border border-gray-300 bg-white px-2 py-0.5 text-xs font-medium text-gray-700 hover:bg-gray-50 focus:outline-none focus:ring-1 focus:ring-sky-600 disabled:cursor-not-allowed disabled:opacity-50';
export const dangerButtonClass =
  'rounded border border-red-300 bg-white px-2 py-0.5 text-xs font-medium text-red-700 hover:bg-red-50 focus:outline-none focus:ring-1 focus:ring-red-600 disabled:cursor-not-allowed disabled:opacity-50';

/** A field's label with its help button beside it, when the label has help (engine/model/fieldHelp.ts). */
function LabelRow({ htmlFor, label, hidden }: { htmlFor: string; label: string; hidden?: boolean }) {
  const help = hidden ? undefined : fieldHelp(label);
  if (!help) {
    return (
      <label htmlFor={htmlFor} className={hidden ? 'sr-only' : labelClass}>
        {label}
      </label>
    );
  }
  return (
    <div className="flex items-center gap-1">
      <label htmlFor={htmlFor} className={labelClass}>
        {label}
      </label>
      <HelpButton topic={label} help={help} />
    </div>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="border-t border-gray-200 px-3 py-2">
      <div className="mb-1.5 flex items-center justify-between gap-2">
        <h3 id={id} className="text-xs font-semibold uppercase tracking-wide text-gray-500">
          {title}
        </h3>
        {actions}
      </div>
      <div className="space-y-2">{children}</div>
    </section>
  );
}

export function Note({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'warn' }) {
  return <p className={`text-xs ${tone === 'warn' ? 'text-amber-700' : 'text-gray-500'}`}>{children}</p>;
}

export const acceptText = (text: string): Check<string> => ({ ok: true, value: text });

interface ValidatedFieldProps<T> {
  label: string;
  /** The stored value as text. */
  value: string;
  /** Checks the text; only values that pass are committed. */
  check: (text: string) => Check<T>;
  /** Stores the value; returning false (the command was refused) puts the stored value back in the field. */
  onCommit: (value: T) => void | boolean;
  /** Text for a committed value (so the field shows the canonical form after Enter). */
  format?: (value: T) => string;
  /** A live note under a valid value (the CIDR summary, a usable count). */
  describe?: (value: T) => ReactNode;
  /** Show `describe` only while the text differs from the stored value (compact rows). */
  describeWhileEditing?: boolean;
  hint?: ReactNode;
  placeholder?: string;
  mono?: boolean;
  disabled?: boolean;
  /** Hides the visible label (the accessible name stays), for compact rows inside a labelled group. */
  hideLabel?: boolean;
  list?: string;
}

/**
 * A text field that checks as you type and commits on blur or Enter. Escape puts back the stored value.
 * A failing value stays in the field, marked aria-invalid and described by its error, until it is fixed.
 */
export function ValidatedField<T>({
  label,
  value,
  check,
  onCommit,
  format,
  describe,
  describeWhileEditing,
  hint,
  placeholder,
  mono,
  disabled,
  hideLabel,
  list,
}: ValidatedFieldProps<T>) {
  const id = useId();
  const [base, setBase] = useState(value);
  const [draft, setDraft] = useState(value);
  if (base !== value) {
    // The stored value changed (an undo, another control): show it.
    setBase(value);
    setDraft(value);
  }
  const result = check(draft);
  const changed = draft !== value;
  const commit = () => {
    if (!result.ok || !changed) return;
    const text = format ? format(result.value) : draft;
    setDraft(onCommit(result.value) === false ? value : text);
  };
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const noteId = `${id}-note`;
  const warning = result.ok ? result.warning : undefined;
  const note = result.ok && (changed || !describeWhileEditing) ? describe?.(result.value) : undefined;
  const describedBy = [
    !result.ok ? errorId : undefined,
    warning ? warningId : undefined,
    note ? noteId : undefined,
    hint ? `${id}-hint` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <LabelRow htmlFor={id} label={label} hidden={hideLabel} />
      <input
        id={id}
        type="text"
        value={draft}
        placeholder={placeholder}
        disabled={disabled}
        list={list}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={!result.ok}
        aria-describedby={describedBy || undefined}
        className={`${inputClass} ${mono ? 'font-mono' : ''} ${!result.ok ? invalidClass : ''}`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && changed) {
            e.preventDefault();
            e.stopPropagation();
            setDraft(value);
          }
        }}
      />
      {!result.ok && (
        <p id={errorId} role="alert" className="mt-0.5 text-xs text-red-700">
          {result.error}
        </p>
      )}
      {warning && (
        <p id={warningId} role="status" className="mt-0.5 text-xs text-amber-700">
          {warning}
        </p>
      )}
      {note && (
        <div id={noteId} className="mt-0.5 text-xs text-gray-500">
          {note}
        </div>
      )}
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-gray-500">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Free text (names, descriptions): commits on blur or Enter. */
export function TextField(
  props: Omit<ValidatedFieldProps<string>, 'check'> & { check?: (text: string) => Check<string> },
) {
  return <ValidatedField {...props} check={props.check ?? acceptText} />;
}

export function Checkbox({
  label,
  checked,
  onChange,
  hint,
  disabled,
  withHelp = true,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
  /** Show the label's help button (off for the rows of a checkbox group, which name resources). */
  withHelp?: boolean;
}) {
  const id = useId();
  const help = withHelp ? fieldHelp(label) : undefined;
  return (
    <div>
      <div className="flex items-center gap-1.5">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="h-3.5 w-3.5 accent-sky-700"
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id} className="text-sm text-gray-800">
          {label}
        </label>
        {help && <HelpButton topic={label} help={help} />}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="ml-5 text-xs text-gray-500">
          {hint}
        </p>
      )}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  hint,
  disabled,
  hideLabel,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  hint?: ReactNode;
  disabled?: boolean;
  hideLabel?: boolean;
}) {
  const id = useId();
  const known = options.some((o) => o.value === value);
  return (
    <div>
      <LabelRow htmlFor={id} label={label} hidden={hideLabel} />
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={inputClass}
        onChange={(e) => onChange(e.target.value)}
      >
        {!known && <option value={value}>{value ? `(missing) ${value}` : '—'}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-gray-500">
          {hint}
        </p>
      )}
    </div>
  );
}

export interface CheckOption {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  note?: string;
  /** Something to show after the checkbox, e.g. an Open button. */
  extra?: ReactNode;
}

/** A labelled group of checkboxes (security groups, subnets, route tables). */
export function CheckboxGroup({
  legend,
  options,
  onToggle,
  empty,
  hint,
}: {
  legend: string;
  options: CheckOption[];
  onToggle: (id: string, checked: boolean) => void;
  empty?: string;
  hint?: ReactNode;
}) {
  return (
    <fieldset>
      <legend className={`${labelClass} float-left mr-1`}>{legend}</legend>
      {fieldHelp(legend) && <HelpButton topic={legend} help={fieldHelp(legend)!} />}
      <div className="clear-both" />
      {options.length === 0 ? (
        <p className="text-xs text-gray-500">{empty ?? 'None available.'}</p>
      ) : (
        <ul className="mt-0.5 space-y-0.5">
          {options.map((o) => (
            <li key={o.id} className="flex items-center justify-between gap-1">
              <Checkbox
                withHelp={false}
                label={o.note ? `${o.label} ${o.note}` : o.label}
                checked={o.checked}
                disabled={o.disabled}
                onChange={(c) => onToggle(o.id, c)}
              />
              {o.extra}
            </li>
          ))}
        </ul>
      )}
      {hint && <p className="mt-0.5 text-xs text-gray-500">{hint}</p>}
    </fieldset>
  );
}

/** Read-only facts: a label and a value on one compact row. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-2 text-xs">
      <span className="flex items-center gap-1 text-gray-500">
        {label}
        {fieldHelp(label) && <HelpButton topic={label} help={fieldHelp(label)!} />}
      </span>
      <span className="min-w-0 truncate text-right text-gray-800">{children}</span>
    </div>
  );
}

/** Selects another resource so the inspector shows it: from a subnet to its route table, an instance to its groups. */
export function OpenButton({ id, name }: { id: string; name: string }) {
  return (
    <button
      type="button"
      className="shrink-0 rounded px-1 text-xs font-medium text-sky-700 hover:bg-sky-50 hover:underline focus:outline-none focus:ring-1 focus:ring-sky-600"
      aria-label={`Open ${name}`}
      title={`Open ${name} in the inspector`}
      onClick={() => useDesignStore.getState().select([id])}
    >
      Open
    </button>
  );
}
