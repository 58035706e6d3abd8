/** `trace`: being built (see issue). Exits 2 so nothing mistakes it for an answer. */
export async function traceCommand(_args: string[]): Promise<number> {
  process.stderr.write('vpc-designer: trace is not available yet\n');
  return 2;
}
