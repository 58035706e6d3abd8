import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../model/example.ts';
import { KINDS } from '../model/kinds.ts';
import { RESOURCE_KINDS } from '../model/types.ts';
import { hopKindLabel, hopKindOf, hopTypeName } from './hopKinds.ts';
import { trace } from './trace.ts';

describe('hop kinds', () => {
  it('name a design resource by its kind and the engine’s own places by theirs', () => {
    const design = exampleDesign();
    const sg = Object.values(design.resources).find((r) => r.kind === 'securityGroup')!;
    expect(hopKindOf(design, sg.id)).toBe('securityGroup');
    expect(hopKindOf(design, 'internet')).toBe('internet');
    expect(hopKindOf(design, 'on-premises')).toBe('onPremises');
    expect(hopKindOf(design, 'service:s3')).toBe('awsService');
    expect(hopKindOf(design, '203.0.113.9')).toBe('address');
  });

  it('label resource kinds with their definition and keep trace’s type names', () => {
    for (const kind of RESOURCE_KINDS) expect(hopKindLabel(kind)).toBe(KINDS[kind].label);
    expect(hopKindLabel('onPremises')).toBe('On-premises network');
    expect(hopTypeName('instance')).toBe('AWS::EC2::Instance');
    expect(hopTypeName('internet')).toBe('Internet');
    expect(hopTypeName('awsService')).toBe('AWS::Service');
    expect(hopTypeName('route')).toBe('AWS::EC2::Route');
  });

  it('give every hop of a real trace the kind of the component it names', () => {
    const design = exampleDesign();
    const from = Object.values(design.resources).find((r) => r.kind === 'instance')!;
    const outcome = trace(design, { from: from.id, to: 'internet', protocol: 'tcp', port: 443 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const hops = [...outcome.result.forward, ...outcome.result.return];
    expect(hops.length).toBeGreaterThan(2);
    for (const h of hops) expect(h.kind, h.id).toBe(hopKindOf(design, h.id));
  });
});
