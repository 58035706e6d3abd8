/**
 * The importer itself, synchronous (the CLI, tests and benchmarks call it directly; the browser loads it lazily
 * through `importDesignText`). See importAny.ts for the contract.
 */
import { readDesign } from './designFile.ts';
import { countKinds, importTemplate, isTemplate } from './cloudformation/importTemplate.ts';
import { parseTemplateText } from './cloudformation/parseTemplate.ts';
import type { TemplateResourceOutcome } from './cloudformation/mapping/context.ts';
import { checkImportSize, type ImportOptions, type ImportResult } from './importAny.ts';

function stackNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.(ya?ml|json|template|txt)$/i, '').replace(/\.(cfn|template)$/i, '');
  // Stack names: letters, digits and hyphens, starting with a letter, at most 128 characters.
  const cleaned = stem
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^[^A-Za-z]+/, '')
    .slice(0, 128);
  return cleaned || 'imported-stack';
}

/** Imports a design file or a CloudFormation template; never throws. */
export function importDesignTextSync(text: string, fileName: string, options: ImportOptions = {}): ImportResult {
  try {
    return importUnchecked(text, fileName, options);
  } catch (e) {
    // A bug must still not reach the user as a stack trace.
    return {
      ok: false,
      error: `${fileName}: could not be imported (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`,
    };
  }
}

function importUnchecked(text: string, fileName: string, options: ImportOptions): ImportResult {
  if (typeof text !== 'string') return { ok: false, error: `${fileName}: the file could not be read as text.` };
  const tooLarge = checkImportSize(text.length, fileName);
  if (tooLarge) return { ok: false, error: tooLarge };
  const parsed = parseTemplateText(text);
  if (!parsed.ok) return { ok: false, error: `${fileName}: ${parsed.error}` };
  const data = parsed.template;

  if (data.format !== undefined || data.formatVersion !== undefined) {
    if (options.parameters && Object.keys(options.parameters).length > 0) {
      return {
        ok: false,
        error: `${fileName}: parameter values apply to CloudFormation templates, and this is a VPC Designer design.`,
      };
    }
    const result = readDesign(data);
    if (!result.ok) return { ok: false, error: `${fileName}: ${result.error}` };
    return {
      ok: true,
      design: result.value,
      report: {
        format: 'VPC Designer design',
        notModelled: [],
        warnings: [...parsed.warnings, ...result.warnings],
        counts: countKinds(result.value),
        skipped: [],
        failed: [],
        placeholders: [],
      },
    };
  }
  if (!isTemplate(data)) {
    return {
      ok: false,
      error: `${fileName}: this is neither a VPC Designer design nor a CloudFormation template (no Resources section).`,
    };
  }
  const imported = importTemplate(data, {
    region: options.region,
    stackName: stackNameOf(fileName),
    ...(options.parameters ? { parameters: options.parameters } : {}),
  });
  if (!imported.ok) return { ok: false, error: `${fileName}: ${imported.error}` };

  const label = (o: TemplateResourceOutcome) => `${o.id} (${o.type})`;
  const notModelled: string[] = [];
  const skipped: string[] = [];
  const failed: string[] = [];
  for (const o of imported.resources) {
    if (o.outcome.status === 'not-modelled')
      notModelled.push(o.outcome.reason ? `${label(o)}: ${o.outcome.reason}` : label(o));
    else if (o.outcome.status === 'skipped') skipped.push(`${label(o)}: ${o.outcome.reason}`);
    else if (o.outcome.status === 'failed') failed.push(`${label(o)}: ${o.outcome.reason}`);
  }
  if (imported.outputs.length) notModelled.push(`Outputs: ${imported.outputs.join(', ')}`);
  const warnings = [...parsed.warnings];
  if (imported.unsetParameters.length) {
    warnings.push(
      `Parameters without a default: ${imported.unsetParameters.join(', ')}. Values that depend on them are unknown (shown as \${Name}), so checks that need them are skipped.`,
    );
  }
  warnings.push(...imported.warnings);
  return {
    ok: true,
    design: imported.design,
    report: {
      format: `CloudFormation template (${text.trimStart().startsWith('{') ? 'JSON' : 'YAML'})`,
      notModelled,
      warnings,
      counts: countKinds(imported.design),
      skipped,
      failed,
      placeholders: imported.placeholders,
      templateResources: imported.resources,
    },
  };
}
