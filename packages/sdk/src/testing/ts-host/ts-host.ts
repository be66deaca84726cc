import type { PluginDefinition } from "../../plugin.js";
import { configErrorMessage, validateConfig } from "../config-validation.js";
import { parseJsonText } from "../json-syntax.js";
import { goQuote } from "./runtime-errors.js";
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
  plugins: PluginDefinition<unknown>[];
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

  constructor(private readonly options: TsHostOptions) {}

  config(op: ConfigOp): ConfigAnswer {
    const logs: LogLine[] = [];
    this.logLevel = checkLogLevel(op.logLevel ?? "trace");
    this.sink = logs;
    try {
      this.initRandom(op.seed);
      const plugin = this.options.plugins.find((p) => p.name === op.plugin);
      if (plugin === undefined) {
        const names = this.options.plugins.map((p) => goQuote(p.name)).sort();
        const registered = names.length === 0 ? "no plugins" : names.join(", ");
        return this.reject(logs, `unknown plugin ${goQuote(op.plugin)}: this library registers ${registered}`);
      }
      const decoded = this.decodeConfig(op);
      if ("error" in decoded) {
        return this.reject(logs, configErrorMessage(plugin.name, { path: "$", problem: decoded.error }));
      }
      const schema = this.options.schemas?.[plugin.name];
      if (schema !== undefined) {
        const problem = validateConfig(schema, decoded.value);
        if (problem !== null) return this.reject(logs, configErrorMessage(plugin.name, problem));
      }
      const id = this.nextConfigId++;
      const runtime: PluginRuntime = {
        plugin,
        config: decoded.value,
        rng: this.rng,
        log: (level, message) => this.log(level, message),
      };
      this.configs.set(id, runtime);
      this.lastConfigId = id;
      return { op: "config", ok: true, configId: id, logs };
    } finally {
      this.sink = null;
    }
  }

  request(op: RequestOp): RequestResultData {
    const id = op.configId ?? this.lastConfigId;
    const stored = id === null ? undefined : this.configs.get(id);
    if (stored === undefined) {
      throw new Error(id === null ? "request before any successful config" : `unknown configId ${id}`);
    }
    if (op.logLevel !== undefined) this.logLevel = checkLogLevel(op.logLevel);
    const logs: LogLine[] = [];
    this.sink = logs;
    try {
      return { ...runStream(stored, op), logs };
    } finally {
      this.sink = null;
    }
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
