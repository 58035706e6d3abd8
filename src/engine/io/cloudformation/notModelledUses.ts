/**
 * What template resources the model does not represent say about those it does: the logical ids a resource's
 * properties name (Ref, Fn::GetAtt, Fn::Sub), so a route table used only by a gateway route-table association, or a
 * NAT gateway used only by a transit gateway's route, is not taken for unused.
 */
import type { Resource } from '../../model/types.ts';

/** Logical ids named in a template value: `{ Ref: X }`, `{ 'Fn::GetAtt': [X, …] }` or `'X.Attr'`, `${X}` in Fn::Sub. */
export function logicalIdsNamedIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) logicalIdsNamedIn(v, out);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'Ref' && typeof v === 'string') out.add(v);
      else if (key === 'Fn::GetAtt') {
        const target = Array.isArray(v) ? v[0] : typeof v === 'string' ? v.split('.')[0] : undefined;
        if (typeof target === 'string') out.add(target);
        else logicalIdsNamedIn(v, out);
      } else if (key === 'Fn::Sub') {
        const text = Array.isArray(v) ? v[0] : v;
        if (typeof text === 'string')
          for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) out.add(m[1]!);
        logicalIdsNamedIn(Array.isArray(v) ? v.slice(1) : [], out);
      } else logicalIdsNamedIn(v, out);
    }
  }
  return out;
}

/** Notes on each design record the not-modelled template resources that name it (see `usedByNotModelled`). */
export function noteNotModelledUses(
  resources: Record<string, Resource>,
  notModelled: Array<{ id: string; properties: unknown }>,
): void {
  for (const { id, properties } of notModelled) {
    for (const named of logicalIdsNamedIn(properties)) {
      if (named === id || !Object.hasOwn(resources, named)) continue;
      const record = resources[named]!;
      const list = (record.usedByNotModelled ??= []);
      if (!list.includes(id)) list.push(id);
    }
  }
}
