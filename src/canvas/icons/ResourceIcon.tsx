/**
 * AWS-style resource icons as inline SVG: a rounded square in the service category's colour with a white
 * pictogram, as the AWS Architecture Icons draw them. The pictograms and colours are data in the engine
 * (engine/model/kinds.ts, kindIcons.ts), so exporters draw the same icons without React; this renders them.
 */
import { createElement, memo } from 'react';
import { ICON_CORNER, ICON_GRID, kindIcon, type DrawnKind, type IconElement } from '../../engine/model/kinds.ts';

/** Every kind the canvas and palette draw an icon for. */
export type IconKind = DrawnKind;

/** SVG's attribute names (`stroke-width`) as React spells them (`strokeWidth`). */
function reactAttrs(attrs: IconElement['attrs']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(attrs))
    out[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  return out;
}

export interface ResourceIconProps {
  kind: IconKind;
  size?: number;
  /** Overrides the category colour (public subnets are green, private blue). */
  color?: string;
  className?: string;
}

/**
 * The icon without its pictogram: its coloured tile alone, as nodes draw it when zoomed out too far for the
 * pictogram to show (nodes/detail.ts).
 */
export const IconTile = memo(function IconTile({ kind, size = 32, color }: ResourceIconProps) {
  return (
    <span
      aria-hidden="true"
      className="block shrink-0"
      style={{
        width: size,
        height: size,
        borderRadius: (size * ICON_CORNER) / ICON_GRID,
        background: color ?? kindIcon(kind).color,
      }}
    />
  );
});

/** A decorative icon: the text next to it carries the meaning, so it is hidden from assistive technology. */
export const ResourceIcon = memo(function ResourceIcon({ kind, size = 32, color, className }: ResourceIconProps) {
  const icon = kindIcon(kind);
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${ICON_GRID} ${ICON_GRID}`}
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      <rect width={ICON_GRID} height={ICON_GRID} rx={ICON_CORNER} fill={color ?? icon.color} />
      {icon.elements.map((el, i) => createElement(el.tag, { key: i, ...reactAttrs(el.attrs) }, el.text))}
    </svg>
  );
});
