import type { Consumer } from "../../consumer.js";
import type { DecoderControls, DirectionControls, FilterContext } from "../../context.js";
import type { Logger } from "../../log.js";
import { LogLevel } from "../../log.js";
import type { DynamicMetadata, FilterState, FilterStateOptions } from "../../state.js";
import { Status } from "../../status.js";
import type { StreamInfo } from "../../stream-info.js";
import {
  CONSUMER_FILTER_STATE_KEY,
  CONSUMER_LIFE_SPAN,
  CONSUMER_METADATA_KEY,
  CONSUMER_METADATA_NAMESPACE,
  CONSUMER_STREAM_SHARING,
} from "../consumers-config.js";
import type { LogLevelName } from "../protocol.js";
import { utf8 } from "./bytes.js";
import { CapiFailure, type CapiResult, type CapiStatus } from "./capi-status.js";
import type { ConsumerRegistry } from "./consumer-registry.js";
import type { GolangFilter } from "./golang-filter.js";
import { currentScope, isOffThread } from "./hook-scope.js";
import { httpToGrpcStatus } from "./local-reply.js";
import type { ProcessorState } from "./processor-state.js";
import { capiErrorText, headerProblem, RuntimePanic } from "./runtime-errors.js";
import type { IntegerValueName, StreamCapi, StringValueName } from "./stream-capi.js";
import { PROTOCOLS, type StreamData } from "./stream-data.js";

/** What the runtime's FilterContext reaches: Envoy's C API for the stream, and the log. */
export interface ContextServices {
  golang: GolangFilter;
  capi: StreamCapi;
  data: StreamData;
  log(level: LogLevelName, message: string): void;
  /** envoyGoFilterLogLevel: 0 (trace) .. 5 (critical), 6 when logging is off. */
  logLevel(): number;
  /** The library's consumer registry now; undefined before any was loaded. */
  consumers(): ConsumerRegistry | undefined;
}

/** The FilterContext the compiled runtime gives each stream, over Envoy's C API. */
export function createFilterContext(s: ContextServices): FilterContext {
  return {
    log: createLogger(s.log, s.logLevel),
    sendLocalReply: (status, body, headers, details, grpcStatus) => sendLocalReply(s.golang, status, body, headers, details, grpcStatus),
    streamInfo: createStreamInfo(s),
    metadata: createMetadata(s.capi),
    filterState: createFilterState(s.capi),
    getProperty: (path) => found(s.capi.getStringProperty(String(path)), "getProperty"),
    getSecret: (name) => value(s.capi.getSecret(String(name)), "getSecret"),
    clearRouteCache: () => check(s.capi.clearRouteCache(false), "clearRouteCache"),
    refreshRouteCache: () => check(s.capi.clearRouteCache(true), "refreshRouteCache"),
    get consumer() {
      return currentConsumer(s);
    },
    lookupConsumer: (kind, credential) => s.consumers()?.owning(String(kind), String(credential)),
    setConsumer: (consumer) => setConsumer(s.capi, consumer),
    decoder: createDecoderControls(s.golang),
    encoder: createDirectionControls(s.golang, s.golang.encoding, "encoder"),
  };
}

export function createLogger(log: (level: LogLevelName, message: string) => void, level: () => number): Logger {
  const at = (name: LogLevelName) => (message: string) => log(name, String(message));
  return {
    get level(): LogLevel {
      return level() as LogLevel;
    },
    trace: at("trace"),
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    critical: at("critical"),
  };
}

function sendLocalReply(
  golang: GolangFilter,
  status: number,
  body: string,
  headers: Record<string, string> | undefined,
  details: string | undefined,
  grpcStatus: number | undefined,
): Status {
  const scope = currentScope();
  const state = scope?.state ?? null;
  if (scope === undefined || state === null) throw new RuntimePanic("sendLocalReply called outside a request or response hook");
  if (!(status >= 200 && status <= 599)) throw new RuntimePanic(`sendLocalReply: status ${String(status)} is not in 200..599`);
  if (grpcStatus !== undefined && !(Number.isInteger(grpcStatus) && grpcStatus >= 0 && grpcStatus <= 16)) {
    throw new RuntimePanic(`sendLocalReply: grpcStatus ${String(grpcStatus)} is not in 0..16`);
  }
  const pairs = Object.entries(headers ?? {}).map(([k, v]): [string, string] => [k, String(v)]);
  for (const [name, v] of pairs) {
    const problem = headerProblem(name, v);
    if (problem !== null) throw new RuntimePanic(`sendLocalReply: ${problem}`);
  }
  // Without a gRPC status of its own, the runtime passes the one Envoy derives from the HTTP status.
  const grpc = grpcStatus ?? httpToGrpcStatus(status);
  const result = golang.sendLocalReply(state, status, String(body), pairs, grpc, details ?? "", scope.offThread);
  if (result !== "ok") throw new RuntimePanic(`sendLocalReply: ${capiErrorText(result)}`);
  scope.replied = true;
  return Status.LocalReply;
}

