/**
 * The one import entry: a file's text and name in, a design (and a report of what was and was not modelled)
 * or a plain error out. The format is recognised by content, not by the file's extension: a VPC Designer design
 * (JSON with `format: "vpc-designer"`) or a CloudFormation template (YAML or JSON with `Resources`). A failed import
 * never touches the open design, because this function only returns values; it never throws.
 *
 * The readers (and the YAML parser they need) load on first use, so a first visit does not download them.
 */
import type { Design, ResourceKind } from '../model/types.ts';
import type { TemplateResourceOutcome } from './cloudformation/mapping/context.ts';

export type { TemplateResourceOutcome } from './cloudformation/mapping/context.ts';

export interface ImportReport {
  /** The format recognised, e.g. `VPC Designer design`, `CloudFormation template (YAML)`. */
  format: string;
  /** Resources in the file that the model does not represent, named with their type (and why, when there is a reason). */
  notModelled: string[];
  warnings: string[];
  /** Records in the imported design, by kind. */
  counts: Partial<Record<ResourceKind, number>>;
  /** Template resources CloudFormation would not create because their Condition is false. */
  skipped: string[];
  /** Template resources of a modelled type that could not be imported, with the reason. */
  failed: string[];
  /** Records made up for ids the template names but does not define (existing VPCs, subnets, …). */
  placeholders: string[];
  /** Templates only: what became of each template resource, in template order. */
  templateResources?: TemplateResourceOutcome[];
}

export type ImportResult = { ok: true; design: Design; report: ImportReport } | { ok: false; error: string };

export interface ImportOptions {
  /** The region for pseudo parameters and AZs in templates (us-east-1 by default). */
  region?: string;
  /** Values for a template's parameters, overriding their defaults. */
  parameters?: Record<string, string>;
}

/** Largest file accepted: bigger files are refused at once, before any parsing, so a 20 MB file cannot hang the tab. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** For callers that know a file's size before reading it (the browser's File.size): the refusal, or undefined. */
export function checkImportSize(bytes: number, fileName: string): string | undefined {
  if (bytes > MAX_IMPORT_BYTES) {
    return `${fileName} is too large to import (${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`;
  }
  return undefined;
}

/**
 * Imports a design file or a CloudFormation template.
 *
 * @example
 * const result = await importDesignText(text, 'vpc.yaml', { region: 'eu-west-1' });
 * if (result.ok) store.replace(result.design); else notify(result.error);
 */
export async function importDesignText(
  text: string,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const tooLarge = typeof text === 'string' ? checkImportSize(text.length, fileName) : undefined;
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    const { importDesignTextSync } = await import('./importSync.ts');
    return importDesignTextSync(text, fileName, options);
  } catch (e) {
    return {
      ok: false,
      error: `${fileName}: the importer could not be loaded (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`,
    };
  }
}
