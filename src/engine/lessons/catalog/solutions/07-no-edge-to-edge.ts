/** Lesson 7: the Project VPC gets its own internet gateway and S3 gateway endpoint; the Build server a public address. */
import { addFromPalette } from '../../../commands/add.ts';
import { routeSubnetToInternet } from '../../../commands/subnetInternetRoute.ts';
import type { Design } from '../../../model/types.ts';
import { added, applyAll } from './apply.ts';
import { edit, removeRoutes } from './edits.ts';

export default function solve(start: Design): Design {
  const igw = added(start, addFromPalette('Internet gateway', { nodeId: 'vpc-project', position: { x: 20, y: 20 } }));
  const endpoint = added(
    igw.design,
    addFromPalette('Gateway endpoint', { nodeId: 'vpc-project', position: { x: 200, y: 20 } }),
  );
  return applyAll(
    endpoint.design,
    edit('internetGateway', igw.id, { vpcId: 'vpc-project' }),
    routeSubnetToInternet('subnet-project', igw.id),
    removeRoutes('rtb-project', '192.168.0.0/16'),
    edit('instance', 'i-build', { associatePublicIp: true }),
    edit('vpcEndpoint', endpoint.id, {
      name: 'Project S3 endpoint',
      serviceName: 'com.amazonaws.us-east-1.s3',
      routeTableIds: ['rtb-project'],
    }),
  );
}
