import { autoLayout } from '../../src/engine/layout/autoLayout.ts';
import type { Design } from '../../src/engine/model/types.ts';

/** The design with every node placed by the engine's auto-layout (as an imported template is). */
export function layoutDesign(design: Design): Design {
  return { ...design, layout: autoLayout(design) };
}
