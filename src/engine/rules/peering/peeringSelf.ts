/**
 * A peering connection joins two different VPCs.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const peeringSelf: Rule = {
  id: 'peering-self',
  severity: 'error',
  title: 'Peering joins two different VPCs',
  docs: 'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const peering of index.peerings) {
      if (peering.requesterVpcId !== peering.accepterVpcId) continue;
      out.push(
        finding(
          peeringSelf,
          [peering.id],
          `${Label(peering)} connects VPC ${peering.requesterVpcId} to itself; a peering connection joins two different VPCs.`,
          'Choose a different accepter VPC, or delete the peering connection.',
        ),
      );
    }
    return out;
  },
};
