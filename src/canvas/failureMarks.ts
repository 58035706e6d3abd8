/**
 * A failure drill on the canvas: every node that is down gets a `failed` mark (why, in one sentence) beside its
 * findings' marks, so the node components grey it out and badge it. The engine says what is down
 * (`failureOf`: the resource itself, its subnet or its Availability Zone); an AZ band is down when its zone is.
 */
import { azNodeId } from '../engine/model/diagram.ts';
import { failureOf, hasFailures } from '../engine/traffic/failures.ts';
import type { Design, ResourceId } from '../engine/model/types.ts';
import type { Marks } from './adapter.ts';

/**
 * The marks with the drill's failures added; the same map when no drill is on (so nothing re-renders).
 *
 * @example withFailureMarks({ ...design, failures: { resources: [], zones: ['us-east-1a'] } }, marks)
 *   .get('az:vpc-prod:us-east-1a')?.failed // 'Availability Zone us-east-1a has failed (failure drill).'
 */
export function withFailureMarks(
  design: Design,
  marks: ReadonlyMap<ResourceId, Marks>,
): ReadonlyMap<ResourceId, Marks> {
  const failures = design.failures;
  if (!hasFailures(failures)) return marks;
  const out = new Map(marks);
  const mark = (id: string, failed: string) => out.set(id, { ...out.get(id), failed });
  for (const resource of Object.values(design.resources)) {
    const why = failureOf(design, resource.id);
    if (why) mark(resource.id, why);
    if (resource.kind === 'subnet' && failures.zones.includes(resource.availabilityZone)) {
      mark(
        azNodeId(resource.vpcId, resource.availabilityZone),
        `Availability Zone ${resource.availabilityZone} has failed (failure drill).`,
      );
    }
  }
  return out;
}
