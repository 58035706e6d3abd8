/**
 * SSH (22), RDP (3389) or every port open to the whole internet (0.0.0.0/0 or ::/0) invites brute-force
 * attacks; AWS Security Hub flags these rules (EC2.13, EC2.14, EC2.19).
 * https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html
 */
import type { SecurityGroupRule } from '../../model/types.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

const ADMIN_PORTS: Array<[number, string]> = [
  [22, 'SSH'],
  [3389, 'RDP'],
];

/** What the rule opens that it should not: "all ports", "SSH (22)", or undefined. */
export function exposure(rule: SecurityGroupRule): string | undefined {
  if (rule.cidr !== '0.0.0.0/0' && rule.cidr !== '::/0') return undefined;
  const protocol = String(rule.protocol).toLowerCase();
  if (protocol === '-1' || protocol === 'all') return 'all traffic';
  if (protocol !== 'tcp' && protocol !== '6' && protocol !== 'udp' && protocol !== '17') return undefined;
  const from = rule.fromPort;
  const to = rule.toPort;
  if ((from === -1 && to === -1) || (from <= 0 && to >= 65535))
    return protocol === 'udp' || protocol === '17' ? 'all UDP ports' : 'all TCP ports';
  if (protocol !== 'tcp' && protocol !== '6') return undefined;
  const open = ADMIN_PORTS.filter(([port]) => from <= port && port <= to).map(([port, name]) => `${name} (${port})`);
  return open.length > 0 ? open.join(' and ') : undefined;
}

export const sgOpenToWorld: Rule = {
  id: 'sg-open-to-world',
  severity: 'warning',
  title: 'SSH, RDP or all ports open to the internet',
  docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const group of index.securityGroups) {
      group.ingress.forEach((rule, i) => {
        const what = exposure(rule);
        if (!what) return;
        const name = typeof rule.id === 'string' && rule.id !== '' ? `rule ${rule.id}` : `inbound rule ${i + 1}`;
        out.push(
          finding(
            sgOpenToWorld,
            [group.id],
            `${Label(group)} opens ${what} to the whole internet (${rule.cidr}) in ${name}.`,
            'Limit the source to known addresses, or reach instances through Session Manager or a bastion instead.',
          ),
        );
      });
    }
    return out;
  },
};
