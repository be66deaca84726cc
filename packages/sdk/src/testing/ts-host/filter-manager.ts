import { ByteBuffer } from "./body-buffer.js";
import type { GolangFilter } from "./golang-filter.js";
import type { EnvoyHeaderMap } from "./header-map.js";
import { httpToGrpcStatus, isGrpcRequest, prepareLocalReply } from "./local-reply.js";
import type { DirectionCallbacks, LocalReplyRequest } from "./processor-state.js";
import type { StreamData } from "./stream-data.js";

/** Where frames go once they leave the filter chain: the router (upstream) or the client. */
export interface FrameSink {
  headers(map: EnvoyHeaderMap, endStream: boolean): void;
  data(bytes: Uint8Array, endStream: boolean): void;
  trailers(map: EnvoyHeaderMap): void;
}

export interface StreamCallbacks {
  /** The response is complete (FilterManagerCallbacks::endStream → doEndStream). */
  endStream(): void;
  /** The response cannot be completed any more: reset the stream. */
  resetStream(): void;
}

/** The filter manager's bookkeeping for the golang filter in one direction. */
class ChainState {
  /** headers_continued_ */
  headersContinued = false;
  /** iteration_state_ == StopSingleIteration */
  stopped = false;
  /** buffered_request_data_ / buffered_response_data_ */
  buffered: ByteBuffer | null = null;
  /** the golang filter's end_stream_ */
  filterEndStream = false;
  /** observed_decode_end_stream_ / observed_encode_end_stream_ */
  observedEndStream = false;
}

type Direction = "decode" | "encode";

/** FilterCallState: which call into the filter is in progress (none between events). */
type FilterCall = "decodeHeaders" | "decodeData" | "decodeTrailers" | "encodeHeaders" | "encodeData" | "encodeTrailers";

const INVALID_DATA_DETAILS: Record<Direction, string> = {
  decode: "filter_added_invalid_request_data",
  encode: "filter_added_invalid_response_data",
};

/**
 * Envoy's filter manager (source/common/http/filter_manager.cc) reduced to the chain
 * `golang filter → router`: iteration stops and resumes, buffered data, data the filter adds,
 * trailers, and local replies (through the encode path while the response has not started,
 * directly to the client when the golang filter holds the response headers, otherwise a
 * reset). Keeps the StreamInfo facts the connection manager and router record.
 */
export class FilterManager {
  filter!: GolangFilter;
  private readonly dec = new ChainState();
  private readonly enc = new ChainState();
  /** the router's end_stream_ */
  private routerEndStream = false;
  /** decoder_filter_chain_aborted_: set once the response has ended. */
  private decoderAborted = false;
  private encoderComplete = false;
  sawDownstreamReset = false;
  /** state_.destroyed_ */
  destroyed = false;
  private responseHeadersEncoded = false;
  private isHeadRequest = false;
  private isGrpcRequest = false;
  /** remote_decode_complete_: the client has sent the whole request. */
  remoteDecodeComplete = false;

  requestHeaders: EnvoyHeaderMap | null = null;
  requestTrailers: EnvoyHeaderMap | null = null;
  responseHeaders: EnvoyHeaderMap | null = null;
  responseTrailers: EnvoyHeaderMap | null = null;
  /** state_.filter_call_state_, for the golang filter (the router is the sink). */
  private call: FilterCall | null = null;

  constructor(
    private readonly router: FrameSink,
    private readonly client: FrameSink,
    private readonly stream: StreamCallbacks,
    private readonly data: StreamData,
  ) {}

  callbacksFor(direction: Direction): DirectionCallbacks {
    const chain = direction === "decode" ? this.dec : this.enc;
    return {
      continueProcessing: () => this.commonContinue(direction),
      injectData: (data, endStream) => {
        if (!chain.headersContinued) {
          chain.headersContinued = true;
          this.headersPastFilter(direction, false);
        }
        chain.observedEndStream = endStream;
        this.dataPastFilter(direction, new ByteBuffer(data), endStream);
      },
      sendLocalReply: (reply) => this.sendLocalReply(reply),
      addData: (data) => this.addData(direction, data),
      setUpstreamOverrideHost: (host, strict) => this.data.setOverrideHost(host, strict),
    };
  }

