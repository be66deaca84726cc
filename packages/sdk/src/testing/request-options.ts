import type {
  FilterStateInput,
  HeaderList,
  HookName,
  MetadataMap,
  RequestOp,
  RequestSpec,
  StreamInfoSpec,
  UpstreamSpec,
  WireBody,
} from "./protocol.js";
import { CONSUMER_FILTER_STATE_KEY, CONSUMER_LIFE_SPAN, CONSUMER_STREAM_SHARING } from "./consumers-config.js";
import { wireBody } from "./ts-host/wire.js";

/** Headers as an object (a list value repeats the header) or as `[name, value]` pairs. */
export type HeadersInit = Record<string, string | string[]> | [string, string][];

/** The body part of a request or upstream script; give at most one of body, json, chunks. */
export interface BodyOptions {
  headers?: HeadersInit;
  /** One data frame. */
  body?: string | Uint8Array;
  /** One data frame holding `JSON.stringify(json)`; sets `content-type: application/json` unless given. */
  json?: unknown;
  /** One data frame per element. */
  chunks?: string[];
  /** Trailers end the stream. */
  trailers?: HeadersInit;
}

export interface UpstreamOptions extends BodyOptions {
  /** Default 200. */
  status?: number;
  /** Answer with status 200, the request's content-type and its body and trailers as received. */
  echo?: boolean;
  /**
   * Milliseconds (an integer in 0..600000, default 0) the upstream waits, from the moment it
   * has the whole request, before it sends its response headers; the rest follows at once.
   * The wait is idle time: one of `idleTimeoutMs` or more ends the stream with a 504.
   */
  delay?: number;
}

export interface RequestOptions extends BodyOptions {
  /** `:method`, default GET. */
  method?: string;
  /** `:path` (with the query string), default `/`. */
  path?: string;
  /** `:authority`, default `localhost`. */
  authority?: string;
  /** `:scheme`, default `http`. */
  scheme?: string;
  /** What the upstream answers; default 200 with no body. */
  upstream?: UpstreamOptions;
  /** Simulate a client reset right after the phase of this hook. */
  reset?: HookName | { after: HookName };
  /** The config to use, when the host holds several; default the most recent. */
  configId?: number;
  /** Envoy's StreamInfo: route, protocol, addresses, upstream (defaults in docs/testing.md). */
  streamInfo?: StreamInfoSpec;
  /** What `ctx.getProperty(path)` finds, by path; other paths are not found. */
  properties?: Record<string, string>;
  /** Secrets for this request instead of the host's `secrets`. */
  secrets?: Record<string, string>;
  /** Dynamic metadata earlier filters set: namespace → key → JSON value. */
  metadata?: MetadataMap;
  /** Filter state earlier filters set: key → string (life span FilterChain) or `{ value, lifeSpan?, streamSharing? }`. */
  filterState?: FilterStateInput;
  /**
   * The consumer an earlier authentication filter set, by name: the filter state object
   * `ctx.setConsumer` writes (`mosn-ts.consumer`, life span Request).
   */
  consumer?: string;
  /** How long the host waits for an async hook before the stream times out (default 1000 ms). */
  idleTimeoutMs?: number;
}

export function headerList(init: HeadersInit | undefined, where: string): HeaderList {
  if (init === undefined) return [];
  if (Array.isArray(init)) {
    return init.map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || typeof pair[1] !== "string") {
        throw new TypeError(`${where}[${i}] must be a [name, value] pair of strings`);
      }
      return [pair[0], pair[1]];
    });
  }
  const out: HeaderList = [];
  for (const [name, value] of Object.entries(init)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== "string") throw new TypeError(`${where}.${name} must be a string or a list of strings`);
      out.push([name, v]);
    }
  }
  return out;
}

function hasHeader(headers: HeaderList, name: string): boolean {
  return headers.some(([k]) => k.toLowerCase() === name);
}

/** The wire form of body/json/chunks/trailers, plus the headers a `json` body implies. */
function bodyParts(options: BodyOptions, headers: HeaderList, where: string): WireBody & { chunks?: string[]; trailers?: HeaderList } {
  const given = [options.body !== undefined, options.json !== undefined, options.chunks !== undefined].filter(Boolean).length;
  if (given > 1) throw new TypeError(`${where}: give at most one of body, json and chunks`);
  const out: WireBody & { chunks?: string[]; trailers?: HeaderList } = {};
  if (options.json !== undefined) {
    const text = JSON.stringify(options.json);
    if (text === undefined) throw new TypeError(`${where}.json is not representable as JSON`);
    if (!hasHeader(headers, "content-type")) headers.push(["content-type", "application/json"]);
    out.body = text;
  } else if (typeof options.body === "string") {
    out.body = options.body;
  } else if (options.body instanceof Uint8Array) {
    Object.assign(out, wireBody(options.body));
  } else if (options.body !== undefined) {
    throw new TypeError(`${where}.body must be a string or a Uint8Array`);
  }
  if (options.chunks !== undefined) {
    if (!Array.isArray(options.chunks) || !options.chunks.every((c) => typeof c === "string")) {
      throw new TypeError(`${where}.chunks must be an array of strings`);
    }
    out.chunks = [...options.chunks];
  }
  if (options.trailers !== undefined) out.trailers = headerList(options.trailers, `${where}.trailers`);
  return out;
}

