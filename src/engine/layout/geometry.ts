/**
 * The diagram's fixed sizes, in flow units. They mirror src/canvas/geometry.ts (the canvas draws containers around
 * what they hold using these); the engine cannot import the canvas, so src/panels/import/layout.canvas.test.ts
 * renders imported layouts through the real canvas adapter and fails if the two ever drift apart.
 */
export const GRID = 8;
export const LEAF = { width: 112, height: 72 } as const;
export const CHIP = { width: 176, height: 36 } as const;
export const SUPPORT = { width: 160, height: 32 } as const;
export const SUBNET = { header: 48, pad: 16, minWidth: 224, minHeight: 144 } as const;
export const AZ = { header: 32, pad: 16, gap: 16, minWidth: 256, minHeight: 200 } as const;
export const VPC = { header: 48, pad: 16, minWidth: 320, minHeight: 200, chipInset: 12, chipGap: 8 } as const;
export const REGION = { header: 48, pad: 32, gap: 64 } as const;
export const AUTO_GAP = 16;
/** Leaves per row inside a subnet (the canvas fills free cells three to a row too). */
export const LEAVES_PER_ROW = 3;
