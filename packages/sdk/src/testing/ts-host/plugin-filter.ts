import type { FilterContext } from "../../context.js";
import type { Filter, LogEntry } from "../../filter.js";
import type { PluginDefinition } from "../../plugin.js";
import { DestroyReason } from "../../status.js";
import type { HookName, LogLevelName, TraceEntry } from "../protocol.js";
import type { SplitMix64 } from "../random.js";
import type { ByteBuffer } from "./body-buffer.js";
import type { ConsumerRegistry } from "./consumer-registry.js";
import type { GoEntryPoints, GolangFilter, StreamMaps } from "./golang-filter.js";
import type { EnvoyHeaderMap } from "./header-map.js";
import { isAsyncFunction, isThenable, runInScope, type HookScope } from "./hook-scope.js";
import { FilterState, type ProcessorState } from "./processor-state.js";
import { RuntimeBodyBuffer } from "./runtime-body-buffer.js";
import { createFilterContext, type ContextServices } from "./runtime-context.js";
import { capiErrorText, goQuote, panicText } from "./runtime-errors.js";
import { copiesOnRead, RuntimeHeaderMap, RuntimeRequestHeaders, RuntimeResponseHeaders } from "./runtime-header-map.js";
import { GolangStatus, statusName } from "./status-names.js";

/** What the runtime of one plugin config shares with its streams. */
export interface PluginRuntime {
  plugin: PluginDefinition<unknown, unknown>;
  /** What `configure` made of the config (the decoded config when there is no configure). */
  config: unknown;
  /** The seeded generator, or null for real randomness. */
  rng: SplitMix64 | null;
  log(level: LogLevelName, message: string): void;
  /** envoyGoFilterLogLevel. */
  logLevel(): number;
  /** The golang filter's generic secrets. */
  secrets: ReadonlyMap<string, string>;
  /** Envoy's worker count announced with the config. */
  concurrency: number;
  /** The library's consumer registry at the time of the call; undefined before any was loaded. */
  consumers(): ConsumerRegistry | undefined;
}

type StreamHook = "decodeHeaders" | "decodeData" | "decodeTrailers" | "encodeHeaders" | "encodeData" | "encodeTrailers";

/**
 * The Go side of one stream, behaving as the compiled plugin's runtime (golangfilter) does:
 * creates the plugin's filter at the first entry, dispatches each entry to its hook (a
 * missing hook passes its phase with Continue), and turns a throw, or a status Envoy would
 * act on wrongly, into Envoy's panic reply plus the error log
 * `panic in plugin "<name>" <hook>: <message>`. An `async` hook runs "on a goroutine": Envoy
 * gets Running, and the hook's result continues the stream later. Also records the trace.
 */
export class PluginFilter implements GoEntryPoints {
  readonly trace: TraceEntry[] = [];
  private golang!: GolangFilter;
  private ctx!: FilterContext;
  private filter: Filter | null = null;
  private created = false;
  /** Async hooks whose promise has not settled. */
  private readonly pending = new Set<HookScope>();
  /**
   * The message of a panic whose reply Envoy refused because the direction was not
   * processing (CAPINotInGo, an async hook that went on after its own local reply): the
   * stream's next entry sends it, as the runtime (and Envoy's own Go SDK) does.
   */
  private pendingPanic: string | null = null;

  constructor(
    private readonly runtime: PluginRuntime,
    /** Called when an async hook settles, so the stream loop wakes up. */
    private readonly settled: () => void,
  ) {}

  /** Connects the runtime to Envoy's side of the stream; must precede the first entry. */
  attach(services: Omit<ContextServices, "log" | "logLevel" | "consumers">): void {
    this.golang = services.golang;
    this.ctx = createFilterContext({
      ...services,
      log: (l, m) => this.runtime.log(l, m),
      logLevel: () => this.runtime.logLevel(),
      consumers: () => this.runtime.consumers(),
    });
  }

  /** An async hook is still running. */
  get hasPendingHooks(): boolean {
    return this.pending.size > 0;
  }

  /** An async hook is still running and has not sent a local reply (its last call is to come). */
  get hasUnansweredHooks(): boolean {
    return [...this.pending].some((scope) => !scope.replied);
  }

