/**
 * Envoy's dynamic metadata: per-namespace (usually a filter name) key/value pairs that other
 * filters and access logs read.
 */
export interface DynamicMetadata {
  getString(namespace: string, key: string): string | undefined;
  getNumber(namespace: string, key: string): number | undefined;
  getBoolean(namespace: string, key: string): boolean | undefined;
  set(namespace: string, key: string, value: string | number | boolean): void;
}

/** How long a filter state object lives; the numbers are Envoy's. */
export enum LifeSpan {
  FilterChain = 0,
  Request = 1,
  Connection = 2,
  TopSpan = 3,
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
  get(key: string): string | undefined;
  set(key: string, value: string, options?: FilterStateOptions): void;
}
