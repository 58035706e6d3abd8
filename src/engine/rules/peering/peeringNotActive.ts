/**
 * Traffic crosses a peering connection only once it is active. A request waits for the owner of the accepter
 * VPC, and expires if it is not accepted within 7 days.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-lifecycle
 */
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

/** An unaccepted peering request expires after one week (168 hours). */
export const PEERING_REQUEST_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const peeringNotActive: Rule = {
  id: 'peering-not-active',
  severity: 'warning',
  title: 'Peering connections are active',
  docs: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-lifecycle',
  check(_design, { index, now }) {
    const out: Finding[] = [];
    for (const peering of index.peerings) {
      if (peering.status === 'active') continue;
      const accepter = index.get(peering.accepterVpcId);
      const accepterName = accepter?.kind === 'vpc' ? label(accepter) : `VPC ${String(peering.accepterVpcId)}`;
      if (peering.status !== 'pending-acceptance') {
        out.push(
          finding(
            peeringNotActive,
            [peering.id],
            `${Label(peering)} is ${String(peering.status)}, so no traffic crosses it.`,
            'Request a new peering connection, or delete this one and its routes.',
          ),
        );
        continue;
      }
      const requested = typeof peering.requestedAt === 'string' ? Date.parse(peering.requestedAt) : NaN;
      if (Number.isFinite(requested) && now.getTime() - requested > PEERING_REQUEST_LIFETIME_MS) {
        out.push(
          finding(
            peeringNotActive,
            [peering.id],
            `${Label(peering)} was requested on ${peering.requestedAt!.slice(0, 10)} and never accepted; requests expire after 7 days, so this one has expired.`,
            'Request the peering connection again and have the accepter accept it within 7 days.',
            'error',
          ),
        );
        continue;
      }
      const account = accepter?.kind === 'vpc' && accepter.accountId ? ` (account ${accepter.accountId})` : '';
      out.push(
        finding(
          peeringNotActive,
          [peering.id, peering.accepterVpcId],
          `${Label(peering)} is waiting for the owner of ${accepterName}${account} to accept it; no traffic crosses it until then.`,
          "Accept the request from the accepter VPC's account within 7 days of the request.",
        ),
      );
    }
    return out;
  },
};
