/**
 * A helper for tests that edit designs: apply commands in order as the store would, failing the test with the
 * command's own refusal when one is refused.
 */
import type { Design } from '../model/types.ts';
import { run, type Command } from './command.ts';

/** `design` after `commands`, each applied to the result of the one before; throws a refusal's reason. */
export function applyCommands(design: Design, ...commands: Command[]): Design {
  let d = design;
  for (const c of commands) {
    const r = run(d, c);
    if (r.error !== undefined) throw new Error(r.error);
    d = r.design;
  }
  return d;
}
