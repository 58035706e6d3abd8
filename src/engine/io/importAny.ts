/**
 * The one import entry: a file's text and name in, a design (and a report of what was and was not modelled)
 * or a plain error out. One module per format; a failed import never touches the open design, because this
 * function only returns values.
 */
import type { Design } from '../model/types.ts';
import { parseDesignFile } from './designFile.ts';

export interface ImportReport {
  /** The format recognised, e.g. `VPC Designer design`, `CloudFormation template`. */
  format: string;
  /** Resources in the file that the model does not represent, named with their type. */
  notModelled: string[];
  warnings: string[];
}

export type ImportResult = { ok: true; design: Design; report: ImportReport } | { ok: false; error: string };

export interface ImportOptions {
  /** The region for pseudo parameters and AZs in templates (us-east-1 by default). */
  region?: string;
}

/** Largest file accepted (20 MB files must fail fast with a message, not hang the tab). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export async function importDesignText(text: string, fileName: string, _options: ImportOptions = {}): Promise<ImportResult> {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: `${fileName} is too large to import (over 10 MB).` };
  const result = parseDesignFile(text);
  if (!result.ok) return { ok: false, error: `${fileName}: ${result.error}` };
  return { ok: true, design: result.value, report: { format: 'VPC Designer design', notModelled: [], warnings: result.warnings } };
}
