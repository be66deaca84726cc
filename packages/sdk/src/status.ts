/**
 * What a hook tells Envoy to do next. The numeric values are Envoy's golang-filter
 * status codes, so traces from the TypeScript host and the native host line up.
 */
export enum Status {
  /** A local reply was sent; Envoy does nothing more for this phase. */
  LocalReply = 1,
  /** Proceed to the next filter. Returning nothing means the same. */
  Continue = 2,
  /**
   * Buffer the body, then call the data hook once at its end. From a headers hook that call has
   * the whole body; from a data hook it has only the rest: the chunk of the returning call is
   * held (out of sight) and passed on with the rest, as Envoy does.
   */
  StopAndBuffer = 3,
  /** Buffer with flow control; the data hook keeps being called per chunk. */
  StopAndBufferWatermark = 4,
  /** (data hooks only) Drop this chunk (Envoy does not pass it on) and wait for more. */
  StopNoBuffer = 5,
}

/** Why a stream ended: `Terminate` means it was reset while the filter was still working. */
export enum DestroyReason {
  Normal = 0,
  Terminate = 1,
}

/** What a hook may return; nothing (`void`) means `Status.Continue`. */
export type HookResult = Status | void;
