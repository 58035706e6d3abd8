/**
 * Parsed data (JSON.parse, YAML) made safe to hold: plain objects with `__proto__` keys dropped and counted,
 * nesting bounded. No dependencies, so the design-file reader can use it
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
      // Assignment is safe for every other key: only `__proto__` is an accessor on Object.prototype.
      out[key] = toPlainData((value as Record<string, unknown>)[key], stats, depth + 1);
    }
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/**
 * Sets an own property whatever the key: `obj[key] = v` would set the prototype when the key is `__proto__`.
 *
 * @example setOwn(record, '__proto__', 1) // an own property named __proto__, Object.prototype untouched
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * JSON.parse without `__proto__` keys (counted in `stats`): JSON.parse itself makes them own properties, and the
 * reviver removes them before anything can copy them with an assignment.
 */
export function parseJsonSafely(text: string, stats: { dropped: number }): unknown {
  return JSON.parse(text, function (key, value) {
    if (key === '__proto__') {
      stats.dropped++;
      return undefined;
    }
    return value;
  });
}
