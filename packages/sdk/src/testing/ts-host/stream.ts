import type { HeaderList, RequestOp, RequestResultData, ReceivedResponse, ReceivedUpstream, UpstreamSpec, WireBody } from "../protocol.js";
import { concatBytes } from "./bytes.js";
import { FilterManager, type FrameSink } from "./filter-manager.js";
import { GolangFilter } from "./golang-filter.js";
import { EnvoyHeaderMap } from "./header-map.js";
import { installScopedRandom } from "./hook-scope.js";
import { PluginFilter, type PluginRuntime } from "./plugin-filter.js";
import { StreamCapi } from "./stream-capi.js";
import { StreamData } from "./stream-data.js";
import { bytesOfWireBody, checkHeaderList, wireBody } from "./wire.js";

/** A bound on idle timeouts, though each one moves the stream closer to its end. */
const MAX_IDLE_TIMEOUTS = 10;

/** How long the host waits for a Go thread (an async hook) before the stream times out. */
const DEFAULT_IDLE_TIMEOUT_MS = 1000;

/** What one side (the upstream, or the client) received. */
class Recorder implements FrameSink {
  headerList: HeaderList | null = null;
  private body: Uint8Array[] = [];
  trailerList: HeaderList | null = null;
  complete = false;

  constructor(private readonly onComplete: () => void = () => {}) {}

  headers(map: EnvoyHeaderMap, endStream: boolean): void {
    this.headerList = map.list();
    if (endStream) this.finish();
  }
  data(bytes: Uint8Array, endStream: boolean): void {
    this.body.push(bytes);
    if (endStream) this.finish();
  }
  trailers(map: EnvoyHeaderMap): void {
    this.trailerList = map.list();
    this.finish();
  }
  bodyBytes(): Uint8Array {
    return concatBytes(this.body);
  }
  private finish(): void {
    if (this.complete) return;
    this.complete = true;
    this.onComplete();
  }
}

type Frame = () => void;

interface FrameTarget {
  headers(map: EnvoyHeaderMap, endStream: boolean): void;
  data(bytes: Uint8Array, endStream: boolean): void;
  trailers(map: EnvoyHeaderMap): void;
}

/** The frames of one side of an HTTP exchange: headers, data frames, trailers. */
function frames(headers: HeaderList, chunks: Uint8Array[], trailers: HeaderList | undefined, target: FrameTarget): Frame[] {
  const noTrailers = trailers === undefined;
  const out: Frame[] = [() => target.headers(new EnvoyHeaderMap(headers), chunks.length === 0 && noTrailers)];
  chunks.forEach((chunk, i) => out.push(() => target.data(chunk, i === chunks.length - 1 && noTrailers)));
  if (trailers !== undefined) out.push(() => target.trailers(new EnvoyHeaderMap(trailers)));
  return out;
}

/** The data frames of a message: `body`/`bodyBase64` is one frame (even when empty), `chunks` one each. */
function chunksOf(spec: WireBody & { chunks?: string[] }, where: string): Uint8Array[] {
  const whole = bytesOfWireBody(spec, where);
  if (spec.chunks !== undefined) {
    if (whole !== undefined) throw new TypeError(`${where}: give only one of body, bodyBase64 and chunks`);
    if (!Array.isArray(spec.chunks) || !spec.chunks.every((c) => typeof c === "string")) {
      throw new TypeError(`${where}.chunks must be an array of strings`);
    }
    return spec.chunks.map((c) => new TextEncoder().encode(c));
  }
  return whole === undefined ? [] : [whole];
}

function trailersOf(value: unknown, where: string): HeaderList | undefined {
  return value === undefined || value === null ? undefined : checkHeaderList(value, where);
}

/** C's atoi: leading blanks, a sign, digits; 0 when there are none. */
function atoi(text: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(text);
  return m === null ? 0 : Number.parseInt(m[1]!, 10);
}

/** The upstream's wait before its response headers (`upstream.delay`), validated. */
function delayOf(spec: UpstreamSpec): number {
  const delay = spec.delay ?? 0;
  if (typeof delay !== "number" || !Number.isInteger(delay) || delay < 0 || delay > 600_000) {
    throw new TypeError("upstream.delay must be an integer number of milliseconds in 0..600000");
  }
  return delay;
}

/**
 * Drives one `request` op through the golang filter, the filter manager and a scripted
 * upstream, as the native host does (docs/host-protocol.md, "Order of events"): each frame is
 * one dispatcher event; the tasks posted on the worker (local replies) run first, then the
 * client's frames, then the upstream's (once it has the whole request, its delay has passed
 * and no local reply owns the response), then the work Go threads (async hooks) posted. When
 * nothing else can happen the host waits for Go (at most `idleTimeoutMs`, or until the
 * upstream's delay ends), then applies Envoy's stream idle timeout; after the stream ended it
 * still waits for async hooks that outlived it.
 */
