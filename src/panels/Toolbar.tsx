/**
 * The toolbar: history, clipboard, what the canvas shows, and the design (the library, snapshots, new, import,
 * export). Every button says what it will do in its title ("Undo Add subnet") and is disabled when it has nothing
 * to do.
 */
import { memo, useRef, type ReactNode } from 'react';
import { copySelection, deleteSelection, duplicateSelection, paste, selectedTitle } from '../canvas/actions.ts';
import { useLibraryStore } from '../library/libraryStore.ts';
import { useFirstCanvasFrame } from './lazy.tsx';
import { useDesignStore } from '../store/designStore.ts';
import { IMPORT_ACCEPT, importFile, newDesign } from '../store/fileActions.ts';
import { openExport, preloadExport } from './export/ExportHost.tsx';
import { useUiStore } from '../store/uiStore.ts';
import { DrillMenu } from './drill/DrillMenu.tsx';
import { ToolbarIcon } from './ToolbarIcon.tsx';
import { openLessons, preloadLessons } from '../lessons/LessonsHost.tsx';
import { lazyDialog } from './lazyDialog.tsx';

// Share links and embed code: loaded when the dialog opens (drawn by the toolbar, which is there once).
const shareDialog = lazyDialog(() => import('../share/ShareDialog.tsx').then((m) => m.ShareDialog), 'Share');

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

const ICONS = {
  undo: 'M6 4L2.5 7.5 6 11M3 7.5h6.5a4 4 0 0 1 0 8H8',
  redo: 'M10 4l3.5 3.5L10 11M13 7.5H6.5a4 4 0 0 0 0 8H8',
  copy: 'M5 5V2.5h8.5V11H11M2.5 5H11v8.5H2.5Z',
  paste: 'M5.5 2.5h5v2h-5ZM4 3.5H2.5v10h11v-10H12',
  duplicate: 'M5 5h8.5v8.5H5ZM2.5 11V2.5H11M9.25 7.5v4M7.25 9.5h4',
  delete: 'M2.5 4h11M6 4V2.5h4V4M4 4l.75 9.5h6.5L12 4',
  layers: 'M8 2l6 3-6 3-6-3 6-3ZM2 8l6 3 6-3M2 11l6 3 6-3',
  fit: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10',
  new: 'M4 1.5h5.5l3 3v10h-8.5ZM9.5 1.5v3h3M8 7.5v4.5M5.75 9.75h4.5',
  import: 'M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 12v1.5h11V12',
  export: 'M8 10V2M4.5 5.5L8 2l3.5 3.5M2.5 12v1.5h11V12',
  designs: 'M2 3.5h5l1.5 1.5H14v8.5H2ZM2 6.5h12',
  history: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v2.5H5M8 5v3.25l2 1.25',
  share: 'M10 2.5h3.5V6M13.5 2.5L8 8M12 9.5v4H2.5V4h4',
  lessons: 'M8 3L1.5 6 8 9l6.5-3L8 3ZM4 7.25v3.5c1 1 2.5 1.5 4 1.5s3-.5 4-1.5v-3.5M14.5 6v4',
} as const;

const ToolButton = memo(function ToolButton(props: {
  label: string;
  icon: keyof typeof ICONS;
  title?: string;
  disabled?: boolean;
  onClick: () => void;
  /** Starts loading what the button opens, on hover or focus, so it opens at once. */
  onPreload?: () => void;
  pressed?: boolean;
  ariaLabel?: string;
  /** Shown as its icon alone on narrow screens (its name stays, as the aria-label). */
  compact?: boolean;
  children?: ReactNode;
}) {
  return (
    <button
      type="button"
      className={props.compact ? 'toolbar-button toolbar-button-compact' : 'toolbar-button'}
      title={props.title ?? props.label}
      aria-label={props.ariaLabel ?? props.label}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
      onPointerEnter={props.onPreload}
      onFocus={props.onPreload}
    >
      <ToolbarIcon d={ICONS[props.icon]} />
      <span>{props.children ?? props.label}</span>
    </button>
  );
});

/** The open design's name (edited in the inspector when nothing is selected). */
function DesignName() {
  const name = useDesignStore((s) => s.design.name);
  return (
    <span className="min-w-0 truncate text-sm text-gray-300" title={name}>
      {name}
    </span>
  );
}

const SAVE_TEXT = { saved: 'Saved', saving: 'Saving…', unsaved: 'Not saved' } as const;
const SAVE_TITLE = {
  saved: 'Every change is saved in this browser’s design library.',
  saving: 'Saving the last change…',
  unsaved: 'This browser did not save the design: it is only in this tab. Export it to keep it.',
} as const;

/** Whether the open design is saved in the library: what a user checks before closing the tab. */
function SaveStatus() {
  const save = useLibraryStore((s) => s.save);
  return (
    <span
      role="status"
      aria-label="Save status"
      title={SAVE_TITLE[save]}
      className={`shrink-0 text-xs ${save === 'unsaved' ? 'text-amber-300' : 'text-gray-400'}`}
    >
      {SAVE_TEXT[save]}
    </span>
  );
}

