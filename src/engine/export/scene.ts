/**
 * What an exported diagram draws, before any markup: the geometry's boxes (all of them, or the selection and the
 * containers around it — crop.ts — each container cropped to what it shows of the selection), the connections between drawn boxes, and the findings on them. The SVG
 * and the animated SVG both start here.
 */
import { diagramGeometry, sidePoint, type DiagramBox, type DiagramConnection } from '../layout/diagram.ts';
import { boundsOf, type Rect } from '../layout/geometry.ts';
import { isNatInstance } from '../model/queries.ts';
import type { DrawnKind } from '../model/kinds.ts';
import type { Design } from '../model/types.ts';
import { validateDesign } from '../rules/index.ts';
import type { Finding, Severity } from '../rules/types.ts';
import { cropGeometry } from './crop.ts';
import type { ResolvedDiagramOptions } from './options.ts';

export interface SceneBox {
  box: DiagramBox;
  /** Where it is drawn: the geometry's rectangle, or for a container around a selection, the part around it. */
  rect: Rect;
}

export interface SceneConnection {
  connection: DiagramConnection;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

export interface Marker {
  severity: Severity;
  messages: string[];
}

export interface Scene {
  boxes: SceneBox[];
  byId: Map<string, SceneBox>;
  connections: SceneConnection[];
  /** Findings by the id of the drawn box they are marked on. */
  markers: Map<string, Marker>;
  /** Around every drawn box. */
  bounds: Rect;
}

/** The icon a box shows: its kind's, a NAT instance's, a region's or an AZ's. */
export function iconKindOf(box: DiagramBox): DrawnKind {
  if (box.type === 'region') return 'region';
  if (box.type === 'az') return 'availabilityZone';
  const r = box.resource!;
  return isNatInstance(r) ? 'natInstance' : r.kind;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Room a container keeps around what it holds when cropped: its header above, its padding on the other sides. */
function cropPadding(box: DiagramBox): { top: number; side: number } {
  switch (box.type) {
    case 'region':
      return { top: 48, side: 32 };
    case 'vpc':
      return { top: 48, side: 16 };
    case 'az':
      return { top: 32, side: 16 };
    default:
      return { top: 48, side: 16 };
  }
}

function intersect(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y),
  };
}

function markersOf(design: Design, byId: ReadonlyMap<string, SceneBox>): Map<string, Marker> {
  const markers = new Map<string, Marker>();
  const findings = [...validateDesign(design)].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const targetOf = (f: Finding): string | undefined => {
    for (const id of f.resources) if (byId.has(id)) return id;
    // A finding on something not drawn (a route table, an Elastic IP) is marked on the VPC it belongs to.
    for (const id of f.resources) {
      const r = design.resources[id];
      const vpcId = r && 'vpcId' in r && typeof r.vpcId === 'string' ? r.vpcId : undefined;
      if (vpcId && byId.has(vpcId)) return vpcId;
    }
    return undefined;
  };
  for (const f of findings) {
    const id = targetOf(f);
    if (id === undefined) continue;
    const m = markers.get(id);
    if (m) m.messages.push(f.message);
    else markers.set(id, { severity: f.severity, messages: [f.message] });
  }
  return markers;
}

/**
 * The scene of a design for the given options.
 *
 * @example buildScene(exampleDesign(), resolveDiagramOptions({ only: ['i-web-a'] })).boxes.map((b) => b.box.id)
 * // ['region:us-east-1', 'vpc-prod', 'az:vpc-prod:us-east-1a', 'subnet-public-a', 'i-web-a']
 */
export function buildScene(design: Design, options: ResolvedDiagramOptions): Scene {
  const whole = diagramGeometry(design, { showSupporting: options.showSupporting });
  const geometry = cropGeometry(whole, options.only);
  const shown = geometry.boxes;
  // The containers drawn only because they hold the selection (crop.ts keeps them whole).
  const cropped =
    options.only.length > 0
      ? new Set(shown.filter((b) => !isChosenDescendant(b, options.only, whole.byId)).map((b) => b.id))
      : undefined;

  // A container around the selection (not chosen itself) is cropped to what it shows of its children; children
  // come after parents, so walking backwards sizes each container after everything inside it.
  const rects = new Map<string, Rect>(shown.map((b) => [b.id, b.abs]));
  if (cropped) {
    const kids = new Map<string, Rect[]>();
    for (let i = shown.length - 1; i >= 0; i--) {
      const b = shown[i]!;
      const inner = kids.get(b.id);
      if (cropped.has(b.id) && inner) {
        const around = boundsOf(inner)!;
        const pad = cropPadding(b);
        const wanted = {
          x: around.x - pad.side,
          y: around.y - pad.top,
          width: around.width + 2 * pad.side,
          height: around.height + pad.top + pad.side,
        };
        rects.set(b.id, b.type === 'region' ? wanted : intersect(b.abs, wanted));
      }
      if (b.parentId !== undefined) {
        const list = kids.get(b.parentId) ?? [];
        list.push(rects.get(b.id)!);
        kids.set(b.parentId, list);
      }
    }
  }
  const boxes = shown.map((box) => ({ box, rect: rects.get(box.id)! }));
  const byId = new Map(boxes.map((b) => [b.box.id, b]));
  const connections = geometry.connections.map((c) => ({
    connection: c,
    from: sidePoint(byId.get(c.source)!.rect, c.sourceSide),
    to: sidePoint(byId.get(c.target)!.rect, c.targetSide),
  }));
  return {
    boxes,
    byId,
    connections,
    markers: options.findings ? markersOf(design, byId) : new Map(),
    bounds: boundsOf(boxes.map((b) => b.rect)) ?? { x: 0, y: 0, width: 0, height: 0 },
  };
}

/** Whether a box is chosen or sits inside a chosen box (then it is drawn whole). */
function isChosenDescendant(box: DiagramBox, only: readonly string[], byId: ReadonlyMap<string, DiagramBox>): boolean {
  for (let p: DiagramBox | undefined = box; p; p = p.parentId === undefined ? undefined : byId.get(p.parentId)) {
    if (only.includes(p.id)) return true;
  }
  return false;
}
