/**
 * On an empty design, the canvas invites the quickest start: a whole network from the "VPC and more" form (the
 * palette offers it too, whatever the design holds), or a drag from the palette.
 */
import { useDesignStore } from '../../store/designStore.ts';
import { openVpcAndMore, preloadVpcAndMore } from './VpcAndMoreHost.tsx';

export function EmptyCanvasCall() {
  const empty = useDesignStore((s) => Object.keys(s.design.resources).length === 0);
  if (!empty) return null;
  // Only the button takes the pointer: a drag or a click anywhere else on the card reaches the canvas beneath, so
  // the first VPC can be dropped right here.
  return (
    <div className="pointer-events-none absolute inset-x-0 top-1/4 z-10 flex justify-center px-4">
      <div
        role="group"
        aria-label="Start your design"
        className="max-w-sm rounded-md border border-gray-200 bg-white/95 p-4 text-center shadow-md"
      >
        <p className="text-sm font-semibold text-gray-900">An empty design</p>
        <p className="mt-1 text-xs text-gray-600">
          Build a whole network in one step — subnets in each Availability Zone, gateways and route tables, wired — or
          drag resources from the palette.
        </p>
        <button
          type="button"
          className="dialog-button dialog-button-primary pointer-events-auto mt-3"
          onClick={openVpcAndMore}
          onPointerEnter={preloadVpcAndMore}
          onFocus={preloadVpcAndMore}
        >
          Create VPC and more…
        </button>
      </div>
    </div>
  );
}
