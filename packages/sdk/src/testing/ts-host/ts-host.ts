import type { PluginDefinition } from "../../plugin.js";
import { configErrorMessage, validateConfig } from "../config-validation.js";
import { CONSUMERS_CONFIG_TYPE, CONSUMERS_PLUGIN, consumersProblem, type ConsumersConfig } from "../consumers-config.js";
import { parseJsonText } from "../json-text.js";
import { ConsumerRegistry } from "./consumer-registry.js";
import { consumersPlugin } from "./consumers-plugin.js";
import { isThenable, runInScope } from "./hook-scope.js";
import { MetricStore } from "./metric-store.js";
import { createLogger } from "./runtime-context.js";
import { RuntimeConfigEnv } from "./runtime-metrics.js";
import { goQuote, panicText } from "./runtime-errors.js";
import { stringMap } from "./stream-data.js";
import {
  LOG_LEVEL_NAMES,
  type ConfigAnswer,
  type ConfigOp,
  type LogLevelName,
  type LogLevelSetting,
  type LogLine,
  type RequestOp,
  type RequestResultData,
} from "../protocol.js";
import { SplitMix64 } from "../random.js";
import type { TypeDescriptor } from "../type-descriptor.js";
import type { PluginRuntime } from "./plugin-filter.js";
import { runStream } from "./stream.js";


export interface TsHostOptions {
  /** The plugins this host can configure, by name (a .so may hold several). */
  plugins: PluginDefinition<unknown, unknown>[];
  /** Each plugin's config type; a plugin without one accepts any config as is. */
  schemas?: Record<string, TypeDescriptor | undefined>;
}

/**
 * The TypeScript host: the protocol's `config` and `request` operations, run on the plugin's
 * TypeScript definition in this process with the semantics of the native host.
 */
export class TsHost {
  private readonly configs = new Map<number, PluginRuntime>();
  private nextConfigId = 1;
  private lastConfigId: number | null = null;
  private rng: SplitMix64 | null = null;
  private seed: number | undefined;
  private seeded = false;
  /** Envoy's log level: set by each config op, changed by a request op that names one. */
  private logLevel: LogLevelSetting = "trace";
  /** Where log lines go right now: the current call's answer. */
  private sink: LogLine[] | null = null;
  /** Envoy's stats store: shared by every config of the host. */
  private readonly metrics = new MetricStore();
  private concurrency: number | null = null;
  /** Requests run one at a time, as the native host answers one line after the other. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The library's consumers: the last accepted `mosn-ts-consumers` config; none before one. */
  private consumers: ConsumerRegistry | undefined;

  /** The library's plugins by name, and their config types. */
  private readonly plugins = new Map<string, PluginDefinition<unknown, unknown>>();
  private readonly schemas = new Map<string, TypeDescriptor | undefined>();

  constructor(options: TsHostOptions) {
    for (const plugin of options.plugins) this.register(plugin, options.schemas?.[plugin.name]);
  }

  /**
   * Adds a plugin to the library (or replaces its config type): a test file configures the
   * plugins it imports one by one on the same host, as Envoy does with one loaded .so.
   */
  register(plugin: PluginDefinition<unknown, unknown>, schema: TypeDescriptor | undefined): void {
    if (plugin.name === CONSUMERS_PLUGIN) {
      throw new TypeError(`the plugin name ${JSON.stringify(CONSUMERS_PLUGIN)} is reserved for the runtime's built-in consumers plugin`);
    }
    this.plugins.set(plugin.name, plugin);
    this.schemas.set(plugin.name, schema);
  }

  /** The plugin this library holds under `name`, if any. */
  plugin(name: string): PluginDefinition<unknown, unknown> | undefined {
    return this.plugins.get(name);
  }

  config(op: ConfigOp): ConfigAnswer {
    const logs: LogLine[] = [];
    this.logLevel = checkLogLevel(op.logLevel ?? "trace");
    this.sink = logs;
    try {
      const answer = this.configure(op, logs);
      const metrics = this.metrics.snapshot();
      return metrics === undefined ? answer : { ...answer, metrics };
    } finally {
      this.sink = null;
    }
  }

  private configure(op: ConfigOp, logs: LogLine[]): ConfigAnswer {
    this.initRandom(op.seed);
    const secrets = stringMap(op.secrets, "secrets");
    const concurrency = this.initConcurrency(op.concurrency);
    // Every library registers the built-in consumers plugin beside its own.
    const plugins = [consumersPlugin, ...this.plugins.values()];
    const plugin = plugins.find((p) => p.name === op.plugin);
    if (plugin === undefined) {
      const names = plugins.map((p) => goQuote(p.name)).sort();
      return this.reject(logs, `unknown plugin ${goQuote(op.plugin)}: this library registers ${names.join(", ")}`);
    }
    const builtin = plugin === consumersPlugin;
    const decoded = this.decodeConfig(op);
    if ("error" in decoded) {
      return this.reject(logs, configErrorMessage(plugin.name, { path: "$", problem: decoded.error }));
    }
    const schema = builtin ? CONSUMERS_CONFIG_TYPE : this.schemas.get(plugin.name);
    if (schema !== undefined) {
      const problem = validateConfig(schema, decoded.value) ?? (builtin ? consumersProblem(decoded.value as ConsumersConfig) : null);
      if (problem !== null) return this.reject(logs, configErrorMessage(plugin.name, problem));
    }
    const configured = this.runConfigure(plugin, decoded.value);
    if ("error" in configured) return this.reject(logs, `invalid config for plugin ${goQuote(plugin.name)}: ${configured.error}`);
    const id = this.nextConfigId++;
    const runtime: PluginRuntime = {
      plugin,
      config: configured.value,
      rng: this.rng,
      log: (level, message) => this.log(level, message),
      logLevel: () => LOG_LEVEL_NAMES.indexOf(this.logLevel),
      secrets,
      concurrency,
      consumers: () => this.consumers,
    };
    this.configs.set(id, runtime);
    this.lastConfigId = id;
    // The most recently loaded consumers config wins, for every config's streams.
    if (builtin) this.consumers = new ConsumerRegistry(decoded.value as ConsumersConfig);
    return { op: "config", ok: true, configId: id, logs };
  }

