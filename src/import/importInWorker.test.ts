import { describe, expect, it } from 'vitest';
import { exampleDesign, importDesignText, serializeDesign } from '../engine/index.ts';
import { importInWorker, isCancelled } from './importInWorker.ts';
import { importWithProgress, useImportProgress } from './importProgress.ts';

describe('importInWorker', () => {
  it('gives the same result as importDesignText (here, without workers, on the same thread)', async () => {
    const text = serializeDesign(exampleDesign());
    expect(await importInWorker(text, 'example.json')).toEqual(await importDesignText(text, 'example.json'));
  });

  it('keeps the one-line message for bad input', async () => {
    const result = await importInWorker('{ "format": ', 'broken.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^broken\.json: [^\n]+$/);
    expect(isCancelled(result)).toBe(false);
  });

  it('an import cancelled before it starts says so and imports nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await importInWorker(serializeDesign(exampleDesign()), 'example.json', {
      signal: controller.signal,
    });
    expect(isCancelled(result)).toBe(true);
  });
});

describe('importWithProgress', () => {
  it('shows what it is doing while it runs and nothing once a bad file has been refused', async () => {
    const running = importWithProgress('{ "format": ', 'broken.json');
    expect(useImportProgress.getState().active).toMatchObject({ name: 'broken.json', progress: { stage: 'reading' } });
    expect((await running).ok).toBe(false);
    expect(useImportProgress.getState().active).toBeUndefined();
  });
});
