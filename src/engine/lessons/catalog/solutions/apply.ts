/**
 * Runs engine commands in order for a reference solution, failing loudly when one is refused: a solution that
 * silently skips a step would let an unsolvable lesson pass its test.
 */
import type { Command } from '../../../commands/command.ts';
import type { Design } from '../../../model/types.ts';

export function applyAll(design: Design, ...commands: Command[]): Design {
  let next = design;
  for (const command of commands) {
    const result = command.apply(next);
    if (!result.ok) throw new Error(`${command.label} was refused: ${result.error}`);
    next = result.design;
  }
  return next;
}

/** Runs one command that creates something and returns the design and the new resource's id (what it selects). */
export function added(design: Design, command: Command): { design: Design; id: string } {
  const result = command.apply(design);
  if (!result.ok) throw new Error(`${command.label} was refused: ${result.error}`);
  const id = result.select?.[0];
  if (!id) throw new Error(`${command.label} created nothing to select`);
  return { design: result.design, id };
}
