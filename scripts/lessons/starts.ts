/**
 * The lessons' starting designs, by lesson file. `npx tsx scripts/build-lessons.ts` writes each into the `start`
 * field of its JSON file in src/engine/lessons/catalog/ (the texts, goals and hints are written in the JSON files
 * themselves); the JSON files are what ships and what the tests read.
 */
import type { Design } from '../../src/engine/model/types.ts';
import { ALL, Net, route, tcp } from './kit.ts';

/** A VPC with a public and a private subnet in one AZ and an internet gateway: the base of several lessons. */
function publicPrivate(n: Net, o: { privateRoutes?: ReturnType<typeof route>[] } = {}): Net {
  return n
    .vpc('vpc-lab', 'Lab VPC', '10.0.0.0/16')
    .igw('igw-lab', 'Lab internet gateway', 'vpc-lab')
    .routeTable('rtb-public', 'Public routes', 'vpc-lab', [route('r-igw', '0.0.0.0/0', 'igw-lab')])
    .routeTable('rtb-private', 'Private routes', 'vpc-lab', o.privateRoutes ?? [])
    .subnet('subnet-public', 'Public subnet', 'vpc-lab', '10.0.0.0/24', 'us-east-1a', {
      rt: 'rtb-public',
      mapPublicIp: true,
    })
    .subnet('subnet-private', 'Private subnet', 'vpc-lab', '10.0.1.0/24', 'us-east-1a', { rt: 'rtb-private' });
}

export const STARTS: Record<string, () => Design> = {
  '01-nat-gateway': () =>
    publicPrivate(new Net())
      .sg('sg-app', 'App servers', 'vpc-lab', [], [ALL])
      .instance('i-app', 'App server', 'subnet-private', '10.0.1.10', ['sg-app'])
      .eip('eip-nat', 'NAT address', '203.0.113.10')
      .nat('nat-lab', 'NAT gateway', 'subnet-private', 'eip-nat')
      .design('Lesson 1: NAT gateway'),
};

// Keep `tcp` in the kit's vocabulary for the lessons that follow.
void tcp;
