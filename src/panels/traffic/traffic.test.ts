import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../../engine/model/example.ts';
import { evaluateFlows } from '../../engine/whatif/flowChanges.ts';
import { defaultObjectArn, endpointGroups, flowName, IP_CHOICE, isS3Destination } from './endpoints.ts';
import { flowStatus } from './status.ts';

describe('endpoint choices', () => {
  it('lists instances, NAT gateways, the internet and an address for a source; services and buckets only as destinations', () => {
    const design = exampleDesign();
    const from = endpointGroups(design, 'from');
    expect(from.map((g) => g.label)).toEqual(['Instances', 'NAT gateways', 'Outside the VPCs']);
    expect(from[0]!.options.map((o) => o.value)).toEqual(['i-app-a', 'i-app-b', 'i-tools', 'i-web-a', 'i-web-b']);
    expect(from[2]!.options.map((o) => o.value)).toEqual(['internet', IP_CHOICE]);
    const to = endpointGroups(design, 'to');
    const services = to.find((g) => g.label === 'AWS services')!.options;
    expect(services.slice(0, 2)).toEqual([
      { value: 'service:s3', label: 'Amazon S3' },
      { value: 'service:dynamodb', label: 'Amazon DynamoDB' },
    ]);
    expect(services.map((s) => s.value)).toContain('service:ssm');
    expect(to.find((g) => g.label === 'S3 buckets')!.options).toEqual([
      { value: 's3-assets', label: 'Assets bucket (s3://example-assets)' },
    ]);
  });

  it('knows when to ask for an S3 action and proposes an object ARN in the design’s bucket', () => {
    const design = exampleDesign();
    expect(isS3Destination(design, 'service:s3')).toBe(true);
    expect(isS3Destination(design, 's3-assets')).toBe(true);
    expect(isS3Destination(design, 'internet')).toBe(false);
    expect(defaultObjectArn(design, 'service:s3')).toBe('arn:aws:s3:::example-assets/example.txt');
  });

  it('names a flow from its endpoints', () => {
    const design = exampleDesign();
    expect(flowName(design, { from: 'i-web-a', to: 'internet', protocol: 'tcp', port: 443 })).toBe(
      'web-a → Internet (TCP 443)',
    );
    expect(flowName(design, { from: 'i-app-a', to: 'service:s3', protocol: 'tcp', action: 's3:GetObject' })).toBe(
      'app-a → Amazon S3 (s3:GetObject)',
    );
    expect(flowName(design, { from: 'i-app-a', to: 'ip:10.2.0.10', protocol: 'icmp' })).toBe(
      'app-a → 10.2.0.10 (ICMP)',
    );
  });
});

describe('flow status', () => {
  it('says Reachable, or Blocked at the component that drops the packet with its code', () => {
    const design = exampleDesign();
    const evaluations = evaluateFlows(design);
    expect(flowStatus(design, evaluations.get('flow-web-internet')!)).toEqual({ tone: 'ok', label: 'Reachable' });
    expect(flowStatus(design, evaluations.get('flow-transitive')!)).toMatchObject({
      tone: 'blocked',
      label: 'Blocked at Production ↔ Shared',
      componentId: 'pcx-prod-shared',
      code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
    });
  });

  it('reports a flow whose endpoint is gone as one that cannot be traced', () => {
    const design = exampleDesign();
    const status = flowStatus(design, {
      flow: { id: 'x', name: 'x', from: 'i-gone', to: 'internet', protocol: 'tcp' },
      outcome: { ok: false, error: 'unknown endpoint "i-gone"' },
    });
    expect(status).toEqual({ tone: 'error', label: 'Cannot trace', message: 'unknown endpoint "i-gone"' });
  });
});
