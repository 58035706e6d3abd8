/**
 * Copy, paste and duplicate. A copied container takes what it holds (a VPC its subnets, route tables, groups and
 * instances; a subnet its instances), and pasting gives every copy a new id and re-points references between
 * the copies, so a pasted VPC is a working twin of the original rather than a shell that points back at it.
 */
import { nextFreeCidr, tryCidr } from '../cidr/cidr.ts';
import { nextId } from '../model/create.ts';

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
import { getResource, subnetsOf } from '../model/queries.ts';
import type { Box, Design, Resource, ResourceId } from '../model/types.ts';
import { placeResource } from '../layout/placement.ts';
import { suggestPrivateIp } from './add.ts';
import { type Command, done, refuse } from './command.ts';

export interface Clipboard {
  resources: Resource[];
  layout: Record<string, Box>;
}

function isInside(r: Resource, containerIds: ReadonlySet<ResourceId>): boolean {
  if (
    'vpcId' in r &&
    r.vpcId &&
    containerIds.has(r.vpcId) &&
    r.kind !== 'internetGateway' &&
    r.kind !== 'virtualPrivateGateway'
  )
    return true;
  if ('subnetId' in r && containerIds.has(r.subnetId)) return true;
  if (r.kind === 'internetGateway' && r.vpcId && containerIds.has(r.vpcId)) return true;
  return false;
}

/** The selected resources and everything inside them. */
export function copyResources(design: Design, ids: ResourceId[]): Clipboard {
  const picked = new Set<ResourceId>(ids.filter((id) => getResource(design, id)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of Object.values(design.resources)) {
      if (!picked.has(r.id) && isInside(r, picked)) {
        picked.add(r.id);
        grew = true;
      }
    }
  }
  // Elastic IPs are not copied: an address belongs to one resource at a time.
  const resources = [...picked].map((id) => design.resources[id]!).filter((r) => r.kind !== 'elasticIp');
  const layout: Record<string, Box> = {};
  for (const r of resources) if (design.layout[r.id]) layout[r.id] = design.layout[r.id]!;
  return { resources: copyData(resources), layout: copyData(layout) };
}

/**
 * A deep copy of design data. Designs are JSON by construction (they are saved and loaded as JSON), so a JSON round
 * trip copies them exactly — and needs no host API (`structuredClone` is the DOM's and Node's, not ECMAScript's).
 */
function copyData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function remap(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => remap(v, ids));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === 'name' || k === 'description' || k === 'policyDocument' ? v : remap(v, ids);
    }
    return out;
  }
  return value;
}

/**
 * Pastes a clipboard: new ids, references between the copies re-pointed, top-level copies at the nearest free place
 * to the originals' positions plus `offset`, never on top of anything. A pasted VPC gets a fresh CIDR and its subnets are re-addressed into it; a pasted
 * instance gets a free address in its subnet.
 */
export function pasteResources(clipboard: Clipboard, offset = { x: 40, y: 40 }): Command {
  return {
    label: clipboard.resources.length === 1 ? 'Paste' : `Paste ${clipboard.resources.length} resources`,
    apply(design) {
      if (clipboard.resources.length === 0) return refuse('The clipboard is empty.');
      const ids = new Map<string, string>();
      const taken = new Set<string>();
      for (const r of clipboard.resources) {
        const id = nextId(design, r.kind, taken);
        taken.add(id);
        ids.set(r.id, id);
      }
      const copiedIds = new Set(clipboard.resources.map((r) => r.id));
      const next: Design = { ...design, resources: { ...design.resources }, layout: { ...design.layout } };
      const topLevel: ResourceId[] = [];
      for (const original of clipboard.resources) {
        const copy = remap(original, ids) as Resource;
        copy.name = `${original.name} copy`;
        if (copy.kind === 'vpc') {
          // Fresh, non-overlapping blocks of the same sizes, so the twin can be peered with the original.
          const used = Object.values(next.resources).flatMap((r) => (r.kind === 'vpc' ? r.cidrBlocks : []));
          copy.cidrBlocks = copy.cidrBlocks.map((block) => {
            const prefix = tryCidr(block)?.prefix ?? 16;
            const fresh = nextFreeCidr(PRIVATE_RANGES, used, prefix) ?? block;
            used.push(fresh);
            return fresh;
          });
        }
        next.resources[copy.id] = copy;
        const box = clipboard.layout[original.id];
        const parentCopied =
          isInside(original, copiedIds) || (original.kind === 'subnet' && copiedIds.has(original.vpcId));
        if (box)
          next.layout[copy.id] = parentCopied ? { ...box } : { ...box, x: box.x + offset.x, y: box.y + offset.y };
        if (!parentCopied) topLevel.push(copy.id);
      }
      // Re-address subnets of pasted VPCs; give pasted instances free addresses.
      for (const copy of Object.values(next.resources)) {
        if (!taken.has(copy.id)) continue;
        if (copy.kind === 'subnet') {
          const vpc = next.resources[copy.vpcId];
          if (vpc?.kind === 'vpc') {
            const prefix = tryCidr(copy.cidrBlock)?.prefix ?? 24;
            const siblings = subnetsOf(next, copy.vpcId).filter(
              (s) => s.id !== copy.id && (!taken.has(s.id) || s.id < copy.id),
            );
            const cidr = nextFreeCidr(
              vpc.cidrBlocks,
              siblings.map((s) => s.cidrBlock),
              prefix,
            );
            if (cidr) next.resources[copy.id] = { ...copy, cidrBlock: cidr };
          }
        }
      }
      for (const copy of Object.values(next.resources)) {
        if (!taken.has(copy.id)) continue;
        if (copy.kind === 'instance' || copy.kind === 'natGateway') {
          const subnet = next.resources[copy.subnetId];
          if (subnet?.kind === 'subnet') {
            const without = { ...next, resources: { ...next.resources } };
            delete without.resources[copy.id];
            const ip = suggestPrivateIp(without, subnet);
            if (ip) next.resources[copy.id] = { ...copy, privateIp: ip } as Resource;
          }
          if (copy.kind === 'natGateway')
            next.resources[copy.id] = { ...(next.resources[copy.id] as typeof copy), elasticIpId: undefined };
          if (copy.kind === 'instance')
            next.resources[copy.id] = {
              ...(next.resources[copy.id] as typeof copy),
              elasticIpId: undefined,
              publicIp: undefined,
            };
        }
      }
      // Each top-level copy takes the nearest free place to its offset position; its containers make room.
      let placed = next;
      for (const id of topLevel) if (placed.layout[id]) placed = placeResource(placed, id, placed.layout[id]!);
      return done(placed, topLevel.length ? topLevel : [...taken]);
    },
  };
}

/** Copy and paste in one step (Ctrl/Cmd+D). */
export function duplicateResources(design: Design, ids: ResourceId[]): Command {
  const clip = copyResources(design, ids);
  const paste = pasteResources(clip);
  return { label: ids.length === 1 ? 'Duplicate' : `Duplicate ${ids.length} resources`, apply: paste.apply };
}
