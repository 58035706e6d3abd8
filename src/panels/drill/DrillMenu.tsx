/**
 * The toolbar's "Failure drill" menu: one checkbox per Availability Zone of the design (checked = the zone has
 * failed) and "End drill". A disclosure, not an ARIA menu: Tab moves through its checkboxes, Space toggles one,
 * Escape closes it and puts focus back on its button.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { endDrill, failZone, hasFailures, restoreZone, subnetZonesOf } from '../../engine/commands/drills.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { ToolbarIcon } from '../ToolbarIcon.tsx';

const DRILL_ICON = 'M8 1.5l6.5 12h-13ZM8 6v3.5M8 11.5v.5';

export function DrillMenu() {
  const design = useDesignStore((s) => s.design);
  const zones = useMemo(() => subnetZonesOf(design), [design]);
  const failed = design.failures?.zones ?? [];
  const on = hasFailures(design.failures);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && (box.current?.contains(e.target) || button.current?.contains(e.target))) return;
      setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer, true);
    return () => window.removeEventListener('pointerdown', onPointer, true);
  }, [open]);

  const execute = useDesignStore.getState().execute;
  // Zones a drill failed whose subnets have since moved still show, so they can be restored.
  const listed = [...new Set([...zones, ...failed])].sort();
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        className="toolbar-button toolbar-button-compact"
        aria-label="Failure drill"
        aria-expanded={open}
        aria-controls={id}
        title="Failure drill: fail an Availability Zone (or, in the inspector, one resource) and see which flows break"
        data-drill-on={on || undefined}
        onClick={() => setOpen(!open)}
      >
        <ToolbarIcon d={DRILL_ICON} />
        {/* Icon only: the bar is full at 1440 px; its name is the aria-label and its title says what it does. */}
        <span className="sr-only">Failure drill</span>
      </button>
      {open && (
        <div
          ref={box}
          id={id}
          role="group"
          aria-label="Failure drill"
          className="absolute right-0 top-full z-50 mt-1 w-64 rounded-md border border-gray-200 bg-white p-2 text-sm text-gray-900 shadow-lg"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }}
        >
          <p className="mb-1 text-xs text-gray-600">
            Fail a whole Availability Zone: every subnet in it, and all they hold.
          </p>
          {listed.length === 0 ? (
            <p className="text-xs text-gray-500">This design has no subnet yet.</p>
          ) : (
            <ul className="space-y-0.5">
              {listed.map((zone) => (
                <li key={zone}>
                  <label className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-gray-50">
                    <input
                      type="checkbox"
                      checked={failed.includes(zone)}
                      onChange={(e) => execute(e.target.checked ? failZone(zone) : restoreZone(zone))}
                    />
                    <span>Availability Zone {zone} failed</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="mt-2 w-full rounded border border-gray-300 px-2 py-0.5 text-xs font-medium hover:bg-gray-50 disabled:opacity-50"
            disabled={!on}
            onClick={() => {
              execute(endDrill());
              setOpen(false);
              button.current?.focus();
            }}
          >
            End drill (restore everything)
          </button>
        </div>
      )}
    </div>
  );
}
