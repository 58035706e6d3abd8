/**
 * What every command shares: argument parsing and reading the input file (a design file or a CloudFormation
 * template, recognised by content). Relative paths resolve against the directory the user ran npm from
 * (`INIT_CWD`; npm runs scripts in the package root). Every problem comes back as one plain line, never a throw.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Design } from '../engine/model/types.ts';
import { checkImportSize, type ImportReport } from '../engine/io/importAny.ts';
import { importDesignTextSync } from '../engine/io/importSync.ts';

export interface ArgSpec {
  /** Options that take a value: `--region R` or `--region=R`. */
  values: string[];
  /** Options without a value: `--json`. */
  flags: string[];
}

export type ParsedArgs =
  | { ok: true; file: string; values: Record<string, string | undefined>; flags: Record<string, boolean> }
  | { ok: false; error: string };

/**
 * Splits a command's arguments into one positional file, valued options and flags.
 *
 * @example parseArgs(['vpc.yaml', '--json', '--region', 'eu-west-1'], { values: ['region'], flags: ['json'] }, 'check <file>')
 *   // { ok: true, file: 'vpc.yaml', values: { region: 'eu-west-1' }, flags: { json: true } }
 */
export function parseArgs(args: string[], spec: ArgSpec, usage: string): ParsedArgs {
  const values: Record<string, string | undefined> = {};
  const flags: Record<string, boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--' || !arg.startsWith('--')) {
      if (arg !== '--') positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (spec.flags.includes(name)) {
      if (eq >= 0) return { ok: false, error: `--${name} takes no value` };
      flags[name] = true;
    } else if (spec.values.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return { ok: false, error: `--${name} needs a value` };
      if (values[name] !== undefined) return { ok: false, error: `--${name} is given twice` };
      values[name] = value;
    } else {
      return { ok: false, error: `unknown option ${arg.slice(0, eq < 0 ? undefined : eq)} (usage: ${usage})` };
    }
  }
  if (positional.length === 0) return { ok: false, error: `no file given (usage: ${usage})` };
  if (positional.length > 1) return { ok: false, error: `one file at a time, not ${positional.length} (usage: ${usage})` };
  return { ok: true, file: positional[0]!, values, flags };
}

/** A region name as AWS spells them (us-east-1, eu-west-2, us-gov-west-1, cn-north-1, …). */
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;

export function checkRegion(region: string | undefined): string | undefined {
  if (region === undefined || REGION.test(region)) return undefined;
  return `--region must be an AWS region like us-east-1, not "${region}"`;
}

/** Where a path the user typed points: relative paths from the directory they ran npm in. */
export function resolveInputPath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

export type LoadedInput = { ok: true; design: Design; report: ImportReport; path: string } | { ok: false; error: string };

/**
 * Reads a design file or CloudFormation template: the design and the import report, or one line saying why not.
 * Files over the import limit are refused from their size, before reading.
 *
 * @example const input = await loadInput('templates/vpc.yaml', { region: 'eu-west-1' });
 */
export async function loadInput(path: string, options: { region?: string } = {}): Promise<LoadedInput> {
  const regionProblem = checkRegion(options.region);
  if (regionProblem) return { ok: false, error: regionProblem };
  const full = resolveInputPath(path);
  let text: string;
  try {
    const info = await stat(full);
    if (info.isDirectory()) return { ok: false, error: `cannot read ${path}: it is a directory` };
    const tooLarge = checkImportSize(info.size, path);
    if (tooLarge) return { ok: false, error: tooLarge };
    text = await readFile(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'it cannot be read';
    return { ok: false, error: `cannot read ${path}: ${why}` };
  }
  const result = importDesignTextSync(text, path, options.region ? { region: options.region } : {});
  if (!result.ok) return { ok: false, error: result.error.split('\n')[0]! };
  return { ok: true, design: result.design, report: result.report, path: full };
}

/** Prints one line on stderr and returns exit code 2 (the input or options cannot be used). */
export function fail(message: string): 2 {
  process.stderr.write(`vpc-designer: ${message.split('\n')[0]}\n`);
  return 2;
}
