import type { HeaderMap, RequestHeaders, ResponseHeaders } from "../../headers.js";
import { CapiFailure } from "./capi-status.js";
import type { MapCapi } from "./map-capi.js";
import { lowerAscii } from "./header-map.js";
import type { ProcessorState } from "./processor-state.js";
import { capiErrorText, goQuote, headerProblem, RuntimePanic } from "./runtime-errors.js";

export interface RuntimeMapOptions {
  capi: MapCapi;
  state: ProcessorState;
  trailers: boolean;
  /** The entry count Envoy announced when it handed the map over. */
  count: number;
  /** Names the map in errors: "request headers", "response trailers of a log entry". */
  what: string;
  readOnly: boolean;
  /**
   * The first read of any kind copies the whole map; otherwise `get` and `has` ask Envoy for
   * one header (GetHeader) until something needs the whole map (see copiesOnRead).
   */
  copyOnRead: boolean;
}

/** golangfilter's maxCopyOnReadHeaders: the largest hook header map copied on its first read. */
export const MAX_COPY_ON_READ_HEADERS = 16;

/**
 * Whether the runtime copies a map on its first read: trailers always (Envoy has no
 * single-trailer lookup); the header map of a decode/encode hook when it has at most
 * MAX_COPY_ON_READ_HEADERS entries; not the header maps of a log entry.
 */
export function copiesOnRead(trailers: boolean, entries: number, logEntry: boolean): boolean {
  return trailers || (!logEntry && entries <= MAX_COPY_ON_READ_HEADERS);
}

/**
 * A header map as the plugin sees it through the runtime (golangfilter's headerMap): reads
 * come from a copy of the whole map, made by the first read (`copyOnRead`) or, for a big
 * map or a log entry's, by the first read other than `get`/`has`, which until then ask Envoy
 * for that one header (GetHeader). Writes go to Envoy at once (after copying the map) and
 * update the copy the way Envoy updates its map. A map used after its hook reads the copy; a
 * write then fails as Envoy's C API does.
 */
export class RuntimeHeaderMap implements HeaderMap {
  private copy: [string, string][] | null = null;

  constructor(private readonly o: RuntimeMapOptions) {}

  get(name: string): string | undefined {
    const key = lowerAscii(name);
    if (this.copy === null && !this.o.copyOnRead) return this.lookup(key);
    return this.load().find(([k]) => k === key)?.[1];
  }
  getAll(name: string): string[] {
    const key = lowerAscii(name);
    return this.load()
      .filter(([k]) => k === key)
      .map(([, v]) => v);
  }
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
  keys(): string[] {
    return [...new Set(this.load().map(([k]) => k))];
  }
  entries(): [string, string][] {
    return this.load().map(([k, v]) => [k, v]);
  }
  forEach(fn: (value: string, name: string) => void): void {
    for (const [name, value] of this.entries()) fn(value, name);
  }

  set(name: string, value: string): void {
    const key = this.prepareWrite(name, value);
    const status = this.o.capi.setHeader(this.o.state, this.o.trailers, key, value, false);
    if (status !== "ok") throw new RuntimePanic(`cannot set ${goQuote(key)} in ${this.o.what}: ${capiErrorText(status)}`);
    this.copy = insert(remove(this.copy!, key), key, value);
  }
  add(name: string, value: string): void {
    const key = this.prepareWrite(name, value);
    const status = this.o.capi.setHeader(this.o.state, this.o.trailers, key, value, true);
    if (status !== "ok") throw new RuntimePanic(`cannot add ${goQuote(key)} to ${this.o.what}: ${capiErrorText(status)}`);
    this.copy = insert(this.copy!, key, value);
  }
  remove(name: string): void {
    const key = this.prepareWrite(name, "");
    const status = this.o.capi.removeHeader(this.o.state, this.o.trailers, key);
    if (status !== "ok") throw new RuntimePanic(`cannot remove ${goQuote(key)} from ${this.o.what}: ${capiErrorText(status)}`);
    this.copy = remove(this.copy!, key);
  }

  /** One header from Envoy's map, as the runtime reads it before it has a copy. */
  private lookup(key: string): string | undefined {
    const result = this.o.capi.getHeader(this.o.state, key);
    if (result instanceof CapiFailure) throw new RuntimePanic(`cannot read ${this.o.what}: ${capiErrorText(result.status)}`);
    return result;
  }

  private load(): [string, string][] {
    if (this.copy !== null) return this.copy;
    if (this.o.count === 0) return (this.copy = []);
    const result = this.o.capi.copyHeaders(this.o.state, this.o.trailers);
    if (typeof result === "string") throw new RuntimePanic(`cannot read ${this.o.what}: ${capiErrorText(result)}`);
    return (this.copy = result);
  }

  private prepareWrite(name: string, value: string): string {
    if (this.o.readOnly) throw new RuntimePanic(`${this.o.what} are read-only here`);
    const problem = headerProblem(String(name), String(value));
    if (problem !== null) throw new RuntimePanic(problem);
    this.load();
    return lowerAscii(name);
  }
}

export class RuntimeRequestHeaders extends RuntimeHeaderMap implements RequestHeaders {
  get method(): string {
    return this.get(":method") ?? "";
  }
  get path(): string {
    return this.get(":path") ?? "";
  }
  get host(): string {
    return this.get(":authority") ?? "";
  }
  get scheme(): string {
    return this.get(":scheme") ?? "";
  }
}

export class RuntimeResponseHeaders extends RuntimeHeaderMap implements ResponseHeaders {
  /** `:status` as a number; 0 when missing or not a number. */
  get status(): number {
    const text = this.get(":status") ?? "";
    return /^[+-]?[0-9]+$/.test(text) ? Number(text) : 0;
  }
}

/** Where Envoy's map puts a new entry: pseudo-headers after the last pseudo-header. */
function insert(entries: [string, string][], name: string, value: string): [string, string][] {
  const out = entries.slice();
  if (!name.startsWith(":")) {
    out.push([name, value]);
    return out;
  }
  let at = 0;
  while (at < out.length && out[at]![0].startsWith(":")) at++;
  out.splice(at, 0, [name, value]);
  return out;
}

function remove(entries: [string, string][], name: string): [string, string][] {
  return entries.filter(([k]) => k !== name);
}
