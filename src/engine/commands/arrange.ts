/**
 * Arranging what is already on the diagram: Tidy a container (a subnet or a VPC) as one undo step.
 */
import { getResource } from '../model/queries.ts';
import type { ResourceId } from '../model/types.ts';
import { arrangeNewVpc, isTidyable, tidyContainer } from '../layout/tidy.ts';
import { type Command, done, refuse } from './command.ts';

export { arrangeNewVpc, isTidyable };

/**
 * Tidies container `id`: its contents on a neat grid, none overlapping, every child inside it; neighbours it now
 * overlaps move aside. One command, so one undo step. Refused with "already tidy" when nothing would move.
 */
export function tidy(id: ResourceId): Command {
  return {
    label: 'Tidy',
    apply(design) {
      const container = getResource(design, id);
      if (!container || !isTidyable(container)) return refuse('Select a subnet or a VPC to tidy.');
      const next = tidyContainer(design, id);
      if (next === design) return refuse(`${container.name} is already tidy.`);
      return done(next, [id]);
    },
  };
}
