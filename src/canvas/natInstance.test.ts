/**
 * A NAT instance (an instance with source/destination check off, as AWS's NAT instance setup requires:
 * https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html) is drawn with its own icon and
 * called a NAT instance; a plain instance is not.
 */
import { describe, expect, it } from 'vitest';
import { aDesign, anInstance, aSubnet, aVpc } from '../engine/model/builders.ts';
import { designToFlow, kindLabel, type ResourceNode } from './adapter.ts';

describe('a NAT instance on the canvas', () => {
  const design = aDesign(
    aVpc(),
    aSubnet(),
    anInstance({ id: 'i-web', privateIp: '10.0.1.10' }),
    anInstance({ id: 'i-nat', privateIp: '10.0.1.11', sourceDestCheck: false }),
  );
  const node = (id: string) => designToFlow(design).nodes.find((n) => n.id === id) as ResourceNode;

  it('has the NAT instance icon and says NAT next to its address', () => {
    expect(node('i-nat').data).toMatchObject({ icon: 'natInstance', detail: 'NAT · 10.0.1.11' });
    expect(kindLabel(design.resources['i-nat']!)).toBe('NAT instance');
  });

  it('leaves a plain instance plain', () => {
    expect(node('i-web').data).toMatchObject({ icon: 'instance', detail: '10.0.1.10' });
    expect(kindLabel(design.resources['i-web']!)).toBe('EC2 instance');
  });
});
