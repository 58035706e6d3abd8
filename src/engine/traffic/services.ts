/**
 * AWS services as traffic destinations: a representative public address for each, the managed prefix lists that
 * gateway-endpoint routes use, and the short service name of an endpoint.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html — a gateway endpoint adds "a route
 * that uses the prefix list for the service as the destination and the endpoint as the target" to the route
 * tables you choose.
 */
import { contains, isPublicIp, parseIp, tryCidr, type Cidr } from '../cidr/cidr.ts';

/** Public ranges standing for each service (one real range of each service's published list in us-east-1). */
const SERVICE_RANGES: Record<string, string> = {
  s3: '52.216.0.0/15',
  dynamodb: '3.218.180.0/22',
};
/** Any other AWS service is reached at its public endpoint, somewhere in AWS's public ranges. */
const OTHER_SERVICE_RANGE = '52.94.0.0/22';

/** Managed prefix list ids AWS publishes for the gateway-endpoint services (us-east-1), besides `pl-s3`-style names. */
const KNOWN_PREFIX_LISTS: Record<string, string> = {
  'pl-63a5400a': 's3',
  'pl-02cd2c6b': 'dynamodb',
};

export const GATEWAY_ENDPOINT_SERVICES = ['s3', 'dynamodb'] as const;

export function isGatewayService(service: string): boolean {
  return (GATEWAY_ENDPOINT_SERVICES as readonly string[]).includes(service);
}

export function serviceRange(service: string): Cidr {
  return tryCidr(SERVICE_RANGES[service] ?? OTHER_SERVICE_RANGE)!;
}

/** The address a trace uses for a service's public endpoint, e.g. 52.216.0.10 for S3. */
export function serviceAddress(service: string): number {
  return serviceRange(service).first + 10;
}

/** The service a prefix list stands for (`pl-s3`, `pl-63a5400a`, `com.amazonaws.us-east-1.s3`), if known. */
export function serviceOfPrefixList(prefixListId: string): string | undefined {
  const known = KNOWN_PREFIX_LISTS[prefixListId];
  if (known) return known;
  const lower = prefixListId.toLowerCase();
  if (lower.includes('dynamodb')) return 'dynamodb';
  if (/(^|[-.])s3($|[-.])/.test(lower)) return 's3';
  return undefined;
}

/**
 * Whether an address lies in a prefix list's ranges. The services' lists are known by id or name; an unknown
 * list id is taken to be the list of whichever gateway service the address belongs to (AWS publishes a different
 * S3 and DynamoDB list id in every Region, and templates name them literally).
 */
export function prefixListContains(prefixListId: string, ip: number): boolean {
  const service = serviceOfPrefixList(prefixListId);
  if (service !== undefined) return contains(serviceRange(service), ip);
  return GATEWAY_ENDPOINT_SERVICES.some((s) => contains(serviceRange(s), ip));
}

/** `com.amazonaws.us-east-1.s3` → `s3`; `com.amazonaws.us-east-1.ecr.dkr` → `ecr.dkr`; a bare `s3` stays `s3`. */
export function serviceOfEndpointName(serviceName: string): string {
  const m = /^(?:com|cn)\.amazonaws\.[a-z0-9-]+\.(.+)$/.exec(serviceName.trim());
  return (m ? m[1]! : serviceName.trim()).toLowerCase();
}

/** The service whose public range holds an address, for explanations. */
export function serviceAt(ip: number): string | undefined {
  for (const [service, range] of Object.entries(SERVICE_RANGES)) if (contains(tryCidr(range)!, ip)) return service;
  if (contains(tryCidr(OTHER_SERVICE_RANGE)!, ip)) return 'aws';
  return undefined;
}

/**
 * A public address to stand for "the internet": the first candidate that no rule or address in the design names
 * more specifically than 0.0.0.0/0, so a trace from or to `internet` answers for the internet at large rather
 * than for a range someone allowed on purpose (an office, a partner).
 */
const INTERNET_CANDIDATES = ['93.184.216.34', '151.101.64.81', '104.16.132.229', '185.199.108.153', '140.82.112.3'];

export function pickInternetAddress(namedCidrs: Cidr[], usedAddresses: Set<number>): number {
  for (const text of INTERNET_CANDIDATES) {
    const ip = parseIp(text)!;
    if (usedAddresses.has(ip)) continue;
    if (namedCidrs.some((c) => c.prefix > 0 && contains(c, ip))) continue;
    return ip;
  }
  return parseIp(INTERNET_CANDIDATES[0]!)!;
}

const publicCache = new Map<number, boolean>();

/** `isPublicIp`, remembered: traces ask about the same few addresses. */
export function isPublicAddress(ip: number): boolean {
  let answer = publicCache.get(ip);
  if (answer === undefined) {
    answer = isPublicIp(ip);
    if (publicCache.size > 100_000) publicCache.clear();
    publicCache.set(ip, answer);
  }
  return answer;
}
