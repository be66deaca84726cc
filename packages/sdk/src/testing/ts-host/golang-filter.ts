import { ByteBuffer } from "./body-buffer.js";
import type { CapiStatus } from "./capi-status.js";
import type { LocalReplyRecord } from "../protocol.js";
import { lowerAscii, type EnvoyHeaderMap } from "./header-map.js";
import { isIpAuthority } from "./ip-address.js";
import { MapCapi } from "./map-capi.js";
import { FilterState, ProcessorState, type DirectionCallbacks, type LocalReplyRequest } from "./processor-state.js";

/** The Go side as Envoy's golang filter calls it (the exported entry points of the .so). */
export interface GoEntryPoints {
  /** Envoy runs the Continue a Go thread posted (the host traces it). */
  onContinue(status: number): void;
  /** envoyGoFilterOnHttpHeader: headers, or trailers when the state is ProcessingTrailer. */
  onHeader(state: ProcessorState, map: EnvoyHeaderMap, endStream: boolean): number;
  /** envoyGoFilterOnHttpData, with the chunk Go may read and change. */
  onData(state: ProcessorState, buffer: ByteBuffer, endStream: boolean): number;
  onStreamComplete(): void;
  onLog(maps: StreamMaps): void;
  onDestroy(reason: "Normal" | "Terminate"): void;
}

export interface StreamMaps {
  requestHeaders: EnvoyHeaderMap | null;
  requestTrailers: EnvoyHeaderMap | null;
  responseHeaders: EnvoyHeaderMap | null;
  responseTrailers: EnvoyHeaderMap | null;
}

export type { CapiError, CapiStatus } from "./capi-status.js";

export const PANIC_REPLY_BODY = "error happened in filter\r\n";

/** Posts a task to the worker's dispatcher; `fromGoThread` marks a post made off the worker. */
export type Post = (task: () => void, fromGoThread: boolean) => void;

/**
 * Envoy's golang HTTP filter (golang_filter.cc): feeds headers, data and trailers to Go per
 * direction, buffers as the returned statuses ask (also while Go runs a hook asynchronously),
 * resumes when Go continues, and implements the C API calls bound to a direction. Calls carry
 * `offThread` when Go makes them from a goroutine: Envoy then posts instead of acting, or
 * refuses (injectData is the reverse).
 */
export class GolangFilter {
  readonly decoding: ProcessorState;
  readonly encoding: ProcessorState;
  /** The header map and body chunk calls. */
  readonly maps = new MapCapi(this);
  /** httpRequest.configId != 0: Go has been entered for this stream. */
  private entered = false;
  private destroyed = false;
  /** is_golang_processing_log */
  private logging = false;
  /** The first local reply that ran (what the filter asked for, before the encode hooks). */
  localReply: LocalReplyRecord | null = null;

  constructor(
    private readonly go: GoEntryPoints,
    decoderCallbacks: DirectionCallbacks,
    encoderCallbacks: DirectionCallbacks,
    private readonly post: Post,
  ) {
    this.decoding = new ProcessorState(false, decoderCallbacks, () => this.logging);
    this.encoding = new ProcessorState(true, encoderCallbacks, () => this.logging);
  }

  // ---- the stream filter interface the filter manager calls; true means Continue ----

  decodeHeaders(headers: EnvoyHeaderMap, endStream: boolean): boolean {
    this.decoding.endStream = endStream;
    return this.doHeaders(this.decoding, headers, endStream);
  }

  /** Returns true (Continue) with `data` holding what may pass on, or false (StopIterationNoBuffer). */
  decodeData(data: ByteBuffer, endStream: boolean): boolean {
    return this.dataFrame(this.decoding, data, endStream);
  }

  decodeTrailers(trailers: EnvoyHeaderMap): boolean {
    return this.doTrailer(this.decoding, trailers);
  }

  encodeHeaders(headers: EnvoyHeaderMap, endStream: boolean): boolean {
    this.encoding.endStream = endStream;
    return this.doHeaders(this.encoding, headers, endStream);
  }

  encodeData(data: ByteBuffer, endStream: boolean): boolean {
    return this.dataFrame(this.encoding, data, endStream);
  }

  encodeTrailers(trailers: EnvoyHeaderMap): boolean {
    return this.doTrailer(this.encoding, trailers);
  }

  onStreamComplete(): void {
    if (!this.entered) return;
    this.logging = true;
    try {
      this.go.onStreamComplete();
    } finally {
      this.logging = false;
    }
  }

  log(maps: StreamMaps): void {
    this.entered = true;
    // Envoy attaches the maps to the states so Go can read them during the call.
    if (maps.requestHeaders) this.decoding.headers = maps.requestHeaders;
    if (maps.requestTrailers) this.decoding.trailers = maps.requestTrailers;
    if (maps.responseHeaders) this.encoding.headers = maps.responseHeaders;
    if (maps.responseTrailers) this.encoding.trailers = maps.responseTrailers;
    this.logging = true;
    try {
      this.go.onLog(maps);
    } finally {
      this.logging = false;
    }
  }

