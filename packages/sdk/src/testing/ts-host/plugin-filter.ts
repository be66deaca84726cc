import type { FilterContext } from "../../context.js";
import type { Filter, LogEntry } from "../../filter.js";
import type { Logger } from "../../log.js";
import type { PluginDefinition } from "../../plugin.js";
import { DestroyReason, Status } from "../../status.js";
import type { HookName, LogLevelName, TraceEntry } from "../protocol.js";
import type { SplitMix64 } from "../random.js";
import { withSeededGlobals } from "../seeded-globals.js";
import type { ByteBuffer } from "./body-buffer.js";
import type { GoEntryPoints, GolangFilter, StreamMaps } from "./golang-filter.js";
import type { EnvoyHeaderMap } from "./header-map.js";
import { httpToGrpcStatus } from "./local-reply.js";
import { FilterState, type ProcessorState } from "./processor-state.js";
import { RuntimeBodyBuffer } from "./runtime-body-buffer.js";
import { capiErrorText, goQuote, headerProblem, panicText, RuntimePanic } from "./runtime-errors.js";
import { RuntimeHeaderMap, RuntimeRequestHeaders, RuntimeResponseHeaders } from "./runtime-header-map.js";
import { GolangStatus, statusName } from "./status-names.js";

/** What the runtime of one plugin config shares with its streams. */
export interface PluginRuntime {
  plugin: PluginDefinition<unknown>;
  config: unknown;
  /** The seeded generator, or null for real randomness. */
  rng: SplitMix64 | null;
  log(level: LogLevelName, message: string): void;
}

type StreamHook = "decodeHeaders" | "decodeData" | "decodeTrailers" | "encodeHeaders" | "encodeData" | "encodeTrailers";

/**
 * The Go side of one stream, behaving as the compiled plugin's runtime (golangfilter) does:
 * creates the plugin's filter at the first entry, dispatches each entry to its hook (a
 * missing hook passes its phase with Continue), and turns a throw, or a status Envoy would
 * act on wrongly, into Envoy's panic reply plus the error log
 * `panic in plugin "<name>" <hook>: <message>`. Also records the trace: every entry, with
 * the status Envoy got.
 */
export class PluginFilter implements GoEntryPoints {
  readonly trace: TraceEntry[] = [];
  golang!: GolangFilter;
  private filter: Filter | null = null;
  private created = false;
  /** The direction whose decode/encode hook is running, null between hooks. */
  private current: ProcessorState | null = null;
  /** sendLocalReply succeeded during the current hook. */
  private replied = false;
  private readonly ctx: FilterContext;

  constructor(private readonly runtime: PluginRuntime) {
    this.ctx = { log: this.makeLogger(), sendLocalReply: (...args) => this.sendLocalReply(...args) };
  }

  onHeader(state: ProcessorState, map: EnvoyHeaderMap, endStream: boolean): number {
    const trailers = state.state === FilterState.ProcessingTrailer;
    const hook: StreamHook = trailers
      ? state.encoding ? "encodeTrailers" : "decodeTrailers"
      : state.encoding ? "encodeHeaders" : "decodeHeaders";
    const what = `${state.encoding ? "response" : "request"} ${trailers ? "trailers" : "headers"}`;
    const options = { capi: this.golang, state, trailers, count: map.size, what, readOnly: false };
    const status = this.runHook(state, hook, endStream, (f) => {
      switch (hook) {
        case "decodeHeaders":
          return f.decodeHeaders?.(new RuntimeRequestHeaders(options), endStream);
        case "encodeHeaders":
          return f.encodeHeaders?.(new RuntimeResponseHeaders(options), endStream);
        case "decodeTrailers":
          return f.decodeTrailers?.(new RuntimeHeaderMap(options));
        default:
          return f.encodeTrailers?.(new RuntimeHeaderMap(options));
      }
    });
    this.trace.push(trailers ? { hook, status: statusName(status) } : { hook, endStream, status: statusName(status) });
    return status;
  }

  onData(state: ProcessorState, chunk: ByteBuffer, endStream: boolean): number {
    const hook: StreamHook = state.encoding ? "encodeData" : "decodeData";
    const status = this.runHook(state, hook, endStream, (f) => {
      const buffer = new RuntimeBodyBuffer(this.golang, state, chunk);
      return state.encoding ? f.encodeData?.(buffer, endStream) : f.decodeData?.(buffer, endStream);
    });
    this.trace.push({ hook, endStream, status: statusName(status) });
    return status;
  }

  onStreamComplete(): void {
    this.trace.push({ hook: "onStreamComplete" });
    if (this.filter?.onStreamComplete === undefined) return;
    this.runQuietly("onStreamComplete", (f) => f.onStreamComplete?.());
  }

  onLog(maps: StreamMaps): void {
    this.trace.push({ hook: "onLog" });
    const failure = this.ensureFilter();
    if (failure !== null) {
      this.logPanic("create", failure);
      return;
    }
    if (this.filter?.onLog === undefined) return;
    const view = (state: ProcessorState, trailers: boolean, map: EnvoyHeaderMap | null, what: string) =>
      map === null || map.size === 0
        ? undefined
        : new RuntimeHeaderMap({ capi: this.golang, state, trailers, count: map.size, what: `${what} of a log entry`, readOnly: true });
    const entry: LogEntry = {
      requestHeaders: view(this.golang.decoding, false, maps.requestHeaders, "request headers"),
      requestTrailers: view(this.golang.decoding, true, maps.requestTrailers, "request trailers"),
      responseHeaders: view(this.golang.encoding, false, maps.responseHeaders, "response headers"),
      responseTrailers: view(this.golang.encoding, true, maps.responseTrailers, "response trailers"),
    };
    this.runQuietly("onLog", (f) => f.onLog?.(entry));
  }

