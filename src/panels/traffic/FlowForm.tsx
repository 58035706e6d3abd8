/**
 * The flow form: source, destination, protocol and port (for S3 also the action and object ARN).
 * For a new flow, "Trace" shows the result at once without saving and "Save flow" adds it to the design as one
 * undoable command. Opened on a saved flow (its Edit button), the same form comes filled in: "Save changes"
 * edits the flow as one undoable command; "Cancel" (or Escape) leaves it as it was.
 */
import { useId, useState } from 'react';
import { addFlow, nextFlowId, updateFlow } from '../../engine/commands/flows.ts';
import { describeComponent } from '../../canvas/traffic/names.ts';
import type { Flow } from '../../engine/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { DRAFT_ID, useTrafficStore } from '../../store/traffic.ts';
import { defaultObjectArn, endpointGroups, IP_CHOICE, isS3Destination, S3_ACTIONS } from './endpoints.ts';
import { flowOf, NEW_FLOW, patchFor, valuesOf, type FlowFormValues } from './flowFormValues.ts';
import { fieldClass, labelClass, primaryButtonClass, secondaryButtonClass } from './styles.ts';

type Protocol = Flow['protocol'];

interface EndpointFieldProps {
  label: string;
  side: 'from' | 'to';
  value: string;
  address: string;
  autoFocus?: boolean;
  onChange(value: string): void;
  onAddress(address: string): void;
}

function EndpointField({ label, side, value, address, autoFocus, onChange, onAddress }: EndpointFieldProps) {
  const design = useDesignStore((s) => s.design);
  const id = useId();
  const groups = endpointGroups(design, side);
  // A saved flow may name an endpoint the lists do not offer (a gateway endpoint, on-premises, a resource since
  // removed): keep it as a choice so editing the rest of the flow does not change it.
  const offered = value === '' || groups.some((g) => g.options.some((o) => o.value === value));
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select
        id={id}
        className={fieldClass}
        value={value}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="" disabled>
          Choose…
        </option>
        {!offered && (
          <optgroup label="Current">
            <option value={value}>{describeComponent(design, value).name}</option>
          </optgroup>
        )}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {value === IP_CHOICE && (
        <input
          aria-label={`${label} IP address`}
          className={`${fieldClass} font-mono`}
          placeholder="10.0.0.20 or 203.0.113.7"
          value={address}
          onChange={(e) => onAddress(e.target.value)}
        />
      )}
    </div>
  );
}

