import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';

/**
 * Connection points on all four sides. With React Flow's loose connection mode any of them can start or end a
 * connection; the adapter picks the facing sides for drawn edges. They show when the node is hovered or selected,
 * are large enough to grab (a wider invisible hit area around each dot), and carry a hint of what a drag does.
 */
export const Handles = memo(function Handles({ connectable = true, hint }: { connectable?: boolean; hint?: string }) {
  const title = connectable ? hint : undefined;
  return (
    <>
      <Handle id="t" type="source" position={Position.Top} isConnectable={connectable} title={title} />
      <Handle id="r" type="source" position={Position.Right} isConnectable={connectable} title={title} />
      <Handle id="b" type="source" position={Position.Bottom} isConnectable={connectable} title={title} />
      <Handle id="l" type="source" position={Position.Left} isConnectable={connectable} title={title} />
      {title && (
        <span className="diagram-handle-hint" aria-hidden="true">
          {title}
        </span>
      )}
    </>
  );
});

/** What dragging from a handle does, by what the node is. */
export const HANDLE_HINTS = {
  vpc: 'Drag to another VPC to peer',
  gateway: 'Drag to a VPC to attach',
  virtualPrivateGateway: 'Drag to a VPC to attach, or to a customer gateway for a VPN',
  customerGateway: 'Drag to a virtual private gateway for a VPN',
  directConnectGateway: 'Drag to a virtual private gateway to associate',
  routeTable: 'Drag to a gateway endpoint to associate',
  gatewayEndpoint: 'Drag to a route table to associate',
} as const;
