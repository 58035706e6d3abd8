/**
 * The inspector's one way to change the design: named commands through the store, so every edit is one undo
 * step, and an edit that changes nothing makes no step at all.
 */
import { useCallback } from 'react';
import type { Command } from '../../engine/commands/command.ts';
import { updateResource } from '../../engine/commands/edit.ts';
import type { Resource } from '../../engine/model/types.ts';
import { useDesignStore } from '../../store/designStore.ts';

export function execute(command: Command): boolean {
  return useDesignStore.getState().execute(command);
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Returns `edit(patch, label)` for one resource. Fields set to `undefined` are cleared.
 *
 * @example const edit = useEdit(subnet); edit({ cidrBlock: '10.0.2.0/24' }, 'Change subnet CIDR');
 */
export function useEdit<R extends Resource>(resource: R) {
  return useCallback(
    (patch: Partial<Omit<R, 'id' | 'kind'>>, label?: string): boolean => {
      const current = resource as unknown as Record<string, unknown>;
      const changed = Object.entries(patch).some(([key, value]) => !same(current[key], value));
      if (!changed) return true;
      return execute(updateResource<R>(resource.id, patch, label));
    },
    [resource],
  );
}
