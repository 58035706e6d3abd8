/**
 * "Create peering connection", as the AWS console asks it: the requester VPC, the accepter VPC (another region or
 * account is noted), then whether the accepter's owner accepts now and whether to add the routes on both sides
 * (https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html). What AWS would refuse is
 * said before the button is pressed, in the words of the rule that reports it.
 */
import { useId, useState } from 'react';
import { DialogFrame } from '../DialogFrame.tsx';
import { isCrossAccount, peerNote, peeringRefusal, requestPeering } from '../../engine/commands/peering.ts';
import { resourcesOfKind, type Design, type ResourceId, type Vpc } from '../../engine/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { buttonClass, Checkbox, SelectField } from '../inspector/controls.tsx';
import type { PeeringDialogRequest } from './peeringDialogStore.ts';

const primaryButtonClass =
  'rounded border border-sky-700 bg-sky-700 px-2 py-0.5 text-xs font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-600 focus:ring-offset-1 disabled:cursor-not-allowed disabled:opacity-50';

function vpcOption(vpc: Vpc, from?: Vpc) {
  const note = from && from.id !== vpc.id ? peerNote(from, vpc) : '';
  return {
    value: vpc.id,
    label: `${vpc.name} (${vpc.cidrBlocks.join(', ') || 'CIDR unknown'})${note ? ` — ${note}` : ''}`,
  };
}

/** The first VPC other than `not` that the requester could peer with, else any other. */
function firstPeer(design: Design, vpcs: Vpc[], requester: ResourceId | undefined): ResourceId {
  const others = vpcs.filter((v) => v.id !== requester);
  return (others.find((v) => requester && !peeringRefusal(design, requester, v.id)) ?? others[0])?.id ?? '';
}

export function PeeringDialog({ request, onClose }: { request: PeeringDialogRequest; onClose: () => void }) {
  const design = useDesignStore((s) => s.design);
  const vpcs = resourcesOfKind(design, 'vpc');
  const titleId = useId();
  const [requester, setRequester] = useState<ResourceId>(() => request.requesterVpcId ?? vpcs[0]?.id ?? '');
  const [accepter, setAccepter] = useState<ResourceId>(
    () => request.accepterVpcId ?? firstPeer(design, vpcs, request.requesterVpcId ?? vpcs[0]?.id),
  );
  const from = vpcs.find((v) => v.id === requester);
  const to = vpcs.find((v) => v.id === accepter);
  const crossAccount = !!from && !!to && isCrossAccount(from, to);
  const [accept, setAccept] = useState(!crossAccount);
  const [addRoutes, setAddRoutes] = useState(true);

  const refusal =
    vpcs.length < 2
      ? 'A peering connection joins two VPCs: add another VPC first.'
      : peeringRefusal(design, requester, accepter);
  const create = () => {
    if (refusal) return;
    if (
      useDesignStore.getState().execute(requestPeering(requester, accepter, { accept, addRoutes: accept && addRoutes }))
    )
      onClose();
  };

  return (
    // Focus starts in the form (the requester) and goes back to what opened the dialog when it closes.
    <DialogFrame labelledBy={titleId} onClose={onClose} className="w-[30rem] max-w-[92vw]">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <div className="border-b border-gray-200 px-4 pt-4 pb-3">
          <h2 id={titleId} className="text-base font-semibold">
            Create peering connection
          </h2>
          <p className="mt-1 text-sm text-gray-700">
            A peering connection is a request from one VPC that the owner of the other VPC accepts; then each side
            routes the other's addresses through it.
          </p>
        </div>
        <div className="space-y-3 px-4 py-3">
          <SelectField
            label="Requester VPC"
            value={requester}
            options={vpcs.map((v) => vpcOption(v))}
            onChange={setRequester}
            hint="The VPC that asks to peer."
          />
          <SelectField
            label="Accepter VPC"
            value={accepter}
            options={vpcs.filter((v) => v.id !== requester).map((v) => vpcOption(v, from))}
            onChange={(id) => {
              setAccepter(id);
              const next = vpcs.find((v) => v.id === id);
              if (from && next) setAccept(!isCrossAccount(from, next));
            }}
            hint="The VPC whose owner accepts the request; it may be in another region or account."
          />
          {refusal && (
            <p role="alert" className="rounded border border-red-200 bg-red-50 px-2 py-1 text-sm text-red-800">
              {refusal}
            </p>
          )}
          <Checkbox
            label="Accept the request now"
            checked={accept}
            onChange={setAccept}
            hint={
              crossAccount
                ? `${to!.name} belongs to account ${to!.accountId}: its owner accepts. Leave this off to show the request as pending.`
                : 'As the accepter VPC’s owner; off leaves the request pending (traffic crosses only once it is active).'
            }
          />
          <Checkbox
            label="Add routes on both sides"
            checked={accept && addRoutes}
            disabled={!accept}
            onChange={setAddRoutes}
            hint={
              from && to
                ? `Every route table of ${from.name} routes ${to.cidrBlocks.join(', ') || 'its peer'} through the connection, and every one of ${to.name} routes ${from.cidrBlocks.join(', ') || 'its peer'}.`
                : undefined
            }
          />
        </div>
        <div className="flex justify-end gap-2 border-t border-gray-200 px-4 py-3">
          <button type="button" className={buttonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={primaryButtonClass} disabled={!!refusal}>
            {accept ? 'Create peering connection' : 'Request peering connection'}
          </button>
        </div>
      </form>
    </DialogFrame>
  );
}
