import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../model/example.ts';
import { run } from './command.ts';
import { addFlow, nextFlowId, removeFlow, updateFlow } from './flows.ts';

describe('flow commands', () => {
  it('adds a flow with the next free id and leaves the original design untouched', () => {
    const before = exampleDesign();
    const { design, error } = run(
      before,
      addFlow({ name: 'web-b → internet', from: 'i-web-b', to: 'internet', protocol: 'tcp', port: 443 }),
    );
    expect(error).toBeUndefined();
    expect(design.flows.at(-1)).toEqual({
      id: 'flow-4',
      name: 'web-b → internet',
      from: 'i-web-b',
      to: 'internet',
      protocol: 'tcp',
      port: 443,
    });
    expect(before.flows).toHaveLength(3);
  });

  it('skips ids already taken', () => {
    const d = exampleDesign();
    d.flows.push({ ...d.flows[0]!, id: 'flow-4' });
    expect(nextFlowId(d)).toBe('flow-5');
  });

  it('refuses a flow without a destination or with a bad port', () => {
    expect(run(exampleDesign(), addFlow({ name: 'x', from: 'i-web-a', to: ' ', protocol: 'tcp' })).error).toMatch(
      /source and a destination/,
    );
    expect(
      run(exampleDesign(), addFlow({ name: 'x', from: 'i-web-a', to: 'internet', protocol: 'tcp', port: 70000 })).error,
    ).toMatch(/0 to 65535/);
  });

  it('removes and updates a flow by id, refusing unknown ids', () => {
    const removed = run(exampleDesign(), removeFlow('flow-app-s3')).design;
    expect(removed.flows.map((f) => f.id)).toEqual(['flow-web-internet', 'flow-transitive']);
    expect(run(exampleDesign(), removeFlow('nope')).error).toMatch(/no flow nope/);
    const updated = run(exampleDesign(), updateFlow('flow-web-internet', { port: 80 })).design;
    expect(updated.flows[0]).toMatchObject({ id: 'flow-web-internet', port: 80 });
    expect(run(exampleDesign(), updateFlow('nope', { port: 80 })).error).toMatch(/no flow/);
  });
});
