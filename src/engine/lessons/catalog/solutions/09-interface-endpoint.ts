/** Lesson 9: private DNS on (with the VPC's DNS hostnames), and the endpoint's group admits the App servers. */
import type { Design } from '../../../model/types.ts';
import { applyAll } from './apply.ts';
import { addIngress, edit, tcpFrom } from './edits.ts';

export default function solve(start: Design): Design {
  return applyAll(
    start,
    edit('vpcEndpoint', 'vpce-ssm', { privateDnsEnabled: true }),
    edit('vpc', 'vpc-lab', { enableDnsHostnames: true }),
    addIngress('sg-endpoint', tcpFrom(443, 'sg-app')),
  );
}
