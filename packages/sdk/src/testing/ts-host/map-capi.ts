import type { HeaderList } from "../protocol.js";
import type { ByteBuffer } from "./body-buffer.js";
import { CapiFailure, type CapiError, type CapiResult, type CapiStatus } from "./capi-status.js";
import { EnvoyHeaderMap } from "./header-map.js";
import type { ProcessorState } from "./processor-state.js";

/** What the map and buffer calls check first (the golang filter's checkState). */
export interface StateGuard {
  checkState(state: ProcessorState): CapiStatus;
}

/**
 * The golang filter's C API for the header or trailer map attached to a direction and for the
 * body chunks handed to Go (golang_filter.cc copyHeaders, setHeader, copyBuffer, ...): usable
 * only while Go processes that direction, on what Envoy still holds.
 */
export class MapCapi {
  constructor(private readonly guard: StateGuard) {}

  /**
   * envoyGoFilterHttpGetHeader: the first value of one header (not trailer) of the map Envoy
   * holds now; undefined when absent.
   */
  getHeader(state: ProcessorState, name: string): CapiResult<string | undefined> {
    const map = this.attachedMap(state, false);
    return map instanceof EnvoyHeaderMap ? map.get(name) : new CapiFailure(map);
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

  private attachedMap(state: ProcessorState, trailers: boolean): EnvoyHeaderMap | CapiError {
    const problem = this.guard.checkState(state);
    if (problem !== "ok") return problem;
    const map = trailers ? state.trailers : state.headers;
    return map ?? "CAPIInvalidPhase";
  }

  private checkChunk(state: ProcessorState, chunk: ByteBuffer): CapiStatus {
    const problem = this.guard.checkState(state);
    if (problem !== "ok") return problem;
    return state.doDataList.includes(chunk) ? "ok" : "CAPIInvalidPhase";
  }
}
