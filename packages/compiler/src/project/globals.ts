/**
 * The globals a compiled program may use beyond ES2022's built-ins: the subset of
 * `console` and `crypto` the Go runtime implements. Declared here instead of taking
 * DOM or @types/node, so anything else is a type error rather than a runtime surprise.
 */
export const GLOBALS_FILE = "/__mosn_ts__/globals.d.ts";

export const GLOBALS_SOURCE = `
interface MosnTsConsole {
  log(...values: unknown[]): void;
  error(...values: unknown[]): void;
}
declare var console: MosnTsConsole;
interface MosnTsCrypto {
  randomUUID(): string;
}
declare var crypto: MosnTsCrypto;
`;
