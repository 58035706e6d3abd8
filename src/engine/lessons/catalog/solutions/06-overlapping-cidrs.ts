/** Lesson 6: re-address the Warehouse VPC (block, subnet, server), then peer it with the Shop VPC. */
import { requestPeering } from '../../../commands/peering.ts';
import type { Design } from '../../../model/types.ts';
import { edit } from './edits.ts';
import { applyAll } from './apply.ts';

export default function solve(start: Design): Design {
  return applyAll(
    start,
    edit('vpc', 'vpc-warehouse', { cidrBlocks: ['10.1.0.0/16'] }),
    edit('subnet', 'subnet-warehouse', { cidrBlock: '10.1.1.0/24' }),
    edit('instance', 'i-warehouse', { privateIp: '10.1.1.20' }),
    requestPeering('vpc-shop', 'vpc-warehouse', { accept: true, addRoutes: true }),
  );
}
