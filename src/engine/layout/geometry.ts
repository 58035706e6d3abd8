/**
 * The diagram's fixed sizes, in flow units (1 unit = 1 px at 100 % zoom): leaves, chips on a VPC's border and the
 * paddings between. The one source for both the engine's automatic layout and the canvas (src/canvas/geometry.ts
 * re-exports them), so an imported layout is laid out with the sizes the canvas draws.
 */
export const GRID = 8;
export const LEAF = { width: 112, height: 72 } as const;
export const CHIP = { width: 176, height: 36 } as const;
export const SUPPORT = { width: 160, height: 32 } as const;
export const SUBNET = { header: 48, pad: 16, minWidth: 224, minHeight: 144 } as const;
export const AZ = { header: 32, pad: 16, gap: 16, minWidth: 256, minHeight: 200 } as const;
export const VPC = { header: 48, pad: 16, minWidth: 320, minHeight: 200, chipInset: 12, chipGap: 8 } as const;
export const REGION = { header: 48, pad: 32, emptyWidth: 560, emptyHeight: 320, gap: 64 } as const;
/** Gap between things placed automatically (imported designs without a layout). */
export const AUTO_GAP = 16;
/** Leaves per row inside a subnet (the canvas fills free cells three to a row too). */
export const LEAVES_PER_ROW = 3;
