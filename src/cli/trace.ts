/**
 * `trace <file> --from A --to B [--protocol tcp|udp|icmp] [--port N] [--action ACTION --resource ARN] [--json] [--param Name=Value …]`
 *
 * Exit 0 when the flow is reachable (there and back), 1 when it is not, 2 when the input or an option cannot be
 * used (one line on stderr). The protocol defaults to tcp and the port to 443 (ICMP: type 8, echo request).
 */
import { hopTypeName, trace, type Hop, type TraceQuery, type TraceResult } from '../engine/traffic/index.ts';
import { fail, loadInput, parseArgs, parseParams, type ArgSpec } from './cli.ts';

const SPEC: ArgSpec = {
  values: ['from', 'to', 'protocol', 'port', 'action', 'resource', 'region'],
  flags: ['json'],
  repeated: ['param'],
};

export async function traceCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(
    args,
    SPEC,
    'trace <file> --from A --to B [--protocol tcp|udp|icmp] [--port N] [--action A --resource ARN] [--json] [--param Name=Value …]',
  );
  if (!parsed.ok) return fail(parsed.error);
  const { file, values, flags } = parsed;
  const params = parseParams(parsed.lists.param);
  if (!params.ok) return fail(params.error);
  if (!values.from) return fail('trace needs --from (a resource id, ip:A.B.C.D, internet or service:NAME)');
  if (!values.to) return fail('trace needs --to (a resource id, ip:A.B.C.D, internet or service:NAME)');
  const protocol = (values.protocol ?? 'tcp').toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'icmp')
    return fail(`--protocol must be tcp, udp or icmp, not "${values.protocol}"`);
  let port: number | undefined;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port)) return fail(`--port must be a number from 0 to 65535, not "${values.port}"`);
    port = Number(values.port);
  }
  const loaded = await loadInput(file, { region: values.region, parameters: params.parameters });
  if (!loaded.ok) return fail(loaded.error);
  const query: TraceQuery = {
    from: values.from,
    to: values.to,
    protocol,
    port,
    action: values.action,
    resource: values.resource,
  };
  const outcome = trace(loaded.design, query);
  if (!outcome.ok) return fail(outcome.error);
  const result = outcome.result;
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ reachable: result.reachable, forward: result.forward.map(withTypeName), return: result.return.map(withTypeName), explanations: result.explanations }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(formatTrace(query, result));
  }
  return result.reachable ? 0 : 1;
}

/** A hop as `--json` writes it: its kind, and the CloudFormation type name scripts read (`AWS::EC2::Instance`). */
function withTypeName({ id, kind, ...rest }: Hop) {
  return { id, type: hopTypeName(kind), kind, ...rest };
}

/** The human-readable answer: verdict, hops each way, and why it stops. */
export function formatTrace(query: TraceQuery, result: TraceResult): string {
  const what = `${query.from} → ${query.to} ${(query.protocol ?? 'tcp').toUpperCase()}${query.protocol === 'icmp' ? '' : ` ${query.port ?? 443}`}`;
  const lines = [
    `${result.reachable ? 'REACHABLE' : 'NOT REACHABLE'}: ${what}${query.action ? ` (${query.action}${query.resource ? ` on ${query.resource}` : ''})` : ''}`,
  ];
  const list = (title: string, hops: TraceResult['forward']) => {
    if (hops.length === 0) return;
    lines.push('', title);
    hops.forEach((h, i) =>
      lines.push(
        `  ${String(i + 1).padStart(2)}. ${h.action === 'deny' ? '✗' : '✓'} ${h.id} (${hopTypeName(h.kind)}): ${h.detail}`,
      ),
    );
  };
  list('Forward:', result.forward);
  list('Return:', result.return);
  if (result.explanations.length) {
    lines.push('', 'Why:');
    for (const e of result.explanations) lines.push(`  ${e.code} at ${e.id} (${e.direction}): ${e.message}`);
  }
  return `${lines.join('\n')}\n`;
}
