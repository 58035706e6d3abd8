/**
 * The AWS CloudFormation corpus the tests read, found relative to this repository (never a path of one machine):
 * `../shared/corpus/cloudformation` beside the repository when it is there, else the copy committed with the
 * importer's fixtures, so the tests run on a clean clone. Neither there: loading this module throws, so no test
 * passes without its input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDesignTextSync } from '../engine/io/importSync.ts';
import type { Design } from '../engine/model/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** The shared corpus beside the repository (it may be absent). */
export const SHARED_CORPUS_DIR = join(ROOT, '..', 'shared', 'corpus', 'cloudformation');

/** The importer's committed copy of the shared corpus. */
export const FIXTURE_CORPUS_DIR = join(ROOT, 'src', 'engine', 'io', 'cloudformation', 'fixtures', 'corpus');

const found = [SHARED_CORPUS_DIR, FIXTURE_CORPUS_DIR].find((d) => existsSync(d));
if (!found) {
  throw new Error(
    'The CloudFormation corpus is missing: expected ../shared/corpus/cloudformation beside the repository.',
  );
}

/** Where the tests read the corpus from. */
export const CORPUS_DIR: string = found;

/** A corpus template imported as a design; throws with the importer's reason when it cannot be. */
export function importCorpusTemplate(file: string): Design {
  const result = importDesignTextSync(readFileSync(join(CORPUS_DIR, file), 'utf8'), file);
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return result.design;
}
