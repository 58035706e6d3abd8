/**
 * The diagram's geometry, re-exported for the canvas: its fixed sizes and helpers live in the engine
 * (src/engine/layout/geometry.ts), where the automatic layout and the placement of new resources use the same ones.
 */
export {
  AUTO_GAP,
  AZ,
  boundsOf,
  CHIP,
  containsPoint,
  freeSlot,
  GRID,
  intersects,
  LEAF,
  packAlongLine,
  REGION,
  snap,
  SUBNET,
  SUPPORT,
  VPC,
  type Rect,
  type XY,
} from '../engine/layout/geometry.ts';
