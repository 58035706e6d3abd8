/**
 * Where the "VPC and more" dialog lives: `openVpcAndMore()` (the palette's entry, the empty canvas's call to action)
 * opens it; `<VpcAndMoreHost />` (in App) loads it on first use, so a first visit never downloads it.
 */
import { Suspense } from 'react';
import { create } from 'zustand';
import { lazyNamed, Loading } from '../lazy.tsx';

const VpcAndMoreDialog = lazyNamed(() => import('./VpcAndMoreDialog.tsx').then((m) => m.VpcAndMoreDialog));

const useVpcAndMore = create<{ open: boolean }>()(() => ({ open: false }));

export function openVpcAndMore(): void {
  useVpcAndMore.setState({ open: true });
}

function close(): void {
  useVpcAndMore.setState({ open: false });
}

/** Starts loading the dialog (on hover or focus of an opener) so it opens at once. */
export function preloadVpcAndMore(): void {
  void VpcAndMoreDialog.preload();
}

export function VpcAndMoreHost() {
  const open = useVpcAndMore((s) => s.open);
  if (!open) return null;
  return (
    <Suspense
      fallback={
        <div className="dialog-backdrop fixed inset-0 z-50 flex items-center justify-center">
          <div className="rounded bg-white shadow">
            <Loading what="VPC and more" />
          </div>
        </div>
      }
    >
      <VpcAndMoreDialog onClose={close} />
    </Suspense>
  );
}
