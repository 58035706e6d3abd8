/**
 * The editing actions the toolbar, the keyboard and the palette share. Each turns the current selection into one
 * engine command (one undo step) or, for copy, fills the clipboard.
 */
import {
  addFromPalette,
  copyResources,
  deleteResources,
  duplicateResources,
  pasteResources,
  tidy,
  type Command,
  type PaletteLabel,
} from '../engine/index.ts';
import { useDesignStore } from '../store/designStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { designToFlow } from './adapter.ts';
import { commandForNudge } from './dragCommit.ts';
import { keyboardTargetFor } from './dropTarget.ts';
import { showAddedResources } from './showAdded.ts';

const PASTE_STEP = 40;

/** Runs a command that adds things and brings what it selected into view (showing route tables etc. if hidden). */
export function executeAndReveal(command: Command): void {
  const store = useDesignStore.getState();
  const before = store.design;
  if (store.execute(command) && useDesignStore.getState().design !== before) {
    const added = useDesignStore.getState().selection;
    showAddedResources(added);
    useUiStore.getState().reveal(added);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Deleted 2 resources: web-1, web-2." — how many, and which (the first few by name). */
export function summarize(verb: string, names: readonly string[]): string {
  if (names.length === 1) return `${verb} ${names[0]}.`;
  const shown = names.slice(0, 3).join(', ');
  return `${verb} ${plural(names.length, 'resource')}: ${shown}${names.length > 3 ? ` and ${names.length - 3} more` : ''}.`;
}

/** What the toolbar's buttons say they act on: "Delete 2 selected". */
export function selectedTitle(verb: string, count: number): string {
  return count === 0 ? `${verb}: select something first` : `${verb} ${count} selected`;
}

/** Deletes what is selected (and what depends on it, as AWS does) and says what went. */
export function deleteSelection(): void {
  const { selection, design, execute, notify } = useDesignStore.getState();
  if (!selection.length) return;
  if (!execute(deleteResources(selection))) return;
  const after = useDesignStore.getState().design;
  const gone = selection.filter((id) => Object.hasOwn(design.resources, id) && !Object.hasOwn(after.resources, id));
  if (gone.length)
    notify(
      summarize(
        'Deleted',
        gone.map((id) => design.resources[id]!.name),
      ),
    );
}

export function copySelection(): void {
  const { selection, design, notify } = useDesignStore.getState();
  if (!selection.length) return notify('Select something to copy first.');
  const clipboard = copyResources(design, selection);
  useUiStore.getState().setClipboard(clipboard);
  notify(`Copied ${plural(clipboard.resources.length, 'resource')}.`);
}

export function paste(): void {
  const ui = useUiStore.getState();
  const { notify } = useDesignStore.getState();
  if (!ui.clipboard) return notify('Nothing to paste: copy something first.');
  const n = ui.countPaste();
  executeAndReveal(pasteResources(ui.clipboard, { x: PASTE_STEP * n, y: PASTE_STEP * n }));
}

export function duplicateSelection(): void {
  const { selection, design, notify } = useDesignStore.getState();
  if (!selection.length) return notify('Select something to duplicate first.');
  const before = design;
  executeAndReveal(duplicateResources(design, selection));
  if (useDesignStore.getState().design !== before)
    notify(
      summarize(
        'Duplicated',
        selection.map((id) => design.resources[id]?.name ?? id),
      ),
    );
}

/** Moves the selection by (dx, dy): one undo step per key press. */
export function nudgeSelection(dx: number, dy: number): void {
  const { selection, design, execute } = useDesignStore.getState();
  if (!selection.length) return;
  const flow = designToFlow(design, { showSupporting: useUiStore.getState().showSupporting });
  const command = commandForNudge(flow, selection, dx, dy);
  if (command) execute(command);
}

/** Adds a palette item to the selected container (Enter or a click on a palette button). */
export function addToSelection(label: PaletteLabel): void {
  const { selection, design, notify } = useDesignStore.getState();
  const flow = designToFlow(design, { showSupporting: useUiStore.getState().showSupporting });
  const target = keyboardTargetFor(flow, design, label, selection);
  if (!target.ok) return notify(target.error, 'error');
  executeAndReveal(addFromPalette(label, target.target));
}

/** Tidies the selected subnet or VPC (Shift+T, or Tidy in its inspector): one undo step. */
export function tidySelection(): void {
  const { selection, execute, notify } = useDesignStore.getState();
  if (selection.length !== 1) return notify('Select one subnet or VPC to tidy.');
  execute(tidy(selection[0]!));
}

export function selectAll(): void {
  const { design, select } = useDesignStore.getState();
  const showSupporting = useUiStore.getState().showSupporting;
  const flow = designToFlow(design, { showSupporting });
  select(flow.nodes.filter((n) => n.type !== 'region' && n.type !== 'az' && n.type !== 'support').map((n) => n.id));
}
