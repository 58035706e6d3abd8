/**
 * The built-in lessons: a small static list for the Lessons panel (no designs in it), and `loadLesson`, which
 * fetches one lesson's file only when it is opened (each JSON file is its own lazily loaded chunk).
 *
 * The list repeats each file's id, title, kind, summary and concepts so the panel can show it without loading any
 * lesson, or the lesson reader (this module imports nothing statically); catalog.test.ts checks every entry
 * against its file.
 */
import type { Lesson } from '../types.ts';

export interface CatalogEntry {
  id: string;
  title: string;
  kind: Lesson['kind'];
  summary: string;
  concepts: string[];
}

/** Each lesson's file, loaded on demand. */
const FILES: Record<string, () => Promise<{ default: unknown }>> = {
  'nat-gateway': () => import('./01-nat-gateway.lesson.json'),
  'nat-gateway-or-instance': () => import('./02-nat-gateway-or-instance.lesson.json'),
  'high-availability': () => import('./03-high-availability.lesson.json'),
  'vpc-peering': () => import('./04-vpc-peering.lesson.json'),
  'peering-not-transitive': () => import('./05-peering-not-transitive.lesson.json'),
  'overlapping-cidrs': () => import('./06-overlapping-cidrs.lesson.json'),
  'no-edge-to-edge': () => import('./07-no-edge-to-edge.lesson.json'),
  'gateway-endpoint': () => import('./08-gateway-endpoint.lesson.json'),
  'interface-endpoint': () => import('./09-interface-endpoint.lesson.json'),
  'endpoint-bucket-policies': () => import('./10-endpoint-bucket-policies.lesson.json'),
  'network-reachability': () => import('./11-network-reachability.lesson.json'),
  'security-groups-and-acls': () => import('./12-security-groups-and-acls.lesson.json'),
  'challenge-web-tier': () => import('./13-challenge-web-tier.lesson.json'),
  'challenge-analytics': () => import('./14-challenge-analytics.lesson.json'),
};

export const LESSON_CATALOG: readonly CatalogEntry[] = [
  {
    id: 'nat-gateway',
    title: 'NAT gateway: outbound internet for a private subnet',
    kind: 'lesson',
    summary: 'Give the app server in a private subnet a way out to the internet, and see why nothing can come in.',
    concepts: ['nat-gateway', 'elastic-ip', 'public-subnet', 'private-subnet', 'route-table', 'internet-gateway'],
  },
  {
    id: 'nat-gateway-or-instance',
    title: 'NAT gateway or NAT instance',
    kind: 'lesson',
    summary: 'Build both kinds of NAT side by side and see what each can and cannot do.',
    concepts: ['nat-gateway', 'nat-instance', 'source-dest-check', 'bastion-host', 'security-group', 'elastic-ip'],
  },
  {
    id: 'high-availability',
    title: 'High availability: one NAT gateway per Availability Zone',
    kind: 'lesson',
    summary: 'Run a failure drill on one Availability Zone, see what breaks, and make each zone stand on its own.',
    concepts: ['high-availability', 'availability-zone', 'nat-gateway', 'failure-drill', 'route-table'],
  },
  {
    id: 'vpc-peering',
    title: 'VPC peering step by step',
    kind: 'lesson',
    summary:
      "Accept a peering request from another account, add routes on both sides, open the partner's security group to your servers, then peer with a VPC in another Region.",
    concepts: ['vpc-peering', 'route-table', 'security-group'],
  },
  {
    id: 'peering-not-transitive',
    title: 'Peering is not transitive',
    kind: 'lesson',
    summary: 'VPC A is peered with B, and B with C. Make Server A reach Server C.',
    concepts: ['transitive-peering', 'vpc-peering', 'route-table'],
  },
  {
    id: 'overlapping-cidrs',
    title: 'Overlapping CIDRs: re-plan the addresses',
    kind: 'lesson',
    summary:
      'The Shop and Warehouse VPCs use the same addresses, so they cannot be peered. Re-plan one and connect them.',
    concepts: ['cidr-overlap', 'vpc-peering', 'route-table'],
  },
  {
    id: 'no-edge-to-edge',
    title: 'No edge-to-edge routing',
    kind: 'lesson',
    summary:
      "The Project VPC tries to use the Shared VPC's internet gateway, NAT gateway, VPN and S3 endpoint through a peering. Give it its own.",
    concepts: ['edge-to-edge-routing', 'vpc-peering', 'internet-gateway', 'gateway-endpoint'],
  },
  {
    id: 'gateway-endpoint',
    title: 'Gateway endpoints for S3 and DynamoDB',
    kind: 'lesson',
    summary: 'Let the App server reach S3 and DynamoDB without going through the NAT gateway.',
    concepts: ['gateway-endpoint', 'prefix-list', 'route-table', 'nat-gateway'],
  },
  {
    id: 'interface-endpoint',
    title: 'Interface endpoint: reach an AWS service privately',
    kind: 'lesson',
    summary:
      'The App server has no way to the internet but must reach AWS Systems Manager. Make the interface endpoint work.',
    concepts: ['interface-endpoint', 'private-dns', 'security-group', 'private-subnet'],
  },
  {
    id: 'endpoint-bucket-policies',
    title: 'Endpoint and bucket policies',
    kind: 'lesson',
    summary:
      'Allow only the Reports bucket, and only reading and writing, through the S3 endpoint; make the bucket accept nothing else.',
    concepts: ['endpoint-policy', 'bucket-policy', 'gateway-endpoint'],
  },
  {
    id: 'network-reachability',
    title: 'Network reachability: close the holes',
    kind: 'lesson',
    summary:
      'Find the instances open to the internet, as Amazon Inspector would, and close every hole the web site does not need.',
    concepts: ['network-reachability', 'security-group', 'public-subnet'],
  },
  {
    id: 'security-groups-and-acls',
    title: 'Security groups and network ACLs',
    kind: 'lesson',
    summary:
      'Stateful and stateless, rule order and ephemeral ports: make the Public subnet ACL let the web site work and keep a bad network out.',
    concepts: ['security-group', 'network-acl', 'stateful-stateless', 'ephemeral-ports'],
  },
  {
    id: 'challenge-web-tier',
    title: 'Challenge: the web tier',
    kind: 'challenge',
    summary:
      'The web tier cannot reach S3 or its database, and one instance is exposed to the internet. Find and fix every fault.',
    concepts: ['gateway-endpoint', 'security-group', 'network-reachability', 'route-table'],
  },
  {
    id: 'challenge-analytics',
    title: 'Challenge: the analytics link',
    kind: 'challenge',
    summary:
      'The Analytics job in another account cannot reach the App server, and the App server has lost the internet. Find every fault.',
    concepts: ['vpc-peering', 'route-table', 'nat-gateway', 'elastic-ip'],
  },
];

/**
 * One built-in lesson, read and checked like any lesson file.
 *
 * @example const lesson = await loadLesson('nat-gateway'); // lesson.goals[0].text
 */
export async function loadLesson(id: string): Promise<Lesson> {
  const load = Object.hasOwn(FILES, id) ? FILES[id] : undefined;
  if (!load) throw new Error(`There is no built-in lesson "${id}".`);
  // The reader (and the rules and traces it checks goals with) loads with the first lesson, not with the list.
  const [{ readLesson }, file] = await Promise.all([import('../parse.ts'), load()]);
  const read = readLesson(file.default);
  if (!read.ok) throw new Error(`The built-in lesson "${id}" cannot be read: ${read.error}`);
  return read.lesson;
}
