/**
 * A network interface attaches only to an instance in its own Availability Zone: "You can attach a network
 * interface in one subnet to an instance in another subnet in the same VPC; however, both the network interface
 * and the instance must reside in the same Availability Zone."
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
 */
import { isExternal, isUnknownValue } from '../../model/unknown.ts';
import { Label, finding, label } from '../report.ts';
import type { Finding, Rule } from '../types.ts';

export const networkInterfaceZone: Rule = {
  id: 'network-interface-zone',
  severity: 'error',
  title: 'Network interfaces attach to instances in their own Availability Zone',
  docs: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html',
  check(_design, { index }) {
    const out: Finding[] = [];
    for (const eni of index.networkInterfaces) {
      const instance = index.get(eni.instanceId);
      if (instance?.kind !== 'instance') continue;
      const eniSubnet = index.get(eni.subnetId);
      const instanceSubnet = index.get(instance.subnetId);
      if (
        eniSubnet?.kind !== 'subnet' ||
        instanceSubnet?.kind !== 'subnet' ||
        isExternal(eniSubnet) ||
        isExternal(instanceSubnet)
      )
        continue;
      const [a, b] = [eniSubnet.availabilityZone, instanceSubnet.availabilityZone];
      if (!a || !b || isUnknownValue(a) || isUnknownValue(b) || a === b) continue;
      out.push(
        finding(
          networkInterfaceZone,
          [eni.id, instance.id],
          `${Label(eni)} is in ${a} (${label(eniSubnet)}) but is attached to ${label(instance)} in ${b}; an interface can only be attached to an instance in its own Availability Zone.`,
          `Create the interface in a subnet of ${b}, or move it with its instance.`,
        ),
      );
    }
    return out;
  },
};
