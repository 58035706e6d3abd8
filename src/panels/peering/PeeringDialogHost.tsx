/** Shows the peering dialog while one is asked for (see `openPeeringDialog`); the dialog loads on first use. */
export { PeeringDialogHost } from './peeringDialogStore.ts';
