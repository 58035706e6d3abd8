import { describe, expect, it } from 'vitest';
import { updateResource } from '../commands/edit.ts';
import { addFlow } from '../commands/flows.ts';
import { exampleDesign } from '../model/example.ts';
import type { Flow, SecurityGroup } from '../model/types.ts';
import { describeFlowChanges, diffFlows, evaluateFlows, hasChanges, isReachable } from './flowChanges.ts';
import { applyCommands } from '../commands/testing.ts';

const edit = applyCommands;

const webEgressClosed = updateResource<SecurityGroup>('sg-web', { egress: [] });
const appEgressClosed = updateResource<SecurityGroup>('sg-app', { egress: [] });
const flow = (name: string): Flow => ({ id: name, name, from: 'a', to: 'b', protocol: 'tcp' });

describe('evaluating saved flows', () => {
  it('traces every flow of the example: two reachable, the transitive-peering attempt blocked', () => {
    const evaluations = evaluateFlows(exampleDesign());
    expect([...evaluations.values()].map((e) => [e.flow.id, isReachable(e)])).toEqual([
      ['flow-web-internet', true],
      ['flow-app-s3', true],
      ['flow-transitive', false],
    ]);
  });

  it('keeps an unknown endpoint as an error outcome, which counts as not reachable', () => {
    const d = edit(exampleDesign(), addFlow({ name: 'ghost', from: 'i-gone', to: 'internet', protocol: 'tcp' }));
    const ghost = [...evaluateFlows(d).values()].find((e) => e.flow.name === 'ghost');
    expect(ghost?.outcome.ok).toBe(false);
    expect(isReachable(ghost)).toBe(false);
  });
});

describe('diffing before and after an edit', () => {
  it('finds the flows an edit blocks, and the same flows opened by going back', () => {
    const before = exampleDesign();
    const after = edit(before, webEgressClosed, appEgressClosed);
    const blocked = diffFlows(evaluateFlows(before), evaluateFlows(after));
    expect(blocked.blocked.map((f) => f.id)).toEqual(['flow-web-internet', 'flow-app-s3']);
    expect(blocked.opened).toEqual([]);
    const reopened = diffFlows(evaluateFlows(after), evaluateFlows(before));
    expect(reopened.opened.map((f) => f.id)).toEqual(['flow-web-internet', 'flow-app-s3']);
    expect(reopened.blocked).toEqual([]);
  });

  it('reports nothing for an edit that changes no flow, and ignores flows added or removed', () => {
    const before = exampleDesign();
    const renamed = edit(before, updateResource('i-tools', { name: 'tools-1' }));
    expect(hasChanges(diffFlows(evaluateFlows(before), evaluateFlows(renamed)))).toBe(false);
    const added = edit(
      before,
      addFlow({ name: 'web-b → internet', from: 'i-web-b', to: 'internet', protocol: 'tcp', port: 443 }),
    );
    expect(hasChanges(diffFlows(evaluateFlows(before), evaluateFlows(added)))).toBe(false);
    expect(hasChanges(diffFlows(evaluateFlows(added), evaluateFlows(before)))).toBe(false);
  });
});

describe('describing the changes', () => {
  it('names the blocked and opened flows and counts them', () => {
    expect(describeFlowChanges({ opened: [], blocked: [flow('web-a → internet'), flow('app-a → S3')] })).toBe(
      'This change blocks 2 flows: web-a → internet, app-a → S3.',
    );
    expect(describeFlowChanges({ opened: [flow('web-a → internet')], blocked: [] })).toBe(
      'This change opens 1 flow: web-a → internet.',
    );
    expect(describeFlowChanges({ opened: [flow('x')], blocked: [flow('y')] })).toBe(
      'This change blocks 1 flow: y. It opens 1 flow: x.',
    );
  });

  it('says flows are reachable again after an undo', () => {
    expect(describeFlowChanges({ opened: [flow('web-a → internet')], blocked: [] }, 'undo')).toBe(
      'Undone: 1 flow is reachable again: web-a → internet.',
    );
    expect(describeFlowChanges({ opened: [], blocked: [flow('a'), flow('b')] }, 'undo')).toBe(
      'Undone: 2 flows are blocked again: a, b.',
    );
    expect(describeFlowChanges({ opened: [], blocked: [flow('a')] }, 'redo')).toBe(
      'Redone: this change blocks 1 flow: a.',
    );
  });

  it('says nothing when nothing changed', () => {
    expect(describeFlowChanges({ opened: [], blocked: [] })).toBeUndefined();
  });

  it('says what a failure drill broke, and what restoring brought back', () => {
    expect(
      describeFlowChanges({ opened: [], blocked: [flow('web-a → internet'), flow('app-a → S3')] }, 'edit', 'drill'),
    ).toBe('The failure drill breaks 2 flows: web-a → internet, app-a → S3.');
    expect(describeFlowChanges({ opened: [flow('web-a → internet')], blocked: [] }, 'edit', 'drill')).toBe(
      'Restored: 1 flow is reachable again: web-a → internet.',
    );
    // Undo of a drill step reads as any undo.
    expect(describeFlowChanges({ opened: [flow('a')], blocked: [] }, 'undo', 'drill')).toBe(
      'Undone: 1 flow is reachable again: a.',
    );
  });
});
