/**
 * The containers, drawn as AWS architecture diagrams draw groups: a coloured border with the group's icon in the
 * top-left corner and its label beside it. Region boxes and AZ bands are derived from what they hold.
 */
import { type NodeProps, useStore } from '@xyflow/react';
import { memo } from 'react';
import { GROUP_BOXES } from '../../engine/model/kinds.ts';
import type { AzNode, RegionNode, SubnetNode, VpcNode } from '../adapter.ts';
import { IconTile, ResourceIcon } from '../icons/ResourceIcon.tsx';
import { useNodeDetail } from './detail.ts';
import { FoldedLeavesOf } from './FoldedLeaves.tsx';
import { HANDLE_HINTS, Handles } from './Handles.tsx';
import { sameNodeProps } from './memo.ts';
import { FailedBadge, notesOf } from './FailedBadge.tsx';

/** A subnet's box: AWS's public (green) or private (blue) subnet group colours. */
function subnetColors(isPublic: boolean): { border: string; fill: string } {
  const box = isPublic ? GROUP_BOXES.publicSubnet : GROUP_BOXES.privateSubnet;
  return { border: box.stroke, fill: box.fill };
}

export const RegionNodeView = memo(function RegionNodeView({ data }: NodeProps<RegionNode>) {
  const detailed = useNodeDetail();
  return (
    <div className="diagram-region node-body">
      {detailed ? (
        <div className="flex items-center gap-2">
          <ResourceIcon kind="region" size={28} />
          <span className="text-[13px] font-semibold text-region">Region {data.region}</span>
        </div>
      ) : (
        <IconTile kind="region" size={28} />
      )}
      {data.empty && (
        <p className="mt-24 text-center text-sm text-gray-500">
          Drag a VPC here from the palette, or press Enter on VPC.
        </p>
      )}
    </div>
  );
}, sameNodeProps);

/**
 * A VPC's name when zoomed out past the labels' level of detail: drawn at a steady 12 px on screen (its size in
 * the diagram grows as the zoom shrinks), so a large design fitted to the screen still says which VPC is which.
 * Only VPCs carry one — there are few of them, and their boxes are wide enough to hold it.
 */
function FarLabel({ text }: { text: string }) {
  // Rounded so the label re-renders in steps while zooming, not on every wheel tick.
  const scale = useStore((s) => Math.round(4 / s.transform[2]) / 4);
  return (
    <div className="min-w-0 truncate font-semibold text-gray-900" style={{ fontSize: 12 * scale, lineHeight: 1.15 }}>
      {text}
    </div>
  );
}

export const VpcNodeView = memo(function VpcNodeView({ data }: NodeProps<VpcNode>) {
  const vpc = data.resource;
  const cidrs = vpc.cidrBlocks.join(', ');
  const detailed = useNodeDetail();
  return (
    <div className="diagram-vpc node-body" title={tooltip(`VPC ${vpc.name}\n${cidrs}`, notesOf(data))}>
      {detailed ? (
        <div className="flex items-start gap-2">
          <ResourceIcon kind="vpc" size={32} />
          <div className="min-w-0 pt-0.5 leading-tight">
            <div className="truncate text-[13px] font-semibold text-gray-900">{vpc.name}</div>
            <div className="truncate text-xs text-gray-600">{cidrs}</div>
          </div>
        </div>
      ) : (
        <div className="flex items-start gap-2">
          <IconTile kind="vpc" size={32} />
          <FarLabel text={vpc.name} />
        </div>
      )}
      <Handles hint={HANDLE_HINTS.vpc} />
      <FailedBadge reason={data.failed} inside />
    </div>
  );
}, sameNodeProps);

export const AzNodeView = memo(function AzNodeView({ data }: NodeProps<AzNode>) {
  const detailed = useNodeDetail();
  return (
    <div className="diagram-az node-body" title={data.failed}>
      {detailed && (
        <div className="truncate pt-1.5 text-center text-xs font-semibold text-az">Availability Zone {data.zone}</div>
      )}
      <FailedBadge reason={data.failed} inside />
    </div>
  );
}, sameNodeProps);

export const SubnetNodeView = memo(function SubnetNodeView({ id, data }: NodeProps<SubnetNode>) {
  const subnet = data.resource;
  const colors = subnetColors(data.isPublic);
  const kind = data.isPublic ? 'Public subnet' : 'Private subnet';
  const usable = data.usable === undefined ? '' : ` · ${data.usable} usable`;
  const detailed = useNodeDetail();
  return (
    <>
      <div
        className="diagram-subnet node-body"
        style={{ borderColor: colors.border, background: colors.fill }}
        title={tooltip(
          `${kind} ${subnet.name}\n${subnet.cidrBlock}${usable}\n${subnet.availabilityZone}`,
          notesOf(data),
        )}
      >
        {detailed ? <SubnetHeader data={data} /> : <IconTile kind="subnet" size={24} color={colors.border} />}
        <FailedBadge reason={data.failed} inside />
      </div>
      {/* Zoomed out, the subnet draws its leaves itself (largeDesign.ts): beside the body, placed as their nodes. */}
      {!detailed && <FoldedLeavesOf subnetId={id} />}
    </>
  );
}, sameNodeProps);

function SubnetHeader({ data }: { data: SubnetNode['data'] }) {
  const subnet = data.resource;
  const colors = subnetColors(data.isPublic);
  const usable = data.usable === undefined ? '' : ` · ${data.usable} usable`;
  return (
    <div className="flex items-start gap-2">
      <ResourceIcon kind="subnet" size={24} color={colors.border} />
      <div className="min-w-0 flex-1 pr-2 leading-tight">
        <div className="flex items-baseline gap-2">
          <span className="truncate text-[13px] font-semibold text-gray-900">{subnet.name}</span>
          <span className="ml-auto shrink-0 text-[11px] font-medium" style={{ color: colors.border }}>
            {data.isPublic ? 'Public' : 'Private'}
          </span>
        </div>
        <div className="truncate text-xs text-gray-600">
          {subnet.cidrBlock}
          {usable}
        </div>
      </div>
    </div>
  );
}

export function tooltip(text: string, findings: string | undefined): string {
  return findings ? `${text}\n\n${findings}` : text;
}
