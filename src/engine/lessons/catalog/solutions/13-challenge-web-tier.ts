/** Challenge 1: the endpoint serves the web tier's table too; the database admits the web tier; no SSH from the world. */
import type { Design } from '../../../model/types.ts';
import { applyAll } from './apply.ts';
import { addIngress, edit, setIngress, tcpFrom } from './edits.ts';

export default function solve(start: Design): Design {
  return applyAll(
    start,
    edit('vpcEndpoint', 'vpce-s3', { routeTableIds: ['rtb-data', 'rtb-web'] }),
    addIngress('sg-db', tcpFrom(5432, 'sg-web')),
    setIngress('sg-report', []),
  );
}
