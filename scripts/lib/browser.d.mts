/** Types for browser.mjs, so the TypeScript benchmarks can share its browser discovery. */
export declare const BROWSER_HINT: string;
export declare function findChromium(
  root: string,
  say?: (line: string) => void,
): { path: string; source: string } | undefined;
