#!/usr/bin/env node
/**
 * The package's command: runs src/cli/main.ts (TypeScript) in this process through tsx's loader, so the CLI and
 * the browser share one engine without a separate build. Usage: vpc-designer check <file> [--json] [--region R].
 */
import { register } from 'tsx/esm/api';

try {
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
} catch (error) {
  // Never a stack trace: one line saying why.
  process.stderr.write(`vpc-designer: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exitCode = 2;
}
