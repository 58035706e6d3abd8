/**
 * Automatic snapshots of the open design, as pure policy: when one is due, how the list stays bounded, and how
 * the commands applied since the previous one are summed up ("Add subnet, Edit route table ×3").
 */

export interface Snapshot {
  id: string;
  at: number;
  /** What changed since the previous snapshot, or why it was taken ("Before Import web.json"). */
  summary: string;
  /** The design file's text, as it was at `at`. */
  text: string;
}

/** Every few minutes of editing: a snapshot is due once this long has passed since the last one and something changed. */
export const SNAPSHOT_INTERVAL_MS = 3 * 60 * 1000;
/** Snapshots kept per design; the oldest go first. */
export const SNAPSHOT_LIMIT = 20;

export function isSnapshotDue(lastAt: number, changes: number, now: number): boolean {
  return changes > 0 && now - lastAt >= SNAPSHOT_INTERVAL_MS;
}

/** The list with `snapshot` added, newest first, at most `limit` long. */
export function addSnapshot(list: readonly Snapshot[], snapshot: Snapshot, limit = SNAPSHOT_LIMIT): Snapshot[] {
  return [snapshot, ...list].slice(0, limit);
}

/**
 * The command labels applied since the previous snapshot, each once in the order first seen, counted.
 *
 * @example summarizeChanges(['Add subnet', 'Edit route table', 'Edit route table']) // 'Add subnet, Edit route table ×2'
 */
export function summarizeChanges(labels: readonly string[], max = 4): string {
  if (labels.length === 0) return 'No changes';
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const parts = [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label));
  const more = parts.length - max;
  return more > 0 ? `${parts.slice(0, max).join(', ')} and ${more} more` : parts.join(', ');
}

/** The summary of a snapshot taken before a step that replaces the design (import, restore, leaving for a new design). */
export function beforeSummary(step: string, labels: readonly string[]): string {
  return labels.length ? `${summarizeChanges(labels)} — before ${step}` : `Before ${step}`;
}
