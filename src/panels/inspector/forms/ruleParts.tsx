/**
 * What a security-group rule and a network-ACL entry share in the inspector: the row's frame (with the highlight
 * the Traffic panel puts on the rule a hop matched) and the protocol with its ports, ICMP type:code or protocol
 * number. https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html,
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
import type { ReactNode } from 'react';
import { type ProtocolChoice, protocolChoiceOf } from '../../../engine/commands/ruleEdits.ts';
import {
  checkIcmpTypeCode,
  checkPortRange,
  checkProtocolNumber,
  formatIcmpTypeCode,
  formatPortRange,
} from '../../../engine/model/fields.ts';
import type { IpProtocol } from '../../../engine/model/types.ts';
import { type Option, SelectField, ValidatedField } from '../controls.tsx';
import { highlightedRowClass, scrollIntoViewRef } from '../../traffic/highlight.ts';

export const PROTOCOL_OPTIONS: Option[] = [
  { value: 'all', label: 'All traffic' },
  { value: 'tcp', label: 'TCP' },
  { value: 'udp', label: 'UDP' },
  { value: 'icmp', label: 'ICMP' },
  { value: 'custom', label: 'Custom protocol number' },
];

/** One rule's group of fields, named by its legend; scrolled into view when the Traffic panel points at it. */
export function RuleFieldset({
  legend,
  highlighted,
  children,
}: {
  legend: string;
  highlighted?: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={`space-y-1 rounded border border-gray-200 p-1.5 ${highlighted ? highlightedRowClass : ''}`}
      data-highlighted={highlighted ? 'true' : undefined}
      ref={highlighted ? scrollIntoViewRef : undefined}
    >
      <legend className="px-0.5 text-xs font-medium text-gray-600">{legend}</legend>
      {children}
    </fieldset>
  );
}

interface PortedRule {
  protocol: IpProtocol;
  fromPort?: number;
  toPort?: number;
}

/**
 * The protocol select and, beside it, what that protocol takes: a port range for TCP/UDP, type:code for ICMP, a
 * number for a custom protocol, nothing for all traffic. Two cells of the caller's two-column grid.
 * `noun` names the rule in the undo history ("rule", "ACL rule").
 */
export function ProtocolFields<R extends PortedRule>({
  rule,
  noun,
  withChoice,
  onChange,
}: {
  rule: R;
  noun: string;
  withChoice: (rule: R, choice: ProtocolChoice) => R;
  onChange: (rule: R, label: string) => void;
}) {
  const choice = protocolChoiceOf(rule.protocol);
  return (
    <>
      <SelectField
        label="Protocol"
        value={choice}
        options={PROTOCOL_OPTIONS}
        onChange={(c) => onChange(withChoice(rule, c as ProtocolChoice), `Change ${noun} protocol`)}
      />
      {choice === 'tcp' || choice === 'udp' ? (
        <ValidatedField
          label="Port range"
          mono
          value={formatPortRange(rule.fromPort, rule.toPort)}
          check={checkPortRange}
          format={(v) => formatPortRange(v.from, v.to)}
          onCommit={(v) => onChange({ ...rule, fromPort: v.from, toPort: v.to }, `Change ${noun} ports`)}
          placeholder="443 or 1024-65535"
        />
      ) : choice === 'icmp' ? (
        <ValidatedField
          label="ICMP type:code"
          mono
          value={formatIcmpTypeCode(rule.fromPort, rule.toPort)}
          check={checkIcmpTypeCode}
          format={(v) => formatIcmpTypeCode(v.from, v.to)}
          onCommit={(v) => onChange({ ...rule, fromPort: v.from, toPort: v.to }, 'Change ICMP type')}
        />
      ) : choice === 'custom' ? (
        <ValidatedField
          label="Protocol number"
          mono
          value={rule.protocol}
          check={checkProtocolNumber}
          format={String}
          onCommit={(n) => onChange({ ...rule, protocol: String(n) }, `Change ${noun} protocol`)}
        />
      ) : (
        <div className="self-end pb-1 text-xs text-gray-500">All ports</div>
      )}
    </>
  );
}
