/**
 * Export: the design file (as before) or a picture of it — SVG, PNG, PDF, draw.io — or the picture on the
 * clipboard. What to draw (everything or the selection, title block, legend, saved traffic flows, findings
 * markers, route tables / security groups / NACLs) and each format's own choices are remembered for the next
 * export (exportChoices.ts). The preview is the SVG the engine draws for these choices, scaled down.
 */
import { useDeferredValue, useId, useMemo, useState, type ReactNode } from 'react';
import { hasBackgroundChoice } from '../../engine/export/options.ts';
import { renderSvg } from '../../engine/export/svg.ts';
import type { Design } from '../../engine/index.ts';
import { downloadBlob } from '../../store/download.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { Choice } from '../Choice.tsx';
import { DialogFrame } from '../DialogFrame.tsx';
import {
  chosenFlowIds,
  diagramOptionsOf,
  loadExportChoices,
  saveExportChoices,
  selectedResources,
  todayIso,
  type ExportChoices,
  type ExportFormat,
} from './exportChoices.ts';
import { clipboardImageUnsupported, copyImage, fileNameFor, makeExportFile, pngPlanOf } from './runExport.ts';

/** Behind a transparent picture's preview, so the transparency shows. */
const CHECKERBOARD = { background: 'repeating-conic-gradient(#e5e7eb 0 25%, #fff 0 50%) 0 0 / 16px 16px' } as const;

const FORMAT_OPTIONS: Array<{ value: ExportFormat; label: string; hint: string; button: string }> = [
  {
    value: 'json',
    label: 'Design file (JSON)',
    hint: 'The whole design, to open again here or keep in version control.',
    button: 'Download design file',
  },
  {
    value: 'svg',
    label: 'SVG',
    hint: 'A vector picture with selectable text, for web pages, wikis and editing.',
    button: 'Download SVG',
  },
  {
    value: 'animated-svg',
    label: 'Animated SVG',
    hint: 'The chosen traffic flows as packets moving hop by hop, for a web page or README (still under reduced motion).',
    button: 'Download animated SVG',
  },
  { value: 'png', label: 'PNG', hint: 'A picture for slides, chats and documents.', button: 'Download PNG' },
  { value: 'pdf', label: 'PDF', hint: 'A vector page to print or attach to a document.', button: 'Download PDF' },
  {
    value: 'drawio',
    label: 'draw.io',
    hint: 'A diagram to open and edit in diagrams.net, with AWS shapes.',
    button: 'Download draw.io file',
  },
];

/** A checkbox named by `label`; `hint` describes it (read after its name, not part of it). */
function Check({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const hintId = useId();
  return (
    <div className="flex flex-col text-xs text-gray-800">
      <label className="flex items-start gap-1.5">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? hintId : undefined}
          className="mt-0.5 accent-[#0972d3]"
        />
        {label}
      </label>
      {hint && (
        <span id={hintId} className="pl-5 text-[11px] text-gray-500">
          {hint}
        </span>
      )}
    </div>
  );
}

function Section({ title, children, disabled }: { title: string; children: ReactNode; disabled?: boolean }) {
  return (
    <fieldset disabled={disabled} className="flex flex-col gap-1.5 border-t border-gray-200 pt-2 disabled:opacity-50">
      <legend className="float-left mb-1 w-full text-[11px] font-semibold tracking-wide text-gray-500 uppercase">
        {title}
      </legend>
      {children}
    </fieldset>
  );
}

