/**
 * Where the "Create peering connection" dialog is asked for: the palette's "Peering connection" item and a VPC's
 * "Peer with…" open it, with what they already know (the requester, the accepter). Mount `<PeeringDialogHost />`
 * once (in App).
 */
import { create } from 'zustand';
import type { ResourceId } from '../../engine/index.ts';

export interface PeeringDialogRequest {
  requesterVpcId?: ResourceId;
  accepterVpcId?: ResourceId;
  /** Increments on every open, so a new open starts a fresh form. */
  seq: number;
}

export const usePeeringDialog = create<{ open?: PeeringDialogRequest }>()(() => ({ open: undefined }));

export function openPeeringDialog(preset: { requesterVpcId?: ResourceId; accepterVpcId?: ResourceId } = {}): void {
  usePeeringDialog.setState((s) => ({ open: { ...preset, seq: (s.open?.seq ?? 0) + 1 } }));
}

export function closePeeringDialog(): void {
  usePeeringDialog.setState({ open: undefined });
}
