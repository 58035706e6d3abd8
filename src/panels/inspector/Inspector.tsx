/**
 * The inspector: edits whatever is selected. One resource shows its form; several show a count and Delete;
 * nothing shows the design's own settings. Every edit is a command, so every edit is one undo step.
 */
import { isTidyable } from '../../engine/commands/arrange.ts';
import { deleteSelection } from '../../canvas/actions.ts';
import { kindLabelOf } from '../../engine/model/inspection.ts';
import { KINDS } from '../../engine/model/kinds.ts';
import { getResource } from '../../engine/model/queries.ts';
import type { Design, Resource } from '../../engine/model/types.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { Suspense } from 'react';
import { lazyNamed, Loading, useFirstCanvasFrame } from '../lazy.tsx';
import { dangerButtonClass, Note, Section } from './controls.tsx';
import { DesignForm } from './forms/DesignForm.tsx';
import { TidySection } from './TidySection.tsx';
import { DrillSection } from '../drill/DrillSection.tsx';

// The first screen shows only the design's form; a resource's form loads when a resource is first selected
// (and, after the first canvas frame, in the background: see App).
const compute = () => import('./forms/ComputeForms.tsx');
const connectivity = () => import('./forms/ConnectivityForms.tsx');
const services = () => import('./forms/ServiceForms.tsx');
const InstanceForm = lazyNamed(() => compute().then((m) => m.InstanceForm));
const NatGatewayForm = lazyNamed(() => compute().then((m) => m.NatGatewayForm));
const NetworkInterfaceForm = lazyNamed(() => compute().then((m) => m.NetworkInterfaceForm));
const CustomerGatewayForm = lazyNamed(() => connectivity().then((m) => m.CustomerGatewayForm));
const DirectConnectGatewayForm = lazyNamed(() => connectivity().then((m) => m.DirectConnectGatewayForm));
const ElasticIpForm = lazyNamed(() => connectivity().then((m) => m.ElasticIpForm));
const InternetGatewayForm = lazyNamed(() => connectivity().then((m) => m.InternetGatewayForm));
const PeeringForm = lazyNamed(() => connectivity().then((m) => m.PeeringForm));
const VirtualPrivateGatewayForm = lazyNamed(() => connectivity().then((m) => m.VirtualPrivateGatewayForm));
const VpnConnectionForm = lazyNamed(() => connectivity().then((m) => m.VpnConnectionForm));
const NetworkAclForm = lazyNamed(() => import('./forms/NetworkAclForm.tsx').then((m) => m.NetworkAclForm));
const RouteTableForm = lazyNamed(() => import('./forms/RouteTableForm.tsx').then((m) => m.RouteTableForm));
const SecurityGroupForm = lazyNamed(() => import('./forms/SecurityGroupForm.tsx').then((m) => m.SecurityGroupForm));
const AwsServiceForm = lazyNamed(() => services().then((m) => m.AwsServiceForm));
const InternetForm = lazyNamed(() => services().then((m) => m.InternetForm));
const S3BucketForm = lazyNamed(() => services().then((m) => m.S3BucketForm));
const VpcEndpointForm = lazyNamed(() => services().then((m) => m.VpcEndpointForm));
const SubnetForm = lazyNamed(() => import('./forms/SubnetForm.tsx').then((m) => m.SubnetForm));
const VpcForm = lazyNamed(() => import('./forms/VpcForm.tsx').then((m) => m.VpcForm));

/** Fetches every resource form (so selecting a resource shows its form at once). */
export const preloadInspectorForms: ReadonlyArray<() => Promise<unknown>> = [
  InstanceForm,
  NatGatewayForm,
  NetworkInterfaceForm,
  CustomerGatewayForm,
  DirectConnectGatewayForm,
  ElasticIpForm,
  InternetGatewayForm,
  PeeringForm,
  VirtualPrivateGatewayForm,
  VpnConnectionForm,
  NetworkAclForm,
  RouteTableForm,
  SecurityGroupForm,
  AwsServiceForm,
  InternetForm,
  S3BucketForm,
  VpcEndpointForm,
  SubnetForm,
  VpcForm,
].map((form) => form.preload);

/** The panel at once (its width is the canvas's right edge); its forms from the frame after the canvas's first. */
export function Inspector() {
  return (
    <aside aria-label="Inspector" className={INSPECTOR_PANEL}>
      {useFirstCanvasFrame() && <InspectorContents />}
    </aside>
  );
}

const INSPECTOR_PANEL = 'flex w-80 shrink-0 flex-col overflow-y-auto border-l border-gray-200 bg-white text-sm';

