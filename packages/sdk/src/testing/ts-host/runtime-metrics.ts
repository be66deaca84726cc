import type { Logger } from "../../log.js";
import type { ConfigEnv, Counter, Gauge, Histogram } from "../../metrics.js";
import type { MetricKind, MetricStore } from "./metric-store.js";
import { goQuote, RuntimePanic } from "./runtime-errors.js";

/**
 * The ConfigEnv the runtime hands `configure`: metric definers that work while configure runs
 * (a later definition is refused), and metric handles usable from then on, anywhere. Amounts
 * must be non-negative safe integers (Envoy's stats are unsigned); a gauge never goes below 0
 * (Envoy asserts it does not).
 */
export class RuntimeConfigEnv implements ConfigEnv {
  private open = true;

  constructor(
    private readonly store: MetricStore,
    readonly log: Logger,
  ) {}

  /** configure returned: definitions are refused from now on. */
  close(): void {
    this.open = false;
  }

  counter(name: string): Counter {
    const m = this.define("counter", name);
    return {
      increment: (delta: number = 1) => m.store.increment("counter", m.name, m.amount("increment", delta)),
      value: () => m.store.value("counter", m.name),
    };
  }

  gauge(name: string): Gauge {
    const m = this.define("gauge", name);
    return {
      set: (value: number) => m.store.record("gauge", m.name, m.amount("set", value)),
      increment: (delta: number = 1) => m.store.increment("gauge", m.name, m.amount("increment", delta)),
      decrement: (delta: number = 1) => {
        const n = m.amount("decrement", delta);
        const current = m.store.value("gauge", m.name);
        if (n > current) throw new RuntimePanic(`${m.label} decrement: ${n} is more than its value ${current}`);
        m.store.increment("gauge", m.name, -n);
      },
      value: () => m.store.value("gauge", m.name),
    };
  }

  histogram(name: string): Histogram {
    const m = this.define("histogram", name);
    return { record: (value: number) => m.store.record("histogram", m.name, m.amount("record", value)) };
  }

  private define(kind: MetricKind, rawName: string): MetricHandle {
    const name = String(rawName);
    if (!this.open) throw new RuntimePanic(`cannot define ${kind} ${goQuote(name)}: metrics can only be defined in configure`);
    this.store.define(kind, name);
    return new MetricHandle(this.store, kind, name);
  }
}

class MetricHandle {
  readonly label: string;

  constructor(
    readonly store: MetricStore,
    kind: MetricKind,
    readonly name: string,
  ) {
    this.label = `${kind} ${goQuote(name)}`;
  }

  /** The amount as the runtime passes it to Envoy, or a panic naming the call. */
  amount(method: string, value: unknown): number {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
      throw new RuntimePanic(`${this.label} ${method}: ${String(value)} is not a non-negative safe integer`);
    }
    return value === 0 ? 0 : value;
  }
}
