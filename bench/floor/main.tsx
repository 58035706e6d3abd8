/**
 * The floor for the open benchmark (bench/open.bench.ts): the same stack as the app — Vite, React, the same
 * @xyflow/react — and nothing else, showing 6 nodes with fitView. The app's open times are reported as a ratio to
 * this page's, measured in the same run, so the machine's speed and load cancel out.
 *
 * `?nodes=N` shows N nodes instead (a grid of default nodes, one edge to each from its left neighbour): the stack's
 * own cost for as many nodes as a design draws, reported beside the ratio so the part of the app's time that React
 * Flow itself takes for that many nodes is known.
 */
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const LABELS = ['VPC', 'Public subnet', 'Private subnet', 'Internet gateway', 'NAT gateway', 'Instance'];
const count = Number(new URLSearchParams(location.search).get('nodes') ?? LABELS.length);
const perRow = count === LABELS.length ? 3 : Math.ceil(Math.sqrt(count));

const nodes: Node[] = Array.from({ length: count }, (_, i) => ({
  id: String(i),
  position: { x: (i % perRow) * 220, y: Math.floor(i / perRow) * 140 },
  data: { label: LABELS[i % LABELS.length] },
}));
const edges: Edge[] =
  count === LABELS.length
    ? [
        { id: 'a', source: '0', target: '1' },
        { id: 'b', source: '0', target: '2' },
        { id: 'c', source: '3', target: '0' },
        { id: 'd', source: '1', target: '4' },
        { id: 'e', source: '2', target: '5' },
      ]
    : nodes
        .filter((_, i) => i % perRow !== 0)
        .map((n) => ({ id: `e${n.id}`, source: String(Number(n.id) - 1), target: n.id }));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView minZoom={0.1} />
  </StrictMode>,
);
