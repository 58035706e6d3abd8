/**
 * A security group: inbound and outbound rules (protocol, ports, a peer that is a CIDR, a group or a prefix
 * list, a description). Security groups are stateful and allow-only, so there is no action column.
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 */
import {
  nextItemId,
  peerOf,
  type PeerType,
  removeAt,
  replaceAt,
  withPeer,
  withProtocol,
} from '../../../engine/commands/ruleEdits.ts';
import { checkCidr } from '../../../engine/model/fields.ts';
import { getOfKind, indexDesign } from '../../../engine/model/queries.ts';
import type { Design, SecurityGroup, SecurityGroupRule } from '../../../engine/model/types.ts';
import { CidrField } from '../CidrField.tsx';
import { buttonClass, Fact, Note, type Option, Section, SelectField, TextField, ValidatedField } from '../controls.tsx';
import { useEdit } from '../useEdit.ts';
import { NameField } from './common.tsx';
import { ProtocolFields, RuleFieldset } from './ruleParts.tsx';
import { isHighlightedSgRule, useHighlightedRule } from '../../traffic/highlight.ts';

const PEER_OPTIONS: Option[] = [
  { value: 'cidr', label: 'CIDR block' },
  { value: 'group', label: 'Security group' },
  { value: 'prefixList', label: 'Prefix list' },
];

type Direction = 'ingress' | 'egress';

export function SecurityGroupForm({ design, group }: { design: Design; group: SecurityGroup }) {
  const edit = useEdit(group);
  const users = Object.values(design.resources).filter(
    (r) =>
      (r.kind === 'instance' || r.kind === 'networkInterface' || r.kind === 'vpcEndpoint') &&
      r.securityGroupIds.includes(group.id),
  );
  const vpc = getOfKind(design, group.vpcId, 'vpc');
  return (
    <>
      <Section title="General">
        <NameField resource={group} />
        <TextField
          label="Description"
          value={group.description}
          onCommit={(description) => edit({ description }, 'Change description')}
        />
        <Fact label="VPC">{vpc?.name ?? group.vpcId}</Fact>
        {group.isDefault && <Note>The VPC&apos;s default group: it cannot be deleted while the VPC exists.</Note>}
        <Fact label="Used by">{users.length ? users.map((u) => u.name).join(', ') : 'nothing yet'}</Fact>
      </Section>
      <RuleList design={design} group={group} direction="ingress" />
      <RuleList design={design} group={group} direction="egress" />
    </>
  );
}

function RuleList({ design, group, direction }: { design: Design; group: SecurityGroup; direction: Direction }) {
  const edit = useEdit(group);
  const rules = group[direction];
  const title = direction === 'ingress' ? 'Inbound rules' : 'Outbound rules';
  const noun = direction === 'ingress' ? 'Inbound' : 'Outbound';
  const set = (next: SecurityGroupRule[], label: string) =>
    edit({ [direction]: next } as Partial<SecurityGroup>, label);
  const highlighted = useHighlightedRule(group.id);
  const add = () => {
    const id = nextItemId(rules, `${group.id}-${direction === 'ingress' ? 'in' : 'out'}`);
    const vpcCidr = getOfKind(design, group.vpcId, 'vpc')?.cidrBlocks[0] ?? '10.0.0.0/16';
    const rule: SecurityGroupRule =
      direction === 'ingress'
        ? { id, protocol: 'tcp', fromPort: 443, toPort: 443, cidr: vpcCidr }
        : { id, protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' };
    set([...rules, rule], `Add ${noun.toLowerCase()} rule`);
  };
  return (
    <Section
      title={title}
      actions={
        <button type="button" className={buttonClass} onClick={add}>
          Add {noun.toLowerCase()} rule
        </button>
      }
    >
      {rules.length === 0 && (
        <Note>
          {direction === 'ingress'
            ? 'No inbound rules: nothing can start a connection to members of this group.'
            : 'No outbound rules: members cannot start connections.'}
        </Note>
      )}
      {rules.map((rule, i) => (
        <RuleRow
          key={rule.id ?? `${i}`}
          design={design}
          group={group}
          legend={`${noun} rule ${i + 1}`}
          peerLabel={direction === 'ingress' ? 'Source' : 'Destination'}
          rule={rule}
          highlighted={isHighlightedSgRule(highlighted, group.id, direction, rule.id, i)}
          onChange={(next, label) => set(replaceAt(rules, i, next), label)}
          onRemove={() => set(removeAt(rules, i), `Remove ${noun.toLowerCase()} rule`)}
        />
      ))}
    </Section>
  );
}

export function RuleRow({
  design,
  group,
  legend,
  peerLabel,
  rule,
  highlighted,
  onChange,
  onRemove,
}: {
  design: Design;
  group: SecurityGroup;
  legend: string;
  peerLabel: string;
  rule: SecurityGroupRule;
  /** The traffic panel points at this rule (the hop it matched). */
  highlighted?: boolean;
  onChange: (rule: SecurityGroupRule, label: string) => void;
  onRemove: () => void;
}) {
  const peer = peerOf(rule);
  const groups = indexDesign(design).securityGroups.get(group.vpcId) ?? [];
  const groupOptions: Option[] = groups.map((g) => ({
    value: g.id,
    label: g.id === group.id ? `${g.name} (this group)` : g.name,
  }));
  return (
    <RuleFieldset legend={legend} highlighted={highlighted}>
      <div className="grid grid-cols-2 gap-1">
        <ProtocolFields rule={rule} noun="rule" withChoice={withProtocol} onChange={onChange} />
      </div>
      <div className="grid grid-cols-2 gap-1">
        <SelectField
          label={`${peerLabel} type`}
          value={peer.type}
          options={PEER_OPTIONS}
          onChange={(t) =>
            onChange(
              withPeer(rule, t as PeerType, t === 'group' ? group.id : t === 'prefixList' ? 'pl-s3' : '0.0.0.0/0'),
              `Change rule ${peerLabel.toLowerCase()}`,
            )
          }
        />
        {peer.type === 'group' ? (
          <SelectField
            label={peerLabel}
            value={peer.value}
            options={groupOptions}
            onChange={(v) => onChange(withPeer(rule, 'group', v), `Change rule ${peerLabel.toLowerCase()}`)}
          />
        ) : peer.type === 'prefixList' ? (
          <ValidatedField
            label={peerLabel}
            mono
            value={peer.value}
            check={(t) =>
              /^pl-[a-z0-9]+$/.test(t.trim())
                ? { ok: true, value: t.trim() }
                : { ok: false, error: 'A prefix list id looks like pl-63a5400a.' }
            }
            onCommit={(v) => onChange(withPeer(rule, 'prefixList', v), `Change rule ${peerLabel.toLowerCase()}`)}
          />
        ) : (
          <CidrField
            compact
            label={peerLabel}
            value={peer.value}
            check={checkCidr}
            onCommit={(v) => onChange(withPeer(rule, 'cidr', v), `Change rule ${peerLabel.toLowerCase()}`)}
          />
        )}
      </div>
      <div className="flex items-end gap-1">
        <div className="min-w-0 flex-1">
          <TextField
            label="Description"
            value={rule.description ?? ''}
            onCommit={(d) => onChange({ ...rule, description: d || undefined }, 'Change rule description')}
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
