import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';

/**
 * Connection points on all four sides. With React Flow's loose connection mode any of them can start or end a
 * connection; the adapter picks the facing sides for drawn edges.
 */
export const Handles = memo(function Handles({ connectable = true }: { connectable?: boolean }) {
  return (
    <>
      <Handle id="t" type="source" position={Position.Top} isConnectable={connectable} />
      <Handle id="r" type="source" position={Position.Right} isConnectable={connectable} />
      <Handle id="b" type="source" position={Position.Bottom} isConnectable={connectable} />
      <Handle id="l" type="source" position={Position.Left} isConnectable={connectable} />
    </>
  );
});
