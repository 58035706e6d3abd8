/**
 * The canvas: React Flow over the adapter's nodes and edges. UI events become design commands here (drop,
 * drag stop, connect, select); the design flows back through the adapter. During a drag, positions live only
 * in local state; the drag's end commits ONE command, so a drag is one undo step.
 */
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  getViewportForBounds,
  ReactFlow,
  ReactFlowProvider,
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type FitViewOptions,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react';
import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { flushSync } from 'react-dom';
import { shallow } from 'zustand/shallow';
import { addFromPalette, connect, getResource, vpcIdOf, type Design, type Finding } from '../engine/index.ts';
import { AWS_COLORS, GROUP_BOXES } from '../engine/model/kinds.ts';
import { useDesignStore } from '../store/designStore.ts';
import { findingsOf, useFindingsReady } from '../store/findings.ts';
import { importFile } from '../store/fileActions.ts';
import { clearSelection, syncSelection } from '../store/selection.ts';
import { useUiStore } from '../store/uiStore.ts';
import {
  designToFlow,
  marksFromFindings,
  reuseUnchanged,
  type DiagramEdge,
  type DiagramFlow,
  type DiagramNode,
} from './adapter.ts';
import { executeAndReveal } from './actions.ts';
import { withFailureMarks } from './failureMarks.ts';
import { dropPeering, isPeeringDrag, vpcAt } from './peeringDrop.ts';
import { draggedPaletteItem, droppedPaletteItem, PALETTE_MIME } from './dnd.ts';
import { commandForDrag } from './dragCommit.ts';
import { containersAt, dropTargetFor } from './dropTarget.ts';
import { edgeTypes } from './edges/ConnectionEdge.tsx';
import { boundsOf, GRID } from './geometry.ts';
import { DETAIL_ZOOM, NodeDetail } from './nodes/detail.ts';
import { useReducedMotion } from './traffic/motion.ts';
import { nodeTypes } from './nodes/index.ts';
import { usePanelLayout } from '../store/panelLayout.ts';
import { DesignMinimap, viewportClearOfMinimap } from './Minimap.tsx';
import { INITIAL_FIT, MIN_ZOOM, minimapAtOpening, openingFitOptions, openingViewport } from './openingFit.ts';
import {
  drawnNodes,
  foldLeaves,
  isLargeFlow,
  subnetsInView,
  useLargeDesignDeferred,
  type FoldedFlow,
} from './largeDesign.ts';
import { FoldedLeaves } from './nodes/FoldedLeaves.tsx';
import { lazyNamed, markFirstCanvasFrame, useAfterFirstFrame } from '../panels/lazy.tsx';
import { PrintFit } from './PrintFit.tsx';

// The packets (and the traces of the saved flows they follow) start after the first canvas frame.
const TrafficOverlay = lazyNamed(() => import('./traffic/TrafficOverlay.tsx').then((m) => m.TrafficOverlay));

const NO_FINDINGS: readonly Finding[] = [];

/** The design each flow was drawn from (a large design is drawn deferred, so a frame may show an older one). */
const drawnFrom = new WeakMap<DiagramFlow, Design>();

