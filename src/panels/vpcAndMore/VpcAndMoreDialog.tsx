/**
 * Create VPC → "VPC and more", as the AWS console has it: one form, a live preview, and Create builds the whole
 * network wired (one undo step). The form's state is the engine's `VpcAndMoreOptions`; the engine computes the
 * subnets' CIDRs, checks every field and builds the design (src/engine/commands/vpcAndMore.ts).
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { DialogFrame } from '../DialogFrame.tsx';
import {
  createVpcAndMore,
  MAX_ZONES,
  planVpcAndMore,
  vpcAndMoreDefaults,
  ZONE_CHOICES,
  type NatGatewayChoice,
  type VpcAndMoreOptions,
} from '../../engine/commands/vpcAndMore.ts';
import { previewVpcAndMore } from '../../engine/commands/vpcAndMorePreview.ts';
import { zonesOf } from '../../engine/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { ResourceMapPreview } from './ResourceMapPreview.tsx';
import { Choice } from '../Choice.tsx';

const ORDINAL = ['First', 'Second', 'Third'];

function Field({
  label,
  hint,
  error,
  children,
  id,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
  id: string;
}) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-semibold text-gray-800">
        {label}
      </label>
      {children}
      {hint && !error && <p className="text-[11px] text-gray-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="text-[11px] text-[#d13212]">
          {error}
        </p>
      )}
    </div>
  );
}

const input =
  'w-full rounded border border-gray-400 px-2 py-1 text-[13px] aria-[invalid=true]:border-[#d13212] focus-visible:outline-2 focus-visible:outline-[#0972d3]';

export function VpcAndMoreDialog({ onClose }: { onClose: () => void }) {
  const design = useDesignStore((s) => s.design);
  const [options, setOptions] = useState<VpcAndMoreOptions>(() => vpcAndMoreDefaults(useDesignStore.getState().design));
  const [refusal, setRefusal] = useState<string>();
  const titleId = useId();
  const ids = useId();

  const plan = useMemo(() => planVpcAndMore(options), [options]);
  const preview = useMemo(() => previewVpcAndMore(design, options), [design, options]);
  const set = (patch: Partial<VpcAndMoreOptions>) => {
    setRefusal(undefined);
    setOptions((o) => ({ ...o, ...patch }));
  };
  const zoneChoices = zonesOf(design.region, ZONE_CHOICES);
  const n = options.zones.length;

  const setZoneCount = (count: number) => {
    const zones = options.zones.slice(0, count);
    for (const z of zoneChoices) if (zones.length < count && !zones.includes(z)) zones.push(z);
    set({ zones });
  };

  const create = () => {
    if (!plan.ok) {
      setRefusal('Fix the fields marked in red first.');
      return;
    }
    const state = useDesignStore.getState();
    if (state.execute(createVpcAndMore(options))) {
      onClose();
      useUiStore.getState().requestFitView();
    }
  };

  const cidrError = plan.errors.cidr;
  return (
    // A click outside does not close it: a long form would lose its input.
    <DialogFrame
      labelledBy={titleId}
      onClose={onClose}
      className="flex max-h-full w-[min(1120px,100%)] flex-col"
      closeOnOutsideClick={false}
    >
      <header className="border-b border-gray-200 px-4 py-2.5">
        <h2 id={titleId} className="text-base font-semibold">
          Create VPC and more
        </h2>
        <p className="text-xs text-gray-600">
          A VPC with subnets, gateways and route tables, wired as the AWS console builds them. One Undo removes it all.
        </p>
      </header>
      {/* The form scrolls on its own, so the preview stays in sight on a short screen. */}
      <div className="flex min-h-0 flex-1 gap-4 px-4 py-3">
        <form
          aria-label="VPC and more settings"
          className="flex min-h-0 w-80 shrink-0 flex-col gap-2.5 overflow-y-auto pr-1"
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
        >
          <Field
            id={`${ids}-name`}
            label="Name tag auto-generation"
            hint={`Names every resource: ${options.name.trim() || '…'}-vpc, ${options.name.trim() || '…'}-igw, …`}
            error={plan.errors.name}
          >
            <input
              data-autofocus
              id={`${ids}-name`}
              className={input}
              value={options.name}
              aria-invalid={!!plan.errors.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          </Field>
          <Field id={`${ids}-cidr`} label="IPv4 CIDR block" hint="/16 to /28, e.g. 10.0.0.0/16" error={cidrError}>
            <input
              id={`${ids}-cidr`}
              className={input}
              value={options.cidr}
              spellCheck={false}
              aria-invalid={!!cidrError}
              aria-describedby={cidrError ? `${ids}-cidr-error` : undefined}
              // The subnets follow a new block, as the console recomputes them.
              onChange={(e) => set({ cidr: e.target.value, subnetCidrs: {} })}
            />
          </Field>
          <Choice
            legend="Number of Availability Zones (AZs)"
            value={n}
            options={[1, 2, 3].slice(0, MAX_ZONES).map((c) => ({ value: c, label: String(c) }))}
            onChange={setZoneCount}
          />
          <div className="flex flex-col gap-1 pl-2">
            {options.zones.map((zone, i) => (
              <label key={i} className="flex items-center justify-between gap-2 text-xs text-gray-700">
                {ORDINAL[i]} Availability Zone
                <select
                  className="rounded border border-gray-400 px-1 py-0.5 text-xs"
                  value={zone}
                  onChange={(e) => set({ zones: options.zones.map((z, j) => (j === i ? e.target.value : z)) })}
                >
                  {zoneChoices.map((z) => (
                    <option key={z} value={z} disabled={z !== zone && options.zones.includes(z)}>
                      {z}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {plan.errors.zones && <p className="text-[11px] text-[#d13212]">{plan.errors.zones}</p>}
          </div>
          <Choice
            legend="Number of public subnets"
            value={options.publicPerAz}
            options={[
              { value: 0 as const, label: '0' },
              { value: 1 as const, label: String(n) },
            ]}
            onChange={(publicPerAz) =>
              set({ publicPerAz, ...(publicPerAz === 0 ? { natGateways: 'none' as const } : {}) })
            }
          />
          <Choice
            legend="Number of private subnets"
            value={options.privatePerAz}
            options={[
              { value: 0 as const, label: '0' },
              { value: 1 as const, label: String(n) },
              { value: 2 as const, label: String(2 * n) },
            ]}
            onChange={(privatePerAz) => set({ privatePerAz })}
          />
          {plan.subnets.length > 0 && (
            <fieldset className="flex flex-col gap-1">
              <legend className="text-xs font-semibold text-gray-800">Subnet CIDR blocks</legend>
              {plan.subnets.map((s) => {
                const id = `${ids}-subnet-${s.key}`;
                const label = `${s.tier === 'public' ? 'Public' : 'Private'} subnet ${s.key.replace(/\D/g, '')} CIDR block in ${s.zone}`;
                return (
                  <div key={s.key} className="flex flex-col">
                    <label htmlFor={id} className="text-[11px] text-gray-700">
                      {label}
                    </label>
                    <input
                      id={id}
                      className={input}
                      spellCheck={false}
                      value={options.subnetCidrs[s.key] ?? s.computedCidr ?? ''}
                      aria-invalid={!!s.error}
                      aria-describedby={s.error ? `${id}-error` : undefined}
                      onChange={(e) => set({ subnetCidrs: { ...options.subnetCidrs, [s.key]: e.target.value } })}
                    />
                    {s.error && (
                      <p id={`${id}-error`} className="text-[11px] text-[#d13212]">
                        {s.error}
                      </p>
                    )}
                  </div>
                );
              })}
            </fieldset>
          )}
          <Choice<NatGatewayChoice>
            legend="NAT gateways"
            value={options.natGateways}
            options={[
              { value: 'none', label: 'None' },
              { value: 'oneAz', label: 'In 1 AZ', disabled: !!plan.natDisabledReason },
              { value: 'perAz', label: '1 per AZ', disabled: !!plan.natDisabledReason },
            ]}
            onChange={(natGateways) => set({ natGateways })}
            disabledReason={
              plan.natDisabledReason ??
              (options.natGateways === 'oneAz' && n > 1 && options.privatePerAz > 0
                ? `The private subnets outside ${options.zones[0]} use its NAT gateway: they lose internet access if that AZ fails (Findings warns).`
                : undefined)
            }
          />
          <Choice
            legend="VPC endpoints"
            value={options.s3Endpoint ? 's3' : 'none'}
            options={[
              { value: 'none', label: 'None' },
              { value: 's3', label: 'S3 Gateway', disabled: plan.subnets.length === 0 },
            ]}
            onChange={(v) => set({ s3Endpoint: v === 's3' })}
            disabledReason={
              plan.errors.s3Endpoint ??
              (plan.subnets.length === 0
                ? 'An S3 gateway endpoint is reached through a subnet’s route table: add subnets first.'
                : undefined)
            }
          />
          <fieldset className="flex flex-col gap-0.5">
            <legend className="text-xs font-semibold text-gray-800">DNS options</legend>
            <label className="flex items-center gap-1.5 text-xs">
              <input
                type="checkbox"
                checked={options.enableDnsHostnames}
                onChange={(e) => set({ enableDnsHostnames: e.target.checked })}
              />
              Enable DNS hostnames
            </label>
            <label className="flex items-center gap-1.5 text-xs">
              <input
                type="checkbox"
                checked={options.enableDnsSupport}
                onChange={(e) => set({ enableDnsSupport: e.target.checked })}
              />
              Enable DNS resolution
            </label>
          </fieldset>
          {/* Enter in a field creates, as in the console's form. */}
          <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
        </form>
        <section aria-label="Preview" className="min-h-0 min-w-0 flex-1 overflow-auto rounded bg-gray-50 p-3">
          <h3 className="mb-2 text-sm font-semibold">Preview</h3>
          <ResourceMapPreview map={preview.map} />
        </section>
      </div>
      <footer className="flex items-center justify-end gap-2 border-t border-gray-200 px-4 py-2.5">
        {refusal && (
          <p role="alert" className="mr-auto text-xs text-[#d13212]">
            {refusal}
          </p>
        )}
        <button type="button" className="dialog-button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="dialog-button dialog-button-primary" onClick={create}>
          Create VPC
        </button>
      </footer>
    </DialogFrame>
  );
}