  onDestroy(): void {
    if (!this.entered || this.destroyed) return;
    this.destroyed = true;
    const terminate = this.decoding.isProcessingInGo() || this.encoding.isProcessingInGo();
    this.go.onDestroy(terminate ? "Terminate" : "Normal");
  }

  /** Filter::hasDestroyed. */
  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Filter::isProcessingInGo: what the request-level C API calls require. */
  isProcessingInGo(): boolean {
    return this.decoding.isProcessingInGo() || this.encoding.isProcessingInGo();
  }

  // ---- the C API Go calls ----

  /**
   * envoyGoFilterHttpSendLocalReply: accepted only while Go processes `state`; always
   * posted. Envoy keeps the headers with a non-empty value, lower-cased.
   */
  sendLocalReply(
    state: ProcessorState,
    status: number,
    body: string,
    headers: [string, string][],
    grpcStatus: number,
    details: string,
    offThread: boolean,
  ): CapiStatus {
    const kept = headers.filter(([, v]) => v !== "").map(([k, v]): [string, string] => [lowerAscii(k), v]);
    return this.postLocalReply(state, { status, body, headers: kept, grpcStatus, details }, offThread);
  }

  /** envoyGoFilterHttpSendPanicReply: a 500 whose details Envoy only logs. */
  sendPanicReply(state: ProcessorState, offThread: boolean): CapiStatus {
    return this.postLocalReply(state, { status: 500, body: PANIC_REPLY_BODY, headers: [], grpcStatus: 0, details: "" }, offThread);
  }

  private postLocalReply(state: ProcessorState, reply: LocalReplyRequest, offThread: boolean): CapiStatus {
    const problem = this.checkState(state);
    if (problem !== "ok") return problem;
    this.post(() => {
      if (this.destroyed) return;
      this.localReply ??= { status: reply.status, body: reply.body, headers: reply.headers, details: reply.details };
      state.doDataList = [];
      state.drainBufferData();
      state.sendLocalReply(reply);
    }, offThread);
    return "ok";
  }

  /** envoyGoFilterHttpContinue: Go ends an asynchronous hook; always posted. */
  continueStatus(state: ProcessorState, status: number): CapiStatus {
    const problem = this.checkState(state);
    if (problem !== "ok") return problem;
    this.post(() => {
      if (this.destroyed) return;
      this.go.onContinue(status);
      this.continueStatusInternal(state, status);
    }, true);
    return "ok";
  }

  /**
   * envoyGoFilterHttpAddData. On the worker it reaches the filter manager at once; from a Go
   * thread it is posted (CAPIYield, which the runtime takes as success: "yield").
   */
  addData(state: ProcessorState, data: Uint8Array, streaming: boolean, offThread: boolean): CapiStatus | "yield" {
    if (!state.isProcessingInGo()) return "CAPINotInGo";
    // Adding data while Go holds a chunk would break the golang filter's buffer bookkeeping.
    if (state.state === FilterState.ProcessingData) return "CAPIInvalidPhase";
    if (this.destroyed) return "CAPIFilterIsDestroy";
    const bytes = data.slice();
    if (!offThread) {
      state.callbacks.addData(bytes, streaming);
      return "ok";
    }
    this.post(() => {
      if (!this.destroyed) state.callbacks.addData(bytes, streaming);
    }, true);
    return "yield";
  }

  /**
   * envoyGoFilterHttpInjectData: only from a Go thread while Go processes data (a hook that
   * holds the stream back can send data on); posted, never ending the stream.
   */
  injectData(state: ProcessorState, data: Uint8Array, offThread: boolean): CapiStatus {
    const problem = this.checkState(state);
    if (problem !== "ok") return problem;
    if (state.state !== FilterState.ProcessingData) return "CAPIInvalidPhase";
    if (!offThread) return "CAPIInvalidScene";
    const bytes = data.slice();
    this.post(() => {
      if (!this.destroyed) state.callbacks.injectData(bytes, false);
    }, true);
    return "ok";
  }

  /**
   * envoyGoFilterHttpSetUpstreamOverrideHost: decoding only, an IP address with an optional
   * port. Posted from a Go thread, Envoy drops `strict` (it posts `false`).
   */
  setUpstreamOverrideHost(state: ProcessorState, host: string, strict: boolean, offThread: boolean): CapiStatus {
    const problem = this.checkState(state);
    if (problem !== "ok") return problem;
    if (state.encoding) return "CAPIInvalidPhase";
    if (!isIpAuthority(host)) return "CAPIInvalidIPAddress";
    state.callbacks.setUpstreamOverrideHost(host, offThread ? false : strict);
    return "ok";
  }

