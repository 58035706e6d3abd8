/**
 * The floor for the open benchmark (bench/open.bench.ts): the same stack as the app — Vite, React, the same
 * @xyflow/react — and nothing else, showing 6 nodes with fitView. The app's open times are reported as a ratio to
 * this page's, measured in the same run, so the machine's speed and load cancel out.
 */
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const nodes: Node[] = ['VPC', 'Public subnet', 'Private subnet', 'Internet gateway', 'NAT gateway', 'Instance'].map((label, i) => ({
  id: String(i),
  position: { x: (i % 3) * 220, y: Math.floor(i / 3) * 140 },
  data: { label },
}));
const edges: Edge[] = [
  { id: 'a', source: '0', target: '1' },
  { id: 'b', source: '0', target: '2' },
  { id: 'c', source: '3', target: '0' },
  { id: 'd', source: '1', target: '4' },
  { id: 'e', source: '2', target: '5' },
];

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView />
  </StrictMode>,
);
