/**
 * The Exposure region (what Amazon Inspector's network reachability findings report): for every instance, the
 * ports reachable from the internet, from where, through which rules, and the path a packet takes. Computed only
 * while the tab is showing; clicking an instance selects it and frames it on the canvas.
 */
import { useMemo } from 'react';
import { describeComponent } from '../../canvas/traffic/names.ts';
import type { Design } from '../../engine/index.ts';
import { KINDS } from '../../engine/model/kinds.ts';
import { exposure, type InstanceExposure, type PortExposure } from '../../engine/traffic/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { BADGE } from './styles.ts';

function ports(p: PortExposure): string {
  const protocol = p.protocol === 'all' ? 'All traffic' : p.protocol.toUpperCase();
  if (p.protocol === 'icmp') return p.fromPort === -1 ? 'ICMP (all types)' : `ICMP type ${p.fromPort}`;
  if (p.protocol === 'all' || (p.fromPort === 0 && p.toPort === 65535)) return `${protocol} (all ports)`;
  return p.fromPort === p.toPort ? `${protocol} ${p.fromPort}` : `${protocol} ${p.fromPort}–${p.toPort}`;
}

function path(design: Design, p: PortExposure): string {
  const names: string[] = [];
  for (const hop of p.path) {
    const c = describeComponent(design, hop.id, hop.kind);
    // Groups and ACLs are often called "default": say what they are.
    const name =
      hop.kind === 'securityGroup' || hop.kind === 'networkAcl' ? `${KINDS[hop.kind].word} ${c.name}` : c.name;
    if (names.at(-1) !== name) names.push(name);
  }
  return names.join(' → ');
}

function InstanceRow({ design, item }: { design: Design; item: InstanceExposure }) {
  const open = () => {
    const store = useDesignStore.getState();
    store.select([item.id]);
    store.requestFocus([item.id]);
  };
  const exposed = item.ports.length > 0;
  return (
    <tr data-instance={item.id} className="align-top">
      <td className="py-1 pr-2">
        <button
          type="button"
          className="text-left font-medium text-sky-800 underline-offset-2 hover:underline"
          onClick={open}
        >
          {item.name || item.id}
        </button>
        <span className="block text-[11px] text-gray-500">{item.publicIp ?? 'no public address'}</span>
      </td>
      <td className="py-1 pr-2">
        {exposed ? (
          <span className={`rounded border px-1.5 text-[11px] font-medium ${BADGE.blocked}`}>
            {item.ports.length} port range{item.ports.length === 1 ? '' : 's'} open
          </span>
        ) : (
          <span className={`rounded border px-1.5 text-[11px] font-medium ${BADGE.ok}`}>Not reachable</span>
        )}
      </td>
      <td className="py-1">
        {exposed ? (
          <ul className="space-y-0.5">
            {item.ports.map((p) => (
              <li key={`${p.protocol}:${p.fromPort}-${p.toPort}`} className="text-xs">
                <span className="font-medium text-gray-900">{ports(p)}</span>
                <span className="text-gray-600"> from {p.sources.join(', ')}</span>
                <span className="font-mono text-[10px] text-gray-500"> ({p.rules.join(', ')})</span>
                <span className="block text-[11px] text-gray-500">{path(design, p)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-xs text-gray-500">Nothing on the internet reaches it.</span>
        )}
      </td>
    </tr>
  );
}

export function ExposurePanel() {
  const design = useDesignStore((s) => s.design);
  const showing = useUiStore((s) => s.bottomTab === 'exposure');
  const report = useMemo(() => (showing ? exposure(design) : undefined), [design, showing]);
  return (
    <section aria-label="Exposure" className="h-full min-h-0 overflow-y-auto bg-white px-3 py-2 text-sm">
      {report && (
        <>
          <p className="mb-1 text-xs text-gray-600" aria-live="polite">
            {report.exposedCount} of {report.instances.length} instance{report.instances.length === 1 ? '' : 's'}{' '}
            reachable from the internet.
          </p>
          {report.instances.length === 0 ? (
            <p className="text-xs text-gray-500">No instances in this design.</p>
          ) : (
            <table className="w-full border-collapse">
              <thead>
                <tr className="text-left text-[11px] uppercase tracking-wide text-gray-500">
                  <th scope="col" className="pb-1 pr-2 font-semibold">
                    Instance
                  </th>
                  <th scope="col" className="pb-1 pr-2 font-semibold">
                    Exposure
                  </th>
                  <th scope="col" className="pb-1 font-semibold">
                    Ports open to the internet, and the path
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {[...report.instances]
                  .sort((a, b) => b.ports.length - a.ports.length || a.name.localeCompare(b.name))
                  .map((item) => (
                    <InstanceRow key={item.id} design={design} item={item} />
                  ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
