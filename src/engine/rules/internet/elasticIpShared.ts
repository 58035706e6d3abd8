/**
 * An Elastic IP address is associated with one instance, network interface or NAT gateway at a time.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-eips.html
 */
import type { ResourceId } from '../../model/types.ts';
import { Label, finding } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const elasticIpShared: Rule = {
  id: 'elastic-ip-shared',
  severity: 'error',
  title: 'An Elastic IP has one owner',
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-eips.html',
  check(_design, { index }) {
    const owners = new Map<ResourceId, ResourceId[]>();
    const note = (eipId: unknown, owner: ResourceId) => {
      if (typeof eipId !== 'string' || index.get(eipId)?.kind !== 'elasticIp') return;
      const list = owners.get(eipId);
      if (list) list.push(owner);
      else owners.set(eipId, [owner]);
    };
    for (const i of index.instances) note(i.elasticIpId, i.id);
    for (const e of index.networkInterfaces) note(e.elasticIpId, e.id);
    for (const n of index.natGateways) note(n.elasticIpId, n.id);
    const out: Finding[] = [];
    for (const [eipId, list] of owners) {
      if (list.length < 2) continue;
      const eip = index.get(eipId)!;
      out.push(
        finding(
          elasticIpShared,
          [list[1], eipId, ...list],
          `${Label(eip)} is associated with ${list.length} resources (${list.join(', ')}); an Elastic IP belongs to one at a time.`,
          'Allocate another Elastic IP for each extra resource.',
        ),
      );
    }
    return out;
  },
};