const PSEUDO_DEFAULTS: [string, keyof RequestOptions, string][] = [
  [":method", "method", "GET"],
  [":path", "path", "/"],
  [":authority", "authority", "localhost"],
  [":scheme", "scheme", "http"],
];

/** Builds the protocol's request op; the pseudo-headers come first, defaults filled in. */
export function buildRequestOp(options: RequestOptions, id: string): RequestOp {
  const given = headerList(options.headers, "headers");
  const pseudo: HeaderList = [];
  for (const [name, key, fallback] of PSEUDO_DEFAULTS) {
    const option = options[key];
    if (option !== undefined && typeof option !== "string") throw new TypeError(`${key} must be a string`);
    const inHeaders = given.find(([k]) => k.toLowerCase() === name)?.[1];
    if (option !== undefined && inHeaders !== undefined && option !== inHeaders) {
      throw new TypeError(`${key} ${JSON.stringify(option)} contradicts the ${name} header ${JSON.stringify(inHeaders)}`);
    }
    pseudo.push([name, option ?? inHeaders ?? fallback]);
  }
  const pseudoNames = new Set(PSEUDO_DEFAULTS.map(([n]) => n));
  const headers: HeaderList = [...pseudo, ...given.filter(([k]) => !pseudoNames.has(k.toLowerCase()))];
  const request: RequestSpec = { headers, ...bodyParts(options, headers, "request") };
  const op: RequestOp = { op: "request", id, request };
  if (options.configId !== undefined) op.configId = options.configId;
  if (options.upstream !== undefined) op.upstream = buildUpstream(options.upstream);
  if (options.reset !== undefined) op.reset = typeof options.reset === "string" ? { after: options.reset } : { after: options.reset.after };
  // Copies, so a later change to the options cannot reach an op in flight.
  if (options.streamInfo !== undefined) op.streamInfo = { ...options.streamInfo };
  if (options.properties !== undefined) op.properties = { ...options.properties };
  if (options.secrets !== undefined) op.secrets = { ...options.secrets };
  if (options.metadata !== undefined) op.metadata = JSON.parse(JSON.stringify(options.metadata)) as MetadataMap;
  if (options.filterState !== undefined) op.filterState = JSON.parse(JSON.stringify(options.filterState)) as FilterStateInput;
  if (options.consumer !== undefined) op.filterState = withConsumer(op.filterState, options.consumer);
  if (options.idleTimeoutMs !== undefined) op.idleTimeoutMs = options.idleTimeoutMs;
  return op;
}

/** The `consumer` option is sugar for the filter state entry `ctx.setConsumer` makes. */
function withConsumer(filterState: FilterStateInput | undefined, consumer: unknown): FilterStateInput {
  if (typeof consumer !== "string") throw new TypeError("consumer must be a consumer name (a string)");
  if (filterState !== undefined && Object.prototype.hasOwnProperty.call(filterState, CONSUMER_FILTER_STATE_KEY)) {
    throw new TypeError(`give the consumer either as consumer or as filterState[${JSON.stringify(CONSUMER_FILTER_STATE_KEY)}], not both`);
  }
  const entry = { value: consumer, lifeSpan: CONSUMER_LIFE_SPAN, streamSharing: CONSUMER_STREAM_SHARING };
  return { ...filterState, [CONSUMER_FILTER_STATE_KEY]: entry };
}

function buildUpstream(options: UpstreamOptions): UpstreamSpec {
  if (options.echo === true) {
    const extra = (["status", "headers", "body", "json", "chunks", "trailers"] as const).filter((k) => options[k] !== undefined);
    if (extra.length > 0) throw new TypeError(`upstream: echo answers with the request; drop ${extra.join(", ")}`);
    return options.delay === undefined ? { echo: true } : { echo: true, delay: options.delay };
  }
  const headers = headerList(options.headers, "upstream.headers");
  const spec: UpstreamSpec = { status: options.status ?? 200 };
  const parts = bodyParts(options, headers, "upstream");
  if (headers.length > 0) spec.headers = headers;
  if (options.delay !== undefined) spec.delay = options.delay;
  return { ...spec, ...parts };
}
