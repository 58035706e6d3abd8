/**
 * `check <file> [--json] [--region R] [--param Name=Value …]`: validates a design file or a CloudFormation template with the same rules
 * the browser runs. Exit 0 when there is no error finding, 1 when there is one, 2 when the input or an option
 * cannot be used (one line on stderr). `--param` gives a template parameter's value (instead of its default).
 */
import type { ImportReport } from '../engine/io/importAny.ts';
import { listResources, type ListedResource } from '../engine/io/cloudformation/resourceTypes.ts';
import { countOf } from '../engine/model/kinds.ts';
import type { Design, ResourceKind } from '../engine/model/types.ts';
import { validateDesign, type Finding, type Severity } from '../engine/rules/index.ts';
import { fail, loadInput, parseArgs, parseParams } from './cli.ts';

const USAGE = 'check <file> [--json] [--region R] [--param Name=Value …]';
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export async function checkCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, { values: ['region'], flags: ['json'], repeated: ['param'] }, USAGE);
  if (!parsed.ok) return fail(parsed.error);
  const params = parseParams(parsed.lists.param);
  if (!params.ok) return fail(params.error);
  const input = await loadInput(parsed.file, { region: parsed.values.region, parameters: params.parameters });
  if (!input.ok) return fail(input.error);
  const findings = [...validateDesign(input.design)].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  process.stdout.write(
    parsed.flags.json
      ? checkJson(input.design, input.report, findings)
      : checkText(parsed.file, input.design, input.report, findings),
  );
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function tally(findings: Finding[]) {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length,
  };
}

/**
 * Every record under its CloudFormation type (routes and rules too), then each template resource folded into a
 * record (an attachment, an association, a route propagation, …) under its own logical id and type, with the
 * record it went into as `parent` — so every modelled resource of the template can be found by its logical id.
 */
export function listedResources(design: Design, report: ImportReport): ListedResource[] {
  const listed = listResources(design);
  const ids = new Set(listed.map((r) => r.id));
  for (const { id, type, outcome } of report.templateResources ?? []) {
    if (outcome.status === 'merged' && !ids.has(id)) listed.push({ id, type, name: id, parent: outcome.into });
  }
  return listed;
}

/** The machine-readable answer: resources by CloudFormation type (routes and rules too), findings, the import report. */
export function checkJson(design: Design, report: ImportReport, findings: Finding[]): string {
  const { templateResources: _, ...importReport } = report;
  return `${JSON.stringify(
    {
      resources: listedResources(design, report),
      findings: findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        resources: f.resources,
        message: f.message,
        fix: f.fix,
        docs: f.docs,
      })),
      summary: tally(findings),
      import: importReport,
    },
    null,
    2,
  )}\n`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The readable answer: what was read, then each finding with its severity, rule, resources, message and fix. */
export function checkText(file: string, design: Design, report: ImportReport, findings: Finding[]): string {
  const lines: string[] = [];
  const total = Object.keys(design.resources).length;
  const counts = Object.entries(report.counts)
    .map(([kind, n]) => countOf(kind as ResourceKind, n!))
    .join(', ');
  lines.push(`${file} (${report.format}): ${plural(total, 'resource', 'resources')}${counts ? ` — ${counts}` : ''}`);
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`);
    for (const item of items.slice(0, 20)) lines.push(`  - ${item}`);
    if (items.length > 20) lines.push(`  … and ${items.length - 20} more`);
  };
  section('Not modelled', report.notModelled);
  section('Skipped (condition false)', report.skipped);
  section('Could not import', report.failed);
  section('Stand-ins for resources outside the file', report.placeholders);
  section('Import warnings', report.warnings);
  const t = tally(findings);
  lines.push(
    '',
    `${plural(findings.length, 'finding', 'findings')}: ${plural(t.errors, 'error', 'errors')}, ${plural(t.warnings, 'warning', 'warnings')}, ${t.info} info`,
  );
  for (const f of findings) {
    lines.push('', `${f.severity.toUpperCase().padEnd(7)} ${f.rule}  [${f.resources.join(', ')}]`, `  ${f.message}`);
    if (f.fix) lines.push(`  Fix: ${f.fix}`);
    if (f.docs) lines.push(`  Docs: ${f.docs}`);
  }
  if (findings.length === 0) lines.push('No problems found.');
  return `${lines.join('\n')}\n`;
}