function InspectorContents() {
  const design = useDesignStore((s) => s.design);
  const selection = useDesignStore((s) => s.selection);
  const selected = selection.map((id) => getResource(design, id)).filter((r): r is Resource => r !== undefined);
  // A read-only tab (the design is edited in another tab) shows every field, none of them editable.
  const readOnly = useDesignStore((s) => s.readOnly !== undefined);
  return (
    <>
      <fieldset
        disabled={readOnly}
        aria-label={readOnly ? 'Read-only: the design is edited in another tab' : undefined}
        className="m-0 min-w-0 border-0 p-0"
      >
        {selected.length === 0 ? (
          <>
            <Header title="Design" subtitle="Nothing selected" />
            <DesignForm design={design} />
          </>
        ) : selected.length === 1 ? (
          <ResourceInspector key={selected[0]!.id} design={design} resource={selected[0]!} />
        ) : (
          <MultiSelection resources={selected} />
        )}
      </fieldset>
    </>
  );
}

function Header({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <header className="px-3 pb-2 pt-3">
      <p className="text-xs font-medium uppercase tracking-wide text-gray-500">{subtitle}</p>
      <h2 className="break-words text-base font-semibold text-gray-900">{title}</h2>
    </header>
  );
}

/** "Network ACL" → "network ACL", but "VPC endpoint" and "EC2 instance" keep their capitals. */
function inSentence(label: string): string {
  return /^[A-Z0-9]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** The VPC's main route table, default network ACL and default security group go only with the VPC. */
function undeletableReason(resource: Resource): string | undefined {
  if (resource.kind === 'routeTable' && resource.main)
    return "The VPC's main route table goes only with its VPC: make another table main first.";
  if (resource.kind === 'networkAcl' && resource.isDefault)
    return "The VPC's default network ACL goes only with its VPC.";
  if (resource.kind === 'securityGroup' && resource.isDefault)
    return "The VPC's default security group goes only with its VPC.";
  return undefined;
}

function ResourceInspector({ design, resource }: { design: Design; resource: Resource }) {
  const locked = undeletableReason(resource);
  return (
    <>
      <Header title={resource.name || resource.id} subtitle={kindLabelOf(resource)} />
      <p className="-mt-1.5 px-3 pb-2 font-mono text-xs text-gray-500">{resource.id}</p>
      <Suspense fallback={<Loading what="form" />}>
        <FormFor design={design} resource={resource} />
      </Suspense>
      {isTidyable(resource) && <TidySection container={resource} />}
      <DrillSection design={design} resource={resource} />
      <Section title="Danger zone">
        <button type="button" className={dangerButtonClass} disabled={locked !== undefined} onClick={deleteSelection}>
          Delete {inSentence(KINDS[resource.kind].label)}
        </button>
        {locked && <Note>{locked}</Note>}
      </Section>
    </>
  );
}

function FormFor({ design, resource: r }: { design: Design; resource: Resource }) {
  switch (r.kind) {
    case 'vpc':
      return <VpcForm design={design} vpc={r} />;
    case 'subnet':
      return <SubnetForm design={design} subnet={r} />;
    case 'routeTable':
      return <RouteTableForm design={design} table={r} />;
    case 'internetGateway':
      return <InternetGatewayForm design={design} igw={r} />;
    case 'natGateway':
      return <NatGatewayForm design={design} nat={r} />;
    case 'instance':
      return <InstanceForm design={design} instance={r} />;
    case 'networkInterface':
      return <NetworkInterfaceForm design={design} eni={r} />;
    case 'elasticIp':
      return <ElasticIpForm design={design} eip={r} />;
    case 'securityGroup':
      return <SecurityGroupForm design={design} group={r} />;
    case 'networkAcl':
      return <NetworkAclForm design={design} acl={r} />;
    case 'peeringConnection':
      return <PeeringForm design={design} pcx={r} />;
    case 'vpcEndpoint':
      return <VpcEndpointForm design={design} endpoint={r} />;
    case 's3Bucket':
      return <S3BucketForm design={design} bucket={r} />;
    case 'virtualPrivateGateway':
      return <VirtualPrivateGatewayForm design={design} vgw={r} />;
    case 'customerGateway':
      return <CustomerGatewayForm cgw={r} />;
    case 'vpnConnection':
      return <VpnConnectionForm design={design} vpn={r} />;
    case 'directConnectGateway':
      return <DirectConnectGatewayForm design={design} dxgw={r} />;
    case 'awsService':
      return <AwsServiceForm service={r} />;
    case 'internet':
      return <InternetForm internet={r} />;
    default:
      return null;
  }
}

function MultiSelection({ resources }: { resources: Resource[] }) {
  return (
    <>
      <Header title={`${resources.length} resources selected`} subtitle="Selection" />
      <Section title="Selected">
        <ul className="space-y-0.5 text-xs text-gray-700">
          {resources.map((r) => (
            <li key={r.id} className="flex justify-between gap-2">
              <span className="truncate">{r.name}</span>
              <span className="shrink-0 text-gray-500">{KINDS[r.kind].label}</span>
            </li>
          ))}
        </ul>
        <button type="button" className={dangerButtonClass} onClick={deleteSelection}>
          Delete {resources.length} resources
        </button>
      </Section>
    </>
  );
}
