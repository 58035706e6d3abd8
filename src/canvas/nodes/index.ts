import type { NodeTypes } from '@xyflow/react';
import { AzNodeView, RegionNodeView, SubnetNodeView, VpcNodeView } from './ContainerNodes.tsx';
import { BorderNodeView, LeafNodeView, SupportNodeView } from './ResourceNodes.tsx';

/** One component per adapter node type; defined once, outside any component, as React Flow requires. */
export const nodeTypes = {
  region: RegionNodeView,
  vpc: VpcNodeView,
  az: AzNodeView,
  subnet: SubnetNodeView,
  resource: LeafNodeView,
  border: BorderNodeView,
  support: SupportNodeView,
} satisfies NodeTypes;