export async function runStream(runtime: PluginRuntime, op: RequestOp): Promise<Omit<RequestResultData, "logs" | "metrics">> {
  const idleTimeoutMs = op.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  if (!Number.isInteger(idleTimeoutMs) || idleTimeoutMs < 1 || idleTimeoutMs > 600_000) {
    throw new TypeError("idleTimeoutMs must be an integer in 1..600000");
  }
  const data = new StreamData(op, runtime.secrets, runtime.concurrency);
  const requestHeaders = checkHeaderList(op.request?.headers ?? [], "request.headers");
  const requestChunks = chunksOf(op.request ?? {}, "request");
  const requestTrailers = trailersOf(op.request?.trailers, "request.trailers");
  const upstreamSpec: UpstreamSpec = op.upstream ?? {};
  const upstreamStatus = upstreamSpec.status ?? 200;
  if (!Number.isInteger(upstreamStatus) || upstreamStatus < 100 || upstreamStatus > 999) {
    throw new TypeError("upstream.status must be an integer in 100..999");
  }
  const upstreamDelay = delayOf(upstreamSpec);
  const upstreamChunks = upstreamSpec.echo === true ? [] : chunksOf(upstreamSpec, "upstream");
  const upstreamHeaders = upstreamSpec.headers === undefined ? [] : checkHeaderList(upstreamSpec.headers, "upstream.headers");
  const upstreamTrailers = trailersOf(upstreamSpec.trailers, "upstream.trailers");

  const clientEvents: Frame[] = [];
  /** The upstream's frames after its headers. */
  const upstreamEvents: Frame[] = [];
  /** Tasks posted on the worker, and tasks posted by Go threads. */
  const posted: (() => void)[] = [];
  const fromGo: (() => void)[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  let reset: "client" | "local" | null = null;
  let closed = false;
  /** When the upstream had the whole request (its delay counts from then); null before. */
  let upstreamCompleteAt: number | null = null;
  let upstreamStarted = false;

  const upstream = new Recorder(() => {
    upstreamCompleteAt = performance.now();
  });
  const client = new Recorder();
  // Lines a hook logs after its stream's result was written (it outlived the stream) are dropped.
  const streamRuntime: PluginRuntime = { ...runtime, log: (level, message) => !closed && runtime.log(level, message) };
  const plugin = new PluginFilter(streamRuntime, () => wake?.());

  // ConnectionManagerImpl::doEndStream / doDeferredStreamDestroy.
  const finish = (how: "client" | "local" | null) => {
    if (finished) return;
    finished = true;
    reset = how;
    clientEvents.length = 0;
    upstreamEvents.length = 0;
    golang.onStreamComplete();
    golang.log({
      requestHeaders: fm.requestHeaders,
      requestTrailers: fm.requestTrailers,
      responseHeaders: fm.responseHeaders,
      responseTrailers: fm.responseTrailers,
    });
    golang.onDestroy();
    fm.destroyed = true;
  };

  const fm = new FilterManager(
    upstream,
    client,
    {
      endStream: () => finish(null),
      resetStream: () => finish("local"),
    },
    data,
  );
  const post = (task: () => void, fromGoThread: boolean) => {
    if (fromGoThread) {
      fromGo.push(task);
      wake?.();
    } else {
      posted.push(task);
    }
  };
  const golang = new GolangFilter(plugin, fm.callbacksFor("decode"), fm.callbacksFor("encode"), post);
  fm.filter = golang;
  plugin.attach({ golang, capi: new StreamCapi(golang, data), data });

  const toFilterManager = (side: "decode" | "encode"): FrameTarget =>
    side === "decode"
      ? { headers: (m, e) => fm.decodeHeaders(m, e), data: (b, e) => fm.decodeData(b, e), trailers: (m) => fm.decodeTrailers(m) }
      : { headers: (m, e) => fm.encodeHeaders(m, e), data: (b, e) => fm.encodeData(b, e), trailers: (m) => fm.encodeTrailers(m) };

  /** The upstream's answer: its headers now, its later frames queued. */
  const startUpstreamResponse = () => {
    upstreamStarted = true;
    let response: Frame[];
    if (upstreamSpec.echo === true) {
      const contentType = (upstream.headerList ?? []).find(([k]) => k === "content-type");
      const body = upstream.bodyBytes();
      response = frames(
        [[":status", String(upstreamStatus)], ...(contentType ? [contentType] : [])],
        body.length > 0 ? [body] : [],
        upstream.trailerList ?? undefined,
        toFilterManager("encode"),
      );
    } else {
      response = frames([[":status", String(upstreamStatus)], ...upstreamHeaders], upstreamChunks, upstreamTrailers, toFilterManager("encode"));
    }
    // The router records the upstream's answer in StreamInfo before the encode filters run.
    data.responseCode = upstreamStatus;
    data.responseCodeDetails = "via_upstream";
    upstreamEvents.push(...response.slice(1));
    response[0]!();
  };

  /** When the upstream, which has the whole request, sends its headers; 0 when it is not waiting. */
  const upstreamReadyAt = (): number => {
    if (upstreamCompleteAt === null || upstreamStarted || fm.responseHeaders !== null || upstreamDelay === 0) return 0;
    return upstreamCompleteAt + upstreamDelay;
  };

  /** The upstream's next frame, if it can send one now. */
  const nextUpstreamEvent = (): Frame | undefined => {
    if (upstreamCompleteAt === null) return undefined;
    if (upstreamStarted) return upstreamEvents.shift();
    // A local reply owns the response: the upstream never answers.
    if (fm.responseHeaders !== null) return undefined;
    const ready = upstreamReadyAt();
    return ready !== 0 && performance.now() < ready ? undefined : startUpstreamResponse;
  };

  // A client reset right after the phase of the named decode/encode hook.
  const resetAfter = op.reset?.after;
  let resetDone = false;
  const maybeClientReset = () => {
    if (finished || resetDone || resetAfter === undefined || !plugin.trace.some((t) => t.hook === resetAfter)) return;
    resetDone = true;
    fm.downstreamReset();
    finish("client");
  };

  clientEvents.push(...frames(requestHeaders, requestChunks, requestTrailers, toFilterManager("decode")));

  /** Waits until a Go thread posts work or its hook ends, at most `ms`; false when the time ran out. */
  const waitForGo = async (ms: number): Promise<boolean> => {
    const restore = installScopedRandom();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<boolean>((resolve) => {
        wake = () => resolve(true);
        timer = setTimeout(() => resolve(false), Math.max(0, ms));
      });
    } finally {
      wake = null;
      clearTimeout(timer);
      restore();
    }
  };

  /** The first task a Go thread posts before `deadline` (a wake-up without one keeps waiting). */
  const nextGoTask = async (deadline: number): Promise<(() => void) | undefined> => {
    for (let left = deadline - performance.now(); left > 0; left = deadline - performance.now()) {
      const task = fromGo.shift();
      if (task !== undefined) return task;
      await waitForGo(left);
    }
    return fromGo.shift();
  };

  let idleTimeouts = 0;
  try {
    while (!finished) {
      maybeClientReset();
      if (finished) break;
      const task = posted.shift() ?? clientEvents.shift() ?? nextUpstreamEvent() ?? fromGo.shift();
      if (task !== undefined) {
        task();
        continue;
      }
      // Stalled, or the upstream takes its delay: only a Go thread can move the stream now
      // (e.g. Continue after Running). Without its work the idle timeout ends the stream,
      // unless the upstream is ready first.
      const idleDeadline = performance.now() + idleTimeoutMs;
      const ready = upstreamReadyAt();
      const upstreamFirst = ready !== 0 && ready < idleDeadline;
      const goTask = await nextGoTask(upstreamFirst ? ready : idleDeadline);
      if (goTask !== undefined) {
        goTask();
        continue;
      }
      if (upstreamFirst) continue;
      if (idleTimeouts++ === MAX_IDLE_TIMEOUTS) {
        fm.downstreamReset();
        finish("local");
        break;
      }
      fm.onIdleTimeout();
    }
    // Async hooks that outlived their stream still end (their calls now fail): wait for them,
    // so what they log belongs to this result.
    while (plugin.hasUnansweredHooks && (await waitForGo(idleTimeoutMs)));
  } finally {
    closed = true;
  }

  const upstreamResult: ReceivedUpstream | null =
    upstream.headerList === null ? null : { headers: upstream.headerList, ...wireBody(upstream.bodyBytes()), trailers: upstream.trailerList };
  let response: ReceivedResponse | null = null;
  if (reset === null && client.headerList !== null) {
    response = {
      status: atoi(client.headerList.find(([k]) => k === ":status")?.[1] ?? ""),
      headers: client.headerList.filter(([k]) => k !== ":status"),
      ...wireBody(client.bodyBytes()),
      trailers: client.trailerList,
    };
  }
  return {
    op: "result",
    id: op.id,
    upstream: upstreamResult,
    response,
    localReply: golang.localReply,
    reset,
    trace: plugin.trace,
    ...data.resultFields(),
  };
}
