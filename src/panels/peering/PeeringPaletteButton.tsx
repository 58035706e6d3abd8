/**
 * The palette's "Peering connection": not a thing dropped somewhere but a link between two VPCs, so a click (or
 * Enter) opens the dialog that asks for both, starting from the selected VPC when one is selected; dragged onto a
 * VPC, it opens the dialog with that VPC as the requester.
 */
import { getOfKind, KIND_HELP } from '../../engine/index.ts';
import { HelpButton } from '../help/HelpButton.tsx';
import { ResourceIcon } from '../../canvas/icons/ResourceIcon.tsx';
import { useDesignStore } from '../../store/designStore.ts';
import { startPeeringDrag } from '../../canvas/peeringDrop.ts';
import { openPeeringDialog } from './peeringDialogStore.ts';

export function PeeringPaletteButton() {
  return (
    <li className="flex items-center gap-1 pr-1.5">
      <button
        type="button"
        draggable
        onDragStart={(e) => startPeeringDrag(e.dataTransfer)}
        onClick={() => {
          const { design, selection } = useDesignStore.getState();
          const vpc = selection.map((id) => getOfKind(design, id, 'vpc')).find((v) => !!v);
          openPeeringDialog({ requesterVpcId: vpc?.id });
        }}
        title="Peering connection: click to choose the requester and accepter VPCs, or drag it onto the requester VPC (or drag from one VPC's edge handle to another)"
        className="flex min-w-0 flex-1 cursor-grab items-center gap-2 rounded px-2 py-1 text-left text-[13px] text-gray-800 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-[#0972d3]"
      >
        <ResourceIcon kind="peeringConnection" size={22} />
        <span className="truncate">Peering connection</span>
      </button>
      <HelpButton topic="Peering connection" help={KIND_HELP.peeringConnection} />
    </li>
  );
}
