/**
 * A new flow: source, destination, protocol and port (for S3 also the action and object ARN). "Trace" shows the
 * result at once without saving; "Save flow" adds it to the design as one undoable command.
 */
import { useId, useState } from 'react';
import { addFlow, nextFlowId } from '../../engine/commands/flows.ts';
import { parseIp, type Flow } from '../../engine/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { DRAFT_ID, useTrafficStore } from '../../store/traffic.ts';
import { defaultObjectArn, endpointGroups, flowName, IP_CHOICE, isS3Destination, S3_ACTIONS } from './endpoints.ts';
import { fieldClass, labelClass, primaryButtonClass, secondaryButtonClass } from './styles.ts';

type Protocol = Flow['protocol'];

interface EndpointFieldProps {
  label: string;
  side: 'from' | 'to';
  value: string;
  address: string;
  onChange(value: string): void;
  onAddress(address: string): void;
}

function EndpointField({ label, side, value, address, onChange, onAddress }: EndpointFieldProps) {
  const design = useDesignStore((s) => s.design);
  const id = useId();
  const groups = endpointGroups(design, side);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} className={fieldClass} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="" disabled>
          Choose…
        </option>
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

export function FlowForm() {
  const design = useDesignStore((s) => s.design);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [fromIp, setFromIp] = useState('');
  const [toIp, setToIp] = useState('');
  const [protocol, setProtocol] = useState<Protocol>('tcp');
  const [port, setPort] = useState('443');
  const [action, setAction] = useState<string>('s3:GetObject');
  const [arn, setArn] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ids = { protocol: useId(), port: useId(), action: useId(), arn: useId(), name: useId() };
  const s3 = isS3Destination(design, to);

  /** The form as a flow, or why it is not one yet. */
  const build = (): { flow: Omit<Flow, 'id'> } | { error: string } => {
    const endpoint = (choice: string, ip: string, what: string): string | { error: string } => {
      if (!choice) return { error: `Choose a ${what}.` };
      if (choice !== IP_CHOICE) return choice;
      if (parseIp(ip.trim()) === undefined) return { error: `The ${what} IP address is not an IPv4 address (like 10.0.0.20).` };
      return `ip:${ip.trim()}`;
    };
    const f = endpoint(from, fromIp, 'source');
    if (typeof f !== 'string') return f;
    const t = endpoint(to, toIp, 'destination');
    if (typeof t !== 'string') return t;
    const n = Number(port);
    const max = protocol === 'icmp' ? 255 : 65535;
    if (port.trim() === '' || !Number.isInteger(n) || n < 0 || n > max) {
      return { error: protocol === 'icmp' ? 'The ICMP type is a whole number from 0 to 255 (8 is echo request).' : 'The port is a whole number from 0 to 65535.' };
    }
    const flow: Omit<Flow, 'id'> = { name: '', from: f, to: t, protocol, port: n };
    if (s3) {
      flow.action = action;
      flow.resource = arn.trim() || defaultObjectArn(design, t);
    }
    flow.name = name.trim() || flowName(design, flow);
    return { flow };
  };

  const traceNow = () => {
    const built = build();
    if ('error' in built) return setError(built.error);
    setError(undefined);
    useTrafficStore.getState().setDraft({ ...built.flow, id: DRAFT_ID });
  };

  const save = () => {
    const built = build();
    if ('error' in built) return setError(built.error);
    setError(undefined);
    const id = nextFlowId(design);
    if (useDesignStore.getState().execute(addFlow({ ...built.flow, id }))) {
      const traffic = useTrafficStore.getState();
      traffic.setDraft(undefined);
      traffic.selectFlow(id);
      setName('');
    }
  };

  return (
    <form
      aria-label="New flow"
      className="space-y-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        traceNow();
      }}
    >
      <div className="space-y-1.5">
        <EndpointField label="Source" side="from" value={from} address={fromIp} onChange={setFrom} onAddress={setFromIp} />
        <EndpointField
          label="Destination"
          side="to"
          value={to}
          address={toIp}
          onChange={(v) => {
            setTo(v);
            if (isS3Destination(design, v)) setArn(defaultObjectArn(design, v));
          }}
          onAddress={setToIp}
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
              if (next === 'icmp' && protocol !== 'icmp') setPort('8');
              if (next !== 'icmp' && protocol === 'icmp') setPort('443');
              setProtocol(next);
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
          <input id={ids.port} className={`${fieldClass} font-mono`} inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
        </div>
      </div>
      {s3 && (
        <div className="space-y-1.5">
          <div className="space-y-1">
            <label htmlFor={ids.action} className={labelClass}>
              Action
            </label>
            <select id={ids.action} className={fieldClass} value={action} onChange={(e) => setAction(e.target.value)}>
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
            <input id={ids.arn} className={`${fieldClass} font-mono`} value={arn} onChange={(e) => setArn(e.target.value)} />
          </div>
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor={ids.name} className={labelClass}>
          Name (optional)
        </label>
        <input id={ids.name} className={fieldClass} value={name} placeholder="web-a → Internet (TCP 443)" onChange={(e) => setName(e.target.value)} />
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-1.5">
        <button type="submit" className={primaryButtonClass}>
          Trace
        </button>
        <button type="button" className={secondaryButtonClass} onClick={save}>
          Save flow
        </button>
      </div>
    </form>
  );
}
