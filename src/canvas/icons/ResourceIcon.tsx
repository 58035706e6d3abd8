/**
 * AWS-style resource icons as inline SVG: a rounded square in the service category's colour with a white
 * pictogram, as the AWS Architecture Icons draw them (https://aws.amazon.com/architecture/icons/: category colours,
 * group boxes for region, VPC, AZ and subnets). Simple enough to read at 24 px.
 */
import { memo, type ReactNode } from 'react';
import type { ResourceKind } from '../../engine/index.ts';

/** AWS Architecture Icons category colours. */
export const AWS_COLORS = {
  compute: '#ED7100',
  networking: '#8C4FFF',
  storage: '#7AA116',
  security: '#DD344C',
  general: '#545B64',
  services: '#E7157B',
  region: '#00A4A6',
} as const;

export type IconKind = ResourceKind | 'region' | 'availabilityZone' | 'natInstance';

const COLOR: Record<IconKind, string> = {
  vpc: AWS_COLORS.networking,
  subnet: AWS_COLORS.networking,
  internetGateway: AWS_COLORS.networking,
  natGateway: AWS_COLORS.networking,
  instance: AWS_COLORS.compute,
  natInstance: AWS_COLORS.compute,
  networkInterface: AWS_COLORS.networking,
  elasticIp: AWS_COLORS.networking,
  routeTable: AWS_COLORS.networking,
  securityGroup: AWS_COLORS.security,
  networkAcl: AWS_COLORS.networking,
  peeringConnection: AWS_COLORS.networking,
  vpcEndpoint: AWS_COLORS.networking,
  s3Bucket: AWS_COLORS.storage,
  virtualPrivateGateway: AWS_COLORS.networking,
  customerGateway: AWS_COLORS.networking,
  vpnConnection: AWS_COLORS.networking,
  directConnectGateway: AWS_COLORS.networking,
  internet: AWS_COLORS.general,
  awsService: AWS_COLORS.services,
  region: AWS_COLORS.region,
  availabilityZone: '#147EBA',
};

