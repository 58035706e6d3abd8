/**
 * The selected flow hop by hop, as Packet Tracer's event list: each hop's component, what it did (allow, deny,
 * forward) and why (the route or rule that matched, addresses before and after NAT, the client-port assumption).
 * The hop the packet is at is marked; clicking a hop moves the packet there, selects the component and asks the
 * inspector to highlight the rule that decided.
 */
import { useEffect, useRef } from 'react';
import { selectableIdOf, stepsOf } from '../../engine/traffic/hopGeometry.ts';
import { describeComponent } from '../../canvas/traffic/names.ts';
import type { Design } from '../../engine/index.ts';
import type { Hop, HopKind, TraceResult } from '../../engine/traffic/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useTrafficStore } from '../../store/traffic.ts';

const ACTION_CLASS: Record<Hop['action'], string> = {
  allow: 'border-green-300 bg-green-50 text-green-800',
  deny: 'border-red-300 bg-red-50 text-red-800',
  forward: 'border-gray-300 bg-gray-50 text-gray-700',
};

/** Components whose rules the inspector lists, so a hop through them can point at the rule. */
const RULE_KINDS = new Set<HopKind>(['securityGroup', 'networkAcl', 'routeTable']);

/** Selects a component in the store (the inspector shows it) and points the inspector at the rule that decided. */
export function showComponent(design: Design, id: string, hop?: Hop): void {
  const target = selectableIdOf(design, id);
  if (target) useDesignStore.getState().select([target]);
  const ruleId = hop && RULE_KINDS.has(hop.kind) ? hop.matched : undefined;
  useTrafficStore.getState().setHighlightRule(ruleId ? { resourceId: id, ruleId } : undefined);
}

export function HopList({ design, result }: { design: Design; result: TraceResult }) {
  const steps = stepsOf(result);
  const step = useTrafficStore((s) => s.step);
  const live = useTrafficStore((s) => s.liveStop);
  const held = step ?? live;
  const current = held === undefined ? undefined : Math.min(held, steps.length - 1);
  const explanation = result.explanations[0];
  const currentRow = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    // Follow the packet while stepping; while it plays, the list stays where the user scrolled it.
    if (step !== undefined) currentRow.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);

  return (
    <ol aria-label="Hops" className="space-y-0.5">
      {steps.map((s, i) => {
        const isCurrent = i === current;
        const ref = isCurrent ? currentRow : undefined;
        if (s.hopIndex < 0) {
          const component = describeComponent(design, explanation?.id ?? '');
          return (
            <li
              key={`drop-${s.direction}`}
              ref={ref}
              aria-current={isCurrent ? 'step' : undefined}
              className={`rounded ${isCurrent ? 'ring-2 ring-amber-400' : ''}`}
            >
              <button
                type="button"
                className="w-full rounded border border-red-200 bg-red-50 px-1.5 py-1 text-left"
                onClick={() => {
                  useTrafficStore.getState().setStep(i);
                  if (explanation) showComponent(design, explanation.id);
                }}
              >
                <span className="text-xs font-semibold text-red-800">
                  {i + 1}. Dropped at {component.name}{' '}
                  <span className="font-normal text-red-700">({component.type})</span>
                </span>
                {explanation && <span className="block text-[11px] text-red-800">{explanation.message}</span>}
              </button>
            </li>
          );
        }
        const hop = (s.direction === 'forward' ? result.forward : result.return)[s.hopIndex]!;
        const component = describeComponent(design, hop.id, hop.kind);
        return (
          <li
            key={`${s.direction}-${s.hopIndex}`}
            ref={ref}
            aria-current={isCurrent ? 'step' : undefined}
            data-action={hop.action}
            data-direction={hop.direction}
            className={`rounded ${isCurrent ? 'ring-2 ring-amber-400' : ''}`}
          >
            <button
              type="button"
              className={`w-full rounded border px-1.5 py-1 text-left hover:bg-sky-50 ${hop.action === 'deny' ? 'border-red-200 bg-red-50/60' : 'border-gray-200 bg-white'}`}
              onClick={() => {
                useTrafficStore.getState().setStep(i);
                showComponent(design, hop.id, hop);
              }}
            >
              <span className="flex items-center gap-1.5 text-xs">
                <span aria-hidden="true" className={hop.direction === 'forward' ? 'text-blue-600' : 'text-green-600'}>
                  {hop.direction === 'forward' ? '→' : '←'}
                </span>
                <span className="text-gray-400">{i + 1}.</span>
                <span className="min-w-0 truncate font-medium text-gray-900">{component.name}</span>
                <span className="min-w-0 truncate text-gray-500">{component.type}</span>
                <span className="sr-only">{hop.direction === 'forward' ? 'request' : 'reply'}</span>
                <span
                  className={`ml-auto shrink-0 rounded border px-1 text-[10px] font-semibold uppercase ${ACTION_CLASS[hop.action]}`}
                >
                  {hop.action}
                </span>
              </span>
              <span className="block break-words pl-4 text-[11px] text-gray-600">{hop.detail}</span>
              {hop.matched && (
                <span className="block pl-4 font-mono text-[10px] text-gray-500">matched: {hop.matched}</span>
              )}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