/** The saved traffic flows, each with its checkbox, and All / None. */
function FlowChoice({
  design,
  flows,
  onChange,
}: {
  design: Design;
  flows: ExportChoices['flows'];
  onChange: (flows: ExportChoices['flows']) => void;
}) {
  const legendId = useId();
  if (design.flows.length === 0) {
    return (
      <p className="text-[11px] text-gray-500">
        Traffic flows: this design has none saved (save one in the Traffic tab to draw it).
      </p>
    );
  }
  const chosen = new Set(chosenFlowIds(design, flows));
  const toggle = (id: string, on: boolean) => {
    const next = design.flows.map((f) => f.id).filter((f) => (f === id ? on : chosen.has(f)));
    onChange(next.length === design.flows.length ? 'all' : next.length === 0 ? 'none' : next);
  };
  return (
    <div role="group" aria-labelledby={legendId} className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <span id={legendId} className="text-xs font-semibold text-gray-800">
          Traffic flows drawn ({chosen.size} of {design.flows.length})
        </span>
        <button type="button" className="text-xs text-[#0972d3] underline" onClick={() => onChange('all')}>
          All flows
        </button>
        <button type="button" className="text-xs text-[#0972d3] underline" onClick={() => onChange('none')}>
          No flows
        </button>
      </div>
      <ul className="flex max-h-28 flex-col gap-0.5 overflow-auto rounded border border-gray-200 px-2 py-1">
        {design.flows.map((f) => (
          <li key={f.id}>
            <Check label={f.name} checked={chosen.has(f.id)} onChange={(on) => toggle(f.id, on)} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const design = useDesignStore((s) => s.design);
  const selection = useDesignStore((s) => s.selection);
  const [choices, setChoices] = useState(() => loadExportChoices(useUiStore.getState().showSupporting));
  const [date] = useState(todayIso);
  const [busy, setBusy] = useState<'export' | 'copy' | undefined>();
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState(false);

  const change = (patch: Partial<ExportChoices>) => {
    const next = { ...choices, ...patch };
    setChoices(next);
    saveExportChoices(next);
    setError(undefined);
    setCopied(false);
  };

  const selected = selectedResources(design, selection);
  const hasSelection = selected.length > 0;
  // A remembered "only the selection" with nothing selected draws the whole design (the choice is disabled).
  const effective = useMemo<ExportChoices>(
    () => (hasSelection || choices.scope === 'all' ? choices : { ...choices, scope: 'all' }),
    [choices, hasSelection],
  );
  const isPicture = effective.format !== 'json';
  const options = useMemo(
    () => diagramOptionsOf(design, effective, selection, date),
    [design, effective, selection, date],
  );
  const deferredOptions = useDeferredValue(options);
  const drawn = useMemo((): { svg?: string; error?: string } => {
    // The design file is not a picture: nothing to draw.
    if (!isPicture) return {};
    try {
      return { svg: renderSvg(design, deferredOptions) };
    } catch (e) {
      console.error(e);
      return { error: 'The picture could not be drawn for these choices.' };
    }
  }, [design, deferredOptions, isPicture]);
  const current = deferredOptions === options ? drawn.svg : undefined;
  const plan = drawn.svg && effective.format === 'png' ? safePlan(drawn.svg, effective.scale) : undefined;
  const format = FORMAT_OPTIONS.find((f) => f.value === effective.format)!;

  const download = async () => {
    setBusy('export');
    setError(undefined);
    try {
      const file = await makeExportFile(design, effective, options, current);
      downloadBlob(file.name, file.blob);
      useDesignStore.getState().notify(`Exported ${file.name}.${file.note ? ` ${file.note}` : ''}`);
      onClose();
    } catch (e) {
      console.error(e);
      setError(e instanceof Error && e.message ? e.message : 'The export failed.');
      setBusy(undefined);
    }
  };

  const copy = async () => {
    setBusy('copy');
    setError(undefined);
    try {
      await copyImage(current ?? renderSvg(design, options), effective.scale);
      setCopied(true);
    } catch (e) {
      setError(
        e instanceof Error
          ? e.message
          : 'The browser refused to put the image on the clipboard: download the PNG instead.',
      );
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <DialogFrame labelledBy={titleId} onClose={onClose} className="flex max-h-full w-[min(980px,100%)] flex-col">
      <div className="flex items-baseline gap-3 border-b border-gray-200 px-5 py-3">
        <h2 id={titleId} className="text-base font-semibold">
          Export
        </h2>
        <p className="min-w-0 truncate text-xs text-gray-500" title={design.name}>
          {design.name}
        </p>
      </div>
      <div className="flex min-h-0 flex-1 gap-4 overflow-hidden px-5 py-3">
        <form
          className="flex w-[25rem] shrink-0 flex-col gap-3 overflow-auto pr-1"
          aria-label="Export choices"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void download();
          }}
        >
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-xs font-semibold text-gray-800">Format</legend>
            {FORMAT_OPTIONS.map((f) => (
              <div
                key={f.value}
                className={`flex flex-col rounded border px-2 py-1 ${f.value === effective.format ? 'border-[#0972d3] bg-[#f2f8fd]' : 'border-gray-200'}`}
              >
                <label className="flex cursor-pointer items-center gap-2 text-[13px] font-semibold">
                  <input
                    type="radio"
                    name={`${titleId}-format`}
                    checked={f.value === effective.format}
                    onChange={() => change({ format: f.value })}
                    aria-describedby={`${titleId}-${f.value}-hint`}
                    className="accent-[#0972d3]"
                    data-autofocus={f.value === effective.format ? true : undefined}
                  />
                  {f.label}
                </label>
                <span id={`${titleId}-${f.value}-hint`} className="pl-5 text-[11px] text-gray-600">
                  {f.hint}
                </span>
              </div>
            ))}
          </fieldset>

          {hasBackgroundChoice(effective.format) && (
            <Section title={effective.format === 'png' ? 'PNG' : 'SVG'}>
              {effective.format === 'png' && (
                <Choice
                  legend="Scale"
                  value={effective.scale}
                  options={[1, 2, 4].map((s) => ({ value: s as 1 | 2 | 4, label: `${s}×` }))}
                  onChange={(scale) => change({ scale })}
                />
              )}
              <Choice
                legend="Background"
                value={effective.background}
                options={[
                  { value: 'white', label: 'White' },
                  { value: 'transparent', label: 'Transparent' },
                ]}
                onChange={(background) => change({ background })}
              />
            </Section>
          )}
          {effective.format === 'pdf' && (
            <Section title="PDF page">
              <Choice
                legend="Page size"
                value={effective.pageSize}
                options={[
                  { value: 'a4', label: 'A4' },
                  { value: 'letter', label: 'Letter' },
                  { value: 'fit', label: 'Fit to drawing' },
                ]}
                onChange={(pageSize) => change({ pageSize })}
              />
              <Choice
                legend="Orientation"
                value={effective.orientation}
                options={[
                  { value: 'landscape', label: 'Landscape', disabled: effective.pageSize === 'fit' },
                  { value: 'portrait', label: 'Portrait', disabled: effective.pageSize === 'fit' },
                ]}
                onChange={(orientation) => change({ orientation })}
                disabledReason={
                  effective.pageSize === 'fit' ? 'A page fitted to the drawing takes the drawing’s shape.' : undefined
                }
              />
            </Section>
          )}
          {isPicture ? (
            <Section title="What to draw">
              <Choice
                legend="Resources"
                value={effective.scope}
                options={[
                  { value: 'all', label: 'Whole design' },
                  {
                    value: 'selection',
                    label: hasSelection ? `Only the selection (${selected.length})` : 'Only the selection',
                    disabled: !hasSelection,
                  },
                ]}
                onChange={(scope) => change({ scope })}
                disabledReason={
                  hasSelection ? undefined : 'Nothing is selected: select resources on the canvas to export only them.'
                }
              />
              <Check
                label="Title block"
                hint={`The design’s name, ${date} and its regions.`}
                checked={effective.titleBlock}
                onChange={(titleBlock) => change({ titleBlock })}
              />
              <Check
                label="Legend"
                hint="The kinds of resource drawn."
                checked={effective.legend}
                onChange={(legend) => change({ legend })}
              />
              <Check
                label="Findings markers"
                hint="Errors and warnings from the checks, on what they concern."
                checked={effective.findings}
                onChange={(findings) => change({ findings })}
              />
              <Check
                label="Route tables, security groups and NACLs"
                hint="As the canvas shows them with RT / SG / NACL."
                checked={effective.showSupporting}
                onChange={(showSupporting) => change({ showSupporting })}
              />
              <FlowChoice design={design} flows={effective.flows} onChange={(flows) => change({ flows })} />
            </Section>
          ) : (
            <p className="text-[11px] text-gray-600">
              The design file always holds the whole design: every resource, its position on the canvas and the saved
              traffic flows.
            </p>
          )}
          <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
        </form>

        <figure className="flex min-w-0 flex-1 flex-col gap-1">
          <figcaption className="text-xs font-semibold text-gray-800">Preview</figcaption>
          <div
            className={`flex min-h-48 flex-1 items-center justify-center overflow-hidden rounded border border-gray-200 p-2 ${options.background === 'transparent' && isPicture ? '' : 'bg-gray-50'}`}
            style={options.background === 'transparent' && isPicture ? CHECKERBOARD : undefined}
          >
            {!isPicture ? (
              <p className="text-xs text-gray-500">A design file is data, not a picture.</p>
            ) : drawn.svg ? (
              <img
                alt="Preview of the exported picture"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawn.svg)}`}
                className="max-h-full max-w-full object-contain"
              />
            ) : (
              <p className="text-xs text-[#d13212]">{drawn.error}</p>
            )}
          </div>
          <p className="text-[11px] text-gray-600">
            {fileNameFor(design, effective.format)}
            {plan && ` · ${plan.width} × ${plan.height} px`}
          </p>
          {plan?.message && <p className="text-[11px] text-amber-800">{plan.message}</p>}
        </figure>
      </div>
      <div className="flex items-center justify-end gap-2 border-t border-gray-200 px-5 py-3">
        <p
          role="status"
          aria-label="Export message"
          className={`mr-auto min-w-0 text-xs ${error ? 'text-[#d13212]' : 'text-gray-700'}`}
        >
          {error ?? (copied ? `Copied the picture to the clipboard as a PNG (${effective.scale}×).` : '')}
        </p>
        <button
          type="button"
          className="dialog-button"
          disabled={!isPicture || busy !== undefined}
          title={
            isPicture
              ? (clipboardImageUnsupported() ??
                `Put the picture on the clipboard as a PNG (${effective.scale}×, ${effective.background} background)`)
              : 'Choose a picture format to copy the picture'
          }
          onClick={() => void copy()}
        >
          {busy === 'copy' ? 'Copying…' : 'Copy image'}
        </button>
        <button type="button" className="dialog-button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="dialog-button dialog-button-primary"
          disabled={busy !== undefined || (isPicture && !drawn.svg)}
          onClick={() => void download()}
        >
          {busy === 'export' ? 'Exporting…' : format.button}
        </button>
      </div>
    </DialogFrame>
  );
}

function safePlan(svg: string, scale: number) {
  try {
    return pngPlanOf(svg, scale);
  } catch {
    return undefined;
  }
}