  /**
   * addDecodedData / addEncodedData: between calls and in a headers or data call the data is
   * buffered (it goes on when the filter continues); in a trailers call of a filter that lets
   * frames through it goes on at once, before the trailers. Anything else is a filter bug Envoy
   * answers with a 502.
   */
  private addData(direction: Direction, data: Uint8Array): void {
    const chain = this.chain(direction);
    const call = this.call;
    if (call === null || call === `${direction}Headers` || call === `${direction}Data` || (call === `${direction}Trailers` && chain.stopped)) {
      this.bufferProvided(chain, new ByteBuffer(data));
    } else if (call === `${direction}Trailers`) {
      this.dataPastFilter(direction, new ByteBuffer(data), false);
    } else {
      this.sendLocalReply({ status: 502, body: "Filter error", headers: [], grpcStatus: httpToGrpcStatus(502), details: INVALID_DATA_DETAILS[direction] });
    }
  }

  /** Runs one call into the golang filter with the filter call state set. */
  private inCall<T>(call: FilterCall, fn: () => T): T {
    const saved = this.call;
    this.call = call;
    try {
      return fn();
    } finally {
      this.call = saved;
    }
  }

  // ---- frames from the client (decode path) ----

  decodeHeaders(headers: EnvoyHeaderMap, endStream: boolean): void {
    this.requestHeaders = headers;
    this.isHeadRequest = headers.get(":method") === "HEAD";
    this.isGrpcRequest = isGrpcRequest(headers);
    this.dec.observedEndStream = endStream;
    if (endStream) this.remoteDecodeComplete = true;
    if (this.stopDecoding()) return;
    this.dec.filterEndStream = endStream;
    if (!this.inCall("decodeHeaders", () => this.filter.decodeHeaders(headers, endStream))) {
      this.dec.stopped = true;
      return;
    }
    this.dec.headersContinued = true;
    this.headersThenAddedBody("decode", endStream);
  }

  decodeData(bytes: Uint8Array, endStream: boolean): void {
    this.dec.observedEndStream = endStream;
    if (endStream) this.remoteDecodeComplete = true;
    if (this.stopDecoding() || this.dec.filterEndStream) return;
    this.dataThroughFilter("decode", new ByteBuffer(bytes), endStream);
  }

  decodeTrailers(trailers: EnvoyHeaderMap): void {
    this.requestTrailers = trailers;
    this.dec.observedEndStream = true;
    this.remoteDecodeComplete = true;
    if (this.stopDecoding()) return;
    this.trailersThroughFilter("decode");
  }

  // ---- frames from the upstream (encode path) ----

  encodeHeaders(headers: EnvoyHeaderMap, endStream: boolean): void {
    this.responseHeaders = headers;
    this.startEncoding(endStream);
    this.enc.filterEndStream = endStream;
    if (!this.inCall("encodeHeaders", () => this.filter.encodeHeaders(headers, endStream))) {
      this.enc.stopped = true;
      return;
    }
    this.enc.headersContinued = true;
    this.headersThenAddedBody("encode", endStream);
  }

  encodeData(bytes: Uint8Array, endStream: boolean): void {
    this.startEncoding(endStream);
    if (this.enc.filterEndStream) return;
    this.dataThroughFilter("encode", new ByteBuffer(bytes), endStream);
  }

  encodeTrailers(trailers: EnvoyHeaderMap): void {
    this.responseTrailers = trailers;
    this.startEncoding(true);
    this.trailersThroughFilter("encode");
  }

  /** A client reset: nothing more reaches the filters. */
  downstreamReset(): void {
    this.sawDownstreamReset = true;
  }

  // ---- local replies ----

