/**
 * Opening a large saved design off the main thread (issue 7, item 9): a save this large is parsed, read and
 * checked in the import worker, with the progress panel and its Cancel, as an imported file is. Smaller saves are
 * read in place: a worker's start-up would cost more than the read.
 */
import type { Design } from '../engine/index.ts';
import { isCancelled } from '../import/importInWorker.ts';
import { finishImportProgress, importWithProgress } from '../import/importProgress.ts';
import { primeFindings } from '../store/findings.ts';
import { readSavedText } from './storage.ts';

/** Characters of saved JSON from which a read goes to the worker (about 3,000 resources; a few tens of ms here). */
export const READ_OFF_THREAD_CHARS = 1_000_000;

export type SavedRead = { ok: true; design: Design } | { ok: false; reason: string; cancelled?: true };

/** Reads a saved design's text; never throws. `name` is what the progress panel calls it. */
export async function readSavedDesign(text: string, name: string): Promise<SavedRead> {
  if (text.length < READ_OFF_THREAD_CHARS || typeof Worker !== 'function') return readSavedText(text);
  let result: Awaited<ReturnType<typeof importWithProgress>>;
  try {
    result = await importWithProgress(text, name);
  } catch {
    return readSavedText(text); // the worker could not start: read here rather than not at all
  }
  if (!result.ok)
    return isCancelled(result)
      ? { ok: false, reason: 'Opening was cancelled.', cancelled: true }
      : { ok: false, reason: result.error };
  if (result.findings) primeFindings(result.design, result.findings);
  return { ok: true, design: result.design };
}

/** Closes the progress panel once the design read off the main thread is drawn (nothing when none is showing). */
export function finishReading(): void {
  finishImportProgress();
}
