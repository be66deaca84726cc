import { ByteBuffer } from "./body-buffer.js";
import type { HeaderList, LocalReplyRecord } from "../protocol.js";
import { EnvoyHeaderMap, lowerAscii } from "./header-map.js";
import { FilterState, ProcessorState, type DirectionCallbacks, type LocalReplyRequest } from "./processor-state.js";

/** The Go side as Envoy's golang filter calls it (the exported entry points of the .so). */
export interface GoEntryPoints {
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

/** A failing CAPIStatus of Envoy's C API (the ones this host can produce). */
export type CapiError = "CAPIFilterIsDestroy" | "CAPINotInGo" | "CAPIInvalidPhase";
export type CapiStatus = "ok" | CapiError;

export const PANIC_REPLY_BODY = "error happened in filter\r\n";

/**
 * Envoy's golang HTTP filter (golang_filter.cc), for a Go side whose hooks always answer
 * synchronously: feeds headers, data and trailers to Go per direction, buffers as the returned
 * statuses ask, and posts local replies to the dispatcher as Envoy does.
 */
export class GolangFilter {
  readonly decoding: ProcessorState;
  readonly encoding: ProcessorState;
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
    private readonly post: (task: () => void) => void,
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

  // ---- the C API Go calls ----

  /**
   * envoyGoFilterHttpSendLocalReply: accepted only while Go processes `state`; always
   * posted. Envoy keeps the headers with a non-empty value, lower-cased.
   */
  sendLocalReply(state: ProcessorState, status: number, body: string, headers: [string, string][], grpcStatus: number, details: string): CapiStatus {
    const kept = headers.filter(([, v]) => v !== "").map(([k, v]): [string, string] => [lowerAscii(k), v]);
    return this.postLocalReply(state, { status, body, headers: kept, grpcStatus, details });
  }

  /** envoyGoFilterHttpSendPanicReply: a 500 whose details Envoy only logs. */
  sendPanicReply(state: ProcessorState): CapiStatus {
    return this.postLocalReply(state, { status: 500, body: PANIC_REPLY_BODY, headers: [], grpcStatus: 0, details: "" });
  }

  private postLocalReply(state: ProcessorState, reply: LocalReplyRequest): CapiStatus {
    const problem = this.checkState(state);
    if (problem !== "ok") return problem;
    this.post(() => {
      if (this.destroyed) return;
      this.localReply ??= { status: reply.status, body: reply.body, headers: reply.headers, details: reply.details };
      state.doDataList = [];
      state.drainBufferData();
      state.sendLocalReply(reply);
    });
    return "ok";
  }

  /** envoyGoFilterHttpCopyHeaders / CopyTrailers. */
  copyHeaders(state: ProcessorState, trailers: boolean): HeaderList | CapiError {
    const map = this.attachedMap(state, trailers);
    return map instanceof EnvoyHeaderMap ? map.list() : map;
  }

  /** envoyGoFilterHttpSetHeaderHelper / SetTrailer: Envoy's addCopy or setCopy. */
  setHeader(state: ProcessorState, trailers: boolean, name: string, value: string, add: boolean): CapiStatus {
    const map = this.attachedMap(state, trailers);
    if (!(map instanceof EnvoyHeaderMap)) return map;
    if (add) map.add(name, value);
    else map.set(name, value);
    return "ok";
  }

  /** envoyGoFilterHttpRemoveHeader / RemoveTrailer. */
  removeHeader(state: ProcessorState, trailers: boolean, name: string): CapiStatus {
    const map = this.attachedMap(state, trailers);
    if (!(map instanceof EnvoyHeaderMap)) return map;
    map.remove(name);
    return "ok";
  }

  /** envoyGoFilterHttpGetBuffer: the chunk must still be pending. */
  getBuffer(state: ProcessorState, chunk: ByteBuffer): Uint8Array | CapiError {
    const problem = this.checkChunk(state, chunk);
    return problem === "ok" ? chunk.bytes.slice() : problem;
  }

  /** envoyGoFilterHttpSetBufferHelper. */
  setBuffer(state: ProcessorState, chunk: ByteBuffer, data: Uint8Array, action: "set" | "append" | "prepend"): CapiStatus {
    const problem = this.checkChunk(state, chunk);
    if (problem !== "ok") return problem;
    if (action === "set") chunk.bytes = data.slice();
    else if (action === "prepend") chunk.prepend(data);
    else chunk.append(data);
    return "ok";
  }

  /** envoyGoFilterHttpDrainBuffer. */
  drainBuffer(state: ProcessorState, chunk: ByteBuffer, n: number): CapiStatus {
    const problem = this.checkChunk(state, chunk);
    if (problem === "ok") chunk.drain(n);
    return problem;
  }

  /** The checks of cgo.cc's wrapper, then of the Filter method, in Envoy's order. */
  private checkState(state: ProcessorState): CapiStatus {
    if (!state.isProcessingInGo()) return "CAPINotInGo";
    if (this.destroyed) return "CAPIFilterIsDestroy";
    return "ok";
  }

  private attachedMap(state: ProcessorState, trailers: boolean): EnvoyHeaderMap | CapiError {
    const problem = this.checkState(state);
    if (problem !== "ok") return problem;
    const map = trailers ? state.trailers : state.headers;
    return map ?? "CAPIInvalidPhase";
  }

  private checkChunk(state: ProcessorState, chunk: ByteBuffer): CapiStatus {
    const problem = this.checkState(state);
    if (problem !== "ok") return problem;
    return state.doDataList.includes(chunk) ? "ok" : "CAPIInvalidPhase";
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
