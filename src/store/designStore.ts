/**
 * The app's one store: the design (the model the canvas views), its undo history of named commands, and UI
 * state (selection, the last message). UI events become commands here; nothing else writes the design.
 */
import { create } from 'zustand';
import type { Command, Design, ResourceId } from '../engine/index.ts';
import { exampleDesign, run } from '../engine/index.ts';

export interface HistoryEntry {
  label: string;
  design: Design;
}

export interface Notice {
  text: string;
  tone: 'error' | 'info';
  /** Increments so the same message twice still shows again. */
  seq: number;
}

export interface DesignState {
  design: Design;
  past: HistoryEntry[];
  future: HistoryEntry[];
  selection: ResourceId[];
  notice?: Notice;
  /**
   * Set while this tab may only look (the design is being edited in another tab, a read-only link): the plain
   * message shown when an edit is refused. Undo and redo are refused too.
   */
  readOnly?: string;
  /** A request for the canvas to frame these resources (e.g. a clicked finding); `seq` changes on every request. */
  focusRequest?: { ids: ResourceId[]; seq: number };
  /** Applies a command as one undo step. Returns false (and shows why) when the command is refused. */
  execute(command: Command): boolean;
  undo(): void;
  redo(): void;
  select(ids: ResourceId[]): void;
  /** Asks the canvas to frame `ids` (it pans and zooms to them); does not change the selection. */
  requestFocus(ids: ResourceId[]): void;
  notify(text: string, tone?: Notice['tone']): void;
  /** Replaces the design without history (first load, opening another design, taking over from another tab). */
  load(design: Design): void;
  setReadOnly(message: string | undefined): void;
}

const HISTORY_LIMIT = 200;
let seq = 0;

export const useDesignStore = create<DesignState>()((set, get) => ({
  design: exampleDesign(),
  past: [],
  future: [],
  selection: [],
  notice: undefined,
  execute(command) {
    const { design, past } = get();
    if (refuseWhileReadOnly()) return false;
    const result = run(design, command);
    if (result.error !== undefined) {
      if (result.error !== 'Nothing moved.') get().notify(result.error, 'error');
      return false;
    }
    if (result.design === design) return true;
    set({
      design: result.design,
      past: [...past, { label: command.label, design }].slice(-HISTORY_LIMIT),
      future: [],
      ...(result.select ? { selection: result.select } : {}),
    });
    return true;
  },
  undo() {
    const { past, future, design } = get();
    if (refuseWhileReadOnly()) return;
    const last = past[past.length - 1];
    if (!last) return;
    set({
      design: last.design,
      past: past.slice(0, -1),
      future: [{ label: last.label, design }, ...future],
      selection: get().selection.filter((id) => Object.hasOwn(last.design.resources, id)),
    });
  },
  redo() {
    const { past, future, design } = get();
    if (refuseWhileReadOnly()) return;
    const next = future[0];
    if (!next) return;
    set({
      design: next.design,
      past: [...past, { label: next.label, design }],
      future: future.slice(1),
      selection: get().selection.filter((id) => Object.hasOwn(next.design.resources, id)),
    });
  },
  select(ids) {
    set({ selection: ids });
  },
  requestFocus(ids) {
    set({ focusRequest: { ids, seq: ++seq } });
  },
  notify(text, tone = 'info') {
    set({ notice: { text, tone, seq: ++seq } });
  },
  load(design) {
    set({ design, past: [], future: [], selection: [] });
  },
  setReadOnly(message) {
    set({ readOnly: message });
  },
}));

function refuseWhileReadOnly(): boolean {
  const { readOnly, notify } = useDesignStore.getState();
  if (readOnly !== undefined) notify(readOnly, 'error');
  return readOnly !== undefined;
}
