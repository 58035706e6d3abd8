import { describe, expect, it } from 'vitest';
import {
  copyName,
  daysLeftInTrash,
  describeTime,
  listDesigns,
  listTrash,
  mostRecentUsable,
  newEntry,
  purgeExpired,
  TRASH_DAYS,
  type LibraryEntry,
} from './entries.ts';

const DAY = 24 * 60 * 60 * 1000;
const entry = (id: string, fields: Partial<LibraryEntry> = {}): LibraryEntry => ({
  ...newEntry({ id, name: id, origin: 'user', now: 0 }),
  ...fields,
});

describe('naming a copy', () => {
  it('adds (copy), then counts, and never stacks (copy) (copy)', () => {
    expect(copyName('Web app', ['Web app'])).toBe('Web app (copy)');
    expect(copyName('Web app', ['Web app', 'Web app (copy)'])).toBe('Web app (copy 2)');
    expect(copyName('Web app (copy)', ['Web app', 'Web app (copy)', 'Web app (copy 2)'])).toBe('Web app (copy 3)');
  });
});

describe('listing', () => {
  const entries = [
    entry('old', { editedAt: 1 }),
    entry('new', { editedAt: 5 }),
    entry('gone', { editedAt: 9, trashedAt: 10 }),
    entry('bad', { editedAt: 7, damaged: 'cut short' }),
  ];

  it('lists designs most recently edited first, without the trash', () => {
    expect(listDesigns(entries).map((e) => e.id)).toEqual(['bad', 'new', 'old']);
    expect(listTrash(entries).map((e) => e.id)).toEqual(['gone']);
  });

  it('never picks a damaged or trashed entry to open', () => {
    expect(mostRecentUsable(entries)?.id).toBe('new');
    expect(mostRecentUsable(entries, 'new')?.id).toBe('old');
  });
});

describe('the trash', () => {
  it(`keeps a deleted design ${TRASH_DAYS} days, then purges it`, () => {
    const trashed = entry('t', { trashedAt: 0 });
    expect(daysLeftInTrash(trashed, 1 * DAY)).toBe(29);
    expect(purgeExpired([trashed, entry('kept')], 29.9 * DAY).purged).toEqual([]);
    const after = purgeExpired([trashed, entry('kept')], 30 * DAY);
    expect(after.purged).toEqual(['t']);
    expect(after.kept.map((e) => e.id)).toEqual(['kept']);
  });

  it('never purges a design that is not in the trash, however old', () => {
    expect(purgeExpired([entry('ancient', { editedAt: 0 })], 1000 * DAY).purged).toEqual([]);
  });
});

describe('saying when', () => {
  it('says recent times in words', () => {
    const now = 1_000_000_000;
    expect(describeTime(now - 10_000, now)).toBe('just now');
    expect(describeTime(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(describeTime(now - 3 * 3_600_000, now)).toBe('3 h ago');
  });
});
