/**
 * The objects of the mock host protocol (docs/host-protocol.md). Both backends take and return
 * exactly these shapes, so their results can be compared with a deep equality.
 */

/** A header or trailer list: order and repeats matter. */
export type HeaderList = [string, string][];

export type LogLevelName = "trace" | "debug" | "info" | "warn" | "error" | "critical";
/** What Envoy's log level can be set to: a level, or "off". */
export type LogLevelSetting = LogLevelName | "off";

export type HookName =
  | "decodeHeaders"
  | "decodeData"
  | "decodeTrailers"
  | "encodeHeaders"
  | "encodeData"
  | "encodeTrailers"
  | "onLog"
  | "onStreamComplete"
  | "onDestroy";

export type StatusName =
  | "Running"
  | "LocalReply"
  | "Continue"
  | "StopAndBuffer"
  | "StopAndBufferWatermark"
  | "StopNoBuffer";

export type ConfigEncoding = "typed_struct" | "string_value";

export interface ConfigOp {
  op: "config";
  plugin: string;
  /** Any JSON value; with `string_value` a string is passed verbatim (to test invalid JSON). */
  config: unknown;
  encoding?: ConfigEncoding;
  seed?: number;
  /** Envoy's log level from now on (default "trace"). */
  logLevel?: LogLevelSetting;
  /** The golang filter's generic secrets (`generic_secrets`), by name. */
  secrets?: Record<string, string>;
  /** Envoy's worker count as announced to the library (default 1); fixed by the first config. */
  concurrency?: number;
}

export interface LogLine {
  level: LogLevelName;
  message: string;
}

/** The host's metrics (one stat per kind and name, shared by every config), by name. */
export interface MetricsSnapshot {
  counters: Record<string, number>;
  gauges: Record<string, number>;
  /** Every value recorded, in order. */
  histograms: Record<string, number[]>;
}

/** `metrics` is present once at least one metric has been defined on the host. */
export type ConfigAnswer =
  | { op: "config"; ok: true; configId: number; logs: LogLine[]; metrics?: MetricsSnapshot }
  | { op: "config"; ok: false; error: string; logs: LogLine[]; metrics?: MetricsSnapshot };

/** A JSON value, as dynamic metadata holds it (a protobuf `Value`). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Dynamic metadata: namespace, then key. */
export type MetadataMap = Record<string, Record<string, JsonValue>>;

/** One filter state object (a string accessor), with Envoy's life span and sharing numbers. */
export interface FilterStateEntry {
  value: string;
  /** 0 FilterChain, 1 Request, 2 Connection. */
  lifeSpan: number;
  /** 0 None, 1 SharedWithUpstreamConnection, 2 SharedWithUpstreamConnectionOnce. */
  streamSharing: number;
}

/** Input form: a bare string is `{value, lifeSpan: 0, streamSharing: 0}`. */
export type FilterStateInput = Record<string, string | { value: string; lifeSpan?: number; streamSharing?: number }>;

export type ProtocolName = "HTTP/1.0" | "HTTP/1.1" | "HTTP/2" | "HTTP/3";

/** What Envoy's StreamInfo holds for the stream; `null` where Envoy has nothing. */
export interface StreamInfoSpec {
  routeName?: string;
  filterChainName?: string;
  protocol?: ProtocolName | null;
  downstreamLocalAddress?: string;
  downstreamRemoteAddress?: string;
  upstreamLocalAddress?: string | null;
  upstreamRemoteAddress?: string | null;
  upstreamClusterName?: string | null;
  virtualClusterName?: string | null;
  attemptCount?: number;
  workerId?: number;
}

/** A body on the wire: UTF-8 text as `body`, anything else as `bodyBase64`. */
export interface WireBody {
  body?: string;
  bodyBase64?: string;
}

export interface RequestSpec extends WireBody {
  headers: HeaderList;
  chunks?: string[];
  trailers?: HeaderList;
}

export interface UpstreamSpec extends WireBody {
  status?: number;
  headers?: HeaderList;
  chunks?: string[];
  trailers?: HeaderList;
  echo?: boolean;
  /** Milliseconds (0..600000) the upstream waits, once it has the whole request, before its response headers. */
  delay?: number;
}

export interface RequestOp {
  op: "request";
  id: string;
  configId?: number;
  request: RequestSpec;
  upstream?: UpstreamSpec;
  reset?: { after: HookName };
  /** Changes Envoy's log level from this request on. */
  logLevel?: LogLevelSetting;
  /** How long the host waits for Go threads before a stalled stream times out (default 1000). */
  idleTimeoutMs?: number;
  /** Envoy's StreamInfo for this stream (defaults in docs/host-protocol.md). */
  streamInfo?: StreamInfoSpec;
  /** The attributes `getProperty` finds, by path; any other path is not found. */
  properties?: Record<string, string>;
  /** Replaces the config's secrets for this stream. */
  secrets?: Record<string, string>;
  /** Dynamic metadata other filters set before this one ran. */
  metadata?: MetadataMap;
  /** Filter state other filters set before this one ran. */
  filterState?: FilterStateInput;
}

export interface ReceivedUpstream extends WireBody {
  headers: HeaderList;
  trailers: HeaderList | null;
}

export interface ReceivedResponse extends WireBody {
  status: number;
  headers: HeaderList;
  trailers: HeaderList | null;
}

export interface LocalReplyRecord {
  status: number;
  body: string;
  headers: HeaderList;
  details: string;
}

export type RouteCacheEvent = "clear" | "refresh";

export interface TraceEntry {
  hook: HookName | "continue";
  endStream?: boolean;
  status?: StatusName;
  reason?: "Normal" | "Terminate";
}

export interface RequestResultData {
  op: "result";
  id: string;
  upstream: ReceivedUpstream | null;
  response: ReceivedResponse | null;
  localReply: LocalReplyRecord | null;
  /** How the stream was reset: by the client (`reset` in the op), locally by Envoy (a local
   * reply after the client had response headers), or null when it was not. */
  reset: "client" | "local" | null;
  trace: TraceEntry[];
  logs: LogLine[];
  /** The stream's dynamic metadata at its end; absent when empty. */
  metadata?: MetadataMap;
  /** The stream's filter state at its end; absent when empty. */
  filterState?: Record<string, FilterStateEntry>;
  /** The host's metrics after the stream; absent while none is defined. */
  metrics?: MetricsSnapshot;
  /** Each clearRouteCache ("clear") and refreshRouteCache ("refresh") call, in order; absent when none. */
  routeCache?: RouteCacheEvent[];
  /** The last upstream override host set; absent when none. */
  upstreamOverrideHost?: { host: string; strict: boolean };
  /** Present (true) when the filter asked Envoy to drain the connection. */
  drainConnection?: true;
}

export interface ProtocolError {
  op: "error";
  error: string;
}

export const LOG_LEVEL_NAMES: readonly LogLevelSetting[] = ["trace", "debug", "info", "warn", "error", "critical", "off"];
