/**
 * A header or trailer map with Envoy's semantics: names are case-insensitive (stored
 * lower-case), a name may repeat, and entries keep insertion order.
 */
export interface HeaderMap {
  /** The first value of `name`, or `undefined` when absent. */
  get(name: string): string | undefined;
  /** Every value of `name`, in order; empty when absent. */
  getAll(name: string): string[];
  has(name: string): boolean;
  /** Replaces every value of `name` with `value`. */
  set(name: string, value: string): void;
  /** Adds one more value for `name`, keeping the existing ones. */
  add(name: string, value: string): void;
  /** Removes every value of `name`. */
  remove(name: string): void;
  /** Distinct names, in insertion order. */
  keys(): string[];
  /** Every `[name, value]` pair, in order, repeats included. */
  entries(): [string, string][];
  forEach(fn: (value: string, name: string) => void): void;
}

/** Request headers, with the pseudo-headers exposed as properties. */
export interface RequestHeaders extends HeaderMap {
  /** `:method` */
  readonly method: string;
  /** `:path`, including the query string. */
  readonly path: string;
  /** `:authority` */
  readonly host: string;
  /** `:scheme` */
  readonly scheme: string;
}

/** Response headers; `status` is `:status` as a number. */
export interface ResponseHeaders extends HeaderMap {
  readonly status: number;
}