  sendLocalReply(reply: LocalReplyRequest): void {
    this.data.responseCodeDetails = reply.details;
    if (this.responseHeaders === null) {
      this.localReplyThroughFilters(reply);
    } else if (!this.responseHeadersEncoded) {
      this.localReplyDirect(reply);
    } else {
      // The client already has response headers: all Envoy can do is reset.
      this.stream.resetStream();
    }
  }

  /**
   * Envoy's stream idle timeout (ActiveStream::onIdleTimeout), which the host applies when a
   * stream stalls: 504 once the client sent the whole request, else 408.
   */
  onIdleTimeout(): void {
    const status = this.remoteDecodeComplete ? 504 : 408;
    this.sendLocalReply({ status, body: "stream timeout", headers: [], grpcStatus: httpToGrpcStatus(status), details: "stream_idle_timeout" });
  }

  private prepare(reply: LocalReplyRequest) {
    return prepareLocalReply(reply, { isGrpc: this.isGrpcRequest, isHead: this.isHeadRequest });
  }

  private localReplyThroughFilters(reply: LocalReplyRequest): void {
    const { headers, body } = this.prepare(reply);
    const headersOnly = body.length === 0;
    this.encodeHeaders(headers, headersOnly);
    if (!headersOnly && !this.destroyed) this.encodeData(body, true);
  }

  /** sendDirectLocalReply: straight to the client, past the filters. */
  private localReplyDirect(reply: LocalReplyRequest): void {
    const { headers, body } = this.prepare(reply);
    const headersOnly = body.length === 0;
    this.responseHeaders = headers;
    this.responseTrailers = null;
    this.responseHeadersEncoded = true;
    this.toClient(headers, headersOnly);
    if (this.sawDownstreamReset) return;
    this.maybeEndEncode(headersOnly);
    if (headersOnly || this.destroyed) return;
    this.client.data(body, true);
    if (this.sawDownstreamReset) return;
    this.maybeEndEncode(true);
  }

  /**
   * After the filter continued headers: a headers-only message to which the filter added a
   * body goes on as headers without end of stream, then that body ends it (continue_data_entry
   * in decodeHeaders / encodeHeaders).
   */
  private headersThenAddedBody(direction: Direction, endStream: boolean): void {
    const chain = this.chain(direction);
    const bodyAdded = endStream && chain.buffered !== null;
    this.headersPastFilter(direction, endStream && !bodyAdded);
    if (bodyAdded) {
      chain.stopped = true;
      this.commonContinue(direction);
    }
  }

  // ---- iteration ----

  private chain(direction: Direction): ChainState {
    return direction === "decode" ? this.dec : this.enc;
  }

  private stopDecoding(): boolean {
    return this.decoderAborted || this.sawDownstreamReset;
  }

  private canContinue(direction: Direction): boolean {
    return direction === "decode" ? !this.stopDecoding() : !this.encoderComplete;
  }

  private trailersOf(direction: Direction): EnvoyHeaderMap | null {
    return direction === "decode" ? this.requestTrailers : this.responseTrailers;
  }

  /** The first encode call of a frame: end of the response stops the request side. */
  private startEncoding(endStream: boolean): void {
    if (endStream) {
      this.enc.observedEndStream = true;
      this.decoderAborted = true;
    }
  }

  private dataThroughFilter(direction: Direction, data: ByteBuffer, endStream: boolean): void {
    const chain = this.chain(direction);
    const noTrailers = this.trailersOf(direction) === null;
    chain.filterEndStream = endStream && noTrailers;
    const cont =
      direction === "decode"
        ? this.inCall("decodeData", () => this.filter.decodeData(data, chain.filterEndStream))
        : this.inCall("encodeData", () => this.filter.encodeData(data, chain.filterEndStream));
    if (cont) {
      if (chain.stopped) {
        this.bufferProvided(chain, data);
        this.commonContinue(direction);
        return;
      }
      this.dataPastFilter(direction, data, endStream);
      return;
    }
    chain.stopped = true;
    // A stopped last frame leaves an empty buffer, so continuing later still ends the stream.
    if (chain.observedEndStream && noTrailers && chain.buffered === null && !this.destroyed) {
      chain.buffered = new ByteBuffer();
    }
  }

