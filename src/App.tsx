/**
 * The designer's layout: toolbar across the top; palette, canvas and inspector side by side; findings (and,
 * later, traffic) in tabs under the canvas.
 */
import { Suspense, useEffect, useId, useState } from 'react';
import { Canvas } from './canvas/Canvas.tsx';
import { LibraryHost } from './library/LibraryHost.tsx';
import { StatusNotice } from './canvas/StatusNotice.tsx';
import { useShortcuts } from './canvas/useShortcuts.ts';
import { FindingsPanel } from './panels/findings/FindingsPanel.tsx';
import { ImportProgress } from './panels/import/ImportProgress.tsx';
import { ImportReportHost } from './panels/import/ImportReportHost.tsx';
import { PeeringDialogHost } from './panels/peering/PeeringDialogHost.tsx';
import { Inspector, preloadInspectorForms } from './panels/inspector/Inspector.tsx';
import { Palette } from './panels/Palette.tsx';
import { firstCanvasFrame, lazyNamed, Loading } from './panels/lazy.tsx';
import { useFindingsReady } from './store/findings.ts';
import { Toolbar } from './panels/Toolbar.tsx';
import { CollapsibleSide, PanelToggle } from './panels/layout/Collapsible.tsx';
import { EmptyCanvasCall } from './panels/vpcAndMore/EmptyCanvasCall.tsx';
import { ExportHost } from './panels/export/ExportHost.tsx';
import { GlossaryHost } from './panels/glossary/GlossaryHost.tsx';
import { VpcAndMoreHost } from './panels/vpcAndMore/VpcAndMoreHost.tsx';
import { usePanelLayout } from './store/panelLayout.ts';
import { useUiStore, type BottomTab } from './store/uiStore.ts';
import { EmbedView } from './share/EmbedView.tsx';
import { LessonDock, LessonsHost } from './lessons/LessonsHost.tsx';
import { useShareStore } from './share/openLink.ts';
import { DrillBannerHost } from './panels/drill/DrillBannerHost.tsx';

// Hidden tabs until clicked: loaded (and their flows traced, their exposure computed) on first visit.
const TrafficPanel = lazyNamed(() => import('./panels/traffic/TrafficPanel.tsx').then((m) => m.TrafficPanel));
const ExposurePanel = lazyNamed(() => import('./panels/traffic/ExposurePanel.tsx').then((m) => m.ExposurePanel));

/**
 * After the first canvas frame: the what-if watcher starts (saved flows traced again after each edit, the change
 * announced even when the Traffic tab is not showing), and the parts loaded on demand are fetched while idle so
 * a click shows them at once.
 */
function useAfterFirstCanvasFrame(): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void firstCanvasFrame
      .then(() => import('./panels/traffic/useWhatIf.ts'))
      .then((m) => {
        if (!cancelled) stop = m.watchFlowChanges();
      });
    const idle = (run: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 200);
    void firstCanvasFrame.then(() =>
      idle(() => {
        if (cancelled) return;
        for (const part of [...preloadInspectorForms, TrafficPanel.preload, ExposurePanel.preload]) void part();
      }),
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
}

const TABS: Array<{ id: BottomTab; label: string }> = [
  { id: 'findings', label: 'Findings' },
  { id: 'traffic', label: 'Traffic' },
  { id: 'exposure', label: 'Exposure' },
];

function BottomPanels() {
  const tab = useUiStore((s) => s.bottomTab);
  const chooseTab = useUiStore((s) => s.setBottomTab);
  // Collapsed, only the tab row shows; choosing a tab opens the panels again.
  const collapsed = usePanelLayout((s) => s.collapsed.bottom);
  const setTab = (t: BottomTab) => {
    chooseTab(t);
    usePanelLayout.getState().expand('bottom');
  };
  const base = useId();
  const checked = useFindingsReady();
  // A tab's panel is mounted the first time it is shown and kept (its form state survives switching tabs).
  const [visited, setVisited] = useState<ReadonlySet<BottomTab>>(() => new Set([tab]));
  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));
  return (
    <div
      className={`relative flex ${collapsed ? '' : tab === 'findings' ? 'h-52' : 'h-72'} shrink-0 flex-col border-t border-gray-200 bg-white`}
    >
      <PanelToggle
        panel="bottom"
        label="Bottom panels"
        controls={`${base}-panel-${tab}`}
        className="absolute top-1.5 right-2 h-6 w-6"
      />
      <div
        role="tablist"
        aria-label="Bottom panels"
        className="flex shrink-0 gap-1 border-b border-gray-200 px-2"
        onKeyDown={(e) => {
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          const i = TABS.findIndex((t) => t.id === tab);
          const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
          setTab(next.id);
          document.getElementById(`${base}-tab-${next.id}`)?.focus();
          e.preventDefault();
          e.stopPropagation();
        }}
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${base}-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="bottom-tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        id={`${base}-panel-findings`}
        role="tabpanel"
        aria-labelledby={`${base}-tab-findings`}
        hidden={collapsed || tab !== 'findings'}
        className="min-h-0 flex-1"
      >
        {/* The rules run after the canvas's first frame (see Canvas), so the design shows before its findings. */}
        {checked ? <FindingsPanel /> : <Loading what="findings" />}
      </div>
      <div
        id={`${base}-panel-traffic`}
        role="tabpanel"
        aria-labelledby={`${base}-tab-traffic`}
        hidden={collapsed || tab !== 'traffic'}
        className="min-h-0 flex-1 overflow-auto"
      >
        {visited.has('traffic') && (
          <Suspense fallback={<Loading what="traffic" />}>
            <TrafficPanel />
          </Suspense>
        )}
      </div>
      <div
        id={`${base}-panel-exposure`}
        role="tabpanel"
        aria-labelledby={`${base}-tab-exposure`}
        hidden={collapsed || tab !== 'exposure'}
        className="min-h-0 flex-1"
      >
        {visited.has('exposure') && (
          <Suspense fallback={<Loading what="exposure" />}>
            <ExposurePanel />
          </Suspense>
        )}
      </div>
    </div>
  );
}

/** The designer, or — opened from an embed link — the canvas alone. */
export function App() {
  const embedded = useShareStore((s) => s.embed !== undefined);
  return embedded ? <EmbedView /> : <Designer />;
}

function Designer() {
  useShortcuts();
  useAfterFirstCanvasFrame();
  return (
    <div className="flex h-full flex-col">
      <Toolbar />
      <LibraryHost />
      <div className="flex min-h-0 flex-1">
        <CollapsibleSide panel="palette" label="Palette" side="left">
          <Palette />
        </CollapsibleSide>
        <main className="flex min-w-0 flex-1 flex-col">
          <DrillBannerHost />
          <div className="relative min-h-0 flex-1">
            <Canvas />
            <StatusNotice />
            <EmptyCanvasCall />
            <ImportProgress />
          </div>
          <BottomPanels />
        </main>
        <LessonDock />
        <CollapsibleSide panel="inspector" label="Inspector" side="right">
          <Inspector />
        </CollapsibleSide>
      </div>
      <ImportReportHost />
      <VpcAndMoreHost />
      <PeeringDialogHost />
      <ExportHost />
      <GlossaryHost />
      <LessonsHost />
    </div>
  );
}
