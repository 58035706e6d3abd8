/**
 * Where the "Create peering connection" dialog is asked for: the palette's "Peering connection" item, a VPC's
 * "Peer with…" and a peering dropped on the canvas open it, with what they already know (the requester, the
 * accepter). The dialog loads on first use (`lazyDialog`); `<PeeringDialogHost />` (in App) draws it.
 */
import type { ResourceId } from '../../engine/index.ts';
import { lazyDialog } from '../lazyDialog.tsx';

export interface PeeringDialogRequest {
  requesterVpcId?: ResourceId;
  accepterVpcId?: ResourceId;
}

const peeringDialog = lazyDialog<{ request: PeeringDialogRequest }>(
  () => import('./PeeringDialog.tsx').then((m) => m.PeeringDialog),
  'the peering dialog',
);

/** Opens a fresh dialog (a new form each time), starting from `preset`. */
export function openPeeringDialog(preset: PeeringDialogRequest = {}): void {
  peeringDialog.openWith({ request: { ...preset } });
}

export const closePeeringDialog = peeringDialog.close;
export const PeeringDialogHost = peeringDialog.Host;
