/**
 * Pieces several forms share: the name field, pickers for subnets, Elastic IPs and security groups.
 */
import { allocateElasticIp } from '../../../engine/commands/inspectorEdits.ts';
import { addressesInSubnet, checkPrivateIp } from '../../../engine/model/fields.ts';
import { getOfKind, indexDesign, resourcesOfKind, subnetsOf, vpcIdOf } from '../../../engine/model/queries.ts';
import type {
  Design,
  ElasticIp,
  Instance,
  NatGateway,
  NetworkInterface,
  Resource,
  ResourceId,
  Subnet,
} from '../../../engine/model/types.ts';
import {
  buttonClass,
  CheckboxGroup,
  OpenButton,
  type Option,
  SelectField,
  TextField,
  ValidatedField,
} from '../controls.tsx';
import { execute, useEdit } from '../useEdit.ts';

export function NameField({ resource }: { resource: Resource }) {
  const edit = useEdit(resource);
  return <TextField label="Name" value={resource.name} onCommit={(name) => edit({ name }, 'Rename')} />;
}

export function vpcOptions(design: Design): Option[] {
  return resourcesOfKind(design, 'vpc').map((v) => ({
    value: v.id,
    label: `${v.name} (${v.cidrBlocks[0] ?? 'no CIDR'})`,
  }));
}

/** The subnets of a VPC as options, `Name — 10.0.1.0/24 (us-east-1a)`. */
export function subnetOptions(design: Design, vpcId: ResourceId | undefined): Option[] {
  if (!vpcId) return [];
  return subnetsOf(design, vpcId).map((s) => ({
    value: s.id,
    label: `${s.name} — ${s.cidrBlock} (${s.availabilityZone})`,
  }));
}

/** Who holds each Elastic IP (an address is associated with one resource at a time). */
export function elasticIpHolders(design: Design): Map<ResourceId, Resource> {
  const out = new Map<ResourceId, Resource>();
  for (const r of Object.values(design.resources)) {
    if ((r.kind === 'instance' || r.kind === 'natGateway' || r.kind === 'networkInterface') && r.elasticIpId)
      out.set(r.elasticIpId, r);
  }
  return out;
}

/** An Elastic IP select (free addresses, plus the current one) with an Allocate button. */
export function ElasticIpPicker({
  design,
  owner,
  label = 'Elastic IP',
  allowNone = true,
}: {
  design: Design;
  owner: Instance | NatGateway | NetworkInterface;
  label?: string;
  allowNone?: boolean;
}) {
  const edit = useEdit(owner);
  const holders = elasticIpHolders(design);
  const options: Option[] = resourcesOfKind(design, 'elasticIp').map((e: ElasticIp) => {
    const holder = holders.get(e.id);
    const busy = holder !== undefined && holder.id !== owner.id;
    return {
      value: e.id,
      label: `${e.publicIp} (${e.name})${busy ? ` — used by ${holder.name}` : ''}`,
      disabled: busy,
    };
  });
  if (allowNone) options.unshift({ value: '', label: '(none)' });
  return (
    <div className="flex items-end gap-1">
      <div className="min-w-0 flex-1">
        <SelectField
          label={label}
          value={owner.elasticIpId ?? ''}
          options={options}
          onChange={(v) =>
            edit({ elasticIpId: v || undefined }, v ? 'Associate Elastic IP' : 'Disassociate Elastic IP')
          }
        />
      </div>
      <button type="button" className={buttonClass} onClick={() => execute(allocateElasticIp(owner.id))}>
        Allocate
      </button>
    </div>
  );
}

/** Security groups of the resource's VPC as checkboxes. AWS requires at least one per network interface. */
export function SecurityGroupPicker({
  design,
  resource,
  selected,
  onChange,
  requireOne,
}: {
  design: Design;
  resource: Resource;
  selected: ResourceId[];
  onChange: (ids: ResourceId[]) => void;
  requireOne?: boolean;
}) {
  const vpcId = vpcIdOf(design, resource);
  const groups = vpcId ? (indexDesign(design).securityGroups.get(vpcId) ?? []) : [];
  const foreign = selected.filter((id) => !groups.some((g) => g.id === id));
  const options = [
    ...groups.map((g) => {
      const checked = selected.includes(g.id);
      return {
        id: g.id,
        label: g.name,
        checked,
        disabled: requireOne && checked && selected.length === 1,
        note: g.isDefault ? '(default)' : undefined,
        extra: <OpenButton id={g.id} name={g.name} />,
      };
    }),
    ...foreign.map((id) => ({
      id,
      label: getOfKind(design, id, 'securityGroup')?.name ?? id,
      checked: true,
      note: '(not in this VPC)',
    })),
  ];
  return (
    <CheckboxGroup
      legend="Security groups"
      options={options}
      empty="This VPC has no security groups."
      hint={requireOne ? 'At least one security group is required.' : undefined}
      onToggle={(id, checked) => onChange(checked ? [...selected, id] : selected.filter((x) => x !== id))}
    />
  );
}

/** A private IPv4 address field for something in a subnet: inside it, not reserved, not taken. */
export function PrivateIpField({
  design,
  subnet,
  ownerId,
  label,
  value,
  onCommit,
}: {
  design: Design;
  subnet: Subnet | undefined;
  ownerId: ResourceId;
  label: string;
  value: string;
  onCommit: (ip: string) => void | boolean;
}) {
  const taken = subnet ? addressesInSubnet(design, subnet.id, ownerId) : new Map<string, string>();
  return (
    <ValidatedField
      label={label}
      value={value}
      mono
      placeholder="10.0.1.25"
      check={(text) => (subnet ? checkPrivateIp(subnet, text, taken) : { ok: false, error: 'Choose a subnet first.' })}
      onCommit={onCommit}
      hint={
        subnet
          ? `In ${subnet.name} (${subnet.cidrBlock}); the first four and the last address are reserved.`
          : undefined
      }
    />
  );
}
