/**
 * Gateways and connections: internet gateway, virtual private gateway, customer gateway, VPN connection,
 * Direct Connect gateway, peering connection and Elastic IP.
 */
import { connect } from '../../../engine/commands/edit.ts';
import { checkAmazonSideAsn, checkCustomerAsn, checkIpv4 } from '../../../engine/model/fields.ts';
import { getOfKind, resourcesOfKind } from '../../../engine/model/queries.ts';
import type {
  CustomerGateway,
  Design,
  DirectConnectGateway,
  ElasticIp,
  InternetGateway,
  PeeringConnection,
  PeeringStatus,
  VirtualPrivateGateway,
  VpnConnection,
} from '../../../engine/model/types.ts';
import { CidrListEditor } from '../CidrField.tsx';
import {
  buttonClass,
  Checkbox,
  CheckboxGroup,
  Fact,
  Note,
  Section,
  SelectField,
  ValidatedField,
} from '../controls.tsx';
import { execute, useEdit } from '../useEdit.ts';
import { elasticIpHolders, NameField, vpcOptions } from './common.tsx';

/** Attach (through `connect`, which refuses a VPC that already has one) or detach an IGW or VGW. */
function AttachmentSelect({ design, gateway }: { design: Design; gateway: InternetGateway | VirtualPrivateGateway }) {
  const edit = useEdit(gateway);
  return (
    <div className="flex items-end gap-1">
      <div className="min-w-0 flex-1">
        <SelectField
          label="Attached VPC"
          value={gateway.vpcId ?? ''}
          options={[{ value: '', label: '(detached)' }, ...vpcOptions(design)]}
          onChange={(v) =>
            v
              ? execute({ ...connect(gateway.id, v), label: 'Attach gateway' })
              : edit({ vpcId: undefined }, 'Detach gateway')
          }
        />
      </div>
      {gateway.vpcId && (
        <button type="button" className={buttonClass} onClick={() => edit({ vpcId: undefined }, 'Detach gateway')}>
          Detach
        </button>
      )}
    </div>
  );
}

export function InternetGatewayForm({ design, igw }: { design: Design; igw: InternetGateway }) {
  return (
    <Section title="General">
      <NameField resource={igw} />
      <AttachmentSelect design={design} gateway={igw} />
      <Note>A VPC has at most one internet gateway. Subnets whose route table sends 0.0.0.0/0 here are public.</Note>
    </Section>
  );
}

export function VirtualPrivateGatewayForm({ design, vgw }: { design: Design; vgw: VirtualPrivateGateway }) {
  const edit = useEdit(vgw);
  return (
    <Section title="General">
      <NameField resource={vgw} />
      <AttachmentSelect design={design} gateway={vgw} />
      <ValidatedField
        label="Amazon side ASN"
        mono
        value={String(vgw.amazonSideAsn)}
        check={checkAmazonSideAsn}
        format={String}
        onCommit={(amazonSideAsn) => edit({ amazonSideAsn }, 'Change ASN')}
      />
    </Section>
  );
}

export function CustomerGatewayForm({ cgw }: { cgw: CustomerGateway }) {
  const edit = useEdit(cgw);
  return (
    <Section title="General">
      <NameField resource={cgw} />
      <ValidatedField
        label="IP address"
        mono
        value={cgw.ipAddress}
        check={checkIpv4}
        onCommit={(ipAddress) => edit({ ipAddress }, 'Change customer gateway IP')}
        hint="The static, internet-routable address of your on-premises device."
      />
      <ValidatedField
        label="BGP ASN"
        mono
        value={String(cgw.bgpAsn)}
        check={checkCustomerAsn}
        format={String}
        onCommit={(bgpAsn) => edit({ bgpAsn }, 'Change ASN')}
      />
    </Section>
  );
}

export function VpnConnectionForm({ design, vpn }: { design: Design; vpn: VpnConnection }) {
  const edit = useEdit(vpn);
  const vgws = resourcesOfKind(design, 'virtualPrivateGateway').map((g) => ({ value: g.id, label: g.name }));
  const cgws = resourcesOfKind(design, 'customerGateway').map((g) => ({
    value: g.id,
    label: `${g.name} (${g.ipAddress})`,
  }));
  return (
    <>
      <Section title="General">
        <NameField resource={vpn} />
        <SelectField
          label="Virtual private gateway"
          value={vpn.vpnGatewayId}
          options={vgws}
          onChange={(vpnGatewayId) => edit({ vpnGatewayId }, 'Change VPN gateway')}
        />
        <SelectField
          label="Customer gateway"
          value={vpn.customerGatewayId}
          options={cgws}
          onChange={(customerGatewayId) => edit({ customerGatewayId }, 'Change customer gateway')}
        />
        <Checkbox
          label="Static routes only"
          checked={vpn.staticRoutesOnly}
          onChange={(staticRoutesOnly) => edit({ staticRoutesOnly }, 'Toggle static routing')}
          hint={
            vpn.staticRoutesOnly
              ? 'The on-premises CIDRs below are the static routes.'
              : 'BGP: the CIDRs below stand for what your device advertises.'
          }
        />
      </Section>
      <Section title="On-premises networks">
        <CidrListEditor
          label={vpn.staticRoutesOnly ? 'Static route' : 'Advertised CIDR'}
          cidrs={vpn.onPremisesCidrs}
          onChange={(onPremisesCidrs) => edit({ onPremisesCidrs }, 'Change on-premises CIDRs')}
        />
      </Section>
    </>
  );
}

