/**
 * Things with an address in a subnet: EC2 instances, network interfaces and NAT gateways.
 */
import { suggestPrivateIp } from '../../../engine/commands/add.ts';
import { getOfKind, resourcesOfKind, subnetsOf } from '../../../engine/model/queries.ts';
import type { Design, Instance, NatGateway, NetworkInterface } from '../../../engine/model/types.ts';
import { buttonClass, Checkbox, Fact, Note, Section, SelectField, TextField, ValidatedField } from '../controls.tsx';
import { useEdit } from '../useEdit.ts';
import { ElasticIpPicker, NameField, PrivateIpField, SecurityGroupPicker, subnetOptions } from './common.tsx';

const INSTANCE_TYPES = [
  't3.nano',
  't3.micro',
  't3.small',
  't3.medium',
  't3.large',
  'm6i.large',
  'm6i.xlarge',
  'c6i.large',
  'r6i.large',
  'm7g.large',
  'c7g.large',
];

/** A free address in the subnet something moves to, so its private IP never points outside its subnet. */
function addressIn(design: Design, subnetId: string, current: string): string {
  const subnet = getOfKind(design, subnetId, 'subnet');
  return (subnet && suggestPrivateIp(design, subnet)) ?? current;
}

function vpcOfSubnet(design: Design, subnetId: string) {
  return getOfKind(design, subnetId, 'subnet')?.vpcId;
}

