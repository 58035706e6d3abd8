import { describe, expect, it } from 'vitest';
import {
  addSnapshot,
  beforeSummary,
  isSnapshotDue,
  SNAPSHOT_INTERVAL_MS,
  SNAPSHOT_LIMIT,
  summarizeChanges,
  type Snapshot,
} from './snapshots.ts';

const snap = (n: number): Snapshot => ({ id: `s${n}`, at: n, summary: '', text: '{}' });

describe('when a snapshot is taken', () => {
  it('is due after a few minutes of editing, not before, and not without a change', () => {
    expect(isSnapshotDue(0, 3, SNAPSHOT_INTERVAL_MS - 1)).toBe(false);
    expect(isSnapshotDue(0, 3, SNAPSHOT_INTERVAL_MS)).toBe(true);
    expect(isSnapshotDue(0, 0, 10 * SNAPSHOT_INTERVAL_MS)).toBe(false);
  });

  it('keeps a bounded number per design, dropping the oldest', () => {
    let list: Snapshot[] = [];
    for (let n = 1; n <= SNAPSHOT_LIMIT + 5; n++) list = addSnapshot(list, snap(n));
    expect(list).toHaveLength(SNAPSHOT_LIMIT);
    expect(list[0]!.id).toBe(`s${SNAPSHOT_LIMIT + 5}`);
    expect(list.at(-1)!.id).toBe('s6');
  });
});

describe('what changed', () => {
  it('names each command once, in order, with a count', () => {
    expect(summarizeChanges(['Add subnet', 'Edit route table', 'Edit route table', 'Edit route table'])).toBe(
      'Add subnet, Edit route table ×3',
    );
  });

  it('stays short when many kinds of change were made', () => {
    expect(summarizeChanges(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b, c, d and 2 more');
  });

  it('says what a snapshot taken before an import or restore was for', () => {
    expect(beforeSummary('Import web.json', [])).toBe('Before Import web.json');
    expect(beforeSummary('Import web.json', ['Add subnet'])).toBe('Add subnet — before Import web.json');
  });
});
