/** Facts about the stream, read from Envoy's StreamInfo. */
export interface StreamInfo {
  readonly routeName: string;
  readonly filterChainName: string;
  /** `HTTP/1.0`, `HTTP/1.1`, `HTTP/2`, `HTTP/3`; undefined before the protocol is known. */
  readonly protocol: string | undefined;
  /** The response code, once there is one. */
  readonly responseCode: number | undefined;
  readonly responseCodeDetails: string | undefined;
  /** Upstream attempts so far; 0 before the request reached the router. */
  readonly attemptCount: number;
  readonly downstreamLocalAddress: string;
  readonly downstreamRemoteAddress: string;
  /** Known once the request reached the upstream (the same for the next two). */
  readonly upstreamLocalAddress: string | undefined;
  readonly upstreamRemoteAddress: string | undefined;
  readonly upstreamClusterName: string | undefined;
  readonly virtualClusterName: string | undefined;
  /** The Envoy worker thread handling the stream. */
  readonly workerId: number;
  /** Closes the downstream connection once this stream completes. */
  drainConnectionUponCompletion(): void;
}
