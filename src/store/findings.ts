/**
 * The findings of the open design, computed once per design however many components ask (the canvas marks
 * nodes, the Findings panel lists them). A rule that throws must not take the editor down with it.
 */
import { validateDesign, type Design, type Finding } from '../engine/index.ts';
import { useDesignStore } from './designStore.ts';

const cache = new WeakMap<Design, readonly Finding[]>();
const NONE: readonly Finding[] = [];
export const VALIDATE_MEASURE = 'app:validate';

export function findingsOf(design: Design): readonly Finding[] {
  let findings = cache.get(design);
  if (!findings) {
    const start = performance.now();
    try {
      findings = validateDesign(design);
      // The latest validation's time, for the re-validation benchmark (only the latest is kept).
      performance.clearMeasures(VALIDATE_MEASURE);
      performance.measure(VALIDATE_MEASURE, { start, end: performance.now() });
    } catch (error) {
      console.error('A validation rule failed:', error);
      findings = NONE;
    }
    cache.set(design, findings);
  }
  return findings;
}

/** Findings computed elsewhere (the import worker ran the rules on the design it read): used as they are. */
export function primeFindings(design: Design, findings: readonly Finding[]): void {
  if (!cache.has(design)) cache.set(design, findings);
}

/** The open design's findings; re-renders only when the design changes. */
export function useFindings(): readonly Finding[] {
  return findingsOf(useDesignStore((s) => s.design));
}
