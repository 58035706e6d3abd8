/**
 * The pictograms of the resource icons as plain data: white strokes on a 40×40 grid, drawn over a rounded square
 * in the kind's category colour (the AWS Architecture Icons' style, https://aws.amazon.com/architecture/icons/).
 * Data rather than markup so the canvas renders them with React and an SVG exporter writes them as `<symbol>`s
 * without React. Attribute names are SVG's own (`stroke-width`, `text-anchor`).
 */
import type { DrawnKind } from './kinds.ts';

/** One SVG element of a pictogram; `text` is the content of a `<text>` element. */
export interface IconElement {
  tag: 'path' | 'rect' | 'circle' | 'ellipse' | 'text';
  attrs: Readonly<Record<string, string | number>>;
  text?: string;
}

/** The icon's grid: its viewBox is `0 0 ICON_GRID ICON_GRID` and its tile's corner radius `ICON_CORNER`. */
export const ICON_GRID = 40;
export const ICON_CORNER = 6;

/** The white stroke every pictogram line shares. */
const S = {
  fill: 'none',
  stroke: '#fff',
  'stroke-width': 2,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;

const path = (d: string, strokeWidth?: number): IconElement => ({
  tag: 'path',
  attrs: strokeWidth === undefined ? { ...S, d } : { ...S, d, 'stroke-width': strokeWidth },
});
const shape = (tag: 'rect' | 'circle' | 'ellipse', attrs: Record<string, string | number>): IconElement => ({
  tag,
  attrs: { ...S, ...attrs },
});

const SHIELD = 'M20 10l9 3.5v6c0 5.5-4 9.5-9 11-5-1.5-9-5.5-9-11v-6L20 10Z';
const PADLOCK_BODY = (y: number) => shape('rect', { x: 16, y, width: 8, height: 6, rx: 1, 'stroke-width': 1.6 });
const CHIP = [
  shape('rect', { x: 13, y: 13, width: 14, height: 14, rx: 1 }),
  path('M17 9v4M23 9v4M17 27v4M23 27v4M9 17h4M9 23h4M27 17h4M27 23h4', 1.6),
];

/** Each drawn kind's pictogram, in drawing order. */
export const ICON_GLYPHS: Record<DrawnKind, readonly IconElement[]> = {
  vpc: [
    path('M12 27h17a5 5 0 0 0 0-10 7 7 0 0 0-13.3-2A5.5 5.5 0 0 0 12 27Z'),
    PADLOCK_BODY(20),
    path('M17.5 20v-2a2.5 2.5 0 0 1 5 0v2', 1.6),
  ],
  subnet: [shape('rect', { x: 12, y: 18, width: 16, height: 12, rx: 2 }), path('M15 18v-3a5 5 0 0 1 10 0v3')],
  internetGateway: [
    shape('circle', { cx: 20, cy: 20, r: 9 }),
    path('M11 20h18M20 11c-3 3-3 15 0 18M20 11c3 3 3 15 0 18', 1.6),
  ],
  natGateway: [path('M10 15h17l-4-4M30 25H13l4 4')],
  instance: CHIP,
  // A NAT instance carries the NAT gateway's two opposed arrows inside its chip.
  natInstance: [...CHIP, path('M15.5 17.5h8l-2-2M24.5 22.5h-8l2 2', 1.5)],
  networkInterface: [
    shape('rect', { x: 11, y: 14, width: 18, height: 12, rx: 1.5 }),
    path('M15 26v3M20 26v3M25 26v3M15 18h10', 1.6),
  ],
  elasticIp: [
    {
      tag: 'text',
      attrs: { x: 20, y: 25, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 700, fill: '#fff' },
      text: 'IP',
    },
  ],
  routeTable: [
    shape('rect', { x: 11, y: 11, width: 18, height: 18, rx: 1.5 }),
    path('M11 17h18M11 23h18M18 11v18', 1.6),
  ],
  securityGroup: [path(SHIELD)],
  networkAcl: [path(SHIELD), path('M16 18h8M16 22h8', 1.6)],
  vpcEndpoint: [shape('circle', { cx: 24, cy: 20, r: 5 }), path('M10 20h9M13 16v8')],
  s3Bucket: [shape('ellipse', { cx: 20, cy: 13, rx: 9, ry: 3 }), path('M11 13l2.5 14c.4 2 12.6 2 13 0L29 13')],
  virtualPrivateGateway: [
    path('M11 29V19a9 9 0 0 1 18 0v10'),
    PADLOCK_BODY(21),
    path('M17.5 21v-2a2.5 2.5 0 0 1 5 0v2', 1.6),
  ],
  customerGateway: [path('M11 29V15l9-5 9 5v14Z'), path('M17 29v-6h6v6', 1.6)],
  vpnConnection: [path('M10 20h20M14 16l-4 4 4 4M26 16l4 4-4 4')],
  directConnectGateway: [path('M10 20h6l3-6 4 12 3-6h4')],
  peeringConnection: [
    shape('circle', { cx: 13, cy: 20, r: 4 }),
    shape('circle', { cx: 27, cy: 20, r: 4 }),
    path('M17 20h6'),
  ],
  internet: [
    shape('circle', { cx: 20, cy: 20, r: 10 }),
    path('M10 20h20M12 14h16M12 26h16M20 10c-4 4-4 16 0 20M20 10c4 4 4 16 0 20', 1.4),
  ],
  awsService: [path('M20 10l9 5v10l-9 5-9-5V15Z'), path('M11 15l9 5 9-5M20 20v10', 1.6)],
  region: [path('M13 30V10M13 11h14l-3 5 3 5H13')],
  availabilityZone: [shape('rect', { x: 11, y: 11, width: 18, height: 18, rx: 2, 'stroke-dasharray': '3 2' })],
};
