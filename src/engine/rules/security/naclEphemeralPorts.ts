/**
 * Network ACLs are stateless: replies need their own rule. A custom network ACL that admits traffic in one
 * direction must allow the ephemeral ports (1024–65535) in the other, or every reply is dropped. A custom ACL
 * with no allow rule at all blocks everything in its subnets.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html
 */
import type { NetworkAclRule } from '../../model/types.ts';
import { Label, count, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isExternal } from '../../model/unknown.ts';

const EPHEMERAL_FIRST = 1024;
const EPHEMERAL_LAST = 65535;

function allowsEphemeral(rules: NetworkAclRule[]): boolean {
  return rules.some((r) => {
    if (r.action !== 'allow') return false;
    const protocol = String(r.protocol).toLowerCase();
    if (protocol === '-1' || protocol === 'all') return true;
    if (protocol !== 'tcp' && protocol !== '6') return false;
    const from = r.fromPort ?? 0;
    const to = r.toPort ?? 65535;
    return from <= EPHEMERAL_FIRST && to >= EPHEMERAL_LAST;
  });
}

export const naclEphemeralPorts: Rule = {
  id: 'nacl-ephemeral-ports',
  severity: 'warning',
  title: 'Custom network ACLs allow return traffic',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    const subnetsByAcl = new Map<string, number>();
    for (const subnet of index.subnets) {
      if (typeof subnet.networkAclId === 'string')
        subnetsByAcl.set(subnet.networkAclId, (subnetsByAcl.get(subnet.networkAclId) ?? 0) + 1);
    }
    for (const acl of index.networkAcls) {
      if (acl.isDefault || isExternal(acl)) continue; // an existing ACL's rules are unknown
      const allowsIn = acl.inbound.some((r) => r.action === 'allow');
      const allowsOut = acl.outbound.some((r) => r.action === 'allow');
      if (!allowsIn && !allowsOut) {
        const used = subnetsByAcl.get(acl.id) ?? 0;
        if (used > 0)
          out.push(
            finding(
              naclEphemeralPorts,
              [acl.id],
              `${Label(acl)} has no allow rules, so it blocks all traffic in and out of its ${count(used, 'subnet')}.`,
              'Add allow rules for the traffic the subnets need, and for its replies on ports 1024–65535.',
            ),
          );
        continue;
      }
      if (allowsIn && !allowsEphemeral(acl.outbound)) {
        out.push(
          finding(
            naclEphemeralPorts,
            [acl.id],
            `${Label(acl)} admits inbound traffic but no outbound rule allows the ephemeral ports 1024–65535, so replies to it are dropped.`,
            'Add an outbound rule allowing TCP 1024–65535 to the clients (e.g. 0.0.0.0/0).',
          ),
        );
      }
      if (allowsOut && !allowsEphemeral(acl.inbound)) {
        out.push(
          finding(
            naclEphemeralPorts,
            [acl.id],
            `${Label(acl)} allows outbound traffic but no inbound rule allows the ephemeral ports 1024–65535, so replies from servers are dropped.`,
            'Add an inbound rule allowing TCP 1024–65535 from the servers (e.g. 0.0.0.0/0).',
          ),
        );
      }
    }
    return out;
  },
};
