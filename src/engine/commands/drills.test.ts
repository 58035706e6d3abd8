import { describe, expect, it } from 'vitest';
import { parseDesignFile, serializeDesign } from '../io/designFile.ts';
import { exampleDesign } from '../model/example.ts';
import type { Design } from '../model/types.ts';
import { validateDesign } from '../rules/index.ts';
import { exposure } from '../traffic/exposure.ts';
import { trace } from '../traffic/trace.ts';
import { run } from './command.ts';
import {
  endDrill,
  failResources,
  failZone,
  restoreResources,
  restoreZone,
  setResourceFailed,
  toggleFailure,
  subnetZonesOf,
} from './drills.ts';
import { deleteResources } from './edit.ts';
import { applyCommands } from './testing.ts';

const reachable = (design: Design, from: string, to = 'internet'): boolean => {
  const outcome = trace(design, { from, to, protocol: 'tcp', port: 443 });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result.reachable;
};

describe('failure drill commands', () => {
  it('fail and restore a resource, each one command that changes nothing but the drill', () => {
    const design = exampleDesign();
    const failed = applyCommands(design, failResources(['nat-a']));
    expect(failed.failures).toEqual({ resources: ['nat-a'], zones: [] });
    expect(failed.resources).toBe(design.resources);
    expect(reachable(failed, 'i-app-a')).toBe(false);
    expect(reachable(failed, 'i-app-b')).toBe(true);
    const restored = applyCommands(failed, restoreResources(['nat-a']));
    // An empty drill leaves no field behind, so the design is as it was.
    expect(restored).toEqual(design);
    expect('failures' in restored).toBe(false);
  });

  it('fails a whole Availability Zone and refuses a zone the design has no subnet in', () => {
    const design = exampleDesign();
    expect(subnetZonesOf(design)).toEqual(['us-east-1a', 'us-east-1b']);
    const failed = applyCommands(design, failZone('us-east-1a'));
    expect(failed.failures).toEqual({ resources: [], zones: ['us-east-1a'] });
    expect(reachable(failed, 'i-web-a')).toBe(false);
    expect(reachable(failed, 'i-web-b')).toBe(true);
    expect(run(failed, failZone('us-east-1a')).error).toBe('Availability Zone us-east-1a has already failed.');
    expect(run(design, failZone('eu-west-1a')).error).toBe('No subnet of this design is in eu-west-1a.');
    expect(applyCommands(failed, restoreZone('us-east-1a'))).toEqual(design);
    expect(run(design, restoreZone('us-east-1a')).error).toBe('Availability Zone us-east-1a has not failed.');
  });

  it('refuses to fail what is missing or already failed, and to restore what is up', () => {
    const design = exampleDesign();
    expect(run(design, failResources(['nope'])).error).toBe('Nothing to fail.');
    const failed = applyCommands(design, failResources(['nat-a']));
    expect(run(failed, failResources(['nat-a'])).error).toBe('Already failed.');
    expect(run(design, restoreResources(['nat-a'])).error).toBe('Nothing to restore: it has not failed.');
    expect(run(design, endDrill()).error).toBe('No failure drill is on.');
  });

  it('ends the drill in one step, whatever it holds', () => {
    const design = exampleDesign();
    const drill = applyCommands(design, failZone('us-east-1b'), failResources(['nat-a', 'i-tools']));
    expect(drill.failures).toEqual({ resources: ['nat-a', 'i-tools'], zones: ['us-east-1b'] });
    expect(applyCommands(drill, endDrill())).toEqual(design);
  });

  it('labels each step with what it fails or restores, for the history', () => {
    const design = exampleDesign();
    expect(setResourceFailed(design, 'nat-a', true).label).toBe('Fail NAT gateway "NAT gateway A" (drill)');
    expect(failZone('us-east-1a').label).toBe('Fail Availability Zone us-east-1a (drill)');
    expect(endDrill().label).toBe('End failure drill');
    const failed = applyCommands(design, failResources(['nat-a']));
    // Shift+F on a selection: fails when any is up, restores when all have failed.
    expect(toggleFailure(failed, ['nat-a']).label).toBe('Restore NAT gateway "NAT gateway A" (drill)');
    expect(toggleFailure(failed, ['nat-a', 'nat-b']).label).toBe('Fail 2 resources (drill)');
    expect(applyCommands(failed, toggleFailure(failed, ['nat-a', 'nat-b'])).failures?.resources).toEqual([
      'nat-a',
      'nat-b',
    ]);
  });

  it('forgets a failed resource that is deleted, and a zone whose last subnet goes', () => {
    const drill = applyCommands(exampleDesign(), failResources(['nat-a', 'i-web-b']), failZone('us-east-1b'));
    const after = applyCommands(drill, deleteResources(['subnet-public-a']));
    expect(after.failures).toEqual({ resources: ['i-web-b'], zones: ['us-east-1b'] });
    const noB = applyCommands(after, deleteResources(['subnet-public-b', 'subnet-private-b']));
    expect(noB.failures).toBeUndefined();
  });
});

describe('a drill changes no finding and no exposure', () => {
  it('gives the same findings and the same internet exposure with an AZ failed', () => {
    const design = exampleDesign();
    const drill = applyCommands(design, failZone('us-east-1a'), failResources(['igw-prod']));
    expect(validateDesign(drill)).toEqual(validateDesign(design));
    expect(exposure(drill)).toEqual(exposure(design));
    expect(exposure(design).exposedCount).toBeGreaterThan(0);
  });
});

describe('the design file keeps the drill as its own field', () => {
  it('writes and reads the drill back beside the resources, never inside one', () => {
    const drill = applyCommands(exampleDesign(), failZone('us-east-1a'), failResources(['nat-b']));
    const text = serializeDesign(drill);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file.failures).toEqual({ resources: ['nat-b'], zones: ['us-east-1a'] });
    expect(JSON.stringify(file.resources)).not.toContain('failed');
    const read = parseDesignFile(text);
    expect(read).toEqual({ ok: true, warnings: [], value: drill });
  });

  it('drops ids the design does not hold, zones without a subnet and non-text items, with a warning each', () => {
    const file = JSON.parse(serializeDesign(exampleDesign())) as Record<string, unknown>;
    file.failures = { resources: ['nat-a', 'nat-zz', 7], zones: ['us-east-1b', 'mars-1a'] };
    const read = parseDesignFile(JSON.stringify(file));
    if (!read.ok) throw new Error(read.error);
    expect(read.value.failures).toEqual({ resources: ['nat-a'], zones: ['us-east-1b'] });
    expect(read.warnings).toEqual([
      'failures.resources: the design has no resource nat-zz; it was dropped.',
      'failures.resources: 7 is not text; it was dropped.',
      'failures.zones: the design has no subnet in Availability Zone mars-1a; it was dropped.',
    ]);
  });

  it('reads a drill of the wrong shape as no drill, with one warning, and the design intact', () => {
    const file = JSON.parse(serializeDesign(exampleDesign())) as Record<string, unknown>;
    file.failures = 'everything';
    const read = parseDesignFile(JSON.stringify(file));
    if (!read.ok) throw new Error(read.error);
    expect(read.value).toEqual(exampleDesign());
    expect(read.warnings).toEqual([
      'failures should be an object with resources and zones, not "everything"; the failure drill was dropped.',
    ]);
    file.failures = { resources: ['nat-zz'] };
    const emptied = parseDesignFile(JSON.stringify(file));
    expect(emptied.ok && emptied.value.failures).toBeUndefined();
  });
});
