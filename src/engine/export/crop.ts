/**
 * The part of a diagram an export draws when the user chose some resources (`DiagramOptions.only`, the selection):
 * those boxes, what they hold, and the containers around them; the connections whose both ends stay; bounds around
 * what is left. Coordinates are unchanged (exporters place the drawing by its bounds). Pure.
 */
import { boundsOf } from '../layout/geometry.ts';
import type { DiagramGeometry } from '../layout/diagram.ts';

/** The ids in `only` that are neither a box nor a connection of the geometry (the CLI's bad `--only`). */
export function unknownIds(geometry: DiagramGeometry, only: readonly string[]): string[] {
  return only.filter((id) => !geometry.byId.has(id) && !geometry.connections.some((c) => c.id === id));
}

/**
 * The geometry cropped to `only` and what holds and is held by them; the whole geometry when `only` is empty.
 *
 * @example cropGeometry(diagramGeometry(exampleDesign()), ['web-1']).boxes.map((b) => b.id)
 *   // ['region:us-east-1', 'vpc-prod', 'az:vpc-prod:us-east-1a', 'subnet-public-a', 'web-1']
 */
export function cropGeometry(geometry: DiagramGeometry, only: readonly string[]): DiagramGeometry {
  if (only.length === 0) return geometry;
  const keep = new Set<string>();
  // A chosen connection keeps its two ends.
  const chosen = new Set(only);
  for (const c of geometry.connections) {
    if (chosen.has(c.id)) {
      chosen.add(c.source);
      chosen.add(c.target);
    }
  }
  // Boxes come parents first: a box is kept when chosen or inside a kept chosen box.
  const inside = new Set<string>();
  for (const b of geometry.boxes) {
    if (chosen.has(b.id) || (b.parentId !== undefined && inside.has(b.parentId))) {
      inside.add(b.id);
      keep.add(b.id);
    }
  }
  // And the containers around each kept box.
  for (const id of [...keep]) {
    let parent = geometry.byId.get(id)?.parentId;
    while (parent !== undefined && !keep.has(parent)) {
      keep.add(parent);
      parent = geometry.byId.get(parent)?.parentId;
    }
  }
  const boxes = geometry.boxes.filter((b) => keep.has(b.id));
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const connections = geometry.connections.filter((c) => keep.has(c.source) && keep.has(c.target));
  return { boxes, byId, connections, bounds: boundsOf(boxes.map((b) => b.abs)) ?? { x: 0, y: 0, width: 0, height: 0 } };
}
