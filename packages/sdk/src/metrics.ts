import type { Logger } from "./log.js";

/** A monotonically increasing Envoy counter. */
export interface Counter {
  /** Adds `delta` (default 1). */
  increment(delta?: number): void;
  value(): number;
}

/** An Envoy gauge. */
export interface Gauge {
  set(value: number): void;
  increment(delta?: number): void;
  decrement(delta?: number): void;
  value(): number;
}

/** An Envoy histogram. */
export interface Histogram {
  record(value: number): void;
}

/**
 * What `configure` gets besides the config: metrics must be defined here, once per config,
 * because Envoy only allows defining them while the config loads.
 */
export interface ConfigEnv {
  readonly log: Logger;
  counter(name: string): Counter;
  gauge(name: string): Gauge;
  histogram(name: string): Histogram;
}
