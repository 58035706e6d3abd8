/**
 * `exposure <file> [--json] [--param Name=Value …]`: for every instance, the ports reachable from the internet and the path.
 * Exit 0 with the report (exposed or not: exposure is information, not a failure), 2 when the input or an option
 * cannot be used.
 */
import { exposure, type ExposureReport } from '../engine/traffic/index.ts';
import { fail, loadInput, parseArgs, parseParams } from './cli.ts';

export async function exposureCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(
    args,
    { values: ['region'], flags: ['json'], repeated: ['param'] },
    'exposure <file> [--json] [--param Name=Value …]',
  );
  if (!parsed.ok) return fail(parsed.error);
  const params = parseParams(parsed.lists.param);
  if (!params.ok) return fail(params.error);
  const loaded = await loadInput(parsed.file, { region: parsed.values.region, parameters: params.parameters });
  if (!loaded.ok) return fail(loaded.error);
  const report = exposure(loaded.design);
  process.stdout.write(parsed.flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatExposure(report));
  return 0;
}

function describeRange(p: ExposureReport['instances'][number]['ports'][number]): string {
  if (p.protocol === 'all') return 'all traffic';
  if (p.protocol === 'icmp') return p.fromPort === -1 ? 'ICMP (all types)' : `ICMP type ${p.fromPort}`;
  return p.fromPort === p.toPort
    ? `${p.protocol.toUpperCase()} ${p.fromPort}`
    : `${p.protocol.toUpperCase()} ${p.fromPort}–${p.toPort}`;
}

export function formatExposure(report: ExposureReport): string {
  const lines = [`${report.exposedCount} of ${report.instances.length} instance(s) reachable from the internet`];
  for (const instance of report.instances) {
    if (instance.ports.length === 0) continue;
    lines.push(
      '',
      `${instance.id}${instance.name && instance.name !== instance.id ? ` (${instance.name})` : ''} at ${instance.publicIp}`,
    );
    for (const p of instance.ports) {
      lines.push(`  ${describeRange(p)} from ${p.sources.join(', ')} — opened by ${p.rules.join(', ')}`);
      lines.push(`    path: ${p.path.map((h) => h.id).join(' → ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