/** Puts the keyboard back on a flow's Edit button once the edit form has closed. */
function focusEditButton(flowId: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-edit-flow="${CSS.escape(flowId)}"]`)?.focus());
}

/** `editing`: the saved flow to edit (mount with `key={flow.id}`); without it, a new flow. */
export function FlowForm({ editing }: { editing?: Flow }) {
  const design = useDesignStore((s) => s.design);
  const [values, setValues] = useState<FlowFormValues>(() => (editing ? valuesOf(design, editing) : NEW_FLOW));
  const [error, setError] = useState<string | undefined>();
  const ids = { protocol: useId(), port: useId(), action: useId(), arn: useId(), name: useId() };
  const set = (patch: Partial<FlowFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const { from, to, fromIp, toIp, protocol, port, action, arn, name } = values;
  const s3 = isS3Destination(design, to);
  // The name the flow gets when none is typed, shown as the placeholder.
  const generated = flowOf(design, { ...values, name: '' });
  const placeholder = 'flow' in generated ? generated.flow.name : 'web-a → Internet (TCP 443)';

  const build = () => {
    const built = flowOf(design, values);
    setError('error' in built ? built.error : undefined);
    return 'error' in built ? undefined : built.flow;
  };

  const traceNow = () => {
    const flow = build();
    if (flow) useTrafficStore.getState().setDraft({ ...flow, id: DRAFT_ID });
  };

  const save = () => {
    const flow = build();
    if (!flow) return;
    const id = nextFlowId(design);
    if (useDesignStore.getState().execute(addFlow({ ...flow, id }))) {
      const traffic = useTrafficStore.getState();
      traffic.setDraft(undefined);
      traffic.selectFlow(id);
      set({ name: '' });
    }
  };

  const close = (flowId: string) => {
    useTrafficStore.getState().editFlow(undefined);
    focusEditButton(flowId);
  };

  const saveChanges = (saved: Flow) => {
    const flow = build();
    if (!flow) return;
    const patch = patchFor(saved, flow);
    // Nothing changed: close without an empty step in the history. A refused edit keeps the form open (the
    // status line says why).
    if (!patch || useDesignStore.getState().execute(updateFlow(saved.id, patch))) close(saved.id);
  };

  return (
    <form
      aria-label={editing ? `Edit flow ${editing.name}` : 'New flow'}
      className="space-y-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        if (editing) saveChanges(editing);
        else traceNow();
      }}
      onKeyDown={(e) => {
        if (editing && e.key === 'Escape') {
          e.preventDefault();
          close(editing.id);
        }
      }}
    >
      <div className="space-y-1.5">
        <EndpointField
          label="Source"
          side="from"
          value={from}
          address={fromIp}
          autoFocus={editing !== undefined}
          onChange={(v) => set({ from: v })}
          onAddress={(v) => set({ fromIp: v })}
        />
        <EndpointField
          label="Destination"
          side="to"
          value={to}
          address={toIp}
          onChange={(v) => set({ to: v, ...(isS3Destination(design, v) ? { arn: defaultObjectArn(design, v) } : {}) })}
          onAddress={(v) => set({ toIp: v })}
        />
      </div>
      <div className="grid grid-cols-2 gap-1.5">
        <div className="space-y-1">
          <label htmlFor={ids.protocol} className={labelClass}>
            Protocol
          </label>
          <select
            id={ids.protocol}
            className={fieldClass}
            value={protocol}
            onChange={(e) => {
              const next = e.target.value as Protocol;
              if (next === 'icmp' && protocol !== 'icmp') set({ port: '8' });
              if (next !== 'icmp' && protocol === 'icmp') set({ port: '443' });
              set({ protocol: next });
            }}
          >
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
            <option value="icmp">ICMP</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.port} className={labelClass}>
            {protocol === 'icmp' ? 'ICMP type' : 'Port'}
          </label>
          <input
            id={ids.port}
            className={`${fieldClass} font-mono`}
            inputMode="numeric"
            value={port}
            onChange={(e) => set({ port: e.target.value })}
          />
        </div>
      </div>
      {s3 && (
        <div className="space-y-1.5">
          <div className="space-y-1">
            <label htmlFor={ids.action} className={labelClass}>
              Action
            </label>
            <select
              id={ids.action}
              className={fieldClass}
              value={action}
              onChange={(e) => set({ action: e.target.value })}
            >
              {S3_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div className="min-w-0 space-y-1">
            <label htmlFor={ids.arn} className={labelClass}>
              Object ARN
            </label>
            <input
              id={ids.arn}
              className={`${fieldClass} font-mono`}
              value={arn}
              onChange={(e) => set({ arn: e.target.value })}
            />
          </div>
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor={ids.name} className={labelClass}>
          Name (optional)
        </label>
        <input
          id={ids.name}
          className={fieldClass}
          value={name}
          placeholder={placeholder}
          onChange={(e) => set({ name: e.target.value })}
        />
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      {editing ? (
        <div className="flex gap-1.5">
          <button type="submit" className={primaryButtonClass}>
            Save changes
          </button>
          <button type="button" className={secondaryButtonClass} onClick={() => close(editing.id)}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="flex gap-1.5">
          <button type="submit" className={primaryButtonClass}>
            Trace
          </button>
          <button type="button" className={secondaryButtonClass} onClick={save}>
            Save flow
          </button>
        </div>
      )}
    </form>
  );
}
