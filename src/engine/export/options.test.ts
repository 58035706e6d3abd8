import { describe, expect, it } from 'vitest';
import { aSubnet, aVpc, anInstance } from '../model/builders.ts';
import { exampleDesign } from '../model/example.ts';
import type { Design } from '../model/types.ts';
import { titleBlockFor } from './options.ts';
import { renderSvg } from './svg.ts';

/** The example design (us-east-1) with a VPC, subnet and instance in eu-west-1. */
function twoRegions(): Design {
  const design = exampleDesign();
  const vpc = aVpc({
    id: 'vpc-eu',
    name: 'Europe',
    region: 'eu-west-1',
    cidrBlocks: ['10.9.0.0/16'],
    availabilityZones: ['eu-west-1a'],
  });
  const subnet = aSubnet({
    id: 'subnet-eu',
    vpcId: 'vpc-eu',
    cidrBlock: '10.9.1.0/24',
    availabilityZone: 'eu-west-1a',
  });
  const instance = anInstance({ id: 'i-eu', subnetId: 'subnet-eu', privateIp: '10.9.1.10' });
  return { ...design, resources: { ...design.resources, [vpc.id]: vpc, [subnet.id]: subnet, [instance.id]: instance } };
}

describe('titleBlockFor', () => {
  it('lists every region of the whole design', () => {
    expect(titleBlockFor(twoRegions(), '2026-12-08').regions).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('lists only the regions of what is drawn of a selection', () => {
    const design = twoRegions();
    expect(titleBlockFor(design, '2026-12-08', undefined, ['i-web-a']).regions).toEqual(['us-east-1']);
    expect(titleBlockFor(design, '2026-12-08', undefined, ['i-eu']).regions).toEqual(['eu-west-1']);
    expect(titleBlockFor(design, '2026-12-08', undefined, ['i-eu', 'vpc-prod']).regions).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
    // The exported picture says so.
    const svg = renderSvg(design, { only: ['i-eu'], titleBlock: titleBlockFor(design, '2026-12-08', 'EU', ['i-eu']) });
    expect(svg).toContain('Region: eu-west-1');
    expect(svg).not.toContain('us-east-1');
  });
});
