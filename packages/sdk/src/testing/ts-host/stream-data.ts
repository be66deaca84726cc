import type {
  FilterStateEntry,
  FilterStateInput,
  JsonValue,
  MetadataMap,
  ProtocolName,
  RequestOp,
  RequestResultData,
  RouteCacheEvent,
  StreamInfoSpec,
} from "../protocol.js";

/** Envoy's Http::Protocol numbers, as envoyGoFilterHttpGetIntegerValue answers them. */
export const PROTOCOLS: readonly ProtocolName[] = ["HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/3"];

/** The stream info a request gets when the op leaves a field out (docs/host-protocol.md). */
export const STREAM_INFO_DEFAULTS: Required<StreamInfoSpec> = {
  routeName: "",
  filterChainName: "",
  protocol: "HTTP/1.1",
  downstreamLocalAddress: "127.0.0.1:10000",
  downstreamRemoteAddress: "127.0.0.1:50000",
  upstreamLocalAddress: "127.0.0.1:50001",
  upstreamRemoteAddress: "127.0.0.1:8080",
  upstreamClusterName: "upstream",
  virtualClusterName: null,
  attemptCount: 1,
  workerId: 0,
};

const NULLABLE = new Set(["protocol", "upstreamLocalAddress", "upstreamRemoteAddress", "upstreamClusterName", "virtualClusterName"]);

/**
 * What Envoy keeps about one stream besides its frames: StreamInfo values, dynamic metadata,
 * filter state, and what the filter asked of the connection manager (route cache, upstream
 * override host, draining). Also the inputs a test gives: properties and secrets.
 */
export class StreamData {
  readonly info: Required<StreamInfoSpec>;
  readonly properties: ReadonlyMap<string, string>;
  readonly secrets: ReadonlyMap<string, string>;
  /** The router has the request headers: upstream info and the attempt count exist. */
  upstreamReached = false;
  responseCode: number | null = null;
  responseCodeDetails: string | null = null;
  private readonly metadata = new Map<string, Map<string, JsonValue>>();
  private readonly filterState = new Map<string, FilterStateEntry>();
  private readonly routeCache: RouteCacheEvent[] = [];
  private overrideHost: { host: string; strict: boolean } | null = null;
  private drain = false;

  constructor(op: RequestOp, configSecrets: ReadonlyMap<string, string>, concurrency: number) {
    this.info = streamInfoOf(op.streamInfo, concurrency);
    this.properties = stringMap(op.properties, "properties");
    this.secrets = op.secrets === undefined ? configSecrets : stringMap(op.secrets, "secrets");
    for (const [ns, fields] of Object.entries(metadataInput(op.metadata))) {
      for (const [key, value] of Object.entries(fields)) this.setMetadata(ns, key, value);
    }
    for (const [key, entry] of Object.entries(filterStateInput(op.filterState))) this.filterState.set(key, entry);
  }

  /** The namespace's fields (Envoy serialises the namespace's Struct for Go). */
  metadataOf(namespace: string): ReadonlyMap<string, JsonValue> | undefined {
    return this.metadata.get(namespace);
  }

  /** StreamInfo::setDynamicMetadata merges a one-field Struct: the key's value is replaced. */
  setMetadata(namespace: string, key: string, value: JsonValue): void {
    let fields = this.metadata.get(namespace);
    if (fields === undefined) this.metadata.set(namespace, (fields = new Map()));
    fields.set(key, value);
  }

  /** getDataReadOnly<StringAccessor>: only string objects exist here. */
  filterStateValue(key: string): string | undefined {
    return this.filterState.get(key)?.value;
  }

  /**
   * FilterStateImpl::setData: a key lives at one life span; setting it again at another one is
   * an Envoy bug report (ENVOY_BUG) and changes nothing. At the same life span it is replaced.
   */
  setFilterState(key: string, entry: FilterStateEntry): void {
    const existing = this.filterState.get(key);
    if (existing !== undefined && existing.lifeSpan !== entry.lifeSpan) return;
    this.filterState.set(key, entry);
  }

  recordRouteCache(refresh: boolean): void {
    this.routeCache.push(refresh ? "refresh" : "clear");
  }

