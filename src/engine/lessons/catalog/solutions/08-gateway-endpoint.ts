/** Lesson 8: gateway endpoints for S3 and DynamoDB, associated with Private routes. */
import { addFromPalette } from '../../../commands/add.ts';
import type { Design } from '../../../model/types.ts';
import { edit } from './edits.ts';
import { added, applyAll } from './apply.ts';

export default function solve(start: Design): Design {
  let design = start;
  for (const service of ['s3', 'dynamodb']) {
    const endpoint = added(
      design,
      addFromPalette('Gateway endpoint', { nodeId: 'vpc-lab', position: { x: 20, y: 20 } }),
    );
    design = applyAll(
      endpoint.design,
      edit('vpcEndpoint', endpoint.id, {
        name: `${service === 's3' ? 'S3' : 'DynamoDB'} endpoint`,
        serviceName: `com.amazonaws.us-east-1.${service}`,
        routeTableIds: ['rtb-private'],
      }),
    );
  }
  return design;
}
