#!/usr/bin/env node
/**
 * `npm run test:e2e [-- <playwright args>]`: the Playwright end-to-end tests alone, against a fresh build of the
 * app, in the Chromium that `npm test` would use. Ends with `N passed, N failed`.
 *
 * Environment: CHROMIUM_PATH (a browser to use), E2E_PORT (default: first free port from 4300),
 * E2E_DIST (build folder; default dist-e2e-<port>, removed afterwards), E2E_REPORT (keep the JSON report there).
 */
import { runE2E } from './lib/e2e.mjs';

const result = await runE2E(process.argv.slice(2));
console.log(`${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''}`);
process.exitCode = result.code === 0 && result.failed === 0 ? 0 : 1;
