/**
 * Imports a design file or CloudFormation template in a Web Worker, off the page's main thread: the same result as
 * `importDesignText` (src/engine/io/importAny.ts), with progress and cancellation. Anyone who reads a large design
 * (the file import, a saved design from the library) can use it.
 *
 * @example
 * const controller = new AbortController();
 * const result = await importInWorker(text, 'big.json', { onProgress: (p) => show(p.text), signal: controller.signal });
 * if (result.ok) open(result.design); else if (!isCancelled(result)) notify(result.error);
 */
import { importDesignText, type Design, type Finding, type ImportOptions, type ImportResult } from '../engine/index.ts';
import type { ImportProgress, ImportRequest, WorkerMessage, WorkerResult } from './protocol.ts';

export type { ImportProgress, ImportStage } from './protocol.ts';

export interface WorkerImportOptions extends ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting stops the worker at once; the promise resolves with `{ ok: false, cancelled: true }`. */
  signal?: AbortSignal;
  /** Run the rules in the worker too; the findings come back as `findings` (for `primeFindings`). */
  validate?: boolean;
  /** For benchmarks: how the result travels back (default `json`). */
  transfer?: ImportRequest['transfer'];
}

export type WorkerImportResult =
  (ImportResult & { findings?: Finding[] }) | { ok: false; error: string; cancelled: true };

export function isCancelled(result: WorkerImportResult): boolean {
  return !result.ok && 'cancelled' in result;
}

const cancelled = (name: string): WorkerImportResult => ({
  ok: false,
  error: `Import of ${name} cancelled.`,
  cancelled: true,
});

/** Never throws: errors come back as `{ ok: false, error }` with one plain line, as from `importDesignText`. */
export function importInWorker(
  text: string,
  name: string,
  options: WorkerImportOptions = {},
): Promise<WorkerImportResult> {
  const { onProgress, signal, validate, transfer, ...importOptions } = options;
  if (signal?.aborted) return Promise.resolve(cancelled(name));
  // Where there are no workers (Node, tests), the same importer on this thread.
  if (typeof Worker === 'undefined') return importDesignText(text, name, importOptions);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
    } catch {
      void importDesignText(text, name, importOptions).then(resolve);
      return;
    }
    const finish = (result: WorkerImportResult) => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => finish(cancelled(name));
    signal?.addEventListener('abort', onAbort, { once: true });
    // The design's resources and layout arrive in parts, each parsed in its own task (see protocol.ts).
    const parts: Pick<Design, 'resources' | 'layout'> = { resources: {}, layout: {} };
    let broken = false;
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress?.(message.progress);
        return;
      }
      if (message.type === 'part') {
        try {
          Object.assign(parts[message.field], JSON.parse(message.json));
        } catch {
          broken = true;
        }
        return;
      }
      let result: WorkerResult;
      try {
        if (broken) throw new Error('a part could not be read');
        result = 'json' in message ? (JSON.parse(message.json) as WorkerResult) : message.clone;
        if (result.ok && 'json' in message) result.design = { ...result.design, ...parts };
      } catch {
        result = { ok: false, error: `${name}: could not be imported (the result could not be read).` };
      }
      finish(result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, error: `${name}: could not be imported (the importer failed unexpectedly).` });
    };
    const request: ImportRequest = { text, name, options: importOptions, validate, transfer };
    worker.postMessage(request);
  });
}
