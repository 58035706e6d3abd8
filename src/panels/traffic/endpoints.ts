/**
 * The choices the Traffic panel offers for a flow's source and destination, in the CLI's endpoint syntax:
 * instances, NAT gateways, network interfaces and interface endpoints by name; the internet; S3, DynamoDB, the
 * design's buckets and other services; or any IP address.
 */
import type { Design, Flow } from '../../engine/index.ts';
import { COMMON_SERVICES, describeComponent, serviceName } from '../../canvas/traffic/names.ts';

export interface EndpointOption {
  value: string;
  label: string;
}

export interface EndpointGroup {
  label: string;
  options: EndpointOption[];
}

/** The select's value for "type an address". */
export const IP_CHOICE = 'ip:';

function serviceOf(serviceName: string): string {
  const m = /^(?:com|cn)\.amazonaws\.[a-z0-9-]+\.(.+)$/.exec(serviceName.trim());
  return (m ? m[1]! : serviceName.trim()).toLowerCase();
}

function byName(a: EndpointOption, b: EndpointOption): number {
  return a.label.localeCompare(b.label);
}

/**
 * @example endpointGroups(exampleDesign(), 'to')[0] // { label: 'Instances', options: [{ value: 'i-app-a', label: 'app-a' }, …] }
 */
export function endpointGroups(design: Design, side: 'from' | 'to'): EndpointGroup[] {
  const instances: EndpointOption[] = [];
  const nats: EndpointOption[] = [];
  const enis: EndpointOption[] = [];
  const interfaceEndpoints: EndpointOption[] = [];
  const buckets: EndpointOption[] = [];
  const services = new Set<string>(['s3', 'dynamodb']);
  for (const r of Object.values(design.resources)) {
    const label = r.name || r.id;
    if (r.kind === 'instance') instances.push({ value: r.id, label: `${label} (${r.privateIp})` });
    else if (r.kind === 'natGateway') nats.push({ value: r.id, label });
    else if (r.kind === 'networkInterface')
      enis.push({ value: r.id, label: `${label}${r.privateIps[0] ? ` (${r.privateIps[0]})` : ''}` });
    else if (r.kind === 'vpcEndpoint') {
      services.add(serviceOf(r.serviceName));
      if (r.endpointType === 'Interface') interfaceEndpoints.push({ value: r.id, label });
    } else if (r.kind === 's3Bucket') buckets.push({ value: r.id, label: `${label} (s3://${r.bucketName})` });
    else if (r.kind === 'awsService') services.add(r.service.toLowerCase());
  }
  for (const s of COMMON_SERVICES) services.add(s);
  const groups: EndpointGroup[] = [
    { label: 'Instances', options: instances.sort(byName) },
    { label: 'NAT gateways', options: nats.sort(byName) },
    { label: 'Network interfaces', options: enis.sort(byName) },
    { label: 'Interface endpoints', options: interfaceEndpoints.sort(byName) },
    {
      label: 'Outside the VPCs',
      options: [
        { value: 'internet', label: 'Internet' },
        { value: IP_CHOICE, label: 'IP address…' },
      ],
    },
  ];
  if (side === 'to') {
    const ordered = ['s3', 'dynamodb', ...[...services].filter((s) => s !== 's3' && s !== 'dynamodb').sort()];
    groups.push({
      label: 'AWS services',
      options: ordered.map((s) => ({ value: `service:${s}`, label: serviceName(s) })),
    });
    groups.push({ label: 'S3 buckets', options: buckets.sort(byName) });
  }
  return groups.filter((g) => g.options.length > 0);
}

/** Whether a destination is S3, so the form offers an action and an object ARN. */
export function isS3Destination(design: Design, to: string): boolean {
  return to === 'service:s3' || design.resources[to]?.kind === 's3Bucket';
}

export const S3_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:DeleteObject',
  's3:GetBucketLocation',
  's3:*',
] as const;

/** An object ARN to start from: the chosen bucket's, else the design's first bucket's. */
export function defaultObjectArn(design: Design, to: string): string {
  const chosen = design.resources[to];
  const bucket =
    chosen?.kind === 's3Bucket' ? chosen : Object.values(design.resources).find((r) => r.kind === 's3Bucket');
  return `arn:aws:s3:::${bucket && bucket.kind === 's3Bucket' ? bucket.bucketName : 'my-bucket'}/example.txt`;
}

function endpointLabel(design: Design, endpoint: string): string {
  if (endpoint.startsWith('ip:')) return endpoint.slice(3);
  return describeComponent(design, endpoint).name;
}

/**
 * A flow's name when the user gives none.
 *
 * @example flowName(exampleDesign(), { from: 'i-web-a', to: 'internet', protocol: 'tcp', port: 443 }) // 'web-a → Internet (TCP 443)'
 */
export function flowName(design: Design, flow: Pick<Flow, 'from' | 'to' | 'protocol' | 'port' | 'action'>): string {
  const what =
    flow.action ?? (flow.protocol === 'icmp' ? 'ICMP' : `${flow.protocol.toUpperCase()} ${flow.port ?? 443}`);
  return `${endpointLabel(design, flow.from)} → ${endpointLabel(design, flow.to)} (${what})`;
}
