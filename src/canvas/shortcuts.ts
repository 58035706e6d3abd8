/**
 * Keyboard shortcuts, as a pure mapping from a key press to an action (tested without a browser), and the test
 * for whether a key press belongs to a text field instead.
 */
export type Shortcut =
  | {
      action:
        | 'undo'
        | 'redo'
        | 'delete'
        | 'copy'
        | 'paste'
        | 'duplicate'
        | 'selectAll'
        | 'clearSelection'
        | 'tidy'
        | 'toggleFailure';
    }
  | { action: 'nudge'; dx: number; dy: number };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Nudge steps in pixels: one, or ten with Shift. */
export const NUDGE = 1;
export const NUDGE_LARGE = 10;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function shortcutFor(e: KeyPress): Shortcut | undefined {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return undefined;
  if (mod) {
    if (key === 'z') return { action: e.shiftKey ? 'redo' : 'undo' };
    if (key === 'y' && !e.shiftKey) return { action: 'redo' };
    if (key === 'c' && !e.shiftKey) return { action: 'copy' };
    if (key === 'v' && !e.shiftKey) return { action: 'paste' };
    if (key === 'd' && !e.shiftKey) return { action: 'duplicate' };
    if (key === 'a' && !e.shiftKey) return { action: 'selectAll' };
    return undefined;
  }
  if (key === 'Delete' || key === 'Backspace') return { action: 'delete' };
  if (key === 'Escape') return { action: 'clearSelection' };
  if (key === 't' && e.shiftKey) return { action: 'tidy' };
  // Failure drill: fail the selection, or restore it when all of it has failed.
  if (key === 'f' && e.shiftKey) return { action: 'toggleFailure' };
  const arrow = ARROWS[key];
  if (arrow) {
    const step = e.shiftKey ? NUDGE_LARGE : NUDGE;
    return { action: 'nudge', dx: arrow[0] * step, dy: arrow[1] * step };
  }
  return undefined;
}

/** Whether keys typed at `target` are text editing (inputs, text areas, selects, contenteditable, dialogs). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el.closest('[role="dialog"], [role="alertdialog"]')) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(type);
  }
  return false;
}

/**
 * Whether a key press comes from a control in a side or bottom panel (the inspector's checkboxes, the findings
 * list, the traffic controls, the palette). Keys there belong to that control: Backspace on a focused checkbox
 * must not delete the selected VPC, and arrow keys on a tab list must not nudge it. Undo and redo still apply.
 */
export function isPanelControl(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('aside, [role="tabpanel"], [role="tablist"]') !== null;
}