  /**
   * The plugin's `configure`, once per config, with a ConfigEnv whose metric definers close
   * when it returns. A throw rejects the config; its text is what a hook panic would log.
   */
  private runConfigure(plugin: PluginDefinition<unknown, unknown>, config: unknown): { value: unknown } | { error: string } {
    if (plugin.configure === undefined) return { value: config };
    const env = new RuntimeConfigEnv(
      this.metrics,
      createLogger((level, message) => this.log(level, message), () => LOG_LEVEL_NAMES.indexOf(this.logLevel)),
    );
    try {
      const scope = { state: null, hook: "configure", offThread: false, replied: false, rng: this.rng };
      const value = runInScope(scope, () => plugin.configure!(config, env));
      if (isThenable(value)) {
        Promise.resolve(value).catch(() => undefined);
        return { error: "configure cannot be async" };
      }
      return { value };
    } catch (err) {
      return { error: panicText(err) };
    } finally {
      env.close();
    }
  }

  /** Runs one stream; requests are serialised. */
  request(op: RequestOp): Promise<RequestResultData> {
    const run = this.queue.then(() => this.runRequest(op));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runRequest(op: RequestOp): Promise<RequestResultData> {
    const id = op.configId ?? this.lastConfigId;
    const stored = id === null ? undefined : this.configs.get(id);
    if (stored === undefined) {
      throw new Error(id === null ? "request before any successful config" : `unknown configId ${id}`);
    }
    if (op.logLevel !== undefined) this.logLevel = checkLogLevel(op.logLevel);
    const logs: LogLine[] = [];
    this.sink = logs;
    try {
      const result: RequestResultData = { ...(await runStream(stored, op)), logs };
      const metrics = this.metrics.snapshot();
      return metrics === undefined ? result : { ...result, metrics };
    } finally {
      this.sink = null;
    }
  }

  /** Envoy announces one worker count to the library; later configs must agree with it. */
  private initConcurrency(value: number | undefined): number {
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 1024)) {
      throw new TypeError("concurrency must be an integer in 1..1024");
    }
    if (this.concurrency === null) return (this.concurrency = value ?? 1);
    if (value !== undefined && value !== this.concurrency) {
      throw new Error(`this host announced concurrency ${this.concurrency}; a config cannot change it to ${value}`);
    }
    return this.concurrency;
  }

  /** One generator per host, created with the first config (docs/architecture.md). */
  private initRandom(seed: number | undefined): void {
    if (!this.seeded) {
      this.seeded = true;
      this.seed = seed;
      this.rng = seed === undefined ? null : new SplitMix64(seed);
    } else if (seed !== undefined && seed !== this.seed) {
      throw new Error(`this host is already seeded with ${String(this.seed)}; a config cannot change it to ${seed}`);
    }
  }

  /**
   * The JSON the runtime's DecodeConfig reads: the config object (typed_struct), or the text
   * of a string_value (a non-string value is sent as its JSON text).
   */
  private decodeConfig(op: ConfigOp): { value: unknown } | { error: string } {
    if ((op.encoding ?? "typed_struct") === "typed_struct") {
      if (typeof op.config !== "object" || op.config === null || Array.isArray(op.config)) {
        throw new TypeError("with encoding typed_struct the config must be a JSON object (a protobuf Struct)");
      }
      return { value: JSON.parse(JSON.stringify(op.config)) };
    }
    const text = typeof op.config === "string" ? op.config : JSON.stringify(op.config);
    const parsed = parseJsonText(text);
    return "error" in parsed ? { error: `invalid JSON: ${parsed.error}` } : parsed;
  }

  /** The answer carries the last error-or-worse line written, or Envoy's generic text. */
  private reject(logs: LogLine[], message: string): ConfigAnswer {
    this.log("error", message);
    const lastError = logs.filter((l) => l.level === "error" || l.level === "critical").pop();
    return { op: "config", ok: false, error: lastError?.message ?? "golang filter failed to parse plugin config", logs };
  }

  /** Lines below the configured level are not written, as in Envoy. */
  private log(level: LogLevelName, message: string): void {
    if (this.sink === null) return;
    if (LOG_LEVEL_NAMES.indexOf(level) < LOG_LEVEL_NAMES.indexOf(this.logLevel)) return;
    this.sink.push({ level, message });
  }
}

function checkLogLevel(value: unknown): LogLevelSetting {
  if (!LOG_LEVEL_NAMES.includes(value as LogLevelSetting)) {
    throw new TypeError(`logLevel must be one of ${LOG_LEVEL_NAMES.join(", ")}`);
  }
  return value as LogLevelSetting;
}
