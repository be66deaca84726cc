import { ByteBuffer } from "./body-buffer.js";
import { concatBytes } from "./bytes.js";
import type { EnvoyHeaderMap } from "./header-map.js";
import { GolangStatus } from "./status-names.js";

/** The golang filter's per-direction state (FilterState in Envoy's processor_state.h). */
export enum FilterState {
  WaitingHeader,
  ProcessingHeader,
  WaitingData,
  WaitingAllData,
  ProcessingData,
  WaitingTrailer,
  ProcessingTrailer,
  Done,
}

/** A local reply as the filter asks for it (before Envoy's local-reply headers are added). */
export interface LocalReplyRequest {
  status: number;
  body: string;
  /** The headers Envoy will add: lower-cased, only those with a non-empty value. */
  headers: [string, string][];
  /** Used when the request is gRPC. */
  grpcStatus: number;
  details: string;
}

/** What the filter manager offers the golang filter for one direction. */
export interface DirectionCallbacks {
  /** continueDecoding() / continueEncoding(). */
  continueProcessing(): void;
  /** injectDecodedDataToFilterChain() / injectEncodedDataToFilterChain(). */
  injectData(data: Uint8Array, endStream: boolean): void;
  /** The filter manager's sendLocalReply. */
  sendLocalReply(reply: LocalReplyRequest): void;
  /** addDecodedData() / addEncodedData(). */
  addData(data: Uint8Array, streaming: boolean): void;
  /** setUpstreamOverrideHost() (decoder callbacks only). */
  setUpstreamOverrideHost(host: string, strict: boolean): void;
}

/**
 * One direction of the golang filter: which phase Go is in, the pending-data list (chunks
 * handed to Go and not yet passed on) and the body buffer used while Go is busy or wants the
 * whole body. Mirrors Envoy's ProcessorState.
 */
export class ProcessorState {
  state = FilterState.WaitingHeader;
  headers: EnvoyHeaderMap | null = null;
  trailers: EnvoyHeaderMap | null = null;
  /** Chunks given to Go (doDataList); passed on together when Go continues. */
  doDataList: ByteBuffer[] = [];
  /** Envoy's data_buffer_: data held while Go is processing or waiting for the whole body. */
  dataBuffer: ByteBuffer | null = null;
  /** end_stream_: the last frame seen carried end of stream. */
  endStream = false;
  /** do_end_stream_: the frame Go is processing ends the stream. */
  doEndStream = false;

  constructor(
    readonly encoding: boolean,
    readonly callbacks: DirectionCallbacks,
    private readonly isLogging: () => boolean,
  ) {}

  isProcessingInGo(): boolean {
    return (
      this.state === FilterState.ProcessingHeader ||
      this.state === FilterState.ProcessingData ||
      this.state === FilterState.ProcessingTrailer ||
      this.isLogging()
    );
  }

  isBufferDataEmpty(): boolean {
    return this.dataBuffer === null || this.dataBuffer.length === 0;
  }

  /** Seen trailers also means the stream has ended. */
  isStreamEnd(): boolean {
    return this.endStream || this.trailers !== null;
  }

  addBufferData(data: ByteBuffer): void {
    if (this.dataBuffer === null) this.dataBuffer = new ByteBuffer();
    this.dataBuffer.append(data.take());
  }

  getBufferData(): ByteBuffer {
    if (this.dataBuffer === null) this.dataBuffer = new ByteBuffer();
    return this.dataBuffer;
  }

  drainBufferData(): void {
    this.dataBuffer?.take();
  }

  /** Moves every pending chunk out, in order. */
  moveOutDoDataList(): Uint8Array {
    const out = concatBytes(this.doDataList.map((b) => b.take()));
    this.doDataList = [];
    return out;
  }

  /** Passes the pending chunks on (continueDoData). */
  continueDoData(): void {
    if (!this.endStream && this.doDataList.length === 0) return;
    this.callbacks.injectData(this.moveOutDoDataList(), this.doEndStream);
  }

  processHeader(endStream: boolean): void {
    this.state = FilterState.ProcessingHeader;
    this.doEndStream = endStream;
  }

  processData(endStream: boolean): void {
    this.state = FilterState.ProcessingData;
    this.doEndStream = endStream;
  }

  processTrailer(): void {
    this.state = FilterState.ProcessingTrailer;
    this.doEndStream = true;
  }

  /** True when the headers may go on to the next filter. */
  handleHeaderStatus(status: number): boolean {
    switch (status) {
      case GolangStatus.Continue:
        this.state = this.doEndStream ? FilterState.Done : FilterState.WaitingData;
        return true;
      case GolangStatus.StopAndBuffer:
        this.state = FilterState.WaitingAllData;
        return false;
      case GolangStatus.StopAndBufferWatermark:
        this.state = FilterState.WaitingData;
        return false;
      default:
        // LocalReply and Running leave the state alone; anything else is an error Envoy only logs.
        return false;
    }
  }

  /** True when the pending data may go on to the next filter. */
  handleDataStatus(status: number): boolean {
    let done = false;
    switch (status) {
      case GolangStatus.LocalReply:
      case GolangStatus.Running:
        return false;
      case GolangStatus.Continue:
        this.state = this.doEndStream ? FilterState.Done : FilterState.WaitingData;
        done = true;
        break;
      case GolangStatus.StopAndBuffer:
        this.state = FilterState.WaitingAllData;
        break;
      case GolangStatus.StopAndBufferWatermark:
        this.state = FilterState.WaitingData;
        break;
      case GolangStatus.StopNoBuffer:
        // Envoy drops the chunk Go just saw.
        this.doDataList.pop();
        this.state = FilterState.WaitingData;
        break;
      default:
        break;
    }
    if (this.trailers !== null && this.isBufferDataEmpty()) {
      this.state = FilterState.WaitingTrailer;
    }
    return done;
  }

  /** handleGolangStatus: the status Go continued with, for the phase Go was processing. */
  handleGolangStatus(status: number): boolean {
    switch (this.state) {
      case FilterState.ProcessingHeader:
        return this.handleHeaderStatus(status);
      case FilterState.ProcessingData:
        return this.handleDataStatus(status);
      case FilterState.ProcessingTrailer:
        return this.handleTrailerStatus(status);
      default:
        // Envoy asserts; a release build does nothing.
        return false;
    }
  }

  handleTrailerStatus(status: number): boolean {
    if (status === GolangStatus.Continue) {
      this.state = FilterState.Done;
      return true;
    }
    return false;
  }

  /** The direction-specific part of Envoy's sendLocalReply. */
  sendLocalReply(reply: LocalReplyRequest): void {
    // A decoder's local reply moves the request side back to waiting: the response takes over.
    if (!this.encoding) this.state = FilterState.WaitingHeader;
    this.callbacks.sendLocalReply(reply);
  }
}
