/**
 * The globals a compiled program may use beyond the ES2023 built-ins: the subset of the
 * web/Node globals the Go runtime implements. Declared here instead of taking DOM or
 * @types/node, so anything else is a type error rather than a runtime surprise.
 */
export const GLOBALS_FILE = "/__mosn_ts__/globals.d.ts";

export const GLOBALS_SOURCE = `
interface MosnTsConsole {
  log(...values: unknown[]): void;
  info(...values: unknown[]): void;
  debug(...values: unknown[]): void;
  error(...values: unknown[]): void;
  warn(...values: unknown[]): void;
}
declare var console: MosnTsConsole;
interface MosnTsCrypto {
  randomUUID(): string;
}
declare var crypto: MosnTsCrypto;
declare function atob(data: string): string;
declare function btoa(data: string): string;
interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  decode(input?: Uint8Array): string;
}
declare var TextDecoder: { prototype: TextDecoder; new (label?: "utf-8" | "utf8", options?: { fatal?: boolean }): TextDecoder };
`;
