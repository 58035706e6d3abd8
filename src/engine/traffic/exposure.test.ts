import { describe, expect, it } from 'vitest';
import { aNetworkAcl } from '../model/builders.ts';
import { exampleDesign } from '../model/example.ts';
import type { Resource, SecurityGroup } from '../model/types.ts';
import { exposure } from './exposure.ts';
import { classicResources, designOf, patch } from './testNetwork.ts';

const portsOf = (resources: Resource[], id: string) =>
  exposure(designOf(resources)).instances.find((i) => i.id === id)?.ports ?? [];

describe('exposure', () => {
  it('lists the ports open to the internet with the path that reaches them', () => {
    const [https] = portsOf(classicResources(), 'i-web');
    expect(https).toMatchObject({
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      sources: ['0.0.0.0/0'],
      rules: ['web-https'],
    });
    expect(https!.path.map((h) => h.id)).toEqual(['internet', 'igw-a', 'vpc-a-acl', 'sg-web', 'i-web']);
  });

  it('reports nothing for an instance without a public address, even if its group is open', () => {
    const resources = patch(classicResources(), 'sg-app', {
      ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0' }],
    } as Partial<SecurityGroup>);
    expect(portsOf(resources, 'i-app')).toEqual([]);
  });

  it('confirms each opening with a trace: a network ACL that denies the port hides it', () => {
    const resources = [
      ...patch(classicResources(), 'subnet-pub', { networkAclId: 'acl-x' } as Partial<Resource>),
      aNetworkAcl({
        id: 'acl-x',
        vpcId: 'vpc-a',
        inbound: [{ ruleNumber: 100, protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0', action: 'allow' }],
        outbound: [{ ruleNumber: 100, protocol: '-1', cidr: '0.0.0.0/0', action: 'allow' }],
      }),
    ];
    expect(portsOf(resources, 'i-web')).toEqual([]);
  });

  it('counts ranges open to a specific public range, and ignores private ones', () => {
    const resources = patch(classicResources(), 'sg-web', {
      ingress: [
        { id: 'office-ssh', protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '192.0.2.0/24' },
        { id: 'vpc-all', protocol: '-1', fromPort: -1, toPort: -1, cidr: '10.0.0.0/8' },
      ],
    } as Partial<SecurityGroup>);
    expect(portsOf(resources, 'i-web')).toEqual([
      expect.objectContaining({ fromPort: 22, sources: ['192.0.2.0/24'], rules: ['office-ssh'] }),
    ]);
  });

  it('reports an all-traffic rule as every port, and looks at secondary interfaces with an Elastic IP', () => {
    const resources: Resource[] = [
      ...patch(classicResources(), 'sg-app', {
        ingress: [{ id: 'wide-open', protocol: '-1', fromPort: -1, toPort: -1, cidr: '0.0.0.0/0' }],
      } as Partial<SecurityGroup>),
      {
        id: 'eni-2',
        kind: 'networkInterface',
        name: 'eni-2',
        subnetId: 'subnet-pub',
        privateIps: ['10.0.0.30'],
        securityGroupIds: ['sg-app'],
        sourceDestCheck: true,
        instanceId: 'i-app',
        deviceIndex: 1,
        elasticIpId: 'eip-2',
      },
      { id: 'eip-2', kind: 'elasticIp', name: 'eip-2', publicIp: '203.0.113.30' },
    ];
    const [all] = portsOf(resources, 'i-app');
    expect(all).toMatchObject({ protocol: 'all', fromPort: 0, toPort: 65535, rules: ['wide-open'] });
    expect(all!.path.at(-1)?.id).toBe('eni-2');
  });

  it('finds the web tier of the example design exposed on 80 and 443, and nothing else', () => {
    const report = exposure(exampleDesign());
    expect(report.exposedCount).toBe(2);
    expect(report.instances.find((i) => i.id === 'i-web-a')?.ports.map((p) => p.fromPort)).toEqual([80, 443]);
  });
});
