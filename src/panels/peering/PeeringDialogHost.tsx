/** Shows the peering dialog while one is asked for (see `openPeeringDialog`); the dialog loads on first use. */
import { Suspense } from 'react';
import { lazyNamed, Loading } from '../lazy.tsx';
import { usePeeringDialog } from './peeringDialogStore.ts';

const PeeringDialog = lazyNamed(() => import('./PeeringDialog.tsx').then((m) => m.PeeringDialog));

export function PeeringDialogHost() {
  const open = usePeeringDialog((s) => s.open);
  if (!open) return null;
  return (
    <Suspense fallback={<Loading what="the peering dialog" />}>
      <PeeringDialog key={open.seq} request={open} />
    </Suspense>
  );
}
