/**
 * How rules word their findings: one builder so every finding names its resources the same way, and plain
 * labels for resources ("subnet "Public A" (subnet-public-a)") so messages read as sentences.
 */
import { KINDS, isResourceKind } from '../model/kinds.ts';
import type { Resource, ResourceId, ResourceKind } from '../model/types.ts';
import type { Finding, Rule, Severity } from './types.ts';

export function kindName(kind: ResourceKind | string): string {
  return isResourceKind(kind) ? KINDS[kind].word : 'resource';
}

/**
 * A resource as a message names it: its kind, its name when that says more than the id, and its id.
 *
 * @example label(aSubnet({ id: 'subnet-a', name: 'Public A' })) // 'subnet "Public A" (subnet-a)'
 */
export function label(resource: Resource): string {
  const kind = kindName(resource.kind);
  // Names are free text: keep messages on one line whatever they hold.
  const name = typeof resource.name === 'string' ? resource.name.replace(/\p{Cc}+/gu, ' ').trim() : '';
  if (!name || name === resource.id) return `${kind} ${resource.id}`;
  const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return `${kind} "${shown}" (${resource.id})`;
}

/** The same label starting with a capital, to open a sentence. */
export function Label(resource: Resource): string {
  const text = label(resource);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Builds a finding of `rule`: the resources are deduplicated and undefined ones dropped. */
export function finding(
  rule: Rule,
  resources: Array<ResourceId | undefined>,
  message: string,
  fix: string,
  severity: Severity = rule.severity,
): Finding {
  const ids: ResourceId[] = [];
  for (const id of resources) if (typeof id === 'string' && id !== '' && !ids.includes(id)) ids.push(id);
  return { rule: rule.id, severity, resources: ids, message, fix, docs: rule.docs };
}

/** "1 subnet", "3 subnets". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
