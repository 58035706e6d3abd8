/**
 * Where the Export dialog lives: the toolbar's Export calls `openExport()`; `<ExportHost />` (in App) loads the
 * dialog — and with it the SVG renderer — on first use, so a first visit downloads neither (`lazyDialog`).
 */
import { lazyDialog } from '../lazyDialog.tsx';

const exportDialog = lazyDialog(() => import('./ExportDialog.tsx').then((m) => m.ExportDialog), 'Export');

export const openExport = exportDialog.open;
/** Starts loading the dialog (on hover or focus of the Export button) so it opens at once. */
export const preloadExport = exportDialog.preload;
export const ExportHost = exportDialog.Host;