  onDestroy(reason: "Normal" | "Terminate"): void {
    this.trace.push({ hook: "onDestroy", reason });
    if (this.filter?.onDestroy === undefined) return;
    const value = reason === "Terminate" ? DestroyReason.Terminate : DestroyReason.Normal;
    this.runQuietly("onDestroy", (f) => f.onDestroy?.(value));
  }

  /** Runs a decode/encode hook and returns the status Envoy gets. */
  private runHook(state: ProcessorState, hook: StreamHook, endStream: boolean, call: (f: Filter) => unknown): number {
    this.current = state;
    this.replied = false;
    try {
      const failure = this.ensureFilter();
      if (failure !== null) return this.fail(state, "create", failure);
      let status: number = GolangStatus.Continue;
      let thrown: { err: unknown } | null = null;
      try {
        if (this.filter !== null) {
          const result = withSeededGlobals(this.runtime.rng, () => call(this.filter!));
          if (result !== undefined) status = typeof result === "number" ? result : Number.NaN;
        }
      } catch (err) {
        thrown = { err };
      }
      if (thrown !== null) return this.fail(state, hook, panicText(thrown.err));
      const problem = statusProblem(hook, status, endStream, this.replied);
      return problem === null ? status : this.fail(state, hook, problem);
    } finally {
      this.current = null;
    }
  }

  /** Creates the plugin's filter on the first entry; returns the panic text if create throws. */
  private ensureFilter(): string | null {
    if (this.created) return null;
    this.created = true;
    try {
      this.filter = withSeededGlobals(this.runtime.rng, () => this.runtime.plugin.create(this.ctx, this.runtime.config));
      return null;
    } catch (err) {
      return panicText(err);
    }
  }

  /** Logs a failed hook and asks Envoy for its panic reply (500). */
  private fail(state: ProcessorState, hook: string, message: string): number {
    this.logPanic(hook, message);
    const status = this.golang.sendPanicReply(state);
    if (status !== "ok") {
      this.runtime.log("error", `plugin ${goQuote(this.runtime.plugin.name)} ${hook}: cannot send the panic reply: ${capiErrorText(status)}`);
    }
    return GolangStatus.LocalReply;
  }

  /** A hook that can no longer answer the client: a throw is only logged. */
  private runQuietly(hook: HookName, call: (f: Filter) => unknown): void {
    try {
      if (this.filter !== null) withSeededGlobals(this.runtime.rng, () => call(this.filter!));
    } catch (err) {
      this.logPanic(hook, panicText(err));
    }
  }

  private logPanic(hook: string, message: string): void {
    this.runtime.log("error", `panic in plugin ${goQuote(this.runtime.plugin.name)} ${hook}: ${message}`);
  }

  private sendLocalReply(status: number, body: string, headers?: Record<string, string>, details?: string): Status {
    const state = this.current;
    if (state === null) throw new RuntimePanic("sendLocalReply called outside a request or response hook");
    if (!(status >= 200 && status <= 599)) throw new RuntimePanic(`sendLocalReply: status ${String(status)} is not in 200..599`);
    const pairs = Object.entries(headers ?? {}).map(([k, v]): [string, string] => [k, String(v)]);
    for (const [name, value] of pairs) {
      const problem = headerProblem(name, value);
      if (problem !== null) throw new RuntimePanic(`sendLocalReply: ${problem}`);
    }
    // Without a gRPC status of its own, the runtime passes the one Envoy derives from the HTTP status.
    const result = this.golang.sendLocalReply(state, status, String(body), pairs, httpToGrpcStatus(status), details ?? "");
    if (result !== "ok") throw new RuntimePanic(`sendLocalReply: ${capiErrorText(result)}`);
    this.replied = true;
    return Status.LocalReply;
  }

  private makeLogger(): Logger {
    const at = (level: LogLevelName) => (message: string) => this.runtime.log(level, String(message));
    return { trace: at("trace"), debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), critical: at("critical") };
  }
}

/**
 * The runtime's check of a returned status: one Envoy would wait on forever, ignore, or
 * misread becomes a panic reply instead (golangfilter's statusProblem).
 */
export function statusProblem(hook: StreamHook, status: number, endStream: boolean, replied: boolean): string | null {
  switch (status) {
    case GolangStatus.Running:
    case GolangStatus.Continue:
      return null;
    case GolangStatus.LocalReply:
      return replied ? null : "LocalReply returned without sendLocalReply";
    case GolangStatus.StopAndBuffer:
    case GolangStatus.StopAndBufferWatermark:
    case GolangStatus.StopNoBuffer: {
      const isData = hook === "decodeData" || hook === "encodeData";
      const isHeaders = hook === "decodeHeaders" || hook === "encodeHeaders";
      if (!isData && !(isHeaders && status !== GolangStatus.StopNoBuffer)) return `${statusName(status)} is not a valid status for ${hook}`;
      if (endStream) return `${statusName(status)} returned at the end of the stream: there is no more body to wait for`;
      return null;
    }
  }
  return `${Number.isInteger(status) ? status : "NaN"} is not a valid status`;
}
