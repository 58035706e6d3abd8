/** Types for preview.mjs, for the TypeScript benchmarks. */
export declare function build(outDir?: string): Promise<void>;
export declare function serve(outDir?: string, port?: number): Promise<{ url: string; stop: () => void }>;
