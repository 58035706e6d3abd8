/**
 * CIDR fields: check as you type, show what a valid block covers (network, first–last, usable addresses for a
 * subnet), and show parseCidr's message for malformed or unaligned text without storing it.
 */
import type { ReactNode } from 'react';
import { checkCidr, type Check, describeCidr, usableNote } from '../../engine/model/fields.ts';
import { buttonClass, Note, ValidatedField } from './controls.tsx';

export function CidrSummaryNote({ text, subnet }: { text: string; subnet?: boolean }) {
  const d = describeCidr(text);
  if (!d.ok) return null;
  const { cidr, range, addresses } = d.value;
  return (
    <span>
      Network {cidr.text} · {range} · {addresses.toLocaleString('en-US')} address{addresses === 1 ? '' : 'es'}
      {subnet && (
        <>
          <br />
          {usableNote(d.value)}
        </>
      )}
    </span>
  );
}

export function CidrField({
  label,
  value,
  check = checkCidr,
  onCommit,
  subnet,
  hint,
  hideLabel,
  compact,
}: {
  label: string;
  value: string;
  check?: (text: string) => Check<string>;
  onCommit: (cidr: string) => void | boolean;
  /** Show the usable-address note (subnets). */
  subnet?: boolean;
  hint?: ReactNode;
  hideLabel?: boolean;
  /** In rule and route rows: show the summary only while typing. */
  compact?: boolean;
}) {
  return (
    <ValidatedField
      label={label}
      value={value}
      check={check}
      onCommit={onCommit}
      format={(v) => v}
      describe={(v) => <CidrSummaryNote text={v} subnet={subnet} />}
      describeWhileEditing={compact}
      hint={hint}
      hideLabel={hideLabel}
      placeholder="10.0.0.0/16"
      mono
    />
  );
}

/** A list of CIDR blocks (on-premises ranges, static routes): edit, add, remove. */
export function CidrListEditor({
  label,
  cidrs,
  onChange,
  suggestion = '192.168.0.0/16',
}: {
  label: string;
  cidrs: string[];
  onChange: (next: string[]) => void;
  suggestion?: string;
}) {
  const others = (i: number) => cidrs.filter((_, j) => j !== i);
  const checkAt =
    (i: number) =>
    (text: string): Check<string> => {
      const c = checkCidr(text);
      if (c.ok && others(i).includes(c.value)) return { ok: false, error: `${c.value} is already in the list.` };
      return c;
    };
  let fresh = suggestion;
  for (let n = 0; cidrs.includes(fresh) && n < 255; n++) fresh = `10.${200 + (n % 50)}.${n}.0/24`;
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-gray-600">{label}</legend>
      {cidrs.length === 0 && <Note>None yet.</Note>}
      {cidrs.map((c, i) => (
        <div key={`${i}-${c}`} className="flex items-start gap-1">
          <div className="min-w-0 flex-1">
            <CidrField
              label={`${label} ${i + 1}`}
              hideLabel
              compact
              value={c}
              check={checkAt(i)}
              onCommit={(v) => onChange(cidrs.map((x, j) => (j === i ? v : x)))}
            />
          </div>
          <button type="button" className={buttonClass} aria-label={`Remove ${c}`} onClick={() => onChange(others(i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className={buttonClass} onClick={() => onChange([...cidrs, fresh])}>
        Add CIDR
      </button>
    </fieldset>
  );
}
