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
}

export interface LogLine {
  level: LogLevelName;
  message: string;
}

export type ConfigAnswer =
  | { op: "config"; ok: true; configId: number; logs: LogLine[] }
  | { op: "config"; ok: false; error: string; logs: LogLine[] };

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
  /** How long the native host waits for Go threads before a stalled stream times out. */
  idleTimeoutMs?: number;
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
}

export interface ProtocolError {
  op: "error";
  error: string;
}

export const LOG_LEVEL_NAMES: readonly LogLevelSetting[] = ["trace", "debug", "info", "warn", "error", "critical", "off"];
