/**
 * exposure(): for every instance, the ports reachable from the internet and the path that reaches them — what
 * Amazon Inspector's network reachability findings report.
 * https://docs.aws.amazon.com/inspector/latest/user/inspector_network-reachability.html
 *
 * Candidates come from security group inbound rules open to public addresses (a CIDR holding public addresses;
 * group references and prefix lists are not the internet); each candidate is then confirmed by a full trace from
 * an address the rule admits, so network ACLs, routes, the internet gateway and public addresses all count. A
 * port range is confirmed by a few probes (its first port, well-known ports inside it, its last port) and reported
 * whole when one gets through.
 */
import { contains, formatIp, type Cidr, tryCidr } from '../cidr/cidr.ts';
import type { Design, ResourceId } from '../model/types.ts';
import { networkIndex, type NetworkIndex } from './networkIndex.ts';
import { isPublicAddress } from './services.ts';
import { normalizeProtocol } from './packet.ts';
import { trace } from './trace.ts';
import { withoutFailures } from './failures.ts';
import type { Hop, TrafficProtocol } from './types.ts';

export interface PortExposure {
  /** `all` for a rule that allows every protocol. */
  protocol: TrafficProtocol | 'all';
  fromPort: number;
  toPort: number;
  /** The public CIDRs the ports are open to. */
  sources: string[];
  /** The security group rules that open them (rule id, or `<group> ingress #n`). */
  rules: string[];
  /** The forward path a packet from the internet takes (for the first confirmed source). */
  path: Hop[];
}

export interface InstanceExposure {
  id: ResourceId;
  name: string;
  /** The public address it is reached at, when it has one. */
  publicIp?: string;
  ports: PortExposure[];
}

export interface ExposureReport {
  instances: InstanceExposure[];
  /** Instances with at least one port reachable from the internet. */
  exposedCount: number;
}

/** A public address inside a CIDR: the design's stand-in for the internet when the CIDR holds it, else the first public one. */
function publicAddressIn(ix: NetworkIndex, cidr: Cidr): number | undefined {
  if (contains(cidr, ix.internetAddress)) return ix.internetAddress;
  const step = Math.max(1, Math.floor((cidr.last - cidr.first) / 64));
  for (let ip = cidr.first; ip <= cidr.last; ip += step) if (isPublicAddress(ip)) return ip;
  return isPublicAddress(cidr.last) ? cidr.last : undefined;
}

/**
 * The internet exposure of every instance in the design, as configured (a failure drill does not change it).
 *
 * @example exposure(exampleDesign()).instances.find((i) => i.id === 'i-web-a')?.ports
 * // [{ protocol: 'tcp', fromPort: 443, toPort: 443, sources: ['0.0.0.0/0'], … }, { … 80 … }]
 */
export function exposure(configured: Design): ExposureReport {
  // A hole in a security group is a hole whether or not a drill has its instance down: assess the configuration.
  const design = withoutFailures(configured);
  const ix = networkIndex(design);
  const instances: InstanceExposure[] = [];
  const secondaries = new Map<ResourceId, ResourceId[]>();
  for (const r of Object.values(design.resources)) {
    if (r.kind === 'networkInterface' && r.instanceId && r.elasticIpId)
      secondaries.set(r.instanceId, [...(secondaries.get(r.instanceId) ?? []), r.id]);
  }
  let exposedCount = 0;
  for (const resource of Object.values(design.resources)) {
    if (resource.kind !== 'instance') continue;
    const entry: InstanceExposure = { id: resource.id, name: resource.name, ports: [] };
    instances.push(entry);
    const byKey = new Map<string, PortExposure>();
    // The instance's own (primary) interface, then any secondary interface with an Elastic IP.
    for (const target of [resource.id, ...(secondaries.get(resource.id) ?? [])]) {
      const eni = ix.enis.get(target);
      if (!eni?.publicIp) continue;
      entry.publicIp ??= `${formatIp(eni.publicIp.address)}${eni.publicIp.assumed ? ' (assigned at launch)' : ''}`;
      for (const group of ix.groupsOf(eni)) {
        group.ingress.forEach((rule, i) => {
          const cidr = tryCidr(rule.cidr);
          if (!cidr) return;
          const source = publicAddressIn(ix, cidr);
          if (source === undefined) return;
          const p = normalizeProtocol(rule.protocol);
          if (p !== '-1' && p !== 'tcp' && p !== 'udp' && p !== 'icmp') return;
          const all = p === '-1';
          const protocol: TrafficProtocol = all ? 'tcp' : (p as TrafficProtocol);
          const fromPort = all || rule.fromPort === -1 ? (p === 'icmp' ? -1 : 0) : rule.fromPort;
          const toPort = all || rule.toPort === -1 ? (p === 'icmp' ? -1 : 65535) : rule.toPort;
          const path = confirm(design, formatIp(source), target, protocol, fromPort, toPort);
          if (!path) return;
          const key = `${all ? 'all' : protocol}:${fromPort}-${toPort}`;
          const label = rule.id ?? `${group.id} ingress #${i + 1}`;
          const found = byKey.get(key);
          if (found) {
            if (!found.sources.includes(cidr.text)) found.sources.push(cidr.text);
            if (!found.rules.includes(label)) found.rules.push(label);
            return;
          }
          byKey.set(key, {
            protocol: all ? 'all' : protocol,
            fromPort,
            toPort,
            sources: [cidr.text],
            rules: [label],
            path,
          });
        });
      }
    }
    entry.ports = [...byKey.values()].sort((a, b) => a.fromPort - b.fromPort || a.protocol.localeCompare(b.protocol));
    if (entry.ports.length) exposedCount++;
  }
  return { instances, exposedCount };
}

/** Ports tried for a range, in order: its first port, then well-known ones inside it, then its last port. */
const PROBES = [22, 80, 443, 3389, 8080];

/** The forward path of the first probe of the range that gets there and back, if any does. */
function confirm(
  design: Design,
  source: string,
  target: ResourceId,
  protocol: TrafficProtocol,
  fromPort: number,
  toPort: number,
): Hop[] | undefined {
  const ports =
    protocol === 'icmp'
      ? [fromPort === -1 ? 8 : fromPort]
      : [...new Set([Math.max(fromPort, 1), ...PROBES.filter((p) => p > fromPort && p < toPort), toPort])];
  for (const port of ports) {
    const outcome = trace(design, { from: `ip:${source}`, to: target, protocol, port });
    if (outcome.ok && outcome.result.reachable) return outcome.result.forward;
  }
  return undefined;
}
