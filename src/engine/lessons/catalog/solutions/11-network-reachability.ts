/** Lesson 11: only HTTPS open to the world; the database admits the web servers' group; the build server nothing. */
import type { Design } from '../../../model/types.ts';
import { applyAll } from './apply.ts';
import { setIngress, tcpFrom } from './edits.ts';

export default function solve(start: Design): Design {
  return applyAll(
    start,
    setIngress('sg-web', [tcpFrom(443, '0.0.0.0/0')]),
    setIngress('sg-build', []),
    setIngress('sg-db', [tcpFrom(5432, 'sg-web')]),
  );
}
