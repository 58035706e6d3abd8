/**
 * What the user just added must be seen: route tables, security groups and network ACLs are drawn only while
 * "RT / SG / NACL" is on, so adding one from the palette turns it on (and says so) rather than adding something
 * invisible. The add command already selects the new resource, so the inspector opens it.
 */
import { getResource, isSupportingKind, type ResourceId } from '../engine/index.ts';
import { useDesignStore } from '../store/designStore.ts';
import { useUiStore } from '../store/uiStore.ts';

export function showAddedResources(ids: readonly ResourceId[]): void {
  const ui = useUiStore.getState();
  if (ui.showSupporting) return;
  const { design, notify } = useDesignStore.getState();
  const added = ids.map((id) => getResource(design, id)).find((r) => r && isSupportingKind(r));
  if (!added) return;
  ui.setShowSupporting(true);
  notify(`Showing route tables, security groups and network ACLs (RT / SG / NACL) so that ${added.name} is visible.`);
}
