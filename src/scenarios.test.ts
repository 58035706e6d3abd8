/**
 * Every scenario query — ours in `scenarios/` (each preceded in its queries file by the AWS documentation sentence
 * that justifies the answer) and the shared sample copied into the importer's fixtures — run through the same
 * command functions the CLI calls, and judged as `../shared/scenarios/run` judges them: the exit code, a component
 * the findings or explanations must name, components the path must include and must not include.
 *
 * This keeps the scenarios part of `npm test`, so a change that breaks an AWS answer fails the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from './cli/check.ts';
import { exposureCommand } from './cli/exposure.ts';
import { traceCommand } from './cli/trace.ts';

const ROOT = join(import.meta.dirname, '..');
const FOLDERS = [join(ROOT, 'scenarios'), join(ROOT, 'src/engine/io/cloudformation/fixtures/scenarios')];

interface Row {
  file: string;
  args: string[];
  exit: string;
  must: string[];
  include: string[];
  exclude: string[];
  line: string;
}

function rowsOf(folder: string): Row[] {
  const rows: Row[] = [];
  for (const name of readdirSync(folder)
    .filter((n) => /^queries.*\.tsv$/.test(n))
    .sort()) {
    readFileSync(join(folder, name), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (!text.trim() || text.startsWith('#')) return;
        const [file = '', args = '', exit = '', must = '', include = '', exclude = ''] = text.split('\t');
        const list = (s: string) => s.split(',').filter(Boolean);
        rows.push({
          file: join(folder, file),
          args: args.split(/\s+/).filter(Boolean),
          exit,
          must: list(must),
          include: list(include),
          exclude: list(exclude),
          line: `${name}:${i + 1}`,
        });
      });
  }
  return rows;
}

/** Every string anywhere in a JSON value (ids are matched whole, as the runner does). */
function strings(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  check: checkCommand,
  trace: traceCommand,
  exposure: exposureCommand,
};

async function run(row: Row): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command = '', ...rest] = row.args;
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const handler = COMMANDS[command];
  if (!handler) throw new Error(`unknown command ${command} in ${row.line}`);
  const code = await handler([row.file, ...rest, '--json']);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
});

for (const folder of FOLDERS) {
  const rows = rowsOf(folder);
  describe(`scenarios in ${folder.slice(ROOT.length + 1)}`, () => {
    it('has queries to run', () => {
      expect(rows.length).toBeGreaterThan(10);
    });
    it.each(rows.map((r) => [`${r.line} ${r.file.split('/').pop()} ${r.args.join(' ')} → ${r.exit}`, r] as const))(
      '%s',
      async (_label, row) => {
        const { code, stdout, stderr } = await run(row);
        if (row.exit !== 'any') expect(code, stderr || stdout.slice(0, 300)).toBe(Number(row.exit));
        const answer = JSON.parse(stdout) as {
          findings?: unknown[];
          explanations?: unknown[];
          forward?: { id?: unknown }[];
          return?: { id?: unknown }[];
        };
        const named = row.args[0] === 'check' ? strings(answer.findings ?? []) : strings(answer.explanations ?? []);
        if (row.args[0] === 'trace' && row.exit === '1')
          expect(answer.explanations ?? [], 'a blocked path says why').not.toHaveLength(0);
        if (row.must.length)
          expect(
            row.must.some((id) => named.has(id)),
            `names one of ${row.must.join(', ')}; named ${[...named].slice(0, 12).join(', ')}`,
          ).toBe(true);
        const path = new Set(
          [...(answer.forward ?? []), ...(answer.return ?? [])]
            .map((h) => h.id)
            .filter((id): id is string => typeof id === 'string'),
        );
        for (const id of row.include) expect(path, `path includes ${id}`).toContain(id);
        for (const id of row.exclude) expect(path, `path avoids ${id}`).not.toContain(id);
      },
    );
  });
}
