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
  /** How the result travels back: a JSON string (default) or a structured clone (for measuring the two). */
  transfer?: 'json' | 'clone';
}

/**
 * The result travels as a JSON string, not as a structured clone: for a 26,000-resource design the page's
 * JSON.parse of it is one quicker task than the structured-clone deserialisation of the same objects
 * (measured by bench/bigImport.bench.ts; see docs/BENCHMARKS.md).
 */
export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'result'; json: string }
  | { type: 'result'; clone: WorkerResult };

/** The parsed `result` message. */
export type WorkerResult = ImportResult & { findings?: Finding[] };
