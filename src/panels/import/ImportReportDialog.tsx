/**
 * What an import did: the format recognised, what the design now holds, and everything in the file that is not
 * on the canvas — resources the model does not represent, resources skipped because their condition is false,
 * resources that could not be read, stand-ins for resources outside the file, and warnings. Nothing an import
 * leaves out goes unmentioned.
 */
import { useId } from 'react';
import { DialogFrame } from '../DialogFrame.tsx';
import type { ImportReport } from '../../engine/io/importAny.ts';
import { countOf } from '../../engine/model/kinds.ts';
import { RESOURCE_KINDS } from '../../engine/model/types.ts';

/** "3 subnets", "1 VPC", in the model's order. */
export function describeCounts(counts: ImportReport['counts']): string[] {
  return RESOURCE_KINDS.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => countOf(kind, counts[kind]!));
}

/** The report's sections that have something in them, each with a plain sentence on what it means. */
export function reportSections(report: ImportReport): Array<{ title: string; explanation: string; items: string[] }> {
  return [
    {
      title: 'Not modelled',
      explanation: 'In the file, but VPC Designer does not model these, so they are not on the canvas.',
      items: report.notModelled,
    },
    {
      title: 'Skipped: condition false',
      explanation: 'CloudFormation would not create these with the parameter values used.',
      items: report.skipped,
    },
    {
      title: 'Could not be imported',
      explanation: 'These are of a kind the designer models, but the file does not say enough to draw them.',
      items: report.failed,
    },
    {
      title: 'Stand-ins for resources outside the file',
      explanation: 'The file refers to these by id; they are drawn as placeholders whose addresses are unknown.',
      items: report.placeholders,
    },
    { title: 'Warnings', explanation: 'Values that were read with a guess or a repair.', items: report.warnings },
  ].filter((s) => s.items.length > 0);
}

export interface ImportReportDialogProps {
  fileName: string;
  report: ImportReport;
  onClose: () => void;
}

/**
 * A modal report of one import. Escape, the Close button or a click outside closes it.
 *
 * @example {report && <ImportReportDialog fileName="vpc.yaml" report={report} onClose={() => setReport(undefined)} />}
 */
export function ImportReportDialog({ fileName, report, onClose }: ImportReportDialogProps) {
  const titleId = useId();
  const counts = describeCounts(report.counts);
  const total = Object.values(report.counts).reduce((a, b) => a + (b ?? 0), 0);
  const sections = reportSections(report);
  return (
    <DialogFrame labelledBy={titleId} onClose={onClose} className="flex max-h-[80vh] w-[36rem] max-w-[92vw] flex-col">
      <div className="border-b border-gray-200 px-4 pt-4 pb-3">
        <h2 id={titleId} className="text-base font-semibold break-all">
          Imported {fileName}
        </h2>
        <p className="mt-1 text-sm text-gray-700">
          {report.format} · {total} {total === 1 ? 'resource' : 'resources'} on the canvas
          {sections.length === 0 ? ' · everything in the file was imported' : ''}
        </p>
        {counts.length > 0 && (
          <ul aria-label="Imported resources" className="mt-2 flex flex-wrap gap-1">
            {counts.map((c) => (
              <li key={c} className="rounded-full bg-gray-100 px-2 py-0.5 text-xs text-gray-800">
                {c}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-2">
        {sections.map((s) => (
          <section key={s.title} aria-label={s.title} className="py-2">
            <h3 className="text-sm font-semibold">
              {s.title} <span className="font-normal text-gray-600">({s.items.length})</span>
            </h3>
            <p className="text-xs text-gray-600">{s.explanation}</p>
            <ul className="mt-1 list-disc pl-5 text-[13px] leading-5 text-gray-800">
              {s.items.map((item, i) => (
                <li key={i} className="break-words">
                  {item}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="flex justify-end border-t border-gray-200 px-4 py-3">
        <button data-autofocus type="button" className="dialog-button dialog-button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </DialogFrame>
  );
}