const S = { fill: 'none', stroke: '#fff', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

/** White pictograms on a 40×40 grid. */
function glyph(kind: IconKind): ReactNode {
  switch (kind) {
    case 'vpc':
      return (
        <>
          <path {...S} d="M12 27h17a5 5 0 0 0 0-10 7 7 0 0 0-13.3-2A5.5 5.5 0 0 0 12 27Z" />
          <rect {...S} x="16" y="20" width="8" height="6" rx="1" strokeWidth={1.6} />
          <path {...S} d="M17.5 20v-2a2.5 2.5 0 0 1 5 0v2" strokeWidth={1.6} />
        </>
      );
    case 'subnet':
      return (
        <>
          <rect {...S} x="12" y="18" width="16" height="12" rx="2" />
          <path {...S} d="M15 18v-3a5 5 0 0 1 10 0v3" />
        </>
      );
    case 'internetGateway':
      return (
        <>
          <circle {...S} cx="20" cy="20" r="9" />
          <path {...S} d="M11 20h18M20 11c-3 3-3 15 0 18M20 11c3 3 3 15 0 18" strokeWidth={1.6} />
        </>
      );
    case 'natGateway':
      return <path {...S} d="M10 15h17l-4-4M30 25H13l4 4" />;
    case 'instance':
    case 'natInstance':
      return (
        <>
          <rect {...S} x="13" y="13" width="14" height="14" rx="1" />
          <path {...S} d="M17 9v4M23 9v4M17 27v4M23 27v4M9 17h4M9 23h4M27 17h4M27 23h4" strokeWidth={1.6} />
          {/* A NAT instance carries the NAT gateway's two opposed arrows inside its chip. */}
          {kind === 'natInstance' && <path {...S} d="M15.5 17.5h8l-2-2M24.5 22.5h-8l2 2" strokeWidth={1.5} />}
        </>
      );
    case 'networkInterface':
      return (
        <>
          <rect {...S} x="11" y="14" width="18" height="12" rx="1.5" />
          <path {...S} d="M15 26v3M20 26v3M25 26v3M15 18h10" strokeWidth={1.6} />
        </>
      );
    case 'elasticIp':
      return <text x="20" y="25" textAnchor="middle" fontSize="12" fontWeight="700" fill="#fff">IP</text>;
    case 'routeTable':
      return (
        <>
          <rect {...S} x="11" y="11" width="18" height="18" rx="1.5" />
          <path {...S} d="M11 17h18M11 23h18M18 11v18" strokeWidth={1.6} />
        </>
      );
    case 'securityGroup':
      return <path {...S} d="M20 10l9 3.5v6c0 5.5-4 9.5-9 11-5-1.5-9-5.5-9-11v-6L20 10Z" />;
    case 'networkAcl':
      return (
        <>
          <path {...S} d="M20 10l9 3.5v6c0 5.5-4 9.5-9 11-5-1.5-9-5.5-9-11v-6L20 10Z" />
          <path {...S} d="M16 18h8M16 22h8" strokeWidth={1.6} />
        </>
      );
    case 'vpcEndpoint':
      return (
        <>
          <circle {...S} cx="24" cy="20" r="5" />
          <path {...S} d="M10 20h9M13 16v8" />
        </>
      );
    case 's3Bucket':
      return (
        <>
          <ellipse {...S} cx="20" cy="13" rx="9" ry="3" />
          <path {...S} d="M11 13l2.5 14c.4 2 12.6 2 13 0L29 13" />
        </>
      );
    case 'virtualPrivateGateway':
      return (
        <>
          <path {...S} d="M11 29V19a9 9 0 0 1 18 0v10" />
          <rect {...S} x="16" y="21" width="8" height="6" rx="1" strokeWidth={1.6} />
          <path {...S} d="M17.5 21v-2a2.5 2.5 0 0 1 5 0v2" strokeWidth={1.6} />
        </>
      );
    case 'customerGateway':
      return (
        <>
          <path {...S} d="M11 29V15l9-5 9 5v14Z" />
          <path {...S} d="M17 29v-6h6v6" strokeWidth={1.6} />
        </>
      );
    case 'vpnConnection':
      return <path {...S} d="M10 20h20M14 16l-4 4 4 4M26 16l4 4-4 4" />;
    case 'directConnectGateway':
      return (
        <>
          <path {...S} d="M10 20h6l3-6 4 12 3-6h4" />
        </>
      );
    case 'peeringConnection':
      return (
        <>
          <circle {...S} cx="13" cy="20" r="4" />
          <circle {...S} cx="27" cy="20" r="4" />
          <path {...S} d="M17 20h6" />
        </>
      );
    case 'internet':
      return (
        <>
          <circle {...S} cx="20" cy="20" r="10" />
          <path {...S} d="M10 20h20M12 14h16M12 26h16M20 10c-4 4-4 16 0 20M20 10c4 4 4 16 0 20" strokeWidth={1.4} />
        </>
      );
    case 'awsService':
      return (
        <>
          <path {...S} d="M20 10l9 5v10l-9 5-9-5V15Z" />
          <path {...S} d="M11 15l9 5 9-5M20 20v10" strokeWidth={1.6} />
        </>
      );
    case 'region':
      return <path {...S} d="M13 30V10M13 11h14l-3 5 3 5H13" />;
    case 'availabilityZone':
      return <rect {...S} x="11" y="11" width="18" height="18" rx="2" strokeDasharray="3 2" />;
  }
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
      style={{ width: size, height: size, borderRadius: (size * 6) / 40, background: color ?? COLOR[kind] }}
    />
  );
});

/** A decorative icon: the text next to it carries the meaning, so it is hidden from assistive technology. */
export const ResourceIcon = memo(function ResourceIcon({ kind, size = 32, color, className }: ResourceIconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false" className={className}>
      <rect width="40" height="40" rx="6" fill={color ?? COLOR[kind]} />
      {glyph(kind)}
    </svg>
  );
});
