/**
 * The import worker: parses, reads and checks a design file or CloudFormation template off the page's main thread
 * (the same importer the CLI uses, `importDesignTextSync`), and runs the rules on the result, so a 9 MB design never
 * freezes the page. Posts progress stages, then the result as JSON in parts (see protocol.ts).
 */
import { validateDesign } from '../engine/rules/index.ts';
import { importDesignTextSync } from '../engine/io/importSync.ts';
import {
  PART_SIZE,
  type ImportProgress,
  type ImportRequest,
  type WorkerMessage,
  type WorkerResult,
} from './protocol.ts';

const post = (message: WorkerMessage) => (self as unknown as Worker).postMessage(message);
const progress = (p: ImportProgress) => post({ type: 'progress', progress: p });
const megabytes = (chars: number) => `${(chars / 1024 / 1024).toFixed(1)} MB`;

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { text, name, options, validate, transfer } = event.data;
  progress({ stage: 'parsing', fraction: 0.1, text: `Reading ${name} (${megabytes(text.length)})…` });
  const result: WorkerResult = importDesignTextSync(text, name, options);
  if (result.ok && validate) {
    const count = Object.keys(result.design.resources).length;
    progress({
      stage: 'checking',
      fraction: 0.55,
      text: `Checking ${count.toLocaleString('en-US')} resources against AWS's rules…`,
    });
    try {
      result.findings = validateDesign(result.design);
    } catch {
      // A rule that throws must not fail the import: the page runs the rules itself (and reports the failure).
    }
  }
  if (result.ok) progress({ stage: 'receiving', fraction: 0.7, text: 'Handing the design to the page…' });
  if (transfer === 'clone' || !result.ok) {
    post(transfer === 'clone' ? { type: 'result', clone: result } : { type: 'result', json: JSON.stringify(result) });
    return;
  }
  // The bulk in slices, each parsed by the page in a task of its own (see protocol.ts).
  const { resources, layout, ...rest } = result.design;
  for (const [field, record] of [
    ['resources', resources],
    ['layout', layout],
  ] as const) {
    const entries = Object.entries(record);
    for (let i = 0; i < entries.length; i += PART_SIZE) {
      post({ type: 'part', field, json: JSON.stringify(Object.fromEntries(entries.slice(i, i + PART_SIZE))) });
    }
  }
  post({ type: 'result', json: JSON.stringify({ ...result, design: { ...rest, resources: {}, layout: {} } }) });
};
