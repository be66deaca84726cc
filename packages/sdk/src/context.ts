import type { Logger } from "./log.js";
import type { DynamicMetadata, FilterState } from "./state.js";
import type { Status } from "./status.js";
import type { StreamInfo } from "./stream-info.js";

/** Per-request services the host gives a filter. */
export interface FilterContext {
  readonly log: Logger;
  /**
   * Answers the client directly instead of forwarding the request. Returns
   * `Status.LocalReply`, so a hook can `return ctx.sendLocalReply(...)`.
   * The reply still runs through the encode hooks, as in Envoy. `grpcStatus`, when given,
   * makes it a gRPC reply (`grpc-status` trailer-only response).
   */
  sendLocalReply(
    status: number,
    body: string,
    headers?: Record<string, string>,
    details?: string,
    grpcStatus?: number,
  ): Status;
  /** Facts about the stream: route, protocol, addresses, upstream. */
  readonly streamInfo: StreamInfo;
  /** Envoy's dynamic metadata, shared with other filters and access logs. */
  readonly metadata: DynamicMetadata;
  /** Envoy's filter state (string objects), shared with other filters. */
  readonly filterState: FilterState;
  /**
   * A request attribute by its path (`request.path`, `source.address`, `xds.route_name`, ...),
   * as a string; `undefined` when it does not exist.
   */
  getProperty(path: string): string | undefined;
  /** A generic secret configured on the golang filter; `undefined` when there is none. */
  getSecret(name: string): string | undefined;
  /** Clears the route cache, so the route is picked again (after changing headers). */
  clearRouteCache(): void;
  /** Clears the route cache and picks the route again at once. */
  refreshRouteCache(): void;
  /** Controls of the request direction. */
  readonly decoder: DecoderControls;
  /** Controls of the response direction. */
  readonly encoder: DirectionControls;
}

/** Body controls of one direction, usable while that direction is being processed. */
export interface DirectionControls {
  /**
   * Adds data to the body. In a headers or trailers hook it becomes the body (or its end);
   * with `streaming` it is sent on as a new data frame at once.
   */
  addData(data: string | Uint8Array, streaming: boolean): void;
  /** Sends data on as a new frame while the filter is holding the stream back. */
  injectData(data: string | Uint8Array): void;
}

export interface DecoderControls extends DirectionControls {
  /** Sends the request to this upstream host (`ip:port`); `strict`: fail rather than fall back. */
  setUpstreamOverrideHost(host: string, strict: boolean): void;
}
