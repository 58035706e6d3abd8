/**
 * The dialog's live preview, drawn like the console's resource map: the VPC, its subnets by AZ, the route tables and
 * the network connections, each in a column. Read from `previewVpcAndMore`, the same engine output Create uses.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ResourceMap } from '../../engine/commands/vpcAndMorePreview.ts';

// AWS architecture-diagram colours: VPC purple, public subnet green, private subnet teal, AZ blue.
const VPC = '#8c4fff';
const PUBLIC = '#7aa116';
const PRIVATE = '#00a4a6';

function Column({ title, count, children }: { title: string; count?: number; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="flex min-w-0 flex-1 flex-col gap-1.5">
      <h4 className="text-[11px] font-semibold tracking-wide text-gray-500 uppercase">
        {title}
        {count !== undefined && <span className="ml-1 font-normal">({count})</span>}
      </h4>
      {children}
    </section>
  );
}

function Card({
  id,
  color,
  title,
  lines,
  dashed,
}: {
  id: string;
  color: string;
  title: string;
  lines: string[];
  dashed?: boolean;
}) {
  return (
    <div
      data-map-id={id}
      className="relative rounded border-l-4 bg-white px-2 py-1 text-[11px] leading-snug shadow-sm"
      style={{ borderLeftColor: color, borderLeftStyle: dashed ? 'dashed' : 'solid' }}
    >
      <div className="truncate font-semibold text-gray-900" title={title}>
        {title}
      </div>
      {lines.map((l) => (
        <div key={l} className="truncate text-gray-600" title={l}>
          {l}
        </div>
      ))}
    </div>
  );
}

interface Line {
  key: string;
  d: string;
}

/** Each subnet to its route table, each route table to where its routes go: the lines the console draws. */
function linksOf(map: ResourceMap | undefined): Array<{ from: string; to: string }> {
  if (!map) return [];
  return [
    ...map.routeTables.flatMap((t) => t.subnetIds.map((from) => ({ from, to: t.id }))),
    ...map.routeTables.flatMap((t) => t.routes.map((r) => ({ from: t.id, to: r.target }))),
  ];
}

/**
 * The resource map's connecting lines, drawn after layout from the cards' boxes (`data-map-id`), and again when the
 * connections or the preview's size change.
 */
function useLines(root: React.RefObject<HTMLDivElement | null>, map: ResourceMap | undefined): Line[] {
  const [lines, setLines] = useState<Line[]>([]);
  const links = linksOf(map);
  const key = links.map((l) => `${l.from}>${l.to}`).join(',');
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const draw = () => {
      const origin = el.getBoundingClientRect();
      const box = (id: string) => el.querySelector(`[data-map-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
      const next: Line[] = [];
      for (const { from, to } of links) {
        const a = box(from);
        const b = box(to);
        if (!a || !b) continue;
        const x1 = a.right - origin.left;
        const y1 = a.top + a.height / 2 - origin.top;
        const x2 = b.left - origin.left;
        const y2 = b.top + b.height / 2 - origin.top;
        const mid = (x1 + x2) / 2;
        next.push({ key: `${from}>${to}`, d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}` });
      }
      setLines(next);
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(el);
    return () => observer.disconnect();
    // `key` stands for `links` (and whether the map shows): redraw when the connections change, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [root, key, map === undefined]);
  return lines;
}

export function ResourceMapPreview({ map }: { map?: ResourceMap }) {
  const root = useRef<HTMLDivElement>(null);
  const lines = useLines(root, map);
  // The form marks what is wrong beside the field; the preview does not repeat it.
  if (!map) {
    return (
      <p role="status" className="rounded border border-dashed border-gray-300 p-3 text-xs text-gray-600">
        The preview returns once the fields marked in red are fixed.
      </p>
    );
  }
  const subnetName = new Map(map.zones.flatMap((z) => z.subnets.map((s) => [s.id, s.name] as const)));
  const subnetCount = map.zones.reduce((n, z) => n + z.subnets.length, 0);
  return (
    <div ref={root} className="relative flex gap-6">
      <svg aria-hidden="true" className="pointer-events-none absolute inset-0 h-full w-full overflow-visible">
        {lines.map((l) => (
          <path key={l.key} d={l.d} fill="none" stroke="#687078" strokeWidth="1.2" opacity="0.8" />
        ))}
      </svg>
      <Column title="VPC">
        <Card id={map.vpc.id} color={VPC} title={map.vpc.name} lines={[map.vpc.cidr]} />
      </Column>
      <Column title="Subnets" count={subnetCount}>
        {map.zones.map((z) => (
          <div
            key={z.zone}
            aria-label={`Subnets in ${z.zone}`}
            role="group"
            className="flex flex-col gap-1 rounded border border-dashed border-[#147eba] p-1"
          >
            <div className="text-[10px] font-semibold text-[#147eba]">{z.zone}</div>
            {z.subnets.length === 0 && <div className="text-[10px] text-gray-500">No subnets</div>}
            {z.subnets.map((s) => (
              <Card
                key={s.id}
                id={s.id}
                color={s.isPublic ? PUBLIC : PRIVATE}
                title={s.name}
                lines={[`${s.isPublic ? 'Public' : 'Private'} · ${s.cidr}`]}
              />
            ))}
          </div>
        ))}
      </Column>
      <Column title="Route tables" count={map.routeTables.length}>
        {map.routeTables.map((t) => (
          <Card
            key={t.id}
            id={t.id}
            color="#545b64"
            title={t.name}
            lines={[
              t.subnetIds.length
                ? `Used by ${t.subnetIds.map((id) => subnetName.get(id)?.replace(/^.*-subnet-/, '') ?? id).join(', ')}`
                : 'Used by no subnet',
              ...(t.routes.length ? t.routes.map((r) => `${r.destination} → ${r.targetName}`) : ['local routes only']),
            ]}
          />
        ))}
      </Column>
      <Column title="Network connections" count={map.connections.length}>
        {map.connections.length === 0 && <p className="text-[11px] text-gray-500">None</p>}
        {map.connections.map((c) => (
          <Card
            key={c.id}
            id={c.id}
            color={c.kind === 'internetGateway' ? VPC : c.kind === 'natGateway' ? PUBLIC : '#3f8624'}
            title={c.name}
            lines={[`${c.label}, ${c.detail}`]}
          />
        ))}
      </Column>
    </div>
  );
}
