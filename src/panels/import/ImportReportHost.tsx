/**
 * Where the import report lives between an import and the user closing it. Mount `<ImportReportHost />` once
 * (in App), and call `showImportReport(fileName, report)` after a successful import.
 */
import { Suspense } from 'react';
import { create } from 'zustand';
import type { ImportReport } from '../../engine/io/importAny.ts';
import { lazyNamed, Loading } from '../lazy.tsx';

// Shown only after an import: loaded then.
const ImportReportDialog = lazyNamed(() => import('./ImportReportDialog.tsx').then((m) => m.ImportReportDialog));

interface ImportReportState {
  shown?: { fileName: string; report: ImportReport };
}

const useImportReport = create<ImportReportState>()(() => ({ shown: undefined }));

/** Opens the report of an import (replacing one still open). */
export function showImportReport(fileName: string, report: ImportReport): void {
  useImportReport.setState({ shown: { fileName, report } });
}

export function closeImportReport(): void {
  useImportReport.setState({ shown: undefined });
}

export function ImportReportHost() {
  const shown = useImportReport((s) => s.shown);
  if (!shown) return null;
  return (
    <Suspense fallback={<Loading what="the import report" />}>
      <ImportReportDialog fileName={shown.fileName} report={shown.report} onClose={closeImportReport} />
    </Suspense>
  );
}
