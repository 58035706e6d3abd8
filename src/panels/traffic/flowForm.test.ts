import { beforeEach, describe, expect, it } from 'vitest';
import { updateFlow } from '../../engine/commands/flows.ts';
import { exampleDesign } from '../../engine/model/example.ts';
import type { Flow } from '../../engine/model/types.ts';
import { evaluateFlows } from '../../engine/whatif/flowChanges.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { IP_CHOICE } from './endpoints.ts';
import { flowOf, NEW_FLOW, patchFor, valuesOf } from './flowFormValues.ts';

const saved = (id: string): Flow => exampleDesign().flows.find((f) => f.id === id)!;

describe('the flow form filled from a saved flow', () => {
  it('splits an address endpoint into the "IP address…" choice and the address, and keeps a name the user gave', () => {
    const values = valuesOf(exampleDesign(), saved('flow-transitive'));
    expect(values).toMatchObject({ from: 'i-app-a', to: IP_CHOICE, toIp: '10.2.0.10', protocol: 'tcp', port: '443' });
    expect(values.name).toBe('app-a → partner VPC through Shared (transitive: blocked)');
  });

  it('leaves a name made up from the endpoints empty, so it follows them when they change', () => {
    const flow: Flow = {
      id: 'flow-9',
      name: 'web-a → Internet (TCP 22)',
      from: 'i-web-a',
      to: 'internet',
      protocol: 'tcp',
      port: 22,
    };
    expect(valuesOf(exampleDesign(), flow).name).toBe('');
    const edited = flowOf(exampleDesign(), { ...valuesOf(exampleDesign(), flow), port: '443' });
    expect(edited).toEqual({
      flow: { name: 'web-a → Internet (TCP 443)', from: 'i-web-a', to: 'internet', protocol: 'tcp', port: 443 },
    });
  });

  it('gives back the same flow when nothing is changed, for every example flow (S3 action and object included)', () => {
    const design = exampleDesign();
    for (const flow of design.flows) {
      const built = flowOf(design, valuesOf(design, flow));
      expect('flow' in built && patchFor(flow, built.flow), flow.id).toBeUndefined();
    }
    expect(valuesOf(design, saved('flow-app-s3'))).toMatchObject({
      action: 's3:GetObject',
      arn: 'arn:aws:s3:::example-assets/report.csv',
    });
  });

  it('says what is missing or wrong instead of building a flow', () => {
    const design = exampleDesign();
    expect(flowOf(design, NEW_FLOW)).toEqual({ error: 'Choose a source.' });
    expect(flowOf(design, { ...NEW_FLOW, from: 'i-web-a', to: IP_CHOICE, toIp: '10.0.0' })).toEqual({
      error: 'The destination IP address is not an IPv4 address (like 10.0.0.20).',
    });
    expect(flowOf(design, { ...NEW_FLOW, from: 'i-web-a', to: 'internet', port: '70000' })).toEqual({
      error: 'The port is a whole number from 0 to 65535.',
    });
  });
});

describe('what an edit changes', () => {
  it('patches every field, clearing the S3 action and object when the destination is no longer S3', () => {
    const design = exampleDesign();
    const flow = saved('flow-app-s3');
    const built = flowOf(design, { ...valuesOf(design, flow), to: 'internet' });
    if (!('flow' in built)) throw new Error(built.error);
    const patch = patchFor(flow, built.flow)!;
    expect(patch).toMatchObject({ to: 'internet', action: undefined, resource: undefined });
    expect(Object.keys(patch)).toEqual(expect.arrayContaining(['action', 'resource']));
  });
});

describe('saving an edit', () => {
  beforeEach(() => useDesignStore.getState().load(exampleDesign()));

  it('is one undo step that changes the trace, and undo restores the flow and its trace', () => {
    const store = useDesignStore.getState;
    const before = store().design;
    const flow = saved('flow-web-internet');
    const built = flowOf(before, { ...valuesOf(before, flow), to: 'i-app-a', port: '22', name: '' });
    if (!('flow' in built)) throw new Error(built.error);
    expect(store().execute(updateFlow(flow.id, patchFor(flow, built.flow)!))).toBe(true);
    expect(store().past).toHaveLength(1);
    expect(store().past[0]!.label).toBe('Edit flow');
    const after = store().design.flows.find((f) => f.id === flow.id)!;
    expect(after).toMatchObject({ name: 'web-a → app-a (TCP 22)', to: 'i-app-a', port: 22 });
    const outcome = evaluateFlows(store().design).get(flow.id)!.outcome;
    expect(outcome.ok && outcome.result.reachable).toBe(false);
    store().undo();
    expect(store().design).toBe(before);
    expect(store().design.flows.find((f) => f.id === flow.id)).toEqual(flow);
  });
});
