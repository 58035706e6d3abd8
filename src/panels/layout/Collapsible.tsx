/**
 * Collapsing the palette, the inspector and the bottom panels to give the canvas room. Each toggle is a button
 * named after its panel with `aria-expanded`, so it reads "Palette, expanded" and works with Enter and Space.
 */
import { useId, type ReactNode } from 'react';
import { usePanelLayout, type CollapsiblePanel } from '../../store/panelLayout.ts';

function Chevron({ pointing }: { pointing: 'left' | 'right' | 'up' | 'down' }) {
  const d = { left: 'M10 3L5 8l5 5', right: 'M6 3l5 5-5 5', up: 'M3 10l5-5 5 5', down: 'M3 6l5 5 5-5' }[pointing];
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}

const toggleClass =
  'flex items-center justify-center rounded text-gray-600 hover:bg-gray-200 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-[#0972d3]';

/** The button that collapses or expands a panel. */
export function PanelToggle({
  panel,
  label,
  controls,
  className = '',
}: {
  panel: CollapsiblePanel;
  label: string;
  controls?: string;
  className?: string;
}) {
  const collapsed = usePanelLayout((s) => s.collapsed[panel]);
  const toggle = usePanelLayout((s) => s.toggle);
  const pointing =
    panel === 'palette'
      ? collapsed
        ? 'right'
        : 'left'
      : panel === 'inspector'
        ? collapsed
          ? 'left'
          : 'right'
        : collapsed
          ? 'up'
          : 'down';
  return (
    <button
      type="button"
      aria-label={label}
      aria-expanded={!collapsed}
      aria-controls={collapsed ? undefined : controls}
      title={`${collapsed ? 'Show' : 'Hide'} the ${label.toLowerCase()}`}
      data-panel-toggle={panel}
      className={`${toggleClass} ${className}`}
      onClick={() => toggle(panel)}
    >
      <Chevron pointing={pointing} />
    </button>
  );
}

/**
 * A side panel (palette on the left, inspector on the right) with a thin strip holding its toggle at the edge
 * facing the canvas; collapsed, only the strip remains.
 */
export function CollapsibleSide({
  panel,
  label,
  side,
  children,
}: {
  panel: 'palette' | 'inspector';
  label: string;
  side: 'left' | 'right';
  children: ReactNode;
}) {
  const collapsed = usePanelLayout((s) => s.collapsed[panel]);
  const id = useId();
  const strip = (
    <div
      className={`flex w-6 shrink-0 flex-col items-center bg-gray-50 pt-1 ${side === 'left' ? 'border-r' : 'border-l'} border-gray-200`}
    >
      <PanelToggle panel={panel} label={label} controls={id} className="h-7 w-5" />
    </div>
  );
  return (
    <div className="flex min-h-0 shrink-0">
      {side === 'right' && strip}
      {!collapsed && (
        <div id={id} className="flex min-h-0">
          {children}
        </div>
      )}
      {side === 'left' && strip}
    </div>
  );
}
