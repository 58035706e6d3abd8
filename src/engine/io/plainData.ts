/**
 * Parsed data (JSON.parse, YAML) made safe to hold: plain objects whose keys were copied with defineProperty,
 * `__proto__` keys dropped and counted, nesting bounded. No dependencies, so the design-file reader can use it
 * without pulling the YAML parser into the first page load.
 */

/** Deeper than any real template or design; keeps the walkers' recursion (and the stack) bounded. */
export const MAX_DEPTH = 100;

export class NestingError extends Error {
  constructor() {
    super(`The file is nested more than ${MAX_DEPTH} levels deep.`);
  }
}

/** Copies parsed data into plain objects, dropping `__proto__` keys (counted in `stats`) and refusing absurd nesting. */
export function toPlainData(value: unknown, stats: { dropped: number } = { dropped: 0 }, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new NestingError();
  if (Array.isArray(value)) return value.map((v) => toPlainData(v, stats, depth + 1));
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__') {
        stats.dropped++;
        continue;
      }
      // defineProperty, not assignment: no key can reach a prototype.
      Object.defineProperty(out, key, {
        value: toPlainData((value as Record<string, unknown>)[key], stats, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}
