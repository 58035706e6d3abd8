/**
 * Every catalogue lesson's reference solution, by lesson file name (without `.lesson.json`). Used by the tests,
 * the grading benchmark and the CLI tests; nothing the browser loads imports this.
 */
import type { Design } from '../../../model/types.ts';
import natGateway from './01-nat-gateway.ts';

export const SOLUTIONS: Record<string, (start: Design) => Design> = {
  '01-nat-gateway': natGateway,
};