  private trailersThroughFilter(direction: Direction): void {
    const chain = this.chain(direction);
    const trailers = this.trailersOf(direction)!;
    const cont =
      direction === "decode"
        ? this.inCall("decodeTrailers", () => this.filter.decodeTrailers(trailers))
        : this.inCall("encodeTrailers", () => this.filter.encodeTrailers(trailers));
    chain.filterEndStream = true;
    if (!cont) {
      chain.stopped = true;
      return;
    }
    if (chain.stopped) {
      this.commonContinue(direction);
      return;
    }
    this.trailersPastFilter(direction);
  }

  /** commonHandleBufferData. */
  private bufferProvided(chain: ChainState, data: ByteBuffer): void {
    if (chain.buffered === data) return;
    if (chain.buffered === null) chain.buffered = new ByteBuffer();
    chain.buffered.append(data.take());
  }

  /** ActiveStreamFilterBase::commonContinue for the golang filter. */
  private commonContinue(direction: Direction): void {
    const chain = this.chain(direction);
    if (!this.canContinue(direction)) return;
    chain.stopped = false;
    if (!chain.headersContinued) {
      chain.headersContinued = true;
      const hasTrailers = this.trailersOf(direction) !== null;
      this.headersPastFilter(direction, chain.observedEndStream && chain.buffered === null && !hasTrailers);
    }
    if (!this.canContinue(direction)) return;
    const hadTrailers = this.trailersOf(direction) !== null;
    if (chain.buffered !== null) {
      this.dataPastFilter(direction, chain.buffered, chain.observedEndStream && !hadTrailers);
    }
    if (!this.canContinue(direction)) return;
    if (hadTrailers) this.trailersPastFilter(direction);
  }

  // ---- past the golang filter: the router, or the client ----

  private headersPastFilter(direction: Direction, endStream: boolean): void {
    if (direction === "decode") {
      if (this.stopDecoding()) return;
      this.routerEndStream = endStream;
      // The router takes the request: attempt count, virtual cluster, upstream addresses.
      this.data.upstreamReached = true;
      this.router.headers(this.requestHeaders!, endStream);
      return;
    }
    this.responseHeadersEncoded = true;
    this.toClient(this.responseHeaders!, endStream);
    if (this.sawDownstreamReset) return;
    this.maybeEndEncode(endStream);
  }

  private dataPastFilter(direction: Direction, data: ByteBuffer, endStream: boolean): void {
    if (direction === "decode") {
      if (this.stopDecoding() || this.routerEndStream) return;
      this.routerEndStream = endStream && this.requestTrailers === null;
      this.router.data(data.take(), this.routerEndStream);
      return;
    }
    this.client.data(data.take(), endStream);
    if (this.sawDownstreamReset) return;
    this.maybeEndEncode(endStream);
  }

  private trailersPastFilter(direction: Direction): void {
    if (direction === "decode") {
      if (this.stopDecoding()) return;
      this.routerEndStream = true;
      this.router.trailers(this.requestTrailers!);
      return;
    }
    this.client.trailers(this.responseTrailers!);
    if (this.sawDownstreamReset) return;
    this.maybeEndEncode(true);
  }

  /** Response headers reach the codec; the connection manager records the response code then. */
  private toClient(headers: EnvoyHeaderMap, endStream: boolean): void {
    const status = /^\s*\+?(\d+)\s*$/.exec(headers.get(":status") ?? "");
    this.data.responseCode = status === null ? 0 : Number(status[1]);
    this.client.headers(headers, endStream);
  }

  private maybeEndEncode(endStream: boolean): void {
    if (!endStream || this.encoderComplete) return;
    this.encoderComplete = true;
    this.stream.endStream();
  }
}
