/**
 * Peering connections that still exist or are on their way: the ones AWS counts for overlaps, duplicates and
 * quotas. Rejected, failed, expired and deleted requests are history.
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-lifecycle
 */
import type { PeeringConnection, Vpc } from '../../model/types.ts';
import type { DesignIndex } from '../context.ts';

export function isLive(p: PeeringConnection): boolean {
  return p.status === 'active' || p.status === 'pending-acceptance';
}

/** The VPC at the other end of a peering connection, seen from `vpcId`. */
export function peerVpc(index: DesignIndex, p: PeeringConnection, vpcId: string): Vpc | undefined {
  const other = index.get(p.requesterVpcId === vpcId ? p.accepterVpcId : p.requesterVpcId);
  return other?.kind === 'vpc' ? other : undefined;
}

/** Both VPCs of a peering connection, when both exist. */
export function vpcsOf(index: DesignIndex, p: PeeringConnection): [Vpc, Vpc] | undefined {
  const a = index.get(p.requesterVpcId);
  const b = index.get(p.accepterVpcId);
  return a?.kind === 'vpc' && b?.kind === 'vpc' ? [a, b] : undefined;
}
