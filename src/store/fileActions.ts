/**
 * Opening, saving and starting designs. An import replaces the design as one undoable step, so the previous
 * design is one Undo away; a failed import says why and leaves the open design untouched.
 */
import { checkImportSize, emptyDesign, replaceDesign, serializeDesign, type Design } from '../engine/index.ts';
import { finishImportProgress, importWithProgress } from '../import/importProgress.ts';
import { isCancelled } from '../import/importInWorker.ts';
import { showImportReport } from '../panels/import/ImportReportHost.tsx';
import { useDesignStore } from './designStore.ts';
import { primeFindings } from './findings.ts';
import { useUiStore } from './uiStore.ts';

/** Reads a file the user picked or dropped and imports it. Never throws. */
export async function importFile(file: File): Promise<boolean> {
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
  return importText(text, file.name);
}

export async function importText(text: string, name: string): Promise<boolean> {
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
    notify(isCancelled(result) ? `Import of ${name} cancelled: the open design is unchanged.` : result.error, isCancelled(result) ? 'info' : 'error');
    return false;
  }
  if (result.findings) primeFindings(result.design, result.findings);
  const imported = execute(replaceDesign(result.design, `Import ${name}`));
  finishImportProgress();
  if (!imported) return false;
  const { report } = result;
  const notes = [
    report.notModelled.length ? `${report.notModelled.length} not modelled` : '',
    report.warnings.length ? `${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  notify(`Imported ${name} (${report.format})${notes.length ? `: ${notes.join(', ')}` : ''}. Undo brings back the previous design.`);
  useUiStore.getState().requestFitView();
  // A template always gets its report (what became what, what was not modelled); a design file only when the
  // reader had to repair something.
  if (report.format !== 'VPC Designer design' || report.notModelled.length || report.warnings.length || report.placeholders.length) {
    showImportReport(name, report);
  }
  return true;
}

/** A file name from the design's name: `Example: two-AZ web app` → `example-two-az-web-app.json`. */
export function exportFileName(design: Design): string {
  const slug = design.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'design'}.json`;
}

/** Downloads the design as its JSON file. */
export function exportDesign(): void {
  const { design } = useDesignStore.getState();
  const blob = new Blob([serializeDesign(design)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(design);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Starts an empty design in the same region and account (undoable). */
export function newDesign(): void {
  const { design, execute } = useDesignStore.getState();
  if (execute(replaceDesign(emptyDesign({ region: design.region, accountId: design.accountId }), 'New design'))) {
    useUiStore.getState().requestFitView();
  }
}
