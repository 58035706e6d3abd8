import { describe, expect, it } from 'vitest';
import { failResources, failZone } from '../commands/drills.ts';
import { applyCommands } from '../commands/testing.ts';
import { exampleDesign } from '../model/example.ts';
import { describeDrill, summarizeDrill } from './drill.ts';

describe('the failure drill in one line', () => {
  it('counts the flows the drill breaks, not the ones blocked anyway', () => {
    const design = applyCommands(exampleDesign(), failZone('us-east-1a'));
    const summary = summarizeDrill(design);
    expect(summary.failed).toEqual(['AZ us-east-1a']);
    // The transitive flow is blocked with or without the drill: two of the three break.
    expect(summary.broken.map((f) => f.id)).toEqual(['flow-web-internet', 'flow-app-s3']);
    expect(describeDrill(summary)).toBe('Failure drill: AZ us-east-1a failed — 2 of 3 flows break');
  });

  it('names failed resources, and says when nothing saved breaks', () => {
    const design = applyCommands(exampleDesign(), failZone('us-east-1b'), failResources(['nat-b', 'i-tools']));
    const summary = summarizeDrill(design);
    expect(describeDrill(summary)).toBe(
      'Failure drill: AZ us-east-1b, NAT gateway B and tools failed — none of 3 flows breaks',
    );
    expect(describeDrill({ ...summary, flows: 0 })).toBe(
      'Failure drill: AZ us-east-1b, NAT gateway B and tools failed — no saved flow to trace',
    );
  });
});
