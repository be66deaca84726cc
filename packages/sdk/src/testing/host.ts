import type { PluginDefinition } from "../plugin.js";
import { configSchema, nativeLocation, selectedBackends, type Backend, type BackendSelection } from "./backend.js";
import { libraryBackends } from "./library-pool.js";
import { firstDifference, normalise, showValue } from "./compare.js";
import { CONSUMERS_PLUGIN, type ConsumerConfig } from "./consumers-config.js";
import { BackendDivergenceError, ConfigError } from "./errors.js";
import type { ConfigAnswer, ConfigEncoding, ConfigOp, LogLevelSetting, LogLine, MetricsSnapshot, RequestOp, RequestResultData } from "./protocol.js";
import { checkSeed } from "./random.js";
import { buildRequestOp, type RequestOptions } from "./request-options.js";
import { RequestResult } from "./result.js";
import { REFUSALS_DOC, refusalOf } from "./refusals.js";
import type { TypeDescriptor } from "./type-descriptor.js";

/** The seed tests get unless they choose one, so every run draws the same "random" values. */
export const DEFAULT_SEED = 1;

export interface HostOptions<Config, Parsed = Config> {
  /** The plugin module's default export. */
  plugin: PluginDefinition<Config, Parsed>;
  /** The plugin config, as Envoy's `plugin_config` would hold it. */
  config?: Config;
  /**
   * A config that need not match the type, to test rejection: any JSON value, or (with
   * `encoding: "string_value"`) a string passed verbatim, e.g. invalid JSON.
   */
  rawConfig?: unknown;
  /** How the config reaches the plugin; default `typed_struct`. */
  encoding?: ConfigEncoding;
  /** Seed of Math.random and crypto.randomUUID; default 1; null for real randomness. */
  seed?: number | null;
  /** What Envoy's log level is; lines below it are not written. Default `trace`. */
  logLevel?: LogLevelSetting;
  /** Overrides MOSN_TS_BACKENDS. */
  backends?: BackendSelection;
  /** The .so for the native backend; default `$MOSN_TS_SO_DIR/<plugin>.so`. */
  soPath?: string;
  /**
   * The config type the TypeScript host validates against (a type descriptor or the path of a
   * schema file); default `$MOSN_TS_SO_DIR/<plugin>.schema.json` when it exists; null: none.
   */
  schema?: TypeDescriptor | string | null;
  /** The golang filter's generic secrets (`ctx.getSecret`), by name. */
  secrets?: Record<string, string>;
  /** Envoy's worker count (default 1): `streamInfo.workerId` must be below it. */
  concurrency?: number;
  /**
   * The library's consumers: loaded first, as the config of the built-in `mosn-ts-consumers`
   * plugin (what `ctx.lookupConsumer` finds). Default: none loaded.
   */
  consumers?: ConsumerConfig[];
}

/** A configured plugin on one or two backends; every request runs on all of them. */
export class Host {
  /** The config id the backends gave; requests use it unless they name another `configId`. */
  readonly configId: number;
  /** The config answer's log lines (warnings the plugin's config decoding wrote, say). */
  readonly configLogs: LogLine[];
  /** The host's metrics once the config was created (after `configure`); undefined while none exists. */
  readonly configMetrics: MetricsSnapshot | undefined;
  private nextRequest = 1;
  private closed = false;

  constructor(
    readonly plugin: string,
    private readonly backendList: Backend[],
    answer: ConfigAnswer & { ok: true },
  ) {
    this.configId = answer.configId;
    this.configLogs = answer.logs;
    this.configMetrics = answer.metrics;
  }

  /** The backends every request runs on, e.g. `["ts", "native"]`. */
  get backends(): string[] {
    return this.backendList.map((b) => b.name);
  }

  /** Sends one request through the filter. Pseudo-headers default to GET / on http://localhost. */
  async request(options: RequestOptions = {}): Promise<RequestResult> {
    return new RequestResult(await this.send(buildRequestOp(options, `r${this.nextRequest++}`)));
  }

  /** The protocol-level form of `request`: the op as given, the raw result. */
  async send(op: RequestOp): Promise<RequestResultData> {
    if (this.closed) throw new Error("this host is closed");
    // The library may hold other hosts' configs by now: without a configId, this host's own.
    const routed: RequestOp = op.configId === undefined ? { ...op, configId: this.configId } : op;
    const answers = await runOnAll(this.backendList, (b) => b.request(routed));
    return agree(answers, `request ${op.id}`);
  }

