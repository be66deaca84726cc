import type { JsonValue } from "../protocol.js";
import { CapiFailure, type CapiResult, type CapiStatus } from "./capi-status.js";
import { PROTOCOLS, type StreamData } from "./stream-data.js";

/** What the request-level calls check first (envoyGoFilterHandlerWrapper, then the method). */
export interface StreamGuard {
  /** Filter::isProcessingInGo: either direction is in Go, or Go is handling the access log. */
  isProcessingInGo(): boolean;
  /** Filter::hasDestroyed: onDestroy has run. */
  readonly isDestroyed: boolean;
}

export type StringValueName =
  | "routeName"
  | "filterChainName"
  | "responseCodeDetails"
  | "downstreamLocalAddress"
  | "downstreamRemoteAddress"
  | "upstreamLocalAddress"
  | "upstreamRemoteAddress"
  | "upstreamClusterName"
  | "virtualClusterName";

export type IntegerValueName = "protocol" | "responseCode" | "attemptCount";

const NOT_FOUND = new CapiFailure("CAPIValueNotFound");

/**
 * The golang filter's request-level C API (the calls taking the httpRequest pointer): stream
 * info values, dynamic metadata, filter state, properties, secrets, the route cache and
 * connection draining. Writes from a Go thread are posted by Envoy; this host applies them at
 * once, which is equivalent because Go-thread work only runs when the worker is idle
 * (docs/host-protocol.md, "Asynchronous hooks").
 */
export class StreamCapi {
  constructor(
    private readonly guard: StreamGuard,
    private readonly data: StreamData,
  ) {}

  /** envoyGoFilterHttpGetStringValue. */
  getStringValue(name: StringValueName): CapiResult<string> {
    const problem = this.check();
    if (problem !== "ok") return new CapiFailure(problem);
    const { info } = this.data;
    const upstream = this.data.upstreamReached;
    switch (name) {
      case "routeName":
      case "filterChainName":
      case "downstreamLocalAddress":
      case "downstreamRemoteAddress":
        return info[name];
      case "responseCodeDetails":
        return this.data.responseCodeDetails ?? NOT_FOUND;
      case "upstreamClusterName":
        return info.upstreamClusterName ?? NOT_FOUND;
      case "upstreamLocalAddress":
      case "upstreamRemoteAddress":
      case "virtualClusterName":
        // The router sets these once it has the request (and an upstream connection).
        return upstream ? (info[name] ?? NOT_FOUND) : NOT_FOUND;
    }
  }

  /** envoyGoFilterHttpGetIntegerValue. */
  getIntegerValue(name: IntegerValueName): CapiResult<number> {
    const problem = this.check();
    if (problem !== "ok") return new CapiFailure(problem);
    switch (name) {
      case "protocol":
        return this.data.info.protocol === null ? NOT_FOUND : PROTOCOLS.indexOf(this.data.info.protocol);
      case "responseCode":
        return this.data.responseCode ?? NOT_FOUND;
      case "attemptCount":
        return this.data.upstreamReached ? this.data.info.attemptCount : NOT_FOUND;
    }
  }

  /** envoyGoFilterHttpGetDynamicMetadata: the namespace's fields, none when it does not exist. */
  getDynamicMetadata(namespace: string): CapiResult<ReadonlyMap<string, JsonValue>> {
    const problem = this.check();
    if (problem !== "ok") return new CapiFailure(problem);
    return this.data.metadataOf(namespace) ?? new Map();
  }

  /** envoyGoFilterHttpSetDynamicMetadata. */
  setDynamicMetadata(namespace: string, key: string, value: JsonValue): CapiStatus {
    const problem = this.check();
    if (problem === "ok") this.data.setMetadata(namespace, key, value);
    return problem;
  }

  /** envoyGoFilterHttpGetStringFilterState: undefined when there is no string object. */
  getStringFilterState(key: string): CapiResult<string | undefined> {
    const problem = this.check();
    return problem === "ok" ? this.data.filterStateValue(key) : new CapiFailure(problem);
  }

  /** envoyGoFilterHttpSetStringFilterState (Envoy ignores the state type). */
  setStringFilterState(key: string, value: string, lifeSpan: number, streamSharing: number): CapiStatus {
    const problem = this.check();
    if (problem === "ok") this.data.setFilterState(key, { value, lifeSpan, streamSharing });
    return problem;
  }

  /** envoyGoFilterHttpGetStringProperty: the test's attributes, by exact path. */
  getStringProperty(path: string): CapiResult<string> {
    const problem = this.check();
    if (problem !== "ok") return new CapiFailure(problem);
    return this.data.properties.get(path) ?? NOT_FOUND;
  }

  /** envoyGoFilterHttpGetStringSecret: undefined is Envoy's value_len -1. */
  getSecret(name: string): CapiResult<string | undefined> {
    const problem = this.check();
    return problem === "ok" ? this.data.secrets.get(name) : new CapiFailure(problem);
  }

  /** envoyGoFilterHttpClearRouteCache. */
  clearRouteCache(refresh: boolean): CapiStatus {
    const problem = this.check();
    if (problem === "ok") this.data.recordRouteCache(refresh);
    return problem;
  }

  /** envoyGoFilterHttpSetDrainConnectionUponCompletion. */
  setDrainConnectionUponCompletion(): CapiStatus {
    const problem = this.check();
    if (problem === "ok") this.data.drainUponCompletion();
    return problem;
  }

  private check(): CapiStatus {
    if (!this.guard.isProcessingInGo()) return "CAPINotInGo";
    if (this.guard.isDestroyed) return "CAPIFilterIsDestroy";
    return "ok";
  }
}
