/**
 * The engine's public surface: the design model, CIDR arithmetic and commands. Pure TypeScript — the browser,
 * the CLI and the tests all call it.
 */
export * from './model/types.ts';
export * from './model/create.ts';
export * from './model/queries.ts';
export * from './model/diagram.ts';
export * from './model/kinds.ts';
export * from './cidr/cidr.ts';
export * from './commands/command.ts';
export * from './commands/add.ts';
export * from './commands/edit.ts';
export * from './commands/clipboard.ts';
export * from './model/example.ts';
export * from './io/designFile.ts';
// The rule engine is not re-exported: the browser loads it after the first frame (src/store/findings.ts), so it
// stays out of the first visit's JavaScript. Import `validateDesign` and the rest from './rules/index.ts'.
export type { Finding, Rule, RuleContext, Severity } from './rules/types.ts';
export * from './io/importAny.ts';
export * from './commands/arrange.ts';
export * from './commands/drills.ts';
