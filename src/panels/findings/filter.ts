/**
 * The Findings panel's filtering and grouping, as plain functions (tested without a browser).
 */
import type { Finding, Severity } from '../../engine/index.ts';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityFilter = Record<Severity, boolean>;

/**
 * The findings of the shown severities whose message, fix, rule id or resource ids contain every word of the
 * query (case-insensitive).
 *
 * @example filterFindings(findings, { error: true, warning: false, info: false }, 'subnet-a overlap')
 */
export function filterFindings(findings: readonly Finding[], shown: SeverityFilter, query: string): Finding[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return findings.filter((f) => {
    if (!shown[f.severity]) return false;
    if (words.length === 0) return true;
    const haystack = `${f.message}\n${f.fix}\n${f.rule}\n${f.resources.join(' ')}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Findings by severity, each group keeping the engine's order. */
export function groupBySeverity(findings: readonly Finding[]): Record<Severity, Finding[]> {
  const groups: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) (groups[f.severity] ?? groups.info).push(f);
  return groups;
}
