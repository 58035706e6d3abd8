/**
 * Opening, saving and starting designs. An import becomes a new design in the library (or, when asked, replaces
 * the open design as one undoable step); a failed import says why and leaves the open design untouched.
 */
import { checkImportSize, replaceDesign, serializeDesign } from '../engine/index.ts';
import { finishImportProgress, importWithProgress } from '../import/importProgress.ts';
import { isCancelled } from '../import/importInWorker.ts';
import { createEmptyDesign, hasLibrary, openAsNewEntry, snapshotBefore } from '../library/session.ts';
import { showImportReport } from '../panels/import/ImportReportHost.tsx';
import { useDesignStore } from './designStore.ts';
import { downloadText, exportFileName } from './download.ts';
import { primeFindings } from './findings.ts';
import { useUiStore } from './uiStore.ts';

export { exportFileName };

/**
 * Where an import goes: a new library entry of its own (the default; the open design stays as it is in the
 * library), or into the open design as one undo step (after a snapshot of it).
 */
export type ImportTarget = 'new' | 'open';

/** What the file pickers for an import offer: design files and CloudFormation templates (JSON or YAML). */
export const IMPORT_ACCEPT = '.json,.yaml,.yml,.template,.txt,application/json';

/** Reads a file the user picked or dropped and imports it. Never throws. */
export async function importFile(file: File, target: ImportTarget = 'new'): Promise<boolean> {
  const { notify } = useDesignStore.getState();
  // Refuse an oversized file before reading it, so a 20 MB drop never stalls the tab.
  const tooLarge = checkImportSize(file.size, file.name);
  if (tooLarge) {
    notify(tooLarge, 'error');
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    notify(`Could not read ${file.name}.`, 'error');
    return false;
  }
  return importText(text, file.name, target);
}

export async function importText(text: string, name: string, target: ImportTarget = 'new'): Promise<boolean> {
  const { notify, execute } = useDesignStore.getState();
  let result: Awaited<ReturnType<typeof importWithProgress>>;
  try {
    // In a worker (parsed, read and checked off the main thread), with progress and Cancel.
    result = await importWithProgress(text, name);
  } catch (error) {
    // Importers return errors as values; this is the net under a bug in one of them.
    console.error(error);
    notify(`${name} could not be imported: the importer failed unexpectedly.`, 'error');
    return false;
  }
  if (!result.ok) {
    notify(
      isCancelled(result) ? `Import of ${name} cancelled: the open design is unchanged.` : result.error,
      isCancelled(result) ? 'info' : 'error',
    );
    return false;
  }
  if (result.findings) primeFindings(result.design, result.findings);
  const label = `Import ${name}`;
  const intoNew = target === 'new' && hasLibrary();
  let imported: boolean;
  if (intoNew) {
    imported = await openAsNewEntry(result.design, 'file', label);
  } else {
    if (useDesignStore.getState().readOnly === undefined) await snapshotBefore(label);
    imported = execute(replaceDesign(result.design, label));
  }
  finishImportProgress();
  if (!imported) return false;
  const { report } = result;
  const notes = [
    report.notModelled.length ? `${report.notModelled.length} not modelled` : '',
    report.warnings.length ? `${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const back = intoNew ? 'The design open before is kept in Designs.' : 'Undo brings back the previous design.';
  notify(`Imported ${name} (${report.format})${notes.length ? `: ${notes.join(', ')}` : ''}. ${back}`);
  useUiStore.getState().requestFitView();
  // A template always gets its report (what became what, what was not modelled); a design file only when the
  // reader had to repair something.
  if (
    report.format !== 'VPC Designer design' ||
    report.notModelled.length ||
    report.warnings.length ||
    report.placeholders.length
  ) {
    showImportReport(name, report);
  }
  return true;
}

/** Downloads the design as its JSON file. */
export function exportDesign(): void {
  const { design } = useDesignStore.getState();
  downloadText(exportFileName(design), serializeDesign(design));
}

/** Starts an empty design, in the same region and account, as a new library entry (the open one stays there). */
export function newDesign(): Promise<boolean> {
  return createEmptyDesign();
}
