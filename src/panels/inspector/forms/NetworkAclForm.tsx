/**
 * A network ACL: numbered inbound and outbound entries, evaluated lowest number first (first match wins), with
 * AWS's final `*` entry that denies whatever no rule matched, and the subnets associated with it.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
import { updateResource } from '../../../engine/commands/edit.ts';
import { nextNaclRuleNumber, removeAt, sortNaclRules, withNaclProtocol } from '../../../engine/commands/ruleEdits.ts';
import { checkCidr, checkRuleNumber } from '../../../engine/model/fields.ts';
import { subnetsUsingNetworkAcl } from '../../../engine/model/inspection.ts';
import { getOfKind, subnetsOf } from '../../../engine/model/queries.ts';
import type { Design, NetworkAcl, NetworkAclRule, Subnet } from '../../../engine/model/types.ts';
import { CidrField } from '../CidrField.tsx';
import { buttonClass, CheckboxGroup, Fact, Note, Section, SelectField, ValidatedField } from '../controls.tsx';
import { execute, useEdit } from '../useEdit.ts';
import { NameField } from './common.tsx';
import { ProtocolFields, RuleFieldset } from './ruleParts.tsx';
import { highlightedRowClass, isHighlightedNaclRule, useHighlightedRule } from '../../traffic/highlight.ts';

type Direction = 'inbound' | 'outbound';

export function NetworkAclForm({ design, acl }: { design: Design; acl: NetworkAcl }) {
  const users = subnetsUsingNetworkAcl(design, acl);
  const vpc = getOfKind(design, acl.vpcId, 'vpc');
  const options = subnetsOf(design, acl.vpcId).map((s) => {
    const use = users.find((u) => u.subnet.id === s.id);
    return {
      id: s.id,
      label: `${s.name} (${s.cidrBlock})`,
      checked: use !== undefined,
      disabled: use !== undefined && !use.explicit,
      note: use && !use.explicit ? '(implicit, default)' : undefined,
    };
  });
  return (
    <>
      <Section title="General">
        <NameField resource={acl} />
        <Fact label="VPC">{vpc?.name ?? acl.vpcId}</Fact>
        {acl.isDefault && (
          <Note>The VPC&apos;s default network ACL: subnets without an explicit association use it.</Note>
        )}
      </Section>
      <EntryList acl={acl} direction="inbound" />
      <EntryList acl={acl} direction="outbound" />
      <Section title="Subnet associations">
        <CheckboxGroup
          legend="Subnets using this ACL"
          options={options}
          empty="This VPC has no subnets."
          hint="A subnet is associated with exactly one network ACL; unchecking returns it to the default ACL."
          onToggle={(id, checked) =>
            execute(
              updateResource<Subnet>(
                id,
                { networkAclId: checked ? acl.id : undefined },
                checked ? 'Associate network ACL' : 'Disassociate network ACL',
              ),
            )
          }
        />
      </Section>
    </>
  );
}

function EntryList({ acl, direction }: { acl: NetworkAcl; direction: Direction }) {
  const edit = useEdit(acl);
  const entries = sortNaclRules(acl[direction]);
  const noun = direction === 'inbound' ? 'Inbound' : 'Outbound';
  const set = (next: NetworkAclRule[], label: string) =>
    edit({ [direction]: sortNaclRules(next) } as Partial<NetworkAcl>, label);
  const nextNumber = nextNaclRuleNumber(entries);
  const highlighted = useHighlightedRule(acl.id);
  const add = () => {
    if (nextNumber === undefined) return;
    set(
      [
        ...entries,
        { ruleNumber: nextNumber, protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', action: 'allow' },
      ],
      `Add ${direction} ACL rule`,
    );
  };
  return (
    <Section
      title={`${noun} rules`}
      actions={
        <button type="button" className={buttonClass} disabled={nextNumber === undefined} onClick={add}>
          Add {direction} rule
        </button>
      }
    >
      {entries.map((entry, i) => (
        <EntryRow
          key={`${entry.ruleNumber}-${i}`}
          legend={`${noun} rule ${entry.ruleNumber}`}
          entry={entry}
          highlighted={isHighlightedNaclRule(highlighted, direction, entry.ruleNumber)}
          otherNumbers={entries.filter((_, j) => j !== i).map((e) => e.ruleNumber)}
          onChange={(next, label) =>
            set(
              entries.map((e, j) => (j === i ? next : e)),
              label,
            )
          }
          onRemove={() => set(removeAt(entries, i), `Remove ${direction} ACL rule`)}
        />
      ))}
      <table className="w-full text-xs text-gray-600" aria-label={`${noun} final rule`}>
        <tbody>
          <tr
            className={isHighlightedNaclRule(highlighted, direction, '*') ? highlightedRowClass : undefined}
            data-highlighted={isHighlightedNaclRule(highlighted, direction, '*') ? 'true' : undefined}
          >
            <td className="w-8 font-mono">*</td>
            <td>All traffic</td>
            <td className="font-mono">0.0.0.0/0</td>
            <td className="font-semibold text-red-700">Deny</td>
          </tr>
        </tbody>
      </table>
      <Note>
        Rules are checked lowest number first; the first match wins. The * rule denies anything no rule matched and
        cannot be changed.
      </Note>
    </Section>
  );
}

function EntryRow({
  legend,
  entry,
  highlighted,
  otherNumbers,
  onChange,
  onRemove,
}: {
  legend: string;
  entry: NetworkAclRule;
  /** The traffic panel points at this rule (the hop it matched). */
  highlighted?: boolean;
  otherNumbers: number[];
  onChange: (entry: NetworkAclRule, label: string) => void;
  onRemove: () => void;
}) {
  return (
    <RuleFieldset legend={legend} highlighted={highlighted}>
      <div className="grid grid-cols-2 gap-1">
        <ValidatedField
          label="Rule number"
          mono
          value={String(entry.ruleNumber)}
          check={(t) => checkRuleNumber(t, otherNumbers)}
          format={String}
          onCommit={(ruleNumber) => onChange({ ...entry, ruleNumber }, 'Renumber ACL rule')}
        />
        <SelectField
          label="Action"
          value={entry.action}
          options={[
            { value: 'allow', label: 'Allow' },
            { value: 'deny', label: 'Deny' },
          ]}
          onChange={(a) => onChange({ ...entry, action: a as NetworkAclRule['action'] }, 'Change ACL rule action')}
        />
        <ProtocolFields rule={entry} noun="ACL rule" withChoice={withNaclProtocol} onChange={onChange} />
      </div>
      <div className="flex items-end gap-1">
        <div className="min-w-0 flex-1">
          <CidrField
            compact
            label={legend.startsWith('Inbound') ? 'Source' : 'Destination'}
            value={entry.cidr}
            check={checkCidr}
            onCommit={(cidr) => onChange({ ...entry, cidr }, 'Change ACL rule CIDR')}
          />
        </div>
        <button
          type="button"
          className={`${buttonClass} mb-0.5`}
          aria-label={`Remove ${legend.toLowerCase()}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
    </RuleFieldset>
  );
}
