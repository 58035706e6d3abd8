import { useEffect } from 'react';
import { toggleFailure } from '../engine/commands/drills.ts';
import { useDesignStore } from '../store/designStore.ts';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  nudgeSelection,
  paste,
  selectAll,
  tidySelection,
} from './actions.ts';
import { isPanelControl, isTextEntry, shortcutFor } from './shortcuts.ts';

/**
 * Installs the editor's shortcuts on the window. Listens in the capture phase so a focused canvas node does not
 * also move itself on arrow keys; leaves every key alone while the user types in a field.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTextEntry(e.target)) return;
      const shortcut = shortcutFor(e);
      if (!shortcut) return;
      if (shortcut.action !== 'undo' && shortcut.action !== 'redo' && isPanelControl(e.target)) return;
      // Let the browser copy text the user has selected on the page (a finding's message, say).
      if (shortcut.action === 'copy' && (window.getSelection()?.toString() ?? '') !== '') return;
      const store = useDesignStore.getState();
      switch (shortcut.action) {
        case 'undo':
          store.undo();
          break;
        case 'redo':
          store.redo();
          break;
        case 'delete':
          deleteSelection();
          break;
        case 'copy':
          copySelection();
          break;
        case 'paste':
          paste();
          break;
        case 'duplicate':
          duplicateSelection();
          break;
        case 'selectAll':
          selectAll();
          break;
        case 'tidy':
          if (!store.selection.length) return;
          tidySelection();
          break;
        case 'toggleFailure':
          if (!store.selection.length) return;
          store.execute(toggleFailure(store.design, store.selection));
          break;
        case 'clearSelection':
          if (!store.selection.length) return;
          store.select([]);
          break;
        case 'nudge':
          if (!store.selection.length) return;
          nudgeSelection(shortcut.dx, shortcut.dy);
          break;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
