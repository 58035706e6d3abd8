/**
 * The design file: versioned JSON with migrations. Reading never throws: it returns the design or a plain
 * sentence saying why the file cannot be used, and it never lets a hostile file pollute prototypes.
 */
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../model/create.ts';
import type { Box, Design, Flow, Resource } from '../model/types.ts';
import { DESIGN_FORMAT, DESIGN_FORMAT_VERSION, RESOURCE_KINDS } from '../model/types.ts';

export type ReadResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: string };

export function serializeDesign(design: Design): string {
  return JSON.stringify(design, null, 2);
}

/** Each migration takes a file of version `from` to `from + 1`. Add one (with a test) whenever the format changes. */
const MIGRATIONS: Array<{ from: number; id: string; migrate(file: Record<string, unknown>): Record<string, unknown> }> = [];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of parsed JSON with dangerous keys dropped, so nothing downstream can reach Object.prototype. */
export function sanitize(value: unknown, depth = 0): unknown {
  if (depth > 64) return undefined;
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  if (isRecord(value)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
      out[k] = sanitize(v, depth + 1);
    }
    return Object.assign({}, out);
  }
  return value;
}

const KINDS = new Set<string>(RESOURCE_KINDS);

/** Reads a design file's text. */
export function parseDesignFile(text: string): ReadResult<Design> {
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON (${(e as Error).message.split('\n')[0]}).` };
  }
  return readDesign(sanitize(raw));
}

/** Checks and repairs an already-parsed design (from a file, local storage or the clipboard). */
export function readDesign(raw: unknown): ReadResult<Design> {
  if (!isRecord(raw)) return { ok: false, error: 'The file does not hold a design (expected a JSON object).' };
  if (raw.format !== DESIGN_FORMAT) return { ok: false, error: `The file is not a VPC Designer design (format is ${JSON.stringify(raw.format ?? null)}).` };
  let file = raw;
  let version = typeof file.formatVersion === 'number' ? file.formatVersion : 0;
  if (version > DESIGN_FORMAT_VERSION) {
    return { ok: false, error: `The design was saved by a newer VPC Designer (format ${version}; this one reads up to ${DESIGN_FORMAT_VERSION}).` };
  }
  for (const m of MIGRATIONS) {
    if (m.from === version) {
      file = m.migrate(file);
      version = m.from + 1;
    }
  }
  const warnings: string[] = [];
  const resources: Record<string, Resource> = {};
  const rawResources = isRecord(file.resources) ? file.resources : {};
  for (const [key, value] of Object.entries(rawResources)) {
    if (!isRecord(value) || typeof value.kind !== 'string' || !KINDS.has(value.kind)) {
      warnings.push(`Skipped ${key}: not a resource this version understands.`);
      continue;
    }
    const resource = { ...value, id: key, name: typeof value.name === 'string' ? value.name : key } as Resource;
    resources[key] = resource;
  }
  const layout: Record<string, Box> = {};
  if (isRecord(file.layout)) {
    for (const [key, value] of Object.entries(file.layout)) {
      if (isRecord(value) && Number.isFinite(value.x) && Number.isFinite(value.y)) {
        const box: Box = { x: value.x as number, y: value.y as number };
        if (Number.isFinite(value.width)) box.width = value.width as number;
        if (Number.isFinite(value.height)) box.height = value.height as number;
        layout[key] = box;
      }
    }
  }
  const flows: Flow[] = Array.isArray(file.flows)
    ? (file.flows.filter((f) => isRecord(f) && typeof f.id === 'string' && typeof f.from === 'string' && typeof f.to === 'string') as unknown as Flow[])
    : [];
  return {
    ok: true,
    warnings,
    value: {
      format: DESIGN_FORMAT,
      formatVersion: DESIGN_FORMAT_VERSION,
      name: typeof file.name === 'string' ? file.name : 'Untitled design',
      region: typeof file.region === 'string' ? file.region : DEFAULT_REGION,
      accountId: typeof file.accountId === 'string' ? file.accountId : DEFAULT_ACCOUNT,
      resources,
      layout,
      flows,
    },
  };
}