  /** The checks of cgo.cc's wrapper, then of the Filter method, in Envoy's order. */
  checkState(state: ProcessorState): CapiStatus {
    if (!state.isProcessingInGo()) return "CAPINotInGo";
    if (this.destroyed) return "CAPIFilterIsDestroy";
    return "ok";
  }

  // ---- internals (doHeaders, doData, doTrailer in golang_filter.cc) ----

  private dataFrame(state: ProcessorState, data: ByteBuffer, endStream: boolean): boolean {
    state.endStream = endStream;
    const done = this.doData(state, data, endStream);
    if (done) data.bytes = state.moveOutDoDataList();
    return done;
  }

  private doHeaders(state: ProcessorState, headers: EnvoyHeaderMap, endStream: boolean): boolean {
    this.entered = true;
    state.headers = headers;
    state.processHeader(endStream);
    const status = this.go.onHeader(state, headers, endStream);
    const done = state.handleHeaderStatus(status);
    if (done) state.headers = null;
    return done;
  }

  private doDataGo(state: ProcessorState, data: ByteBuffer, endStream: boolean): boolean {
    state.processData(endStream);
    const chunk = new ByteBuffer(data.take());
    state.doDataList.push(chunk);
    const status = this.go.onData(state, chunk, endStream);
    return state.handleDataStatus(status);
  }

  private doData(state: ProcessorState, data: ByteBuffer, endStream: boolean): boolean {
    switch (state.state) {
      case FilterState.WaitingData:
        return this.doDataGo(state, data, endStream);
      case FilterState.WaitingAllData:
        if (endStream) {
          if (!state.isBufferDataEmpty()) {
            // The whole body: what was buffered, then this last chunk.
            state.addBufferData(data);
            data.bytes = state.getBufferData().take();
          }
          return this.doDataGo(state, data, endStream);
        }
        state.addBufferData(data);
        return false;
      case FilterState.ProcessingHeader:
      case FilterState.ProcessingData:
        state.addBufferData(data);
        return false;
      default:
        // Envoy logs "unexpected state"; the chunk is not passed on.
        return false;
    }
  }

  private doTrailerGo(state: ProcessorState, trailers: EnvoyHeaderMap): boolean {
    state.processTrailer();
    const status = this.go.onHeader(state, trailers, true);
    return state.handleTrailerStatus(status);
  }

  /** Filter::continueStatusInternal: Go continued `state` with `status`. */
  private continueStatusInternal(state: ProcessorState, status: number): void {
    const saved = state.state;
    if (state.handleGolangStatus(status)) {
      switch (saved) {
        case FilterState.ProcessingHeader:
          // With more frames already buffered, they go on as data (injected) instead.
          if (state.doEndStream || !state.isStreamEnd()) state.callbacks.continueProcessing();
          break;
        case FilterState.ProcessingData:
          state.continueDoData();
          break;
        case FilterState.ProcessingTrailer:
          state.continueDoData();
          if (this.destroyed) return;
          state.callbacks.continueProcessing();
          break;
        default:
          break;
      }
      if (this.destroyed) return;
    }
    // Frames that arrived while Go was busy.
    const current = state.state as FilterState;
    if (
      (current === FilterState.WaitingData && (!state.isBufferDataEmpty() || state.endStream)) ||
      (current === FilterState.WaitingAllData && state.isStreamEnd())
    ) {
      if (!this.doDataGo(state, state.getBufferData(), state.endStream)) return;
      state.continueDoData();
      if (this.destroyed) return;
    }
    if ((state.state as FilterState) === FilterState.WaitingTrailer && state.trailers !== null) {
      if (this.doTrailerGo(state, state.trailers)) state.callbacks.continueProcessing();
    }
  }

  private doTrailer(state: ProcessorState, trailers: EnvoyHeaderMap): boolean {
    state.trailers = trailers;
    switch (state.state) {
      case FilterState.WaitingTrailer:
      case FilterState.WaitingData:
        return this.doTrailerGo(state, trailers);
      case FilterState.WaitingAllData:
        if (!state.isBufferDataEmpty()) {
          // Go gets the buffered body first (not the end of the stream: trailers follow).
          let done = this.doDataGo(state, state.getBufferData(), false);
          // doDataGo changed the state (TypeScript cannot see that through the call).
          if ((state.state as FilterState) === FilterState.WaitingTrailer) {
            state.continueDoData();
            done = this.doTrailerGo(state, trailers);
          }
          return done;
        }
        state.continueDoData();
        return this.doTrailerGo(state, trailers);
      default:
        // Still processing an earlier frame (or done): nothing to do now.
        return false;
    }
  }
}