const TOOLBAR_BAR = 'flex h-11 shrink-0 items-center gap-1 bg-aws-squid px-3 text-white';

/** The bar at once (the same element throughout); its buttons from the frame after the canvas's first: `useFirstCanvasFrame`. */
export function Toolbar() {
  return <header className={TOOLBAR_BAR}>{useFirstCanvasFrame() && <ToolbarContents />}</header>;
}

function ToolbarContents() {
  const undoLabel = useDesignStore((s) => s.past.at(-1)?.label);
  const redoLabel = useDesignStore((s) => s.future[0]?.label);
  const selected = useDesignStore((s) => s.selection.length);
  const hasSelection = selected > 0;
  const hasClipboard = useUiStore((s) => s.clipboard !== undefined);
  const showSupporting = useUiStore((s) => s.showSupporting);
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <>
      <h1 className="mr-2 shrink-0 text-[15px] font-semibold">VPC Designer</h1>
      <div className="flex max-w-64 min-w-24 flex-1">
        <DesignName />
      </div>
      <SaveStatus />
      <nav aria-label="Toolbar" className="ml-2 flex min-w-0 items-center gap-0.5">
        <ToolButton
          compact
          label="Undo"
          icon="undo"
          title={undoLabel ? `Undo ${undoLabel} (${MOD}Z)` : 'Nothing to undo'}
          disabled={!undoLabel}
          onClick={() => useDesignStore.getState().undo()}
        />
        <ToolButton
          compact
          label="Redo"
          icon="redo"
          title={redoLabel ? `Redo ${redoLabel} (${MOD}Shift+Z)` : 'Nothing to redo'}
          disabled={!redoLabel}
          onClick={() => useDesignStore.getState().redo()}
        />
        <span className="toolbar-separator" />
        <ToolButton
          compact
          label="Copy"
          icon="copy"
          title={`${selectedTitle('Copy', selected)} (${MOD}C)`}
          disabled={!hasSelection}
          onClick={copySelection}
        />
        <ToolButton
          compact
          label="Paste"
          icon="paste"
          title={`Paste (${MOD}V)`}
          disabled={!hasClipboard}
          onClick={paste}
        />
        <ToolButton
          compact
          label="Duplicate"
          icon="duplicate"
          title={`${selectedTitle('Duplicate', selected)} (${MOD}D)`}
          disabled={!hasSelection}
          onClick={duplicateSelection}
        />
        <ToolButton
          compact
          label="Delete"
          icon="delete"
          title={`${selectedTitle('Delete', selected)} (Delete)`}
          disabled={!hasSelection}
          onClick={deleteSelection}
        />
        <span className="toolbar-separator" />
        <ToolButton
          label="Show route tables, security groups and NACLs"
          ariaLabel="Show route tables, security groups and NACLs"
          icon="layers"
          pressed={showSupporting}
          onClick={() => useUiStore.getState().setShowSupporting(!showSupporting)}
        >
          RT / SG / NACL
        </ToolButton>
        <ToolButton
          label="Fit view"
          icon="fit"
          title="Fit the whole design in view"
          onClick={() => useUiStore.getState().requestFitView()}
        />
        <DrillMenu />
      </nav>
      <div className="ml-auto flex shrink-0 items-center gap-0.5">
        <ToolButton
          label="Lessons"
          icon="lessons"
          title="Lessons and challenges: learn by building, checked as you go; make a lesson from this design"
          onClick={openLessons}
          onPreload={preloadLessons}
        />
        <ToolButton
          label="Designs"
          icon="designs"
          title="Your designs in this browser: open, rename, duplicate, delete, import"
          onClick={() => useLibraryStore.getState().openDialog('library')}
        />
        <ToolButton
          label="History"
          icon="history"
          title="Snapshots of this design, to restore one"
          onClick={() => useLibraryStore.getState().openDialog('history')}
        />
        <ToolButton
          label="New design"
          icon="new"
          title="Start an empty design (the open one stays in Designs)"
          onClick={() => void newDesign()}
        />
        <ToolButton
          label="Import"
          icon="import"
          title="Open a design file (or drop one on the canvas)"
          onClick={() => fileInput.current?.click()}
        />
        <ToolButton
          label="Export"
          icon="export"
          title="Export the design file, or a picture of it: SVG, PNG, PDF, draw.io"
          onClick={openExport}
          onPreload={preloadExport}
        />
        <ToolButton
          label="Share"
          icon="share"
          title="Copy a link to this design, or the code to embed it in a page"
          onClick={shareDialog.open}
          onPreload={shareDialog.preload}
        />
        <shareDialog.Host />
        <input
          ref={fileInput}
          type="file"
          aria-label="Import file"
          accept={IMPORT_ACCEPT}
          className="hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
    </>
  );
}