function createStreamInfo(s: ContextServices): StreamInfo {
  const str = (name: StringValueName) => found(s.capi.getStringValue(name), `streamInfo.${name}`);
  const int = (name: IntegerValueName) => found(s.capi.getIntegerValue(name), `streamInfo.${name}`);
  return {
    get routeName() {
      return str("routeName") ?? "";
    },
    get filterChainName() {
      return str("filterChainName") ?? "";
    },
    get protocol() {
      const n = int("protocol");
      return n === undefined ? undefined : PROTOCOLS[n];
    },
    get responseCode() {
      return int("responseCode");
    },
    get responseCodeDetails() {
      return str("responseCodeDetails");
    },
    get attemptCount() {
      // Before the router has the request Envoy has no attempt count: 0.
      return int("attemptCount") ?? 0;
    },
    get downstreamLocalAddress() {
      return str("downstreamLocalAddress") ?? "";
    },
    get downstreamRemoteAddress() {
      return str("downstreamRemoteAddress") ?? "";
    },
    get upstreamLocalAddress() {
      return str("upstreamLocalAddress");
    },
    get upstreamRemoteAddress() {
      return str("upstreamRemoteAddress");
    },
    get upstreamClusterName() {
      return str("upstreamClusterName");
    },
    get virtualClusterName() {
      return str("virtualClusterName");
    },
    // httpRequest.worker_id: a field Go reads directly, no C API call.
    get workerId() {
      return s.data.info.workerId;
    },
    drainConnectionUponCompletion: () => check(s.capi.setDrainConnectionUponCompletion(), "streamInfo.drainConnectionUponCompletion"),
  };
}

function createMetadata(capi: StreamCapi): DynamicMetadata {
  const read = (api: string, namespace: string, key: string) => {
    const fields = capi.getDynamicMetadata(String(namespace));
    if (fields instanceof CapiFailure) throw new RuntimePanic(`${api}: ${capiErrorText(fields.status)}`);
    return fields.get(String(key));
  };
  return {
    getString(namespace, key) {
      const v = read("metadata.getString", namespace, key);
      return typeof v === "string" ? v : undefined;
    },
    getNumber(namespace, key) {
      const v = read("metadata.getNumber", namespace, key);
      return typeof v === "number" ? v : undefined;
    },
    getBoolean(namespace, key) {
      const v = read("metadata.getBoolean", namespace, key);
      return typeof v === "boolean" ? v : undefined;
    },
    set(namespace, key, v) {
      if (typeof v === "number" && !Number.isFinite(v)) throw new RuntimePanic(`metadata.set: ${String(v)} is not a finite number`);
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
        throw new RuntimePanic("metadata.set: the value must be a string, a number or a boolean");
      }
      // A protobuf Value holds -0 as 0 once it is written out as JSON; keep one zero.
      check(capi.setDynamicMetadata(String(namespace), String(key), Object.is(v, -0) ? 0 : v), "metadata.set");
    },
  };
}

function createFilterState(capi: StreamCapi): FilterState {
  return {
    get: (key) => value(capi.getStringFilterState(String(key)), "filterState.get"),
    set(key, v, options?: FilterStateOptions) {
      const lifeSpan = options?.lifeSpan ?? 1;
      const streamSharing = options?.streamSharing ?? 0;
      // Envoy has life spans 0..2 (TopSpan is Connection) and crashes on others.
      if (lifeSpan !== 0 && lifeSpan !== 1 && lifeSpan !== 2) throw new RuntimePanic(`filterState.set: invalid lifeSpan ${String(lifeSpan)}`);
      if (streamSharing !== 0 && streamSharing !== 1 && streamSharing !== 2) {
        throw new RuntimePanic(`filterState.set: invalid streamSharing ${String(streamSharing)}`);
      }
      check(capi.setStringFilterState(String(key), String(v), lifeSpan, streamSharing), "filterState.set");
    },
  };
}

/**
 * The consumer travels as Envoy state, not in the runtime: a filter state object (which later
 * filters, even of other libraries, read) holding its name, looked up in this library's
 * registry at each read.
 */
function currentConsumer(s: ContextServices): Consumer | undefined {
  const name = value(s.capi.getStringFilterState(CONSUMER_FILTER_STATE_KEY), "consumer");
  return name === undefined ? undefined : s.consumers()?.named(name);
}

/** Two C API calls: the filter state object, then the metadata access logs read. */
function setConsumer(capi: StreamCapi, consumer: Consumer): void {
  // Only reachable through a cast or a `!` on a lookup that found nothing (nil in Go).
  if (consumer === undefined || consumer === null) throw new RuntimePanic("setConsumer: no consumer");
  const name = String(consumer.name);
  check(capi.setStringFilterState(CONSUMER_FILTER_STATE_KEY, name, CONSUMER_LIFE_SPAN, CONSUMER_STREAM_SHARING), "setConsumer");
  check(capi.setDynamicMetadata(CONSUMER_METADATA_NAMESPACE, CONSUMER_METADATA_KEY, name), "setConsumer");
}

function createDirectionControls(golang: GolangFilter, state: ProcessorState, name: "decoder" | "encoder"): DirectionControls {
  return {
    addData(data, streaming) {
      const status = golang.addData(state, utf8(data), Boolean(streaming), isOffThread());
      if (status !== "yield") check(status, `${name}.addData`);
    },
    injectData(data) {
      check(golang.injectData(state, utf8(data), isOffThread()), `${name}.injectData`);
    },
  };
}

function createDecoderControls(golang: GolangFilter): DecoderControls {
  return {
    ...createDirectionControls(golang, golang.decoding, "decoder"),
    setUpstreamOverrideHost(host, strict) {
      check(golang.setUpstreamOverrideHost(golang.decoding, String(host), Boolean(strict), isOffThread()), "decoder.setUpstreamOverrideHost");
    },
  };
}

/** A failed call panics with `<api>: <status text>`. */
function check(status: CapiStatus, api: string): void {
  if (status !== "ok") throw new RuntimePanic(`${api}: ${capiErrorText(status)}`);
}

/** The value, or a panic. */
function value<T>(result: CapiResult<T>, api: string): T {
  if (result instanceof CapiFailure) throw new RuntimePanic(`${api}: ${capiErrorText(result.status)}`);
  return result;
}

/** The value; CAPIValueNotFound is undefined, other failures panic. */
function found<T>(result: CapiResult<T>, api: string): T | undefined {
  if (result instanceof CapiFailure && result.status === "CAPIValueNotFound") return undefined;
  return value(result, api);
}
