/**
 * The engine's public surface: the design model, CIDR arithmetic and commands. Pure TypeScript — the browser,
 * the CLI and the tests all call it.
 */
export * from './model/types.ts';
export * from './model/create.ts';
export * from './model/queries.ts';
export * from './model/diagram.ts';
export * from './cidr/cidr.ts';
export * from './commands/command.ts';
export * from './commands/add.ts';
export * from './commands/edit.ts';
export * from './commands/clipboard.ts';
export * from './model/example.ts';
export * from './io/designFile.ts';
export * from './rules/index.ts';
export * from './io/importAny.ts';
export * from './commands/arrange.ts';
