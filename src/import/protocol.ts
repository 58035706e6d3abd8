/**
 * Messages between the page and the import worker (import.worker.ts). One worker per import: the page posts one
 * request, the worker posts progress stages and then one result; Cancel terminates the worker.
 */
import type { Finding, ImportOptions, ImportResult } from '../engine/index.ts';

/** What the import is doing, in the order it happens; `fraction` is how far along the whole import that is. */
export type ImportStage = 'reading' | 'parsing' | 'checking' | 'receiving' | 'drawing';

export interface ImportProgress {
  stage: ImportStage;
  /** 0–1, for a determinate progress bar. */
  fraction: number;
  /** One plain line, e.g. `Checking 25,949 resources against AWS's rules…`. */
  text: string;
}

export interface ImportRequest {
  text: string;
  name: string;
  options?: ImportOptions;
  /** Also run the rules in the worker, so the page gets the design's findings with it. */
  validate?: boolean;
  /** How the result travels back: JSON strings in parts (default) or one structured clone (for measuring the two). */
  transfer?: 'json' | 'clone';
}

/**
 * The result travels as JSON strings in parts: the design's resources and layout in slices of `PART_SIZE` entries
 * (`part` messages), then the rest (`result`). The page parses each message in its own task, so even a
 * 26,000-resource design never costs the page one long task to receive (one structured clone or one JSON.parse of
 * it takes 100–300 ms on a busy machine; measured by bench/bigImport.bench.ts, see docs/BENCHMARKS.md).
 * `transfer: 'clone'` sends the result as one structured clone instead, to compare.
 */
export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'part'; field: 'resources' | 'layout'; json: string }
  | { type: 'result'; json: string }
  | { type: 'result'; clone: WorkerResult };

export const PART_SIZE = 3000;

/** The parsed `result` message. */
export type WorkerResult = ImportResult & { findings?: Finding[] };
