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
 * lets that phase pass through unchanged.
 */
export interface Filter {
  decodeHeaders?(headers: RequestHeaders, endStream: boolean): HookResult;
  decodeData?(buffer: BodyBuffer, endStream: boolean): HookResult;
  decodeTrailers?(trailers: HeaderMap): HookResult;
  encodeHeaders?(headers: ResponseHeaders, endStream: boolean): HookResult;
  encodeData?(buffer: BodyBuffer, endStream: boolean): HookResult;
  encodeTrailers?(trailers: HeaderMap): HookResult;
  /** Access-log time: the maps are read-only snapshots. */
  onLog?(entry: LogEntry): void;
  onStreamComplete?(): void;
  onDestroy?(reason: DestroyReason): void;
}
