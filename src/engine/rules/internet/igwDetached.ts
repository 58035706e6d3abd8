/**
 * An internet gateway does nothing until it is attached to a VPC; routes to a detached one are blackholes.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
 */
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const igwDetached: Rule = {
  id: 'igw-detached',
  severity: 'warning',
  title: 'Internet gateways are attached',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const gateway of index.internetGateways) {
      if (typeof gateway.vpcId === 'string' && gateway.vpcId !== '') continue; // attached (a missing VPC is a dangling reference)
      out.push(
        finding(
          igwDetached,
          [gateway.id],
          `${Label(gateway)} is not attached to a VPC, so no traffic can use it.`,
          'Attach it to a VPC (drag it onto the VPC) or delete it.',
        ),
      );
    }
    return out;
  },
};
