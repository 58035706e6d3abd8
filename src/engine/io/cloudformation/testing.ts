/**
 * Helpers for the importer's tests: import a template written inline, and take one of its records by id as the
 * kind it must be.
 */
import type { Design, Resource, ResourceKind, ResourceOfKind } from '../../model/types.ts';
import type { ImportReport } from '../importAny.ts';
import { importDesignTextSync } from '../importSync.ts';

/** Imports `yaml` (with a region and parameter values, as the CLI's `--region` and `--param` give them); throws when it cannot. */
export function load(
  yaml: string,
  options: { region?: string; parameters?: Record<string, string> } = {},
): { design: Design; report: ImportReport } {
  const r = importDesignTextSync(yaml, 'test.yaml', options);
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** The record `id`, which must be of `kind`. */
export function get<K extends ResourceKind>(design: Design, id: string, kind: K): ResourceOfKind<K> {
  const r: Resource | undefined = design.resources[id];
  if (!r || r.kind !== kind) throw new Error(`${id} is not a ${kind} (it is ${r?.kind})`);
  return r as ResourceOfKind<K>;
}
