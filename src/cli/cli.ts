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
  /** Options that take a value and may be given more than once: `--param A=1 --param B=2`. */
  repeated?: string[];
  /**
   * Options that take one or more values, up to the next option: `--only web-1 web-2` (also repeatable, and
   * `--only=web-1`). Values are gathered in `lists`.
   */
  multi?: string[];
}

export type ParsedArgs =
  | {
      ok: true;
      file: string;
      values: Record<string, string | undefined>;
      flags: Record<string, boolean>;
      lists: Record<string, string[]>;
    }
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
  const lists: Record<string, string[]> = {};
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
    } else if (spec.multi?.includes(name)) {
      const list = (lists[name] ??= []);
      const before = list.length;
      if (eq >= 0) {
        if (arg.slice(eq + 1) !== '') list.push(arg.slice(eq + 1));
      } else {
        while (i + 1 < args.length && !args[i + 1]!.startsWith('--')) list.push(args[++i]!);
      }
      if (list.length === before) return { ok: false, error: `--${name} needs a value` };
    } else if (spec.values.includes(name) || spec.repeated?.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
        return { ok: false, error: `--${name} needs a value` };
      if (spec.repeated?.includes(name)) {
        (lists[name] ??= []).push(value);
        continue;
      }
      if (values[name] !== undefined) return { ok: false, error: `--${name} is given twice` };
      values[name] = value;
    } else {
      return { ok: false, error: `unknown option ${arg.slice(0, eq < 0 ? undefined : eq)} (usage: ${usage})` };
    }
  }
  if (positional.length === 0) return { ok: false, error: `no file given (usage: ${usage})` };
  if (positional.length > 1)
    return { ok: false, error: `one file at a time, not ${positional.length} (usage: ${usage})` };
  return { ok: true, file: positional[0]!, values, flags, lists };
}

/** Parameter names are alphanumeric, like logical ids. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html */
const PARAMETER_NAME = /^[A-Za-z0-9]{1,255}$/;

/**
 * Reads `--param Name=Value` options into the values a template import uses instead of its parameters' defaults.
 * The value is everything after the first `=` (it may be empty, as CloudFormation allows for String parameters).
 *
 * @example parseParams(['PrimaryIPAddress=10.0.0.10']) // { ok: true, parameters: { PrimaryIPAddress: '10.0.0.10' } }
 */
export function parseParams(
  items: string[] = [],
): { ok: true; parameters: Record<string, string> } | { ok: false; error: string } {
  const parameters: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    const shown = JSON.stringify(item.length > 60 ? `${item.slice(0, 60)}…` : item);
    if (eq < 0) return { ok: false, error: `--param takes Name=Value, not ${shown}` };
    if (!PARAMETER_NAME.test(name))
      return { ok: false, error: `--param ${shown}: a parameter name has letters and digits only` };
    if (Object.hasOwn(parameters, name)) return { ok: false, error: `--param ${name} is given twice` };
    parameters[name] = item.slice(eq + 1); // alphanumeric names cannot reach a prototype
  }
  return { ok: true, parameters };
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

export type LoadedInput =
  { ok: true; design: Design; report: ImportReport; path: string } | { ok: false; error: string };

/**
 * Reads a design file or CloudFormation template: the design and the import report, or one line saying why not.
 * Files over the import limit are refused from their size, before reading.
 *
 * @example const input = await loadInput('templates/vpc.yaml', { region: 'eu-west-1', parameters: { VpcCidr: '10.1.0.0/16' } });
 */
export async function loadInput(
  path: string,
  options: { region?: string; parameters?: Record<string, string> } = {},
): Promise<LoadedInput> {
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
  const result = importDesignTextSync(text, path, {
    ...(options.region ? { region: options.region } : {}),
    ...(options.parameters && Object.keys(options.parameters).length > 0 ? { parameters: options.parameters } : {}),
  });
  if (!result.ok) return { ok: false, error: result.error.split('\n')[0]! };
  return { ok: true, design: result.design, report: result.report, path: full };
}

/** Prints one line on stderr and returns exit code 2 (the input or options cannot be used). */
export function fail(message: string): 2 {
  process.stderr.write(`vpc-designer: ${message.split('\n')[0]}\n`);
  return 2;
}
