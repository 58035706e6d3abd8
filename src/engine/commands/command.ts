/**
 * Edits are named commands: a label for the history ("Add subnet", "Move 3 resources") and a pure function from
 * one design to the next. One user intention is one command and one undo step.
 */
import type { Design, ResourceId } from '../model/types.ts';

export type CommandResult =
  | {
      ok: true;
      design: Design;
      /** What to select afterwards (the new resource, the pasted copies…). */ select?: ResourceId[];
    }
  | { ok: false; /** A short sentence for the user: why the edit was refused. */ error: string };

export interface Command {
  label: string;
  apply(design: Design): CommandResult;
}

export function refuse(error: string): CommandResult {
  return { ok: false, error };
}

export function done(design: Design, select?: ResourceId[]): CommandResult {
  return select ? { ok: true, design, select } : { ok: true, design };
}

/** Runs a command, returning the design unchanged (and the error) when it is refused. */
export function run(design: Design, command: Command): { design: Design; error?: string; select?: ResourceId[] } {
  const result = command.apply(design);
  if (!result.ok) return { design, error: result.error };
  return { design: result.design, select: result.select };
}
