import type { NodeProps } from '@xyflow/react';

/**
 * Node components re-render only when what they draw changes: not on every frame of a drag that moves their
 * container (React Flow passes the new absolute position, which they do not use).
 */
export function sameNodeProps(a: NodeProps, b: NodeProps): boolean {
  return (
    a.data === b.data &&
    a.selected === b.selected &&
    a.width === b.width &&
    a.height === b.height &&
    a.isConnectable === b.isConnectable
  );
}