export function InstanceForm({ design, instance }: { design: Design; instance: Instance }) {
  const edit = useEdit(instance);
  const subnet = getOfKind(design, instance.subnetId, 'subnet');
  const vpcId = vpcOfSubnet(design, instance.subnetId);
  const publicChoice = instance.associatePublicIp === undefined ? 'auto' : instance.associatePublicIp ? 'yes' : 'no';
  return (
    <>
      <Section title="General">
        <NameField resource={instance} />
        <TextField
          label="Instance type"
          value={instance.instanceType}
          mono
          list="inspector-instance-types"
          check={(t) =>
            /^[a-z0-9-]+\.[a-z0-9]+$/.test(t.trim())
              ? { ok: true, value: t.trim() }
              : { ok: false, error: 'An instance type looks like t3.micro.' }
          }
          onCommit={(instanceType) => edit({ instanceType }, 'Change instance type')}
        />
        <datalist id="inspector-instance-types">
          {INSTANCE_TYPES.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </Section>
      <Section title="Network">
        <SelectField
          label="Subnet"
          value={instance.subnetId}
          options={subnetOptions(design, vpcId)}
          hint="An instance stays in its VPC: its security groups belong to it."
          onChange={(subnetId) =>
            edit({ subnetId, privateIp: addressIn(design, subnetId, instance.privateIp) }, 'Move instance to subnet')
          }
        />
        <PrivateIpField
          design={design}
          subnet={subnet}
          ownerId={instance.id}
          label="Private IPv4 address"
          value={instance.privateIp}
          onCommit={(privateIp) => edit({ privateIp }, 'Change private IP')}
        />
        <SelectField
          label="Public IPv4 address"
          value={publicChoice}
          options={[
            { value: 'auto', label: `Subnet default (${subnet?.mapPublicIpOnLaunch ? 'yes' : 'no'})` },
            { value: 'yes', label: 'Assign a public IP' },
            { value: 'no', label: 'No public IP' },
          ]}
          onChange={(v) => edit({ associatePublicIp: v === 'auto' ? undefined : v === 'yes' }, 'Change public IP')}
        />
        <ElasticIpPicker design={design} owner={instance} />
        <Checkbox
          label="Source/destination check"
          checked={instance.sourceDestCheck}
          onChange={(sourceDestCheck) => edit({ sourceDestCheck }, 'Toggle source/destination check')}
          hint="Turn off for a NAT instance: it forwards traffic that is not addressed to it."
        />
      </Section>
      <Section title="Security">
        <SecurityGroupPicker
          design={design}
          resource={instance}
          selected={instance.securityGroupIds}
          requireOne
          onChange={(securityGroupIds) => edit({ securityGroupIds }, 'Change security groups')}
        />
      </Section>
    </>
  );
}

export function NetworkInterfaceForm({ design, eni }: { design: Design; eni: NetworkInterface }) {
  const edit = useEdit(eni);
  const subnet = getOfKind(design, eni.subnetId, 'subnet');
  const vpcId = subnet?.vpcId;
  // An interface attaches to an instance in the same availability zone.
  const sameZone = new Set(
    vpcId
      ? subnetsOf(design, vpcId)
          .filter((s) => s.availabilityZone === subnet?.availabilityZone)
          .map((s) => s.id)
      : [],
  );
  const instances = resourcesOfKind(design, 'instance').filter((i) => sameZone.has(i.subnetId));
  const setIp = (i: number, ip: string) =>
    edit({ privateIps: eni.privateIps.map((x, j) => (j === i ? ip : x)) }, 'Change private IP');
  return (
    <>
      <Section title="General">
        <NameField resource={eni} />
      </Section>
      <Section title="Network">
        <SelectField
          label="Subnet"
          value={eni.subnetId}
          options={subnetOptions(design, vpcId)}
          onChange={(subnetId) =>
            edit(
              { subnetId, privateIps: [addressIn(design, subnetId, eni.privateIps[0] ?? '')] },
              'Move interface to subnet',
            )
          }
        />
        {eni.privateIps.map((ip, i) => (
          <div key={`${i}-${ip}`} className="flex items-start gap-1">
            <div className="min-w-0 flex-1">
              <PrivateIpField
                design={design}
                subnet={subnet}
                ownerId={eni.id}
                label={i === 0 ? 'Primary private IPv4 address' : `Secondary private IPv4 address ${i}`}
                value={ip}
                onCommit={(v) => setIp(i, v)}
              />
            </div>
            {i > 0 && (
              <button
                type="button"
                className={`${buttonClass} mt-4`}
                aria-label={`Remove secondary address ${i}`}
                onClick={() => edit({ privateIps: eni.privateIps.filter((_, j) => j !== i) }, 'Remove secondary IP')}
              >
                Remove
              </button>
            )}
          </div>
        ))}
        <ElasticIpPicker design={design} owner={eni} />
        <Checkbox
          label="Source/destination check"
          checked={eni.sourceDestCheck}
          onChange={(sourceDestCheck) => edit({ sourceDestCheck }, 'Toggle source/destination check')}
          hint="Turn off for an appliance that forwards traffic (a NAT instance, a firewall)."
        />
      </Section>
      <Section title="Attachment">
        <SelectField
          label="Attached to instance"
          value={eni.instanceId ?? ''}
          options={[{ value: '', label: '(detached)' }, ...instances.map((i) => ({ value: i.id, label: i.name }))]}
          hint="Instances in the same availability zone."
          onChange={(v) =>
            edit(
              { instanceId: v || undefined, deviceIndex: v ? (eni.deviceIndex ?? 1) : undefined },
              v ? 'Attach interface' : 'Detach interface',
            )
          }
        />
        {eni.instanceId && (
          <ValidatedField
            label="Device index"
            mono
            value={String(eni.deviceIndex ?? 1)}
            check={(t) =>
              /^\d{1,2}$/.test(t.trim()) && Number(t) >= 1
                ? { ok: true, value: Number(t) }
                : { ok: false, error: 'A secondary interface takes device index 1 or higher (0 is the primary).' }
            }
            format={String}
            onCommit={(deviceIndex) => edit({ deviceIndex }, 'Change device index')}
          />
        )}
      </Section>
      <Section title="Security">
        <SecurityGroupPicker
          design={design}
          resource={eni}
          selected={eni.securityGroupIds}
          requireOne
          onChange={(securityGroupIds) => edit({ securityGroupIds }, 'Change security groups')}
        />
      </Section>
    </>
  );
}

/**
 * A NAT gateway: public (with an Elastic IP, in a public subnet) or private. NAT gateways take no security
 * groups. https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
 */
export function NatGatewayForm({ design, nat }: { design: Design; nat: NatGateway }) {
  const edit = useEdit(nat);
  const subnet = getOfKind(design, nat.subnetId, 'subnet');
  const vpcId = vpcOfSubnet(design, nat.subnetId);
  return (
    <>
      <Section title="General">
        <NameField resource={nat} />
        <SelectField
          label="Connectivity type"
          value={nat.connectivityType}
          options={[
            { value: 'public', label: 'Public' },
            { value: 'private', label: 'Private' },
          ]}
          onChange={(v) =>
            edit(
              v === 'private'
                ? { connectivityType: 'private', elasticIpId: undefined }
                : { connectivityType: 'public' },
              'Change NAT connectivity',
            )
          }
          hint={
            nat.connectivityType === 'public'
              ? 'Reaches the internet through the internet gateway, from a public subnet.'
              : 'Reaches other VPCs or on-premises networks only; no Elastic IP.'
          }
        />
      </Section>
      <Section title="Network">
        <SelectField
          label="Subnet"
          value={nat.subnetId}
          options={subnetOptions(design, vpcId)}
          onChange={(subnetId) =>
            edit(
              { subnetId, privateIp: addressIn(design, subnetId, nat.privateIp ?? '') },
              'Move NAT gateway to subnet',
            )
          }
        />
        {nat.connectivityType === 'public' && <ElasticIpPicker design={design} owner={nat} />}
        <PrivateIpField
          design={design}
          subnet={subnet}
          ownerId={nat.id}
          label="Private IPv4 address"
          value={nat.privateIp ?? ''}
          onCommit={(privateIp) => edit({ privateIp }, 'Change private IP')}
        />
        <Note>
          NAT gateways take no security groups: control their traffic with the subnet&apos;s network ACL and the
          security groups of the instances behind them.
        </Note>
        {nat.securityGroupIds && nat.securityGroupIds.length > 0 && (
          <div className="rounded border border-amber-300 bg-amber-50 p-1.5">
            <Note tone="warn">This NAT gateway lists security groups, which AWS does not support.</Note>
            <button
              type="button"
              className={`${buttonClass} mt-1`}
              onClick={() => edit({ securityGroupIds: undefined }, 'Remove NAT security groups')}
            >
              Remove security groups
            </button>
          </div>
        )}
        <Fact label="VPC">{vpcId ? (getOfKind(design, vpcId, 'vpc')?.name ?? vpcId) : '—'}</Fact>
      </Section>
    </>
  );
}
