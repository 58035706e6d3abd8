/**
 * The SVG benchmark's design and options, and the export itself: bench/svg.bench.ts runs them in Node and bundles
 * this file for the browser, so both measure the same work.
 */
import { renderSvg } from '../../src/engine/export/svg.ts';
import type { DiagramOptions } from '../../src/engine/export/options.ts';
import { generateDesign } from '../../src/engine/model/generate.ts';
import type { Design, Flow } from '../../src/engine/model/types.ts';

export { renderSvg };

/** The 300-resource benchmark design with four flows: out to the internet, in from it (one blocked), across VPCs. */
export function svgBenchDesign(): Design {
  const design = generateDesign({ vpcs: 7, subnetsPerVpc: 4, instancesPerSubnet: 5 });
  const instances = Object.values(design.resources).filter((r) => r.kind === 'instance');
  const web = instances.filter((r) => r.name.startsWith('web'));
  const app = instances.filter((r) => r.name.startsWith('app'));
  const flow = (i: number, from: string, to: string, port: number): Flow => ({
    id: `flow-${i}`,
    name: `flow ${i}`,
    from,
    to,
    protocol: 'tcp',
    port,
  });
  return {
    ...design,
    flows: [
      flow(1, web[0]!.id, 'internet', 443),
      flow(2, 'internet', web[3]!.id, 22),
      flow(3, app[0]!.id, app.at(-1)!.id, 22),
      flow(4, 'internet', web[10]!.id, 443),
    ],
  };
}

export const SVG_BENCH_OPTIONS: DiagramOptions = {
  titleBlock: { title: '300-resource benchmark design', date: '2026-12-08', regions: ['us-east-1'] },
  legend: true,
  findings: true,
  flows: 'all',
};