  /**
   * Ends this host: no more requests. The library it was configured in (the native host
   * process, the TypeScript host) stays for the test file's next createHost, as a loaded .so
   * stays in Envoy across config reloads. Idempotent.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.backendList.map((b) => b.close()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/**
 * Configures `plugin` on the selected backends (MOSN_TS_BACKENDS, or `options.backends`).
 * Rejects with a ConfigError carrying the runtime's message when the config is invalid, and
 * with a BackendDivergenceError when the backends do not agree.
 */
export async function createHost<Config, Parsed = Config>(options: HostOptions<Config, Parsed>): Promise<Host> {
  const plugin = options.plugin as PluginDefinition<unknown, unknown>;
  if (typeof plugin !== "object" || plugin === null || typeof plugin.name !== "string" || typeof plugin.create !== "function") {
    throw new TypeError("createHost: plugin must be a plugin module's default export, definePlugin({ name, create })");
  }
  const selection = options.backends ?? selectedBackends();
  const backends = libraryBackends({
    plugin,
    selection,
    native: selection === "ts" ? undefined : nativeLocation(plugin.name, options.soPath),
    seed: seedOf(options),
    concurrency: options.concurrency ?? 1,
    schema: selection === "native" ? undefined : await configSchema(plugin.name, options.schema),
  });
  return createHostWithBackends(options, backends);
}

/** createHost on given backends (tests use it to put a fake beside the TypeScript host). */
export async function createHostWithBackends<Config, Parsed = Config>(options: HostOptions<Config, Parsed>, backends: Backend[]): Promise<Host> {
  if (options.config !== undefined && options.rawConfig !== undefined) {
    throw new TypeError("give config or rawConfig, not both");
  }
  const op = hostConfigOp(options, options.plugin.name, options.rawConfig !== undefined ? options.rawConfig : (options.config ?? {}));
  if (options.encoding !== undefined) op.encoding = options.encoding;
  if (options.secrets !== undefined) op.secrets = { ...options.secrets };
  try {
    if (options.consumers !== undefined) {
      // A copy, as Envoy would hold its own; the first config fixes the seed and concurrency.
      const consumersOp = hostConfigOp(options, CONSUMERS_PLUGIN, { consumers: JSON.parse(JSON.stringify(options.consumers)) as unknown });
      const loaded = agree(await runOnAll(backends, (b) => b.config(consumersOp)), "consumers config");
      if (!loaded.ok) throw new ConfigError(loaded.error);
    }
    const answer = agree(await runOnAll(backends, (b) => b.config(op)), "config");
    if (!answer.ok) throw new ConfigError(answer.error);
    return new Host(options.plugin.name, backends, answer);
  } catch (err) {
    await Promise.all(backends.map((b) => b.close().catch(() => undefined)));
    throw err;
  }
}

/** A config op with what every config of the host carries: seed, log level, concurrency. */
function hostConfigOp(options: HostOptions<unknown, unknown>, plugin: string, config: unknown): ConfigOp {
  const op: ConfigOp = { op: "config", plugin, config };
  const seed = seedOf(options);
  if (seed !== undefined) op.seed = seed;
  if (options.logLevel !== undefined) op.logLevel = options.logLevel;
  if (options.concurrency !== undefined) op.concurrency = options.concurrency;
  return op;
}

function seedOf(options: HostOptions<unknown, unknown>): number | undefined {
  return options.seed === null ? undefined : checkSeed(options.seed ?? DEFAULT_SEED);
}

async function runOnAll<T>(backends: Backend[], call: (b: Backend) => Promise<T>): Promise<{ name: string; answer: T }[]> {
  const out: { name: string; answer: T }[] = [];
  // One after the other: the TypeScript host runs in this process and draws its own randomness.
  for (const backend of backends) out.push({ name: backend.name, answer: normalise(await call(backend)) });
  return out;
}

/** The first backend's answer when all answers are equal; else a BackendDivergenceError. */
function agree<T>(answers: { name: string; answer: T }[], what: string): T {
  const [first, ...rest] = answers;
  if (first === undefined) throw new Error("no backend selected");
  for (const other of rest) {
    const d = firstDifference(first.answer, other.answer);
    if (d !== null) {
      const difference =
        `backends disagree at ${d.path}: ${first.name}=${showValue(d.left)} ${other.name}=${showValue(d.right)}\n` +
        `  (${what}; the full answers are on the error's "answers" property)`;
      const refusal = other.name === "native" ? refusalOf(first.answer, other.answer) : null;
      // A refusal is the compiled code working as designed on a program that depends on
      // something it cannot reproduce: say so first, not as a bug in mosn-ts.
      const message =
        refusal === null
          ? difference
          : `the compiled filter refused at run time: ${refusal.message} (in ${refusal.where}), where the TypeScript went on` +
            ` — see ${REFUSALS_DOC}\n  ${difference}`;
      throw new BackendDivergenceError(message, d.path, Object.fromEntries(answers.map((a) => [a.name, a.answer])), refusal?.message);
    }
  }
  return first.answer;
}
