/**
 * Envoy's dynamic metadata: per-namespace (usually a filter name) key/value pairs that other
 * filters and access logs read.
 */
export interface DynamicMetadata {
  /** The value when it is a string; `undefined` when absent or of another type (same for the others). */
  getString(namespace: string, key: string): string | undefined;
  getNumber(namespace: string, key: string): number | undefined;
  getBoolean(namespace: string, key: string): boolean | undefined;
  /** Replaces the key's value in the namespace; numbers must be finite. */
  set(namespace: string, key: string, value: string | number | boolean): void;
}

/** How long a filter state object lives; the numbers are Envoy's (TopSpan is Connection). */
export enum LifeSpan {
  FilterChain = 0,
  Request = 1,
  Connection = 2,
  TopSpan = 2,
}

/** Whether a filter state object is shared with the upstream connection; Envoy's numbers. */
export enum StreamSharing {
  None = 0,
  SharedWithUpstreamConnection = 1,
  SharedWithUpstreamConnectionOnce = 2,
}

export interface FilterStateOptions {
  /** Default false: later filters may overwrite the value. */
  readOnly?: boolean;
  /** Default `LifeSpan.Request`. */
  lifeSpan?: LifeSpan;
  /** Default `StreamSharing.None`. */
  streamSharing?: StreamSharing;
}

/** Envoy's filter state, holding string objects. */
export interface FilterState {
  /** The string object under `key`; `undefined` when there is none (or it is not a string). */
  get(key: string): string | undefined;
  /**
   * Sets a string object. Envoy ignores a set with a different life span than the key already
   * has. (Envoy 1.39 does not enforce `readOnly`.)
   */
  set(key: string, value: string, options?: FilterStateOptions): void;
}
