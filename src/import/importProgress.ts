/**
 * The import in progress, for the progress panel (src/panels/import/ImportProgress.tsx): what is happening, how far
 * along, and how to cancel it. `importWithProgress` runs an import in the worker with this state kept up to date;
 * `finishImportProgress` closes the panel once the imported design has been drawn.
 */
import { create } from 'zustand';
import type { ImportProgress } from './protocol.ts';
import { importInWorker, type WorkerImportResult } from './importInWorker.ts';

export interface ImportInProgress {
  name: string;
  progress: ImportProgress;
  /** Stops the import; undefined once the design has come back (it is being drawn). */
  cancel?: () => void;
}

export const useImportProgress = create<{ active?: ImportInProgress }>()(() => ({ active: undefined }));

/** Runs one import in the worker (parsing, reading and checking it with the rules there), with progress and Cancel. */
export async function importWithProgress(text: string, name: string): Promise<WorkerImportResult> {
  // A new import takes over from one still running (its worker is stopped).
  useImportProgress.getState().active?.cancel?.();
  const controller = new AbortController();
  const cancel = () => controller.abort();
  useImportProgress.setState({
    active: { name, cancel, progress: { stage: 'reading', fraction: 0.05, text: `Reading ${name}…` } },
  });
  const result = await importInWorker(text, name, {
    signal: controller.signal,
    validate: true,
    // For bench/bigImport.bench.ts: `?import-transfer=clone` compares a structured clone with the JSON string.
    transfer:
      typeof location !== 'undefined' && new URLSearchParams(location.search).get('import-transfer') === 'clone'
        ? 'clone'
        : 'json',
    onProgress: (progress) => {
      const active = useImportProgress.getState().active;
      if (active?.cancel === cancel) useImportProgress.setState({ active: { ...active, progress } });
    },
  });
  const active = useImportProgress.getState().active;
  if (active?.cancel === cancel) {
    if (!result.ok) useImportProgress.setState({ active: undefined });
    else {
      const count = Object.keys(result.design.resources).length;
      useImportProgress.setState({
        active: {
          name,
          progress: { stage: 'drawing', fraction: 0.85, text: `Drawing ${count.toLocaleString('en-US')} resources…` },
        },
      });
      // Let that show (and the last part's task end) before the page builds the canvas.
      await nextFrame();
    }
  }
  return result;
}

function nextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Closes the panel after the next painted frame (the imported design is on screen by then). */
export function finishImportProgress(): void {
  const active = useImportProgress.getState().active;
  if (!active || active.cancel) return;
  const close = () => {
    if (useImportProgress.getState().active === active) useImportProgress.setState({ active: undefined });
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(close, 0));
  else close();
}
