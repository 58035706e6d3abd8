/**
 * Two VPCs can have only one peering connection between them at a time.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations
 */
import type { PeeringConnection } from '../../model/types.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { isLive } from './peeringLive.ts';

export const peeringDuplicate: Rule = {
  id: 'peering-duplicate',
  severity: 'error',
  title: 'One peering connection per VPC pair',
  docs: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations',
  check(_design, { index }) {
    const out: Finding[] = [];
    const byPair = new Map<string, PeeringConnection>();
    for (const peering of index.peerings) {
      if (!isLive(peering) || peering.requesterVpcId === peering.accepterVpcId) continue;
      const key = [String(peering.requesterVpcId), String(peering.accepterVpcId)].sort().join('\u0000');
      const first = byPair.get(key);
      if (!first) {
        byPair.set(key, peering);
        continue;
      }
      out.push(
        finding(
          peeringDuplicate,
          [peering.id, first.id],
          `${Label(peering)} joins the same two VPCs (${peering.requesterVpcId} and ${peering.accepterVpcId}) as ${first.id}; only one peering connection per pair is allowed.`,
          `Delete ${peering.id} and route through ${first.id}.`,
        ),
      );
    }
    return out;
  },
};
