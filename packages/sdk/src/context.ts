import type { Consumer } from "./consumer.js";
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
   * The reply still runs through the encode hooks, as in Envoy. For a gRPC request Envoy
   * answers gRPC-style (status 200, `grpc-status`, the body as `grpc-message`): `grpcStatus`
   * (0..16) is that `grpc-status`, by default derived from `status`. Other requests ignore it.
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
  /** Clears the route cache, so the route is picked again when needed (after changing headers). */
  clearRouteCache(): void;
  /** Clears the route cache and picks the route again at once. */
  refreshRouteCache(): void;
  /**
   * The consumer an authentication plugin set on this request (in this filter or an earlier
   * one), or undefined.
   */
  readonly consumer: Consumer | undefined;
  /** Finds the consumer owning `credential` of a kind (`key-auth`, `jwt`, ...), or undefined. */
  lookupConsumer(kind: string, credential: string): Consumer | undefined;
  /** Records who made this request, for later filters and access logs. */
  setConsumer(consumer: Consumer): void;
  /** Controls of the request direction. */
  readonly decoder: DecoderControls;
  /** Controls of the response direction. */
  readonly encoder: DirectionControls;
}

/** Body controls of one direction, usable while that direction is being processed. */
export interface DirectionControls {
  /**
   * Adds data to the body (Envoy's addDecodedData / addEncodedData): in a headers hook, a body
   * that goes on after the headers (it becomes the body of a headers-only message); in a
   * trailers hook, data sent before the trailers. Not allowed in a data hook: change the
   * buffer instead. `streaming` only matters to Envoy's flow control.
   */
  addData(data: string | Uint8Array, streaming: boolean): void;
  /**
   * Sends data on as a new frame (never ending the stream). Only from an `async` data hook,
   * while it holds the stream back.
   */
  injectData(data: string | Uint8Array): void;
}

export interface DecoderControls extends DirectionControls {
  /**
   * Asks the load balancer for this upstream host: an IP address with an optional port
   * (`10.0.0.1:8080`, `[::1]:80`). `strict`: fail rather than fall back (Envoy drops it when
   * called from an `async` hook).
   */
  setUpstreamOverrideHost(host: string, strict: boolean): void;
}
