import { describe, expect, it } from 'vitest';
import { exampleDesign, failResources, failZone } from '../engine/index.ts';
import { applyCommands } from '../engine/commands/testing.ts';
import { designToFlow, type DiagramNode, type Marks } from './adapter.ts';
import { withFailureMarks } from './failureMarks.ts';

const NO_MARKS: ReadonlyMap<string, Marks> = new Map();

function failedNodes(nodes: DiagramNode[]): string[] {
  return nodes.filter((n) => n.domAttributes?.['data-failed' as never] === 'true').map((n) => n.id);
}

describe('a failure drill on the canvas', () => {
  it('marks nothing, and keeps the same marks, when no drill is on', () => {
    const marks = new Map<string, Marks>([['i-web-a', { severity: 'warning', findings: 'x' }]]);
    expect(withFailureMarks(exampleDesign(), marks)).toBe(marks);
  });

  it('greys a failed zone: its bands, its subnets and all they hold, in every VPC, and nothing else', () => {
    const design = applyCommands(exampleDesign(), failZone('us-east-1a'));
    const { nodes } = designToFlow(design, { marks: withFailureMarks(design, NO_MARKS) });
    expect(failedNodes(nodes).sort()).toEqual(
      [
        'az:vpc-prod:us-east-1a',
        'az:vpc-shared:us-east-1a',
        'subnet-public-a',
        'subnet-private-a',
        'subnet-shared-a',
        'nat-a',
        'i-web-a',
        'i-app-a',
        'i-tools',
      ].sort(),
    );
    const az = nodes.find((n) => n.id === 'az:vpc-prod:us-east-1a')!;
    expect(az.ariaLabel).toBe('Availability Zone us-east-1a (failed in the drill)');
    expect(az.data).toMatchObject({ failed: 'Availability Zone us-east-1a has failed (failure drill).' });
  });

  it('keeps a resource’s findings beside its failure, and names why it is down', () => {
    const design = applyCommands(exampleDesign(), failResources(['nat-b']));
    const marks = withFailureMarks(design, new Map([['nat-b', { severity: 'error', findings: 'a finding' }]]));
    expect(marks.get('nat-b')).toEqual({
      severity: 'error',
      findings: 'a finding',
      failed: 'NAT gateway "NAT gateway B" has failed (failure drill).',
    });
    const { nodes } = designToFlow(design, { marks });
    expect(failedNodes(nodes)).toEqual(['nat-b']);
    expect(nodes.find((n) => n.id === 'nat-b')?.ariaLabel).toBe('NAT gateway NAT gateway B (failed in the drill)');
  });
});
