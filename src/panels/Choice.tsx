/**
 * One choice among a few, shown as a row of labelled radio buttons under a legend (the AWS console's segmented
 * choice): the VPC-and-more form's and the Export dialog's. `disabledReason` says why some options are disabled.
 */
import { useId } from 'react';

export function Choice<T extends string | number>({
  legend,
  value,
  options,
  onChange,
  disabledReason,
}: {
  legend: string;
  value: T;
  options: Array<{ value: T; label: string; disabled?: boolean }>;
  onChange: (value: T) => void;
  disabledReason?: string;
}) {
  const name = useId();
  return (
    <fieldset className="flex flex-col gap-0.5" aria-describedby={disabledReason ? `${name}-reason` : undefined}>
      <legend className="text-xs font-semibold text-gray-800">{legend}</legend>
      <div className="flex flex-wrap gap-1">
        {options.map((o) => (
          <label
            key={String(o.value)}
            className={`flex items-center gap-1 rounded border px-2 py-0.5 text-xs ${o.value === value ? 'border-[#0972d3] bg-[#f2f8fd] text-[#0972d3]' : 'border-gray-300 text-gray-800'} ${o.disabled ? 'opacity-50' : 'cursor-pointer'}`}
          >
            <input
              type="radio"
              name={name}
              checked={o.value === value}
              disabled={o.disabled}
              onChange={() => onChange(o.value)}
              className="accent-[#0972d3]"
            />
            {o.label}
          </label>
        ))}
      </div>
      {disabledReason && (
        <p id={`${name}-reason`} className="text-[11px] text-gray-600">
          {disabledReason}
        </p>
      )}
    </fieldset>
  );
}
