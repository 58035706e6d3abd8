/**
 * The palette's "Peering connection" dragged onto a VPC: that VPC is the requester, and the peering dialog opens to
 * choose the accepter. Dropped anywhere else, it says where it belongs.
 */
import { openPeeringDialog } from '../panels/peering/peeringDialogStore.ts';
import { useDesignStore } from '../store/designStore.ts';
import type { DiagramFlow } from './adapter.ts';
import { containersAt } from './dropTarget.ts';

export const PEERING_MIME = 'application/x-vpc-designer-peering';

export function startPeeringDrag(dataTransfer: DataTransfer): void {
  dataTransfer.setData(PEERING_MIME, 'peering');
  dataTransfer.setData('text/plain', 'Peering connection');
  dataTransfer.effectAllowed = 'copy';
}

export function isPeeringDrag(dataTransfer: DataTransfer): boolean {
  return dataTransfer.types.includes(PEERING_MIME);
}

/** The VPC under a point of the canvas (flow coordinates), if any. */
export function vpcAt(flow: DiagramFlow, point: { x: number; y: number }): string | undefined {
  return [...containersAt(flow, point)].reverse().find((c) => c.type === 'vpc')?.id;
}

export function dropPeering(flow: DiagramFlow, point: { x: number; y: number }): void {
  const vpcId = vpcAt(flow, point);
  if (!vpcId)
    return useDesignStore
      .getState()
      .notify('Drop the peering connection onto the VPC that requests it, then choose the VPC to peer with.', 'error');
  openPeeringDialog({ requesterVpcId: vpcId });
}