export function DirectConnectGatewayForm({ design, dxgw }: { design: Design; dxgw: DirectConnectGateway }) {
  const edit = useEdit(dxgw);
  const vgws = resourcesOfKind(design, 'virtualPrivateGateway');
  return (
    <>
      <Section title="General">
        <NameField resource={dxgw} />
        <ValidatedField
          label="Amazon side ASN"
          mono
          value={String(dxgw.amazonSideAsn)}
          check={checkAmazonSideAsn}
          format={String}
          onCommit={(amazonSideAsn) => edit({ amazonSideAsn }, 'Change ASN')}
        />
        <CheckboxGroup
          legend="Associated virtual private gateways"
          options={vgws.map((g) => ({
            id: g.id,
            label: g.name,
            checked: dxgw.virtualPrivateGatewayIds.includes(g.id),
          }))}
          empty="No virtual private gateways in the design."
          onToggle={(id, checked) =>
            edit(
              {
                virtualPrivateGatewayIds: checked
                  ? [...dxgw.virtualPrivateGatewayIds, id]
                  : dxgw.virtualPrivateGatewayIds.filter((x) => x !== id),
              },
              checked ? 'Associate gateway' : 'Disassociate gateway',
            )
          }
        />
      </Section>
      <Section title="On-premises networks">
        <CidrListEditor
          label="Advertised CIDR"
          cidrs={dxgw.onPremisesCidrs}
          onChange={(onPremisesCidrs) => edit({ onPremisesCidrs }, 'Change on-premises CIDRs')}
        />
      </Section>
    </>
  );
}

const STATUS_TEXT: Record<PeeringStatus, string> = {
  'pending-acceptance': 'Pending acceptance',
  active: 'Active',
  rejected: 'Rejected',
  expired: 'Expired',
  failed: 'Failed',
  deleted: 'Deleted',
};

/**
 * A peering connection: requested by one VPC, accepted (or rejected) by the other; traffic flows only once it is
 * active. https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html
 */
export function PeeringForm({ design, pcx }: { design: Design; pcx: PeeringConnection }) {
  const edit = useEdit(pcx);
  const requester = getOfKind(design, pcx.requesterVpcId, 'vpc');
  const accepter = getOfKind(design, pcx.accepterVpcId, 'vpc');
  const crossRegion = requester && accepter && requester.region !== accepter.region;
  const crossAccount = requester && accepter && requester.accountId !== accepter.accountId;
  const others = (exclude: string) => vpcOptions(design).filter((o) => o.value !== exclude);
  return (
    <>
      <Section title="General">
        <NameField resource={pcx} />
        <SelectField
          label="Requester VPC"
          value={pcx.requesterVpcId}
          options={others(pcx.accepterVpcId)}
          onChange={(requesterVpcId) => edit({ requesterVpcId }, 'Change requester VPC')}
        />
        <SelectField
          label="Accepter VPC"
          value={pcx.accepterVpcId}
          options={others(pcx.requesterVpcId)}
          onChange={(accepterVpcId) => edit({ accepterVpcId }, 'Change accepter VPC')}
        />
        {(crossRegion || crossAccount) && (
          <Note>
            {[crossRegion && 'Cross-region', crossAccount && 'cross-account'].filter(Boolean).join(', ')} peering.
          </Note>
        )}
      </Section>
      <Section title="Status">
        <Fact label="Status">{STATUS_TEXT[pcx.status]}</Fact>
        {pcx.status === 'pending-acceptance' && (
          <>
            <Note>
              The accepter&apos;s owner must accept the request before traffic flows; an unaccepted request expires
              after 7 days.
            </Note>
            <div className="flex gap-1">
              <button
                type="button"
                className={buttonClass}
                onClick={() => edit({ status: 'active' }, 'Accept peering')}
              >
                Accept
              </button>
              <button
                type="button"
                className={buttonClass}
                onClick={() => edit({ status: 'rejected' }, 'Reject peering')}
              >
                Reject
              </button>
            </div>
          </>
        )}
        {pcx.status !== 'pending-acceptance' && pcx.status !== 'active' && (
          <button
            type="button"
            className={buttonClass}
            onClick={() =>
              edit({ status: 'pending-acceptance', requestedAt: new Date().toISOString() }, 'Request peering again')
            }
          >
            Request again
          </button>
        )}
      </Section>
    </>
  );
}

export function ElasticIpForm({ design, eip }: { design: Design; eip: ElasticIp }) {
  const edit = useEdit(eip);
  const holder = elasticIpHolders(design).get(eip.id);
  return (
    <Section title="General">
      <NameField resource={eip} />
      <ValidatedField
        label="Public IPv4 address"
        mono
        value={eip.publicIp}
        check={checkIpv4}
        onCommit={(publicIp) => edit({ publicIp }, 'Change Elastic IP address')}
      />
      <Fact label="Associated with">{holder?.name ?? 'nothing (unassociated)'}</Fact>
    </Section>
  );
}
