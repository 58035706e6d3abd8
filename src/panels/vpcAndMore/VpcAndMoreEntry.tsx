/** The palette's "VPC and more" entry: opens the form that builds a whole network in one step. */
import { ResourceIcon } from '../../canvas/icons/ResourceIcon.tsx';
import { openVpcAndMore, preloadVpcAndMore } from './VpcAndMoreHost.tsx';

export function VpcAndMoreEntry() {
  return (
    <div className="px-1 pt-1">
      <button
        type="button"
        onClick={openVpcAndMore}
        onPointerEnter={preloadVpcAndMore}
        onFocus={preloadVpcAndMore}
        aria-haspopup="dialog"
        title="VPC and more: a VPC with subnets in each AZ, gateways and route tables, from one form"
        className="flex w-full items-center gap-2 rounded border border-dashed border-[#8c4fff] px-2 py-1 text-left text-[13px] font-semibold text-gray-800 hover:bg-[#f5f0ff] focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-[#0972d3]"
      >
        <ResourceIcon kind="vpc" size={22} />
        <span className="truncate">VPC and more</span>
      </button>
    </div>
  );
}