  onContinue(status: number): void {
    this.trace.push({ hook: "continue", status: statusName(status) });
  }

  onHeader(state: ProcessorState, map: EnvoyHeaderMap, endStream: boolean): number {
    const trailers = state.state === FilterState.ProcessingTrailer;
    const hook: StreamHook = trailers
      ? state.encoding ? "encodeTrailers" : "decodeTrailers"
      : state.encoding ? "encodeHeaders" : "decodeHeaders";
    const what = `${state.encoding ? "response" : "request"} ${trailers ? "trailers" : "headers"}`;
    const copyOnRead = copiesOnRead(trailers, map.size, false);
    const options = { capi: this.golang.maps, state, trailers, count: map.size, what, readOnly: false, copyOnRead };
    const status = this.answerPendingPanic(state) ?? this.runHook(state, hook, endStream, (f) => {
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
    const status = this.answerPendingPanic(state) ?? this.runHook(state, hook, endStream, (f) => {
      const buffer = new RuntimeBodyBuffer(this.golang.maps, state, chunk);
      return state.encoding ? f.encodeData?.(buffer, endStream) : f.decodeData?.(buffer, endStream);
    });
    this.trace.push({ hook, endStream, status: statusName(status) });
    return status;
  }

  onStreamComplete(): void {
    this.trace.push({ hook: "onStreamComplete" });
    this.runQuietly("onStreamComplete", (f) => f.onStreamComplete?.());
  }

  onLog(maps: StreamMaps): void {
    this.trace.push({ hook: "onLog" });
    const failure = this.ensureFilter(this.scope(null, "onLog", false));
    if (failure !== null) {
      this.logPanic("create", failure);
      return;
    }
    if (this.filter?.onLog === undefined) return;
    const view = (state: ProcessorState, trailers: boolean, map: EnvoyHeaderMap | null, what: string) =>
      map === null || map.size === 0
        ? undefined
        : new RuntimeHeaderMap({
            capi: this.golang.maps,
            state,
            trailers,
            count: map.size,
            what: `${what} of a log entry`,
            readOnly: true,
            copyOnRead: copiesOnRead(trailers, map.size, true),
          });
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
    const value = reason === "Terminate" ? DestroyReason.Terminate : DestroyReason.Normal;
    this.runQuietly("onDestroy", (f) => f.onDestroy?.(value));
  }

  /** Runs a decode/encode hook and returns the status Envoy gets. */
  private runHook(state: ProcessorState, hook: StreamHook, endStream: boolean, call: (f: Filter) => unknown): number {
    // create() runs in the first hook's scope, as the runtime creates the filter inside that
    // entry: a sendLocalReply there counts for the hook.
    const scope = this.scope(state, hook, false);
    const failure = this.ensureFilter(scope);
    if (failure !== null) return this.fail(state, "create", failure, false);
    const filter = this.filter;
    if (filter === null || filter[hook] === undefined) return GolangStatus.Continue;
    if (isAsyncFunction(filter[hook])) {
      scope.offThread = true;
      return this.awaitAsync(scope, endStream, () => call(filter));
    }
    let result: unknown;
    try {
      result = runInScope(scope, () => call(filter));
    } catch (err) {
      return this.fail(state, hook, panicText(err), false);
    }
    if (isThenable(result)) {
      // An async hook a transpiler turned into a plain function: async from here on.
      scope.offThread = true;
      return this.awaitAsync(scope, endStream, () => result);
    }
    const status = statusOf(result);
    const problem = statusProblem(hook, status, endStream, scope.replied);
    return problem === null ? status : this.fail(state, hook, problem, false);
  }

  /**
   * The runtime runs an async hook on a goroutine and tells Envoy Running. When the hook ends,
   * the goroutine continues the stream with its status; a local reply (the hook's, or the panic
   * reply for a rejection or a bad status) is the end instead, with no Continue.
   */
  private awaitAsync(scope: HookScope, endStream: boolean, call: () => unknown): number {
    this.pending.add(scope);
    const finish = (status: number | { panic: string }) => {
      this.pending.delete(scope);
      this.finishAsync(scope, endStream, status);
      this.settled();
    };
    try {
      Promise.resolve(runInScope(scope, call)).then(
        (result) => finish(statusOf(result)),
        (err: unknown) => finish({ panic: panicText(err) }),
      );
    } catch (err) {
      finish({ panic: panicText(err) });
    }
    return GolangStatus.Running;
  }

  private finishAsync(scope: HookScope, endStream: boolean, outcome: number | { panic: string }): void {
    const state = scope.state!;
    const hook = scope.hook as StreamHook;
    if (typeof outcome !== "number") {
      this.fail(state, hook, outcome.panic, true);
      return;
    }
    const problem = outcome === GolangStatus.Running ? "Running is not a valid result of an async hook" : statusProblem(hook, outcome, endStream, scope.replied);
    if (problem !== null) {
      this.fail(state, hook, problem, true);
      return;
    }
    if (outcome === GolangStatus.LocalReply) return;
    const status = this.golang.continueStatus(state, outcome);
    if (status !== "ok") this.runtime.log("error", `plugin ${goQuote(this.runtime.plugin.name)} ${hook}: cannot continue: ${capiErrorText(status)}`);
  }

  private scope(state: ProcessorState | null, hook: string, offThread: boolean): HookScope {
    return { state, hook, offThread, replied: false, rng: this.runtime.rng };
  }

  /** Creates the plugin's filter on the first entry; returns the panic text if create throws. */
  private ensureFilter(scope: HookScope): string | null {
    if (this.created) return null;
    this.created = true;
    try {
      this.filter = runInScope(scope, () => this.runtime.plugin.create(this.ctx, this.runtime.config));
      return null;
    } catch (err) {
      return panicText(err);
    }
  }

  /**
   * Logs a failed hook and asks Envoy for its panic reply (500). When Envoy refuses it
   * because the direction is not processing, the next entry sends it (answerPendingPanic).
   */
  private fail(state: ProcessorState, hook: string, message: string, offThread: boolean): number {
    this.logPanic(hook, message);
    const status = this.golang.sendPanicReply(state, offThread);
    if (status !== "ok") {
      this.runtime.log("error", `plugin ${goQuote(this.runtime.plugin.name)} ${hook}: cannot send the panic reply: ${capiErrorText(status)}`);
      if (status === "CAPINotInGo") this.pendingPanic = message;
    }
    return GolangStatus.LocalReply;
  }

  /**
   * At an entry into Go: the panic reply an earlier hook could not send goes out now, on
   * this entry's direction, instead of running the hook (the entry answers LocalReply).
   * Returns undefined when there was none.
   */
  private answerPendingPanic(state: ProcessorState): number | undefined {
    if (this.pendingPanic === null) return undefined;
    this.pendingPanic = null;
    const status = this.golang.sendPanicReply(state, false);
    if (status !== "ok" && status !== "CAPIFilterIsDestroy" && status !== "CAPIFilterIsGone") {
      this.runtime.log("error", `plugin ${goQuote(this.runtime.plugin.name)}: cannot send the panic reply: ${capiErrorText(status)}`);
    }
    return GolangStatus.LocalReply;
  }

  /** A hook that can no longer answer the client: a throw is only logged. */
  private runQuietly(hook: HookName, call: (f: Filter) => unknown): void {
    const filter = this.filter;
    if (filter === null || filter[hook as keyof Filter] === undefined) return;
    if (isAsyncFunction(filter[hook as keyof Filter])) {
      this.logPanic(hook, `${hook} cannot be async`);
      return;
    }
    try {
      const result = runInScope(this.scope(null, hook, false), () => call(filter));
      if (isThenable(result)) {
        Promise.resolve(result).catch(() => undefined);
        this.logPanic(hook, `${hook} cannot be async`);
      }
    } catch (err) {
      this.logPanic(hook, panicText(err));
    }
  }

  private logPanic(hook: string, message: string): void {
    this.runtime.log("error", `panic in plugin ${goQuote(this.runtime.plugin.name)} ${hook}: ${message}`);
  }
}

/** A hook's return value as a status: nothing is Continue; anything but a number is invalid. */
function statusOf(result: unknown): number {
  if (result === undefined) return GolangStatus.Continue;
  return typeof result === "number" ? result : Number.NaN;
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
