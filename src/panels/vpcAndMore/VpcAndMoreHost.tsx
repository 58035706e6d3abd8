/**
 * Where the "VPC and more" dialog lives: `openVpcAndMore()` (the palette's entry, the empty canvas's call to action)
 * opens it; `<VpcAndMoreHost />` (in App) loads it on first use, so a first visit never downloads it (`lazyDialog`).
 */
import { lazyDialog } from '../lazyDialog.tsx';

const vpcAndMore = lazyDialog(() => import('./VpcAndMoreDialog.tsx').then((m) => m.VpcAndMoreDialog), 'VPC and more');

export const openVpcAndMore = vpcAndMore.open;
/** Starts loading the dialog (on hover or focus of an opener) so it opens at once. */
export const preloadVpcAndMore = vpcAndMore.preload;
export const VpcAndMoreHost = vpcAndMore.Host;
