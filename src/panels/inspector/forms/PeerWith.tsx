/**
 * A VPC's peering connections, and "Peer with…" each other VPC of the design (another region or account noted):
 * a button opens the peering dialog with both VPCs chosen; a pair AWS would refuse says why instead.
 * https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html
 */
import { peerNote, peeringRefusal } from '../../../engine/commands/peering.ts';
import { resourcesOfKind } from '../../../engine/model/queries.ts';
import type { Design, Vpc } from '../../../engine/model/types.ts';
import { openPeeringDialog } from '../../peering/peeringDialogStore.ts';
import { buttonClass, Note, OpenButton, Section } from '../controls.tsx';

export function PeerWith({ design, vpc }: { design: Design; vpc: Vpc }) {
  const others = resourcesOfKind(design, 'vpc').filter((v) => v.id !== vpc.id);
  const peerings = resourcesOfKind(design, 'peeringConnection').filter(
    (p) => p.requesterVpcId === vpc.id || p.accepterVpcId === vpc.id,
  );
  return (
    <Section title="Peering">
      {peerings.length > 0 && (
        <ul aria-label="Peering connections" className="space-y-0.5">
          {peerings.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-2 text-sm">
              <span className="min-w-0 truncate">
                {p.name}{' '}
                <span className="text-xs text-gray-500">
                  ({p.requesterVpcId === vpc.id ? 'requester' : 'accepter'}, {p.status})
                </span>
              </span>
              <OpenButton id={p.id} name={p.name} />
            </li>
          ))}
        </ul>
      )}
      {others.length === 0 ? (
        <Note>Add another VPC to peer this one with it.</Note>
      ) : (
        <div role="group" aria-label="Peer with…">
          <p className="text-xs text-gray-500">Peer with…</p>
          <ul className="mt-0.5 space-y-1">
            {others.map((other) => {
              const refusal = peeringRefusal(design, vpc.id, other.id);
              const note = peerNote(vpc, other);
              return (
                <li key={other.id} className="text-sm">
                  <div className="flex items-center justify-between gap-2">
                    <span className="min-w-0 truncate">
                      {other.name}
                      {note && <span className="text-xs text-gray-500"> ({note})</span>}
                    </span>
                    <button
                      type="button"
                      className={buttonClass}
                      aria-label={`Peer with ${other.name}`}
                      disabled={!!refusal}
                      onClick={() => openPeeringDialog({ requesterVpcId: vpc.id, accepterVpcId: other.id })}
                    >
                      Peer…
                    </button>
                  </div>
                  {refusal && <Note tone="warn">{refusal}</Note>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </Section>
  );
}
