import type { BodyBuffer } from "./buffer.js";
import type { HeaderMap, RequestHeaders, ResponseHeaders } from "./headers.js";
import type { DestroyReason, HookResult } from "./status.js";

/** The header and trailer maps of a finished stream, handed to `onLog`. */
export interface LogEntry {
  readonly requestHeaders?: HeaderMap;
  readonly requestTrailers?: HeaderMap;
  readonly responseHeaders?: HeaderMap;
  readonly responseTrailers?: HeaderMap;
}

/**
 * One filter instance handles one HTTP stream. Every hook is optional; a missing hook
 * lets that phase pass through unchanged. A hook may be `async`: Envoy then holds the stream
 * until the promise settles, and continues with its result.
 */
export interface Filter {
  decodeHeaders?(headers: RequestHeaders, endStream: boolean): HookResult | Promise<HookResult>;
  decodeData?(buffer: BodyBuffer, endStream: boolean): HookResult | Promise<HookResult>;
  decodeTrailers?(trailers: HeaderMap): HookResult | Promise<HookResult>;
  encodeHeaders?(headers: ResponseHeaders, endStream: boolean): HookResult | Promise<HookResult>;
  encodeData?(buffer: BodyBuffer, endStream: boolean): HookResult | Promise<HookResult>;
  encodeTrailers?(trailers: HeaderMap): HookResult | Promise<HookResult>;
  /** Access-log time: the maps are read-only snapshots. */
  onLog?(entry: LogEntry): void;
  onStreamComplete?(): void;
  onDestroy?(reason: DestroyReason): void;
}