/** The adapter's output for the current design, selection and findings; unchanged nodes keep their objects. */
function useDiagram(): DiagramFlow {
  const design = useLargeDesignDeferred(useDesignStore((s) => s.design));
  const selection = useDesignStore((s) => s.selection);
  const showSupporting = useUiStore((s) => s.showSupporting);
  // The rules run once the design has been drawn: the first frame shows the diagram, its findings mark it next.
  const checked = useFindingsReady();
  const findings = checked ? findingsOf(design) : NO_FINDINGS;
  const findingMarks = useMemo(() => marksFromFindings(findings), [findings]);
  const marks = useMemo(() => withFailureMarks(design, findingMarks), [design, findingMarks]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const previous = useRef<DiagramFlow | undefined>(undefined);
  const flow = useMemo(
    () => reuseUnchanged(previous.current, designToFlow(design, { showSupporting, selection: selected, marks })),
    [design, showSupporting, selected, marks],
  );
  useEffect(() => {
    previous.current = flow;
  }, [flow]);
  drawnFrom.set(flow, design);
  return flow;
}

/** Marks the container a drop would land in, straight on the DOM: no re-render on every pointer move. */
function useDropHighlight(root: React.RefObject<HTMLElement | null>) {
  const current = useRef<{ key: string; el: Element | null }>({ key: '', el: null });
  return useCallback(
    (id: string | undefined, state: 'ok' | 'refused' | undefined) => {
      const key = `${id ?? ''}|${state ?? ''}`;
      if (current.current.key === key) return;
      current.current.el?.classList.remove('drop-ok', 'drop-refused');
      const el =
        id && state ? (root.current?.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ?? null) : null;
      el?.classList.add(state === 'ok' ? 'drop-ok' : 'drop-refused');
      current.current = { key, el };
    },
    [root],
  );
}

/** The node that shows a resource: its own, or (for what is not drawn) the node of what it belongs to. */
function drawnNodeFor(flow: DiagramFlow, design: Design, id: string): string | undefined {
  if (flow.placed.has(id)) return id;
  const r = getResource(design, id);
  if (!r) return undefined;
  if (r.kind === 'peeringConnection') return flow.placed.has(r.requesterVpcId) ? r.requesterVpcId : undefined;
  if (r.kind === 'vpnConnection') return flow.placed.has(r.vpnGatewayId) ? r.vpnGatewayId : undefined;
  const vpcId = vpcIdOf(design, r);
  return vpcId && flow.placed.has(vpcId) ? vpcId : undefined;
}

const folds = new WeakMap<readonly DiagramNode[], { edges: readonly DiagramEdge[]; folded: FoldedFlow }>();

/**
 * `foldLeaves` of these nodes and edges, computed once: the canvas's first render and React Flow's initial nodes
 * (Canvas) get the same array.
 */
function foldedFor(
  nodes: readonly DiagramNode[],
  flow: DiagramFlow,
  edges: readonly DiagramEdge[],
  previous?: FoldedFlow,
): FoldedFlow {
  const hit = folds.get(nodes);
  if (hit && hit.edges === edges) return hit.folded;
  const folded = foldLeaves(nodes, flow.placed, edges, previous);
  folds.set(nodes, { edges, folded });
  return folded;
}

const NO_FOLDED_LEAVES: FoldedFlow['leaves'] = new Map();

function clientPoint(e: MouseEvent | TouchEvent): { x: number; y: number } {
  const p = 'changedTouches' in e ? e.changedTouches[0] : e;
  return { x: p?.clientX ?? 0, y: p?.clientY ?? 0 };
}

/** The minimap's boxes in the group boxes' colours (model/kinds.ts, as the canvas and every export draw them). */
function minimapColor(node: DiagramNode): string {
  switch (node.type) {
    case 'region':
      return 'transparent';
    case 'vpc':
      return `${GROUP_BOXES.vpc.stroke}1F`; // 12 % of the VPC's colour
    case 'az':
      return 'transparent';
    case 'subnet':
      return `${(node.data.isPublic ? GROUP_BOXES.publicSubnet : GROUP_BOXES.privateSubnet).stroke}66`; // 40 %
    default:
      return AWS_COLORS.networking;
  }
}

function minimapStroke(node: DiagramNode): string {
  if (node.type === 'region') return GROUP_BOXES.region.stroke;
  if (node.type === 'vpc') return GROUP_BOXES.vpc.stroke;
  return 'transparent';
}

function CanvasFlow({ flow }: { flow: DiagramFlow }) {
  const flowRef = useRef(flow);
  useEffect(() => {
    flowRef.current = flow;
  }, [flow]);

  // Local node state: follows the adapter, and holds positions mid-drag.
  const [nodes, setNodes] = useState(flow.nodes);
  const [edges, setEdges] = useState(flow.edges);
  const [shown, setShown] = useState(flow);
  const nodesInitialized = useNodesInitialized();
  const overlay = useAfterFirstFrame(nodesInitialized || flow.nodes.length === 0);
  useEffect(() => {
    if (overlay) markFirstCanvasFrame();
  }, [overlay]);
  if (shown !== flow) {
    setShown(flow);
    setNodes(flow.nodes);
    setEdges(flow.edges);
  }

  // The viewport the provider fitted the design into (see Canvas): React Flow's pan and zoom start there.
  const store = useStoreApi();
  const [initialViewport] = useState(() => {
    const [x, y, zoom] = store.getState().transform;
    return { x, y, zoom };
  });

  const detailed = useStore((s) => s.transform[2] >= DETAIL_ZOOM);
  // A large design draws only what is in view, and no leaves when zoomed out (largeDesign.ts).
  const large = isLargeFlow(nodes.length);
  const largeRef = useRef(large);
  largeRef.current = large;
  const subnetsShown = useStore(
    (s) => (large ? subnetsInView(flow.placed, s.transform, s.width, s.height) : undefined),
    shallow,
  );
  // Zoomed out past the level of detail, the subnets draw their leaves themselves (largeDesign.ts, `foldLeaves`).
  const foldedBefore = useRef<FoldedFlow | undefined>(undefined);
  const folded = useMemo(
    () => (large || detailed ? undefined : foldedFor(nodes, flow, edges, foldedBefore.current)),
    [large, detailed, nodes, flow, edges],
  );
  useEffect(() => {
    if (folded) foldedBefore.current = folded;
  }, [folded]);
  const drawn = useMemo(
    () => (subnetsShown ? drawnNodes(nodes, flow.placed, subnetsShown) : (folded?.nodes ?? nodes)),
    [subnetsShown, nodes, flow.placed, folded],
  );

  const execute = useDesignStore((s) => s.execute);
  const readOnly = useDesignStore((s) => s.readOnly !== undefined);
  const { screenToFlowPosition, getViewport, setCenter, getNodes, getNodesBounds, setViewport } = useReactFlow();
  const root = useRef<HTMLElement>(null);
  const highlight = useDropHighlight(root);

  // With reduced motion (the system's setting or the Traffic panel's toggle) the view jumps instead of gliding.
  const still = useReducedMotion();
  const stillRef = useRef(still);
  stillRef.current = still;
  const glide = (ms: number) => (stillRef.current ? 0 : ms);

  const fitViewRequest = useUiStore((s) => s.fitViewRequest);
  const fitDone = useRef(0);
  useEffect(() => {
    // Fit once the canvas draws the design the request was made for (a large one arrives in a deferred render).
    if (fitViewRequest <= fitDone.current || drawnFrom.get(flow) !== useDesignStore.getState().design) return;
    // Framed clear of the minimap (see Minimap.tsx).
    const { width, height, minZoom } = store.getState();
    const bounds = getNodesBounds(getNodes());
    if (!width || !height || !bounds.width) return;
    fitDone.current = fitViewRequest;
    const minimap = !usePanelLayout.getState().minimapHidden && !largeRef.current;
    // A large design jumps: each frame of a glide would draw the nodes newly in view.
    void setViewport(viewportClearOfMinimap(bounds, width, height, { padding: 0.12, minZoom, maxZoom: 1.1, minimap }), {
      duration: largeRef.current ? 0 : glide(200),
    });
  }, [fitViewRequest, flow, getNodes, getNodesBounds, setViewport, store]);

  // Something was added off screen (a keyboard add, a paste): pan just enough to show it, keeping the zoom.
  const revealRequest = useUiStore((s) => s.revealRequest);
  // While a reveal pan is animating, the live viewport is somewhere on the way (and d3's smooth zoom dips the zoom):
  // judge the next reveal against where the pan will come to rest, so several pastes in a row neither ratchet the
  // zoom down nor skip a pan because the moving view happened to cross the new resource.
  const revealTarget = useRef<{ x: number; y: number; zoom: number; until: number } | undefined>(undefined);
  useEffect(() => {
    const box = root.current?.getBoundingClientRect();
    if (!revealRequest || !box) return;
    const targets = revealRequest.ids
      .map((id) => flowRef.current.placed.get(id)?.abs)
      .filter((r): r is NonNullable<typeof r> => !!r);
    const wanted = boundsOf(targets);
    if (!wanted) return;
    const moving =
      revealTarget.current && performance.now() < revealTarget.current.until ? revealTarget.current : undefined;
    const { x, y, zoom } = moving ?? getViewport();
    const visible = { x: -x / zoom, y: -y / zoom, width: box.width / zoom, height: box.height / zoom };
    const inside =
      wanted.x >= visible.x &&
      wanted.y >= visible.y &&
      wanted.x + wanted.width <= visible.x + visible.width &&
      wanted.y + wanted.height <= visible.y + visible.height;
    if (!inside) {
      const cx = wanted.x + wanted.width / 2;
      const cy = wanted.y + wanted.height / 2;
      revealTarget.current = {
        x: box.width / 2 - cx * zoom,
        y: box.height / 2 - cy * zoom,
        zoom,
        until: performance.now() + 1000,
      };
      void setCenter(cx, cy, { zoom, duration: glide(200) });
    }
  }, [revealRequest, getViewport, setCenter]);

  // Another panel (a finding, an exposed resource) asks to see resources: frame them, or their nearest drawn
  // container when they are not drawn themselves (a hidden route table shows its VPC).
  const focusRequest = useDesignStore((s) => s.focusRequest);
  useEffect(() => {
    if (!focusRequest) return;
    const { placed } = flowRef.current;
    const wanted = boundsOf(
      focusRequest.ids
        .map((id) => drawnNodeFor(flowRef.current, useDesignStore.getState().design, id))
        .map((id) => (id === undefined ? undefined : placed.get(id)?.abs))
        .filter((r): r is NonNullable<typeof r> => !!r),
    );
    // From the geometry, not React Flow's nodes: zoomed out, a leaf is drawn by its subnet, not as a node.
    const { width, height, minZoom } = store.getState();
    if (wanted && width && height)
      void setViewport(getViewportForBounds(wanted, width, height, minZoom, 1.25, 0.35), { duration: glide(250) });
  }, [focusRequest, setViewport, store]);

  const onNodesChange = useCallback((changes: NodeChange<DiagramNode>[]) => {
    const update = () => setNodes((ns) => applyNodeChanges(changes, ns));
    // Mid-drag, render in the pointer event itself so the frame that follows already shows the move
    // (React would otherwise render in a later task, a frame late). Drag changes come from pointer events,
    // never from a React render or effect, where flushSync is not allowed.
    if (changes.length > 0 && changes.every((c) => c.type === 'position' && c.dragging)) flushSync(update);
    else update();
    syncSelection(changes);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<DiagramEdge>[]) => {
    setEdges((es) => applyEdgeChanges(changes, es));
    syncSelection(changes);
  }, []);

  const onNodeDrag: OnNodeDrag<DiagramNode> = useCallback(
    (event, node, dragged) => {
      // Show where a leaf or subnet would move to; VPCs and top-level nodes never change container.
      const placed = flowRef.current.placed.get(node.id);
      if (
        dragged.length !== 1 ||
        !placed ||
        (placed.type !== 'subnet' && placed.type !== 'resource') ||
        !placed.parentId
      )
        return;
      const parentType = flowRef.current.placed.get(placed.parentId)?.type;
      const want = placed.type === 'subnet' ? 'az' : parentType === 'subnet' ? 'subnet' : undefined;
      if (!want) return;
      const point = screenToFlowPosition(clientPoint(event));
      const target = [...containersAt(flowRef.current, point, node.id)].reverse().find((c) => c.type === want);
      highlight(target && target.id !== placed.parentId ? target.id : undefined, 'ok');
    },
    [highlight, screenToFlowPosition],
  );

  const onNodeDragStop: OnNodeDrag<DiagramNode> = useCallback(
    (event, _node, dragged) => {
      highlight(undefined, undefined);
      const pointer = screenToFlowPosition(clientPoint(event));
      const command = commandForDrag(
        flowRef.current,
        dragged.map((n) => ({ id: n.id, position: n.position })),
        pointer,
      );
      const before = useDesignStore.getState().design;
      if (command) execute(command);
      // A refused or empty drag snaps back to where the design says things are.
      if (useDesignStore.getState().design === before) setNodes(flowRef.current.nodes);
    },
    [execute, highlight, screenToFlowPosition],
  );

  const onConnect = useCallback((c: Connection) => execute(connect(c.source, c.target)), [execute]);

  const dropCheck = useRef<{ design?: Design; key: string; ok: boolean }>({ key: '', ok: false });
  const onDragOver = useCallback(
    (e: DragEvent) => {
      const types = e.dataTransfer.types;
      const label = draggedPaletteItem();
      const peering = isPeeringDrag(e.dataTransfer);
      if (!label && !peering && !types.includes(PALETTE_MIME) && !types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      if (peering) {
        const vpc = vpcAt(flowRef.current, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
        return highlight(vpc, vpc ? 'ok' : undefined);
      }
      if (!label) return;
      const target = dropTargetFor(flowRef.current, label, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      // Whether the drop is allowed depends on the item and the container, not on the point: ask once per container.
      const design = useDesignStore.getState().design;
      const key = `${label}|${target.nodeId ?? ''}`;
      if (dropCheck.current.design !== design || dropCheck.current.key !== key) {
        dropCheck.current = { design, key, ok: addFromPalette(label, target).apply(design).ok };
      }
      highlight(target.nodeId, dropCheck.current.ok ? 'ok' : 'refused');
    },
    [highlight, screenToFlowPosition],
  );

  const onDragLeave = useCallback(
    (e: DragEvent) => {
      if (!(e.relatedTarget instanceof Node) || !e.currentTarget.contains(e.relatedTarget))
        highlight(undefined, undefined);
    },
    [highlight],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      highlight(undefined, undefined);
      const file = e.dataTransfer.files[0];
      if (file) {
        void importFile(file);
        return;
      }
      const point = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      if (isPeeringDrag(e.dataTransfer)) return dropPeering(flowRef.current, point);
      const label = droppedPaletteItem(e.dataTransfer);
      if (!label) return;
      // The nearest free place may be off screen (a VPC dropped among others): executeAndReveal brings it into view.
      executeAndReveal(addFromPalette(label, dropTargetFor(flowRef.current, label, point)));
    },
    [highlight, screenToFlowPosition],
  );

  return (
    <section
      ref={root}
      aria-label="Canvas"
      className="print-diagram relative h-full w-full"
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <NodeDetail.Provider value={detailed}>
        <FoldedLeaves.Provider value={folded?.leaves ?? NO_FOLDED_LEAVES}>
          <ReactFlow<DiagramNode, DiagramEdge>
            nodes={drawn}
            edges={edges}
            onlyRenderVisibleElements={large}
            // A read-only tab (the design is edited in another tab) neither drags nor connects: no move that snaps back.
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDrag={onNodeDrag}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            onPaneClick={clearSelection}
            connectionMode={ConnectionMode.Loose}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
            snapToGrid
            snapGrid={[GRID, GRID]}
            minZoom={MIN_ZOOM}
            maxZoom={2.5}
            defaultViewport={initialViewport}
            proOptions={{ hideAttribution: true }}
          >
            <Background variant={BackgroundVariant.Dots} gap={GRID * 2} size={1} color="#c8ccd0" />
            {overlay && (
              <Suspense fallback={null}>
                <TrafficOverlay placed={flow.placed} />
              </Suspense>
            )}
            {/* The zoom buttons and the minimap (which draws every node again) come with the frame after the first,
              like the panels: the first frame builds the design alone. The first framing already keeps the
              minimap's corner clear (initialFit). */}
            {overlay && <Controls position="bottom-left" showInteractive={false} />}
            <PrintFit />
            {/* A large design's minimap would draw every node (largeDesign.ts). */}
            {overlay && !large && <DesignMinimap nodeColor={minimapColor} nodeStrokeColor={minimapStroke} />}
          </ReactFlow>
        </FoldedLeaves.Provider>
      </NodeDetail.Provider>
    </section>
  );
}

/** The first framing (openingFit.ts), for the design's drawn boxes. */
function initialFit(flow: DiagramFlow, size: { width: number; height: number }): FitViewOptions {
  return openingFitOptions(
    boundsOf([...flow.placed.values()].map((p) => p.abs)),
    size,
    minimapAtOpening(flow.nodes.length),
  );
}

/**
 * The nodes React Flow starts with: a large design's containers (largeDesign.ts); a design that opens framed
 * below the level of detail, without the leaves its subnets draw (`foldLeaves`) — the same array the canvas's first
 * render gives it.
 */
function initialNodes(flow: DiagramFlow, size: { width: number; height: number }): DiagramNode[] {
  if (isLargeFlow(flow.nodes.length)) return drawnNodes(flow.nodes, flow.placed, []);
  const bounds = boundsOf([...flow.placed.values()].map((p) => p.abs));
  if (!bounds) return flow.nodes;
  const { zoom } = openingViewport(bounds, size, minimapAtOpening(flow.nodes.length));
  return zoom < DETAIL_ZOOM ? foldedFor(flow.nodes, flow, flow.edges).nodes : flow.nodes;
}

/**
 * Measures the canvas's box before React Flow first renders, so that first render already holds every node, framed:
 * React Flow's store starts with the nodes and a fitted viewport instead of receiving them in an effect and fitting
 * them after measuring (two more renders of every node, and frames showing an empty canvas, then a corner of the
 * design at zoom 1).
 */
export function Canvas() {
  const flow = useDiagram();
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number }>();
  useLayoutEffect(() => {
    const rect = box.current?.getBoundingClientRect();
    setSize({ width: rect?.width ?? 0, height: rect?.height ?? 0 });
  }, []);
  return (
    <div ref={box} className="h-full w-full">
      {size && (
        <ReactFlowProvider
          initialNodes={initialNodes(flow, size)}
          initialEdges={flow.edges}
          initialWidth={size.width}
          initialHeight={size.height}
          fitView
          initialFitViewOptions={initialFit(flow, size)}
          initialMinZoom={MIN_ZOOM}
          initialMaxZoom={INITIAL_FIT.maxZoom}
        >
          <CanvasFlow flow={flow} />
        </ReactFlowProvider>
      )}
    </div>
  );
}
