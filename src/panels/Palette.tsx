/**
 * The palette: one button per thing the engine can add (PALETTE_ITEMS), grouped as the AWS console groups them.
 * Drag a button onto the canvas, or select a container and press Enter (or click) to add it there.
 */
import { memo, useCallback, type DragEvent } from 'react';
import { PALETTE_ITEMS, paletteItemHelp, type PaletteItem, type PaletteLabel } from '../engine/index.ts';
import { HelpButton } from './help/HelpButton.tsx';
import { openGlossary, preloadGlossary } from './glossary/openGlossary.ts';
import { addToSelection } from '../canvas/actions.ts';
import { endPaletteDrag, startPaletteDrag } from '../canvas/dnd.ts';
import { needsOf } from '../canvas/dropTarget.ts';
import { ResourceIcon, type IconKind } from '../canvas/icons/ResourceIcon.tsx';
import { VpcAndMoreEntry } from './vpcAndMore/VpcAndMoreEntry.tsx';
import { PeeringPaletteButton } from './peering/PeeringPaletteButton.tsx';
import { useFirstCanvasFrame } from './lazy.tsx';

const GROUPS: Array<{ title: string; labels: readonly PaletteLabel[] }> = [
  {
    title: 'Networking',
    labels: ['VPC', 'Subnet', 'Route table', 'Network ACL', 'Security group', 'Network interface'],
  },
  { title: 'Compute', labels: ['EC2 instance', 'NAT instance'] },
  {
    title: 'Connectivity',
    labels: [
      'Internet gateway',
      'NAT gateway',
      'Gateway endpoint',
      'Interface endpoint',
      'Virtual private gateway',
      'Customer gateway',
      'Direct Connect gateway',
      'Internet',
    ],
  },
  { title: 'Storage & services', labels: ['S3 bucket', 'AWS service'] },
];

/** The groups with every palette item in exactly one (items the list above forgets land in the last group). */
export function paletteGroups(): Array<{ title: string; items: PaletteItem[] }> {
  const listed = new Set(GROUPS.flatMap((g) => g.labels));
  const groups = GROUPS.map((g) => ({
    title: g.title,
    items: g.labels.map((l) => PALETTE_ITEMS.find((i) => i.label === l)).filter((i): i is PaletteItem => !!i),
  }));
  groups[groups.length - 1]!.items.push(...PALETTE_ITEMS.filter((i) => !listed.has(i.label)));
  return groups;
}

const HINT: Record<ReturnType<typeof needsOf>, string> = {
  subnet: 'drag it onto a subnet, or select a subnet and press Enter',
  vpc: 'drag it onto a VPC, or select a VPC and press Enter',
  region: 'drag it onto the region or empty canvas, or press Enter',
  page: 'drag it onto empty canvas outside the region, or press Enter',
};

function groupId(title: string): string {
  return `palette-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

function iconOf(item: PaletteItem): IconKind {
  return item.label === 'NAT instance' ? 'natInstance' : item.kind;
}

const PaletteButton = memo(function PaletteButton({ item }: { item: PaletteItem }) {
  const onDragStart = useCallback((e: DragEvent) => startPaletteDrag(e.dataTransfer, item.label), [item.label]);
  return (
    <li className="flex items-center gap-1 pr-1.5">
      <button
        type="button"
        draggable
        onDragStart={onDragStart}
        onDragEnd={endPaletteDrag}
        onClick={() => addToSelection(item.label)}
        title={`${item.label}: ${HINT[needsOf(item.label)]}`}
        className="flex min-w-0 flex-1 cursor-grab items-center gap-2 rounded px-2 py-1 text-left text-[13px] text-gray-800 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-[#0972d3] active:cursor-grabbing"
      >
        <ResourceIcon kind={iconOf(item)} size={22} />
        <span className="truncate">{item.label}</span>
      </button>
      <HelpButton topic={item.label} help={paletteItemHelp(item)} />
    </li>
  );
});

/** The panel at once (its width is the canvas's left edge); its items from the frame after the canvas's first. */
export function Palette() {
  return (
    <aside aria-label="Palette" className={PALETTE_PANEL}>
      {useFirstCanvasFrame() && <PaletteContents />}
    </aside>
  );
}

const PALETTE_PANEL = 'flex w-52 shrink-0 flex-col overflow-y-auto border-r border-gray-200 bg-white';

function PaletteContents() {
  return (
    <>
      <div className="flex items-start gap-2 px-3 pt-2 pb-1">
        <p className="min-w-0 flex-1 text-[11px] leading-snug text-gray-500">
          Drag onto the canvas, or select a container and press Enter.
        </p>
        {/* Here rather than in the toolbar, which has no room left at 1440 px. */}
        <button
          type="button"
          className="glossary-button"
          title="What each AWS networking concept is and when to use it, with the AWS documentation"
          onClick={() => openGlossary()}
          onPointerEnter={preloadGlossary}
          onFocus={preloadGlossary}
        >
          Glossary
        </button>
      </div>
      <VpcAndMoreEntry />
      {paletteGroups().map((group) => (
        <section key={group.title} aria-labelledby={groupId(group.title)} className="px-1 pb-1">
          <h2
            id={groupId(group.title)}
            className="px-2 pt-2 pb-0.5 text-[11px] font-semibold tracking-wide text-gray-500 uppercase"
          >
            {group.title}
          </h2>
          <ul>
            {group.items.map((item) => (
              <PaletteButton key={item.label} item={item} />
            ))}
            {group.title === 'Connectivity' && <PeeringPaletteButton />}
          </ul>
        </section>
      ))}
    </>
  );
}
