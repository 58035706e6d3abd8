/**
 * Peering and VPN connections (resources of their own, so they can be selected and deleted), Direct Connect
 * associations and a gateway endpoint's route tables. A pending peering request is dashed; a finding colours it.
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import type { DiagramEdge } from '../adapter.ts';
import { useDesignStore } from '../../store/designStore.ts';

/** A click on a connection's label selects the connection (adds it with Shift, Ctrl or Cmd), opening it in the inspector. */
function selectConnection(id: string, add: boolean): void {
  const { selection, select } = useDesignStore.getState();
  select(add ? [...selection.filter((x) => x !== id), id] : [id]);
}

const SEVERITY_STROKE = { error: '#D13212', warning: '#E07700', info: '#0972D3' } as const;

function strokeOf(data: DiagramEdge['data']): CSSProperties {
  if (!data) return {};
  const base: CSSProperties = { strokeWidth: 2, stroke: '#8C4FFF' };
  if (data.kind === 'vpn') Object.assign(base, { stroke: '#545B64' });
  if (data.kind === 'directConnect') Object.assign(base, { stroke: '#545B64', strokeDasharray: '2 4' });
  if (data.kind === 'endpointRoute')
    Object.assign(base, { strokeWidth: 1.25, strokeDasharray: '2 3', stroke: '#A27DFF' });
  if (data.pending) Object.assign(base, { strokeDasharray: '8 5' });
  if (data.kind === 'peering' && data.status && data.status !== 'active' && data.status !== 'pending-acceptance') {
    Object.assign(base, { stroke: '#879596', strokeDasharray: '4 4' });
  }
  if (data.severity) base.stroke = SEVERITY_STROKE[data.severity];
  return base;
}

export const ConnectionEdge = memo(function ConnectionEdge(props: EdgeProps<DiagramEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const style = strokeOf(data);
  if (selected) style.strokeWidth = 3.5;
  const showLabel = data && (data.kind === 'peering' || data.kind === 'vpn');
  return (
    <>
      <BaseEdge id={id} path={path} style={style} interactionWidth={16} />
      {showLabel && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="diagram-edge-label nodrag nopan"
            data-pending={data.pending ? 'true' : undefined}
            data-selected={selected ? 'true' : undefined}
            aria-label={`${data.name}: ${data.label}`}
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              borderColor: style.stroke,
            }}
            title={data.findings ? `${data.name}\n\n${data.findings}` : `${data.name} — click to open in the inspector`}
            onClick={(e) => selectConnection(id, e.shiftKey || e.metaKey || e.ctrlKey)}
          >
            {data.label}
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const edgeTypes = { connection: ConnectionEdge };
