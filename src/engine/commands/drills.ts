/**
 * Failure drills as commands: failing and restoring a resource or a whole Availability Zone, and ending the drill,
 * are each one undo step. The drill lives in `design.failures`, beside the resources and never inside them: no
 * resource changes, so the rules and the exported AWS resources are the same with or without a drill, and traces
 * stop where a packet would meet a failed component (traffic/failures.ts).
 */
import { KINDS } from '../model/kinds.ts';
import { isNatInstance } from '../model/queries.ts';
import type { Design, Failures, Resource, ResourceId } from '../model/types.ts';
import { subnetZonesOf, withFailures } from '../traffic/failures.ts';
import { type Command, done, refuse } from './command.ts';

const NO_FAILURES: Failures = { resources: [], zones: [] };

export { failureOf, hasFailures, subnetZonesOf, withFailures, withoutFailures } from '../traffic/failures.ts';

/** Whether the drill marks this resource itself as failed (not merely down because its zone is). */
export function isMarkedFailed(design: Design, id: ResourceId): boolean {
  return design.failures?.resources.includes(id) ?? false;
}

export function isZoneFailed(design: Design, zone: string): boolean {
  return design.failures?.zones.includes(zone) ?? false;
}

function nameOf(resource: Resource): string {
  return `${isNatInstance(resource) ? 'NAT instance' : KINDS[resource.kind].label} "${resource.name}"`;
}

function labelFor(verb: 'Fail' | 'Restore', design: Design, ids: ResourceId[]): string {
  const only = ids.length === 1 ? design.resources[ids[0]!] : undefined;
  return only ? `${verb} ${nameOf(only)} (drill)` : `${verb} ${ids.length} resources (drill)`;
}

/**
 * Marks resources as failed. Refused when none of them exists or all already failed.
 *
 * @example run(design, failResources(['nat-a'])) // traces through NAT gateway A now stop there
 */
export function failResources(ids: ResourceId[]): Command {
  return {
    label: 'Fail (drill)',
    apply(design) {
      const current = design.failures ?? NO_FAILURES;
      const add = [...new Set(ids)].filter(
        (id) => Object.hasOwn(design.resources, id) && !current.resources.includes(id),
      );
      if (add.length === 0) {
        return refuse(ids.some((id) => Object.hasOwn(design.resources, id)) ? 'Already failed.' : 'Nothing to fail.');
      }
      return done(withFailures(design, { ...current, resources: [...current.resources, ...add] }));
    },
  };
}

/** Brings failed resources back. Refused when none of them is marked failed. */
export function restoreResources(ids: ResourceId[]): Command {
  return {
    label: 'Restore (drill)',
    apply(design) {
      const current = design.failures ?? NO_FAILURES;
      const gone = new Set(ids);
      const resources = current.resources.filter((id) => !gone.has(id));
      if (resources.length === current.resources.length) return refuse('Nothing to restore: it has not failed.');
      return done(withFailures(design, { ...current, resources }));
    },
  };
}

/** Fails a whole Availability Zone: every subnet in it, and everything in those subnets. */
export function failZone(zone: string): Command {
  return {
    label: `Fail Availability Zone ${zone} (drill)`,
    apply(design) {
      if (!subnetZonesOf(design).includes(zone)) return refuse(`No subnet of this design is in ${zone}.`);
      const current = design.failures ?? NO_FAILURES;
      if (current.zones.includes(zone)) return refuse(`Availability Zone ${zone} has already failed.`);
      return done(withFailures(design, { ...current, zones: [...current.zones, zone] }));
    },
  };
}

export function restoreZone(zone: string): Command {
  return {
    label: `Restore Availability Zone ${zone} (drill)`,
    apply(design) {
      const current = design.failures ?? NO_FAILURES;
      if (!current.zones.includes(zone)) return refuse(`Availability Zone ${zone} has not failed.`);
      return done(withFailures(design, { ...current, zones: current.zones.filter((z) => z !== zone) }));
    },
  };
}

/** Restores everything: the design as it was before the drill. */
export function endDrill(): Command {
  return {
    label: 'End failure drill',
    apply(design) {
      if (design.failures === undefined) return refuse('No failure drill is on.');
      return done(withFailures(design, NO_FAILURES));
    },
  };
}

/**
 * Fails the resources when any of them is up, else restores them all (the canvas's Shift+F on a selection).
 * The command's label says which, computed on the design it will apply to.
 */
export function toggleFailure(design: Design, ids: ResourceId[]): Command {
  const known = ids.filter((id) => Object.hasOwn(design.resources, id));
  const restore = known.length > 0 && known.every((id) => isMarkedFailed(design, id));
  const command = restore ? restoreResources(known) : failResources(known);
  return { ...command, label: labelFor(restore ? 'Restore' : 'Fail', design, known) };
}

/** Fail or restore one resource, with a label naming it (`Fail NAT gateway "NAT gateway A" (drill)`). */
export function setResourceFailed(design: Design, id: ResourceId, failed: boolean): Command {
  const command = failed ? failResources([id]) : restoreResources([id]);
  return { ...command, label: labelFor(failed ? 'Fail' : 'Restore', design, [id]) };
}

/** The ids a drill names that a design no longer has, dropped (after a delete). */
export function pruneFailures(design: Design): Design {
  const current = design.failures;
  if (!current) return design;
  const resources = current.resources.filter((id) => Object.hasOwn(design.resources, id));
  const zones = current.zones.filter((zone) => subnetZonesOf(design).includes(zone));
  if (resources.length === current.resources.length && zones.length === current.zones.length) return design;
  return withFailures(design, { resources, zones });
}
