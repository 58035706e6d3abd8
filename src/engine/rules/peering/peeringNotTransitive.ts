/**
 * A route through a peering connection only reaches the peer VPC's own CIDR blocks. Sending any other range
 * (another peered VPC, the internet through the peer's gateway, an on-premises network behind its VPN) is
 * transitive or edge-to-edge routing, which AWS does not support: that traffic is dropped.
 * https://docs.aws.amazon.com/vpc/latest/peering/invalid-peering-configurations.html
 */
import { contains, tryCidr } from '../../cidr/cidr.ts';
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';
import { peerVpc } from './peeringLive.ts';
import { isExternal, isUnknownValue } from '../../model/unknown.ts';

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((text) => tryCidr(text)!);

export const peeringNotTransitive: Rule = {
  id: 'peering-not-transitive',
  severity: 'error',
  title: 'Routes through a peering stay inside the peer VPC',
  docs: 'https://docs.aws.amazon.com/vpc/latest/peering/invalid-peering-configurations.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const table of index.routeTables) {
      for (const route of table.routes) {
        const peering = index.get(route.targetId);
        if (peering?.kind !== 'peeringConnection') continue;
        if (peering.requesterVpcId !== table.vpcId && peering.accepterVpcId !== table.vpcId) continue; // a blackhole
        const dest = tryCidr(route.destinationCidrBlock);
        const peer = peerVpc(index, peering, table.vpcId);
        if (!dest || !peer) continue;
        // An existing peer's blocks, or blocks given by parameters without values, are unknown.
        if (peer.cidrBlocks.some(isUnknownValue) || (isExternal(peer) && peer.cidrBlocks.length === 0)) continue;
        const peerCidrs = index.vpcCidrs.get(peer.id) ?? [];
        if (peerCidrs.some((c) => contains(c, dest))) continue;
        const ranges = peerCidrs.map((c) => c.text).join(', ') || 'none';
        const routeName = typeof route.id === 'string' && route.id !== '' ? ` in route ${route.id}` : '';
        const blocks = peerCidrs.length === 1 ? 'the CIDR block' : 'the CIDR blocks';
        // A wider private range that holds the peer's blocks (10.0.0.0/8 for a 10.1.0.0/16 peer) still reaches the
        // peer, and only the rest of it goes nowhere; a default route is an attempt at the peer's internet gateway.
        if (peerCidrs.some((c) => contains(dest, c)) && PRIVATE_RANGES.some((r) => contains(r, dest))) {
          out.push(
            finding(
              peeringNotTransitive,
              [table.id, route.id, peering.id, peer.id],
              `${Label(table)} sends ${dest.text} to ${label(peering)}${routeName}; only ${ranges}, ${blocks} of the peer ${label(peer)}, is reached through it, and the rest of ${dest.text} is dropped (VPC peering is not transitive).`,
              `Narrow the destination to the peer VPC's blocks (${ranges}) unless the rest is meant to go nowhere.`,
              'warning',
            ),
          );
          continue;
        }
        out.push(
          finding(
            peeringNotTransitive,
            [table.id, route.id, peering.id, peer.id],
            `${Label(table)} sends ${dest.text} to ${label(peering)}${routeName}, but that range is outside ${ranges}, ${blocks} of the peer ${label(peer)}. VPC peering is not transitive: traffic cannot continue from the peer VPC to another network.`,
            `Narrow the destination to the peer VPC's blocks (${ranges}), and reach other networks with their own peering or a transit gateway.`,
          ),
        );
      }
    }
    return out;
  },
};
