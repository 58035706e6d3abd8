/**
 * The findings of the open design, computed once per design however many components ask (the canvas marks
 * nodes, the Findings panel lists them). A rule that throws must not take the editor down with it.
 *
 * The rule engine is not part of the first visit's JavaScript: it loads after the canvas's first frame
 * (`useFindingsReady`), and the design's findings show a moment later.
 */
import { useEffect, useState } from 'react';
import type { Design, Finding } from '../engine/index.ts';
import { useFirstCanvasFrame } from '../panels/lazy.tsx';
import { useDesignStore } from './designStore.ts';

let validateDesign: ((design: Design) => Finding[]) | undefined;
let loading: Promise<void> | undefined;

/** Loads the rule engine (a chunk of its own); resolves once `findingsOf` can run the rules. */
export function loadRules(): Promise<void> {
  return (loading ??= import('../engine/rules/index.ts').then(
    (rules) => {
      validateDesign = rules.validateDesign;
    },
    (error: unknown) => {
      // Offline after the first visit, say: the findings say nothing rather than the editor failing.
      validateDesign = () => {
        throw error;
      };
    },
  ));
}

/**
 * False until the canvas's first frame has been painted and the rule engine has loaded (it starts loading then),
 * true from then on: until then there are no findings to show.
 */
export function useFindingsReady(): boolean {
  const painted = useFirstCanvasFrame();
  const [ready, setReady] = useState(validateDesign !== undefined);
  useEffect(() => {
    if (!painted || ready) return;
    let live = true;
    void loadRules().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [painted, ready]);
  return ready;
}

const cache = new WeakMap<Design, readonly Finding[]>();
const NONE: readonly Finding[] = [];
export const VALIDATE_MEASURE = 'app:validate';

export function findingsOf(design: Design): readonly Finding[] {
  let findings = cache.get(design);
  if (!findings) {
    if (!validateDesign) return NONE; // not loaded yet: callers wait for useFindingsReady
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
