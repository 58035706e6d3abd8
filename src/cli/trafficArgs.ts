/**
 * Small argument parsing for `trace` and `exposure`, and reading the design file through the one import entry.
 * Every problem comes back as one plain line, never a throw.
 */
import { readFile } from 'node:fs/promises';
import type { Design } from '../engine/model/types.ts';
import { importDesignText } from '../engine/io/importAny.ts';

export interface OptionSpec {
  /** Options that take a value: `--from X` or `--from=X`. */
  values: string[];
  /** Options without a value: `--json`. */
  flags: string[];
}

export type ParsedOptions =
  | { ok: true; file: string; values: Record<string, string | undefined>; flags: Record<string, boolean> }
  | { ok: false; error: string };

export function parseOptions(args: string[], spec: OptionSpec, usage: string): ParsedOptions {
  const values: Record<string, string | undefined> = {};
  const flags: Record<string, boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (spec.flags.includes(name)) {
      if (eq >= 0) return { ok: false, error: `--${name} takes no value` };
      flags[name] = true;
    } else if (spec.values.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) return { ok: false, error: `--${name} needs a value` };
      if (values[name] !== undefined) return { ok: false, error: `--${name} is given twice` };
      values[name] = value;
    } else {
      return { ok: false, error: `unknown option ${arg.slice(0, eq < 0 ? undefined : eq)} (usage: ${usage})` };
    }
  }
  if (positional.length === 0) return { ok: false, error: `no design file given (usage: ${usage})` };
  if (positional.length > 1) return { ok: false, error: `one design file at a time, not ${positional.length} (usage: ${usage})` };
  return { ok: true, file: positional[0]!, values, flags };
}

export type LoadedDesign = { ok: true; design: Design } | { ok: false; error: string };

/** Reads a design file or CloudFormation template: the design, or one line saying why not. */
export async function loadDesignFile(path: string, region?: string): Promise<LoadedDesign> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : 'it cannot be read';
    return { ok: false, error: `cannot read ${path}: ${why}` };
  }
  try {
    const result = await importDesignText(text, path, region ? { region } : {});
    if (!result.ok) return { ok: false, error: result.error.split('\n')[0]! };
    return { ok: true, design: result.design };
  } catch (error) {
    return { ok: false, error: `${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
