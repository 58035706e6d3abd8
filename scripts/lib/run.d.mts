/** Types for run.mjs. */
export declare const ROOT: string;
export declare function bin(name: string): string;
export declare function run(command: string, args: string[], options?: object): Promise<number>;
export declare function freePort(from: number, span?: number): Promise<number>;
