/**
 * Explanations a student understands: on real designs (the example design and the AWS CloudFormation corpus),
 * every blocked flow's explanation names components by name — never an internal id —, tells apart two groups
 * both called `default` by their VPC, links to a glossary entry, and says when the block is AWS working as meant.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossaryEntry } from '../glossary/glossary.ts';
import { exampleDesign } from '../model/example.ts';
import type { Design } from '../model/types.ts';
import type { Explanation, TraceQuery } from './types.ts';
import { CORPUS_DIR, importCorpusTemplate } from '../../testing/corpus.ts';
import { componentName, mention } from './names.ts';
import { trace } from './trace.ts';

/** The ids a message must not show: every resource's and route's id that differs from what it is called. */
function hiddenIds(design: Design): string[] {
  const ids: string[] = [];
  for (const r of Object.values(design.resources)) {
    // An id that is also what it is called (`internet`, a logical id with no Name tag) may be shown.
    if (!r.name.toLowerCase().includes(r.id.toLowerCase()) && r.id.length > 3) ids.push(r.id);
    if (r.kind === 'routeTable') for (const route of r.routes) if (route.id.length > 3) ids.push(route.id);
  }
  return ids;
}

function idsIn(design: Design, text: string): string[] {
  return hiddenIds(design).filter((id) =>
    new RegExp(`(^|[^\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(text),
  );
}

function blocked(design: Design, query: TraceQuery): Explanation {
  const outcome = trace(design, query);
  if (!outcome.ok) throw new Error(outcome.error);
  expect(outcome.result.reachable).toBe(false);
  return outcome.result.explanations[0]!;
}

describe('explanations on the example design', () => {
  it('the transitive flow names the peering connection and the VPCs by name, and says the block is expected', () => {
    const design = exampleDesign();
    const why = blocked(
      design,
      design.flows.find((f) => f.id === 'flow-transitive')!,
    );
    expect(why.code).toBe('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR');
    expect(why.id).toBe('pcx-prod-shared');
    expect(why.message).toContain('"Production ↔ Shared"');
    expect(why.message).toContain('"Shared services"');
    expect(why.message).toMatch(/not transitive/);
    expect(why.expected).toBe(true);
    expect(why.concept).toBe('transitive-peering');
    expect(idsIn(design, why.message)).toEqual([]);
  });

  it('the internet cannot reach a private instance: expected, with the way in to use instead', () => {
    const design = exampleDesign();
    const why = blocked(design, { from: 'internet', to: 'i-app-a', protocol: 'tcp', port: 22 });
    expect(why.message).toContain('app-a');
    expect(why.message).toContain('private subnet "Private A"');
    expect(why.message).toContain(
      'a private subnet is not reachable from the internet; use a load balancer or a bastion',
    );
    expect(why.expected).toBe(true);
    expect(why.concept).toBe('private-subnet');
    expect(idsIn(design, why.message)).toEqual([]);
  });

  it('tells the two VPCs’ default security groups apart by their VPC', () => {
    const design = exampleDesign();
    expect(componentName(design, 'sg-prod-default')).toBe('default (Production)');
    expect(mention(design, 'sg-prod-default')).toBe('security group "default" (Production)');
    expect(componentName(design, 'sg-web')).toBe('web');
    const app = design.resources['i-app-a'];
    if (app?.kind !== 'instance') throw new Error('the example has app-a');
    const onlyDefault: Design = {
      ...design,
      resources: { ...design.resources, 'i-app-a': { ...app, securityGroupIds: ['sg-prod-default'] } },
    };
    const why = blocked(onlyDefault, { from: 'i-web-a', to: 'i-app-a', protocol: 'tcp', port: 8080 });
    expect(why.code).toBe('ENI_SG_RULES_MISMATCH');
    expect(why.message).toContain('"default (Production)"');
    expect(why.message).toMatch(/add an inbound rule for TCP 8080/);
    expect(why.concept).toBe('security-group');
    expect(idsIn(onlyDefault, why.message)).toEqual([]);
  });

  it('a failed NAT gateway says what is down and what to take from it, by name', () => {
    const design: Design = { ...exampleDesign(), failures: { resources: ['nat-a'], zones: [] } };
    const why = blocked(design, { from: 'i-app-a', to: 'internet', protocol: 'tcp', port: 443 });
    expect(why.code).toBe('RESOURCE_FAILED');
    expect(why.message).toContain('NAT gateway "NAT gateway A"');
    expect(why.message).toMatch(/each Availability Zone its own path/);
    expect(why.concept).toBe('failure-drill');
  });
});

describe('explanations on the CloudFormation corpus', () => {
  const files = readdirSync(CORPUS_DIR).filter((f) => /\.(ya?ml|json)$/.test(f));

  it.each(files)('%s: every blocked flow names components, never ids, and links a glossary entry', (file) => {
    const design = importCorpusTemplate(file);
    const hosts = Object.values(design.resources)
      .filter((r) => r.kind === 'instance' || r.kind === 'natGateway' || r.kind === 'vpcEndpoint')
      .map((r) => r.id)
      .slice(0, 6);
    const queries: TraceQuery[] = hosts.flatMap((h) => [
      { from: 'internet', to: h, protocol: 'tcp', port: 22 },
      { from: h, to: 'internet', protocol: 'tcp', port: 443 },
      ...hosts.filter((o) => o !== h).map((o) => ({ from: h, to: o, protocol: 'tcp' as const, port: 5432 })),
    ]);
    let explained = 0;
    for (const q of queries) {
      const outcome = trace(design, q);
      if (!outcome.ok || outcome.result.reachable) continue;
      for (const why of outcome.result.explanations) {
        explained++;
        expect(idsIn(design, why.message), `${q.from} → ${q.to}: ${why.message}`).toEqual([]);
        expect(glossaryEntry(why.concept ?? ''), why.code).toBeDefined();
      }
    }
    // Templates without hosts trace nothing; the ones with hosts must have been exercised.
    if (hosts.length > 0) expect(explained).toBeGreaterThan(0);
  });
});
