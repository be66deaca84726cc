import type {
  FilterStateEntry,
  HeaderList,
  LocalReplyRecord,
  LogLevelName,
  LogLine,
  MetadataMap,
  MetricsSnapshot,
  ReceivedResponse,
  ReceivedUpstream,
  RequestResultData,
  RouteCacheEvent,
  TraceEntry,
} from "./protocol.js";

/**
 * Read helpers over a received message. The own properties are exactly the protocol's fields
 * (so `JSON.stringify` and `toEqual` see the raw shape); the helpers live on the prototype.
 */
class MessageView {
  declare readonly headers: HeaderList;
  declare readonly body?: string;
  declare readonly bodyBase64?: string;
  declare readonly trailers: HeaderList | null;

  /** The first value of a header (case-insensitive), or undefined. */
  header(name: string): string | undefined {
    return lookup(this.headers, name)[0];
  }

  /** Every value of a header, in order. */
  headerValues(name: string): string[] {
    return lookup(this.headers, name);
  }

  /** The first value of a trailer, or undefined (also when there were no trailers). */
  trailer(name: string): string | undefined {
    return lookup(this.trailers ?? [], name)[0];
  }

  /** The body as bytes. */
  bytes(): Uint8Array {
    if (this.bodyBase64 !== undefined) return new Uint8Array(Buffer.from(this.bodyBase64, "base64"));
    return new TextEncoder().encode(this.body ?? "");
  }

  /** The body as text (invalid UTF-8 becomes U+FFFD). */
  text(): string {
    return this.body ?? new TextDecoder("utf-8", { ignoreBOM: true }).decode(this.bytes());
  }

  /** The body parsed as JSON; throws with the body in the message when it is not JSON. */
  json<T = unknown>(): T {
    const text = this.text();
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new SyntaxError(`body is not JSON (${(err as Error).message}): ${JSON.stringify(text.slice(0, 200))}`);
    }
  }
}

export class UpstreamView extends MessageView {
  constructor(raw: ReceivedUpstream) {
    super();
    Object.assign(this, raw);
  }
}

export class ResponseView extends MessageView {
  declare readonly status: number;

  constructor(raw: ReceivedResponse) {
    super();
    Object.assign(this, raw);
  }
}

/** A request's result: the protocol's result object, plus helpers. */
export class RequestResult {
  readonly op = "result" as const;
  readonly id: string;
  /** What the upstream received, or null when the request never reached it. */
  readonly upstream: UpstreamView | null;
  /** What the client received, or null after a reset. */
  readonly response: ResponseView | null;
  /** The local reply the filter asked for (before the encode hooks), or null. */
  readonly localReply: LocalReplyRecord | null;
  /** "client" after a client reset, "local" when Envoy had to reset the stream, else null. */
  readonly reset: "client" | "local" | null;
  /** Every entry into the filter, in order. */
  readonly trace: TraceEntry[];
  readonly logs: LogLine[];
  // The fields below exist only when they hold something (the protocol leaves them out).
  /** Dynamic metadata at the end of the stream: namespace → key → value. */
  declare readonly metadata?: MetadataMap;
  /** Filter state at the end of the stream. */
  declare readonly filterState?: Record<string, FilterStateEntry>;
  /** The host's metrics after the stream. */
  declare readonly metrics?: MetricsSnapshot;
  /** clearRouteCache / refreshRouteCache calls, in order. */
  declare readonly routeCache?: RouteCacheEvent[];
  /** The last upstream override host the filter set. */
  declare readonly upstreamOverrideHost?: { host: string; strict: boolean };
  /** true when the filter asked to drain the connection. */
  declare readonly drainConnection?: true;

  constructor(raw: RequestResultData) {
    this.id = raw.id;
    this.upstream = raw.upstream === null ? null : new UpstreamView(raw.upstream);
    this.response = raw.response === null ? null : new ResponseView(raw.response);
    this.localReply = raw.localReply;
    this.reset = raw.reset;
    this.trace = raw.trace;
    this.logs = raw.logs;
    for (const key of OPTIONAL_FIELDS) {
      if (raw[key] !== undefined) Object.defineProperty(this, key, { value: raw[key], enumerable: true });
    }
  }

  /** The hooks entered, in order, e.g. `["decodeHeaders", "encodeHeaders", ...]`. */
  hooks(): string[] {
    return this.trace.map((t) => t.hook);
  }

  /** The log messages, optionally only those at `level`. */
  logMessages(level?: LogLevelName): string[] {
    return this.logs.filter((l) => level === undefined || l.level === level).map((l) => l.message);
  }
}

const OPTIONAL_FIELDS = ["metadata", "filterState", "metrics", "routeCache", "upstreamOverrideHost", "drainConnection"] as const;

function lookup(headers: HeaderList, name: string): string[] {
  const key = name.toLowerCase();
  return headers.filter(([k]) => k.toLowerCase() === key).map(([, v]) => v);
}
