/**
 * Resources drawn as an icon and a label: leaves inside subnets and regions, chips on a VPC's border (gateways,
 * gateway endpoints) and the small route-table / security-group / NACL chips.
 */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Resource } from '../../engine/index.ts';
import { kindLabel, type ResourceNode } from '../adapter.ts';
import { IconTile, ResourceIcon } from '../icons/ResourceIcon.tsx';
import { useNodeDetail } from './detail.ts';
import { tooltip } from './ContainerNodes.tsx';
import { HANDLE_HINTS, Handles } from './Handles.tsx';
import { sameNodeProps } from './memo.ts';
import { FailedBadge, notesOf } from './FailedBadge.tsx';

/** Kinds that take part in `connect`: they get connection handles. */
function isConnectable(r: Resource): boolean {
  return (
    r.kind === 'internetGateway' ||
    r.kind === 'virtualPrivateGateway' ||
    r.kind === 'customerGateway' ||
    r.kind === 'directConnectGateway' ||
    r.kind === 'routeTable' ||
    (r.kind === 'vpcEndpoint' && r.endpointType === 'Gateway')
  );
}

function hintOf(r: Resource): string | undefined {
  switch (r.kind) {
    case 'internetGateway':
      return HANDLE_HINTS.gateway;
    case 'virtualPrivateGateway':
    case 'customerGateway':
    case 'directConnectGateway':
    case 'routeTable':
      return HANDLE_HINTS[r.kind];
    case 'vpcEndpoint':
      return HANDLE_HINTS.gatewayEndpoint;
    default:
      return undefined;
  }
}

function title(r: Resource, detail: string, findings: string | undefined): string {
  const extra = r.kind === 'instance' ? `\n${r.instanceType}${r.publicIp ? ` · public ${r.publicIp}` : ''}` : '';
  return tooltip(`${kindLabel(r)} ${r.name}${detail ? `\n${detail}` : ''}${extra}`, findings);
}

export const LeafNodeView = memo(function LeafNodeView({ data }: NodeProps<ResourceNode>) {
  const r = data.resource;
  const detailed = useNodeDetail();
  return (
    <div className="diagram-leaf node-body" title={title(r, data.detail, notesOf(data))}>
      {detailed ? (
        <>
          <ResourceIcon kind={data.icon} size={32} />
          <div className="w-full truncate text-center text-xs font-semibold text-gray-900">{r.name}</div>
          {data.detail && (
            <div className="w-full truncate text-center text-[11px] leading-tight text-gray-600">{data.detail}</div>
          )}
        </>
      ) : (
        <IconTile kind={data.icon} size={32} />
      )}
      {isConnectable(r) && <Handles hint={hintOf(r)} />}
      <FailedBadge reason={data.failed} />
    </div>
  );
}, sameNodeProps);

export const BorderNodeView = memo(function BorderNodeView({ data }: NodeProps<ResourceNode>) {
  const r = data.resource;
  const detailed = useNodeDetail();
  return (
    <div className="diagram-chip node-body" title={title(r, data.detail, notesOf(data))}>
      {detailed ? (
        <>
          <ResourceIcon kind={data.icon} size={24} />
          <div className="min-w-0 leading-tight">
            <div className="truncate text-xs font-semibold text-gray-900">{r.name}</div>
            <div className="truncate text-[11px] text-gray-600">{kindLabel(r)}</div>
          </div>
        </>
      ) : (
        <IconTile kind={data.icon} size={24} />
      )}
      {isConnectable(r) && <Handles hint={hintOf(r)} />}
      <FailedBadge reason={data.failed} />
    </div>
  );
}, sameNodeProps);

export const SupportNodeView = memo(function SupportNodeView({ data }: NodeProps<ResourceNode>) {
  const r = data.resource;
  const detailed = useNodeDetail();
  return (
    <div className="diagram-support node-body" title={title(r, data.detail, notesOf(data))}>
      {detailed ? (
        <>
          <ResourceIcon kind={data.icon} size={20} />
          <div className="min-w-0 leading-tight">
            <div className="truncate text-[11px] font-semibold text-gray-900">{r.name}</div>
            <div className="truncate text-[10px] text-gray-600">{data.detail}</div>
          </div>
        </>
      ) : (
        <IconTile kind={data.icon} size={20} />
      )}
      {isConnectable(r) && <Handles hint={hintOf(r)} />}
      <FailedBadge reason={data.failed} />
    </div>
  );
}, sameNodeProps);
