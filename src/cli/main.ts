/**
 * The command line over the same engine the browser uses:
 *   npm run --silent cli -- check <file> [--json] [--region R] [--param Name=Value …]
 *   npm run --silent cli -- trace <file> --from A --to B [--protocol tcp|udp|icmp] [--port N] [--json] [--param Name=Value …]
 *   npm run --silent cli -- exposure <file> [--json] [--param Name=Value …]
 *   npm run --silent cli -- grade <lesson-file> <design-file|folder> [--json]
 *   npm run --silent cli -- export <file> --format svg|animated-svg|png|pdf|drawio|json [--out F] [--flows all|none|NAME…] [--only ID…] [--scale N] [--title T] [--no-legend] [--background white|transparent]
 * `--param` (repeatable) gives a CloudFormation template's parameter a value, instead of its default.
 * Exit codes: 0 fine, 1 a problem found (error finding / not reachable / a design missing a lesson's goal), 2 the input or options cannot be used.
 */
const [command, ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case 'check':
      return (await import('./check.ts')).checkCommand(args);
    case 'trace':
      return (await import('./trace.ts')).traceCommand(args);
    case 'exposure':
      return (await import('./exposure.ts')).exposureCommand(args);
    case 'export':
      return (await import('./export.ts')).exportCommand(args);
    case 'grade':
      return (await import('./grade.ts')).gradeCommand(args);
    default:
      process.stderr.write(
        'usage: vpc-designer check <file> [--json] [--region R] | trace <file> --from A --to B [--port N] [--json] | exposure <file> [--json]' +
          ' | export <file> --format svg|animated-svg|png|pdf|drawio|json [--out F] [--flows all|none|NAME…] [--only ID…] [--scale N] [--title T] [--no-legend] [--background white|transparent]' +
          ' | grade <lesson-file> <design-file|folder> [--json]' +
          ' (each takes --param Name=Value for template parameters)\n',
      );
      return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Never a stack trace: one line saying why.
    process.stderr.write(`vpc-designer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
