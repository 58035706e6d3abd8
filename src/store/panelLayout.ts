/**
 * Room to work: which side panels are collapsed and whether the minimap shows. A preference kept across visits in
 * local storage (like the reduced-motion choice in uiStore), never part of the design or its undo history.
 */
import { create } from 'zustand';

/** Local storage key of the panel layout (JSON: `{ collapsed: {...}, minimapHidden }`). */
export const PANEL_LAYOUT_KEY = 'vpc-designer:panels';

export type CollapsiblePanel = 'palette' | 'inspector' | 'bottom';

export interface PanelLayout {
  collapsed: Record<CollapsiblePanel, boolean>;
  minimapHidden: boolean;
}

const OPEN: PanelLayout = { collapsed: { palette: false, inspector: false, bottom: false }, minimapHidden: false };

function read(): PanelLayout {
  try {
    const raw = globalThis.localStorage?.getItem(PANEL_LAYOUT_KEY);
    if (!raw) return OPEN;
    const value = JSON.parse(raw) as Partial<PanelLayout> | null;
    const c = (value?.collapsed ?? {}) as Partial<Record<CollapsiblePanel, unknown>>;
    return {
      collapsed: { palette: c.palette === true, inspector: c.inspector === true, bottom: c.bottom === true },
      minimapHidden: value?.minimapHidden === true,
    };
  } catch {
    return OPEN; // unreadable or refused storage: everything open
  }
}

function write(layout: PanelLayout): void {
  try {
    globalThis.localStorage?.setItem(PANEL_LAYOUT_KEY, JSON.stringify(layout));
  } catch {
    // Not kept across visits, still applied now.
  }
}

export interface PanelLayoutState extends PanelLayout {
  toggle(panel: CollapsiblePanel): void;
  expand(panel: CollapsiblePanel): void;
  toggleMinimap(): void;
}

export const usePanelLayout = create<PanelLayoutState>()((set, get) => {
  const save = (next: PanelLayout) => {
    write(next);
    set(next);
  };
  return {
    ...read(),
    toggle(panel) {
      const { collapsed, minimapHidden } = get();
      save({ collapsed: { ...collapsed, [panel]: !collapsed[panel] }, minimapHidden });
    },
    expand(panel) {
      const { collapsed, minimapHidden } = get();
      if (collapsed[panel]) save({ collapsed: { ...collapsed, [panel]: false }, minimapHidden });
    },
    toggleMinimap() {
      const { collapsed, minimapHidden } = get();
      save({ collapsed, minimapHidden: !minimapHidden });
    },
  };
});
