/**
 * A subnet: its CIDR (checked as you type, with next-free suggestions), zone, public-IP default and the route
 * table and network ACL it uses (explicit, or the VPC's main / default one).
 */
import type { ReactNode } from 'react';
import { nextFreeCidrs } from '../../../engine/cidr/cidr.ts';
import { checkSubnetCidr } from '../../../engine/model/fields.ts';
import { defaultNetworkAclLabel, mainRouteTableLabel } from '../../../engine/model/inspection.ts';
import {
  getOfKind,
  indexDesign,
  isPublicSubnet,
  networkAclOfSubnet,
  routeTableOfSubnet,
  subnetsOf,
} from '../../../engine/model/queries.ts';
import type { Design, Resource, Subnet } from '../../../engine/model/types.ts';
import { CidrField } from '../CidrField.tsx';
import { buttonClass, Checkbox, Fact, OpenButton, Section, SelectField } from '../controls.tsx';
import { useEdit } from '../useEdit.ts';
import { NameField } from './common.tsx';
import { SubnetInternetAccess } from './SubnetInternetAccess.tsx';

const SUGGESTED_PREFIXES = [24, 26, 20];

/** A couple of free blocks per size, none overlapping the VPC's subnets. */
function suggestions(design: Design, subnet: Subnet): string[] {
  const vpc = getOfKind(design, subnet.vpcId, 'vpc');
  if (!vpc) return [];
  const taken = subnetsOf(design, vpc.id).map((s) => s.cidrBlock);
  return SUGGESTED_PREFIXES.flatMap((p) => nextFreeCidrs(vpc.cidrBlocks, taken, p, p === 24 ? 2 : 1));
}

/** A select with an Open button for what it points at. */
function WithOpen({ target, children }: { target: Resource | undefined; children: ReactNode }) {
  return (
    <div className="flex items-end gap-1">
      <div className="min-w-0 flex-1">{children}</div>
      {target && (
        <div className="pb-0.5">
          <OpenButton id={target.id} name={target.name} />
        </div>
      )}
    </div>
  );
}

export function SubnetForm({ design, subnet }: { design: Design; subnet: Subnet }) {
  const edit = useEdit(subnet);
  const vpc = getOfKind(design, subnet.vpcId, 'vpc');
  const index = indexDesign(design);
  const tables = index.routeTables.get(subnet.vpcId) ?? [];
  const acls = index.networkAcls.get(subnet.vpcId) ?? [];
  const free = suggestions(design, subnet);
  const zones = vpc?.availabilityZones ?? [subnet.availabilityZone];
  return (
    <>
      <Section title="General">
        <NameField resource={subnet} />
        <Fact label="VPC">{vpc ? `${vpc.name} (${vpc.cidrBlocks.join(', ')})` : subnet.vpcId}</Fact>
        <Fact label="Type">
          {isPublicSubnet(design, subnet) ? 'Public (routes to an internet gateway)' : 'Private'}
        </Fact>
      </Section>

      <Section title="Addresses">
        <CidrField
          label="IPv4 CIDR block"
          value={subnet.cidrBlock}
          subnet
          check={(text) => checkSubnetCidr(design, subnet, text)}
          onCommit={(cidrBlock) => edit({ cidrBlock }, 'Change subnet CIDR')}
        />
        {free.length > 0 && (
          <div role="group" aria-label="Next free CIDR blocks">
            <p className="text-xs text-gray-500">Next free:</p>
            <div className="mt-0.5 flex flex-wrap gap-1">
              {free.map((c) => (
                <button
                  key={c}
                  type="button"
                  className={`${buttonClass} font-mono`}
                  aria-label={`Use ${c}`}
                  onClick={() => edit({ cidrBlock: c }, 'Change subnet CIDR')}
                >
                  {c}
                </button>
              ))}
            </div>
          </div>
        )}
        <Checkbox
          label="Auto-assign public IPv4 address"
          checked={subnet.mapPublicIpOnLaunch}
          onChange={(mapPublicIpOnLaunch) => edit({ mapPublicIpOnLaunch }, 'Toggle auto-assign public IP')}
          hint="Instances launched here get a public address unless they say otherwise."
        />
      </Section>

      <Section title="Placement and routing">
        <SelectField
          label="Availability zone"
          value={subnet.availabilityZone}
          options={zones.map((z) => ({ value: z, label: z }))}
          onChange={(availabilityZone) => edit({ availabilityZone }, 'Change availability zone')}
        />
        <WithOpen target={routeTableOfSubnet(design, subnet)}>
          <SelectField
            label="Route table"
            value={subnet.routeTableId ?? ''}
            options={[
              { value: '', label: mainRouteTableLabel(design, subnet.vpcId) },
              ...tables
                .filter((t) => !t.main || t.id === subnet.routeTableId)
                .map((t) => ({ value: t.id, label: t.main ? `${t.name} (main, explicit)` : t.name })),
            ]}
            onChange={(v) => edit({ routeTableId: v || undefined }, 'Associate route table')}
          />
        </WithOpen>
        <WithOpen target={networkAclOfSubnet(design, subnet)}>
          <SelectField
            label="Network ACL"
            value={subnet.networkAclId ?? ''}
            options={[
              { value: '', label: defaultNetworkAclLabel(design, subnet.vpcId) },
              ...acls
                .filter((a) => !a.isDefault || a.id === subnet.networkAclId)
                .map((a) => ({ value: a.id, label: a.isDefault ? `${a.name} (default, explicit)` : a.name })),
            ]}
            onChange={(v) => edit({ networkAclId: v || undefined }, 'Associate network ACL')}
          />
        </WithOpen>
      </Section>

      <SubnetInternetAccess design={design} subnet={subnet} />
    </>
  );
}
