/**
 * Tidy, from a subnet's or a VPC's inspector: what the container holds goes onto a neat grid, none overlapping,
 * as one undo step (also Shift+T on the canvas).
 */
import type { Subnet, Vpc } from '../../engine/model/types.ts';
import { tidySelection } from '../../canvas/actions.ts';
import { buttonClass, Note, Section } from './controls.tsx';

export function TidySection({ container }: { container: Subnet | Vpc }) {
  const what = container.kind === 'vpc' ? 'VPC' : 'subnet';
  return (
    <Section title="Layout">
      <button
        type="button"
        className={buttonClass}
        aria-keyshortcuts="Shift+T"
        title="Arrange on a grid (Shift+T)"
        onClick={tidySelection}
      >
        Tidy {what}
      </button>
      <Note>
        {container.kind === 'vpc'
          ? 'Lines subnets up by tier across the zones and puts each subnet’s resources on a grid; nothing overlaps.'
          : 'Puts this subnet’s resources on a grid, NAT gateways first; nothing overlaps.'}
      </Note>
    </Section>
  );
}
