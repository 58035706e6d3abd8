/**
 * "Route to the internet gateway" / "Route to the NAT gateway" in one click, each with what it will change (a new
 * route table when the subnet shares its table), or why it is not offered and what to do first.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-scenarios.html
 */
import { useId } from 'react';
import {
  internetGatewayRouteOffer,
  natGatewayRouteOffer,
  routeSubnetToInternet,
  type InternetRouteOffer,
} from '../../../engine/commands/subnetInternetRoute.ts';
import type { Design, Subnet } from '../../../engine/model/types.ts';
import { buttonClass, Note, Section } from '../controls.tsx';
import { execute } from '../useEdit.ts';

function OfferButton({ subnet, offer, label }: { subnet: Subnet; offer: InternetRouteOffer; label: string }) {
  const id = useId();
  if (!offer.ok) return <Note tone={offer.done ? 'info' : 'warn'}>{offer.reason}</Note>;
  return (
    <div>
      <button
        type="button"
        className={buttonClass}
        aria-describedby={id}
        onClick={() => execute(routeSubnetToInternet(subnet.id, offer.target.id))}
      >
        {label}
      </button>
      <p id={id} className="mt-0.5 text-xs text-gray-500">
        {offer.description}
      </p>
    </div>
  );
}

export function SubnetInternetAccess({ design, subnet }: { design: Design; subnet: Subnet }) {
  if (subnet.ipv6Native) return null;
  return (
    <Section title="Internet access">
      <OfferButton
        subnet={subnet}
        offer={internetGatewayRouteOffer(design, subnet)}
        label="Route to the internet gateway"
      />
      <OfferButton subnet={subnet} offer={natGatewayRouteOffer(design, subnet)} label="Route to the NAT gateway" />
    </Section>
  );
}
