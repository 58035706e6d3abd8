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

export function deleteSelection(): void {
  const { selection, execute } = useDesignStore.getState();
  if (selection.length) execute(deleteResources(selection));
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
  executeAndReveal(duplicateResources(design, selection));
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

export function selectAll(): void {
  const { design, select } = useDesignStore.getState();
  const showSupporting = useUiStore.getState().showSupporting;
  const flow = designToFlow(design, { showSupporting });
  select(flow.nodes.filter((n) => n.type !== 'region' && n.type !== 'az' && n.type !== 'support').map((n) => n.id));
}
