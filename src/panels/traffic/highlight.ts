/**
 * The rule a traffic hop points at, for the inspector: clicking a hop stores `{resourceId, ruleId}` (the hop's
 * `matched`) and the inspector's rule rows ask here whether they are that rule.
 */
import { useTrafficStore } from '../../store/traffic.ts';

/** The matched-rule id the traffic panel asks the inspector to highlight on this resource, if any. */
export function useHighlightedRule(resourceId: string): string | undefined {
  return useTrafficStore((s) => (s.highlightRule?.resourceId === resourceId ? s.highlightRule.ruleId : undefined));
}

/** A security group rule matches by its id, or by the engine's `<group> <direction> #n` when it has none. */
export function isHighlightedSgRule(
  highlighted: string | undefined,
  groupId: string,
  direction: 'ingress' | 'egress',
  ruleId: string | undefined,
  index: number,
): boolean {
  if (highlighted === undefined) return false;
  return (ruleId !== undefined && ruleId === highlighted) || `${groupId} ${direction} #${index + 1}` === highlighted;
}

/** A network ACL entry matches by direction and rule number (`inbound #100`); `inbound *` is the final deny. */
export function isHighlightedNaclRule(
  highlighted: string | undefined,
  direction: 'inbound' | 'outbound',
  ruleNumber: number | '*',
): boolean {
  return highlighted === `${direction} #${ruleNumber}` || (ruleNumber === '*' && highlighted === `${direction} *`);
}

export const highlightedRowClass = 'ring-2 ring-amber-400 bg-amber-50';

/** Brings a highlighted row into view in the inspector's scrolling column. */
export function scrollIntoViewRef(el: HTMLElement | null): void {
  el?.scrollIntoView({ block: 'nearest' });
}