  setOverrideHost(host: string, strict: boolean): void {
    this.overrideHost = { host, strict };
  }

  drainUponCompletion(): void {
    this.drain = true;
  }

  /** The result fields this stream adds; each is left out while it holds its default. */
  resultFields(): Pick<RequestResultData, "metadata" | "filterState" | "routeCache" | "upstreamOverrideHost" | "drainConnection"> {
    const out: ReturnType<StreamData["resultFields"]> = {};
    if (this.metadata.size > 0) {
      out.metadata = Object.fromEntries([...this.metadata].map(([ns, fields]) => [ns, Object.fromEntries(fields)]));
    }
    if (this.filterState.size > 0) out.filterState = Object.fromEntries([...this.filterState].map(([k, e]) => [k, { ...e }]));
    if (this.routeCache.length > 0) out.routeCache = [...this.routeCache];
    if (this.overrideHost !== null) out.upstreamOverrideHost = { ...this.overrideHost };
    if (this.drain) out.drainConnection = true;
    return out;
  }
}

function streamInfoOf(spec: unknown, concurrency: number): Required<StreamInfoSpec> {
  if (spec === undefined) return { ...STREAM_INFO_DEFAULTS };
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) throw new TypeError("streamInfo must be an object");
  const out: Record<string, unknown> = { ...STREAM_INFO_DEFAULTS };
  for (const [key, value] of Object.entries(spec)) {
    if (!(key in STREAM_INFO_DEFAULTS)) throw new TypeError(`streamInfo.${key} is not a stream info field`);
    if (value === undefined) continue;
    if (key === "attemptCount" || key === "workerId") {
      const min = key === "attemptCount" ? 1 : 0;
      const max = key === "attemptCount" ? 2 ** 32 - 1 : concurrency - 1;
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        throw new TypeError(`streamInfo.${key} must be an integer in ${min}..${max}`);
      }
    } else if (key === "protocol") {
      if (value !== null && !PROTOCOLS.includes(value as ProtocolName)) {
        throw new TypeError(`streamInfo.protocol must be one of ${PROTOCOLS.join(", ")} or null`);
      }
    } else if (!(typeof value === "string" || (value === null && NULLABLE.has(key)))) {
      throw new TypeError(`streamInfo.${key} must be a string${NULLABLE.has(key) ? " or null" : ""}`);
    }
    out[key] = value;
  }
  return out as Required<StreamInfoSpec>;
}

export function stringMap(value: unknown, where: string): Map<string, string> {
  if (value === undefined) return new Map();
  if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.values(value).every((v) => typeof v === "string")) {
    throw new TypeError(`${where} must be an object of strings`);
  }
  return new Map(Object.entries(value as Record<string, string>));
}

function metadataInput(value: unknown): MetadataMap {
  if (value === undefined) return {};
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(value) || !Object.values(value).every(isObject)) {
    throw new TypeError("metadata must map each namespace to an object of JSON values");
  }
  return value as MetadataMap;
}

function filterStateInput(value: unknown): Record<string, FilterStateEntry> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError("filterState must be an object");
  const out: Record<string, FilterStateEntry> = {};
  for (const [key, raw] of Object.entries(value as FilterStateInput)) {
    const where = `filterState[${JSON.stringify(key)}]`;
    if (typeof raw === "string") {
      out[key] = { value: raw, lifeSpan: 0, streamSharing: 0 };
      continue;
    }
    if (typeof raw !== "object" || raw === null || typeof raw.value !== "string") {
      throw new TypeError(`${where} must be a string or {value, lifeSpan?, streamSharing?}`);
    }
    const lifeSpan = raw.lifeSpan ?? 0;
    const streamSharing = raw.streamSharing ?? 0;
    for (const [name, n] of [["lifeSpan", lifeSpan], ["streamSharing", streamSharing]] as const) {
      if (n !== 0 && n !== 1 && n !== 2) throw new TypeError(`${where}.${name} must be 0, 1 or 2`);
    }
    out[key] = { value: raw.value, lifeSpan, streamSharing };
  }
  return out;
}
