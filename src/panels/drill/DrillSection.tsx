/**
 * The inspector's "Failure drill" section: fail or restore the selected resource (and, for a subnet, its whole
 * Availability Zone) to see which saved flows break. Each click is one undo step; the design itself — its AWS
 * resources, its findings — does not change.
 */
import { failureOf, isMarkedFailed, isZoneFailed, setResourceFailed } from '../../engine/commands/drills.ts';
import { failZone, restoreZone } from '../../engine/commands/drills.ts';
import type { Design, Resource } from '../../engine/model/types.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { buttonClass, Note, Section } from '../inspector/controls.tsx';

export function DrillSection({ design, resource }: { design: Design; resource: Resource }) {
  if (resource.kind === 'internet') return null;
  const execute = useDesignStore.getState().execute;
  const marked = isMarkedFailed(design, resource.id);
  const down = failureOf(design, resource.id);
  const zone = resource.kind === 'subnet' ? resource.availabilityZone : undefined;
  const zoneFailed = zone !== undefined && isZoneFailed(design, zone);
  return (
    <Section title="Failure drill">
      {down ? (
        <Note tone="warn">{down}</Note>
      ) : (
        <Note>See which saved flows break when this fails. Only the drill changes, not the design; Undo restores.</Note>
      )}
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          className={buttonClass}
          title={marked ? 'Bring it back up' : 'Mark it as failed: traces stop where they meet it'}
          onClick={() => execute(setResourceFailed(design, resource.id, !marked))}
        >
          {marked ? 'Restore' : 'Fail (drill)'}
        </button>
        {zone && (
          <button
            type="button"
            className={buttonClass}
            onClick={() => execute(zoneFailed ? restoreZone(zone) : failZone(zone))}
          >
            {zoneFailed ? `Restore Availability Zone ${zone}` : `Fail Availability Zone ${zone}`}
          </button>
        )}
      </div>
    </Section>
  );
}
