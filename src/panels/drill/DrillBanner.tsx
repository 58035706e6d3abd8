/**
 * The strip over the canvas while a failure drill is on: what has failed, how many saved flows it breaks, and
 * "End drill". Loaded only when a drill is on (DrillBannerHost).
 */
import { useMemo } from 'react';
import { endDrill } from '../../engine/commands/drills.ts';
import { describeDrill, summarizeDrill } from '../../engine/whatif/drill.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { flowEvaluations } from '../../store/traffic.ts';
import { usePanelLayout } from '../../store/panelLayout.ts';
import { useUiStore } from '../../store/uiStore.ts';

export function DrillBanner() {
  const design = useDesignStore((s) => s.design);
  const summary = useMemo(() => summarizeDrill(design, flowEvaluations), [design]);
  const readOnly = useDesignStore((s) => s.readOnly !== undefined);
  return (
    <div role="region" aria-label="Failure drill on" className="drill-banner">
      <span className="drill-banner-dot" aria-hidden="true" />
      <p className="min-w-0 flex-1 truncate" title={summary.broken.map((f) => f.name).join('\n') || undefined}>
        {describeDrill(summary)}
      </p>
      {summary.broken.length > 0 && (
        <button
          type="button"
          className="drill-banner-button"
          onClick={() => {
            // A collapsed bottom panel opens: the flows are what the button promises.
            usePanelLayout.getState().expand('bottom');
            useUiStore.getState().setBottomTab('traffic');
          }}
        >
          Show flows
        </button>
      )}
      <button
        type="button"
        className="drill-banner-button"
        disabled={readOnly}
        onClick={() => useDesignStore.getState().execute(endDrill())}
      >
        End drill
      </button>
    </div>
  );
}
