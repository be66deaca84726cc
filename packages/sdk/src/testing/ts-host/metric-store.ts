import type { MetricsSnapshot } from "../protocol.js";

export type MetricKind = "counter" | "gauge" | "histogram";

/**
 * Envoy's stats store as the golang filter reaches it (FilterConfig::defineMetric and
 * friends): one stat per kind and name for the whole host, whichever config defines it, as
 * Envoy's store shares a stat among the scopes that name it. Values are unsigned integers.
 */
export class MetricStore {
  private readonly counters = new Map<string, number>();
  private readonly gauges = new Map<string, number>();
  private readonly histograms = new Map<string, number[]>();

  /** counterFromStatName / gaugeFromStatName / histogramFromStatName: the stat, created at 0. */
  define(kind: MetricKind, name: string): void {
    if (kind === "counter" && !this.counters.has(name)) this.counters.set(name, 0);
    if (kind === "gauge" && !this.gauges.has(name)) this.gauges.set(name, 0);
    if (kind === "histogram" && !this.histograms.has(name)) this.histograms.set(name, []);
  }

  /** incrementMetric: a counter only grows; a gauge adds or subtracts; a histogram ignores it. */
  increment(kind: MetricKind, name: string, offset: number): void {
    if (kind === "counter" && offset > 0) this.counters.set(name, (this.counters.get(name) ?? 0) + offset);
    if (kind === "gauge") this.gauges.set(name, (this.gauges.get(name) ?? 0) + offset);
  }

  /** recordMetric: a counter adds, a gauge is set, a histogram records a sample. */
  record(kind: MetricKind, name: string, value: number): void {
    if (kind === "counter") this.counters.set(name, (this.counters.get(name) ?? 0) + value);
    if (kind === "gauge") this.gauges.set(name, value);
    if (kind === "histogram") this.histograms.get(name)?.push(value);
  }

  /** getMetric: a histogram has no value Envoy would give (0). */
  value(kind: MetricKind, name: string): number {
    if (kind === "counter") return this.counters.get(name) ?? 0;
    if (kind === "gauge") return this.gauges.get(name) ?? 0;
    return 0;
  }

  /** Every stat, or undefined while none exists (the protocol leaves `metrics` out then). */
  snapshot(): MetricsSnapshot | undefined {
    if (this.counters.size + this.gauges.size + this.histograms.size === 0) return undefined;
    return {
      counters: Object.fromEntries(this.counters),
      gauges: Object.fromEntries(this.gauges),
      histograms: Object.fromEntries([...this.histograms].map(([k, v]) => [k, [...v]])),
    };
  }
}
