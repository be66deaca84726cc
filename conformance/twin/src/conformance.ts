import {
  definePlugin,
  type BodyBuffer,
  type ConfigEnv,
  type Counter,
  type DestroyReason,
  type Filter,
  type FilterContext,
  type Gauge,
  type HeaderMap,
  LifeSpan,
  type LogEntry,
  type RequestHeaders,
  type ResponseHeaders,
  Status,
  StreamSharing,
} from "@mosn-ts/sdk";

/** The twin of conformance/reference/conformance (config.go, filter.go), case by case. */
interface ConformanceConfig {
  greeting: string;
}

interface Shared {
  greeting: string;
  requests: Counter;
  active: Gauge;
  lastStatus: Gauge;
}

class Conformance implements Filter {
  private readonly ctx: FilterContext;
  private readonly shared: Shared;
  private caseId = "none";

  constructor(ctx: FilterContext, shared: Shared) {
    this.ctx = ctx;
    this.shared = shared;
  }

  decodeHeaders(headers: RequestHeaders, endStream: boolean): Status {
    this.caseId = headers.get("x-case") ?? "none";
    this.shared.requests.increment(1);
    this.shared.active.increment(1);
    this.ctx.log.info(`decodeHeaders case=${this.caseId} ${headers.method} ${headers.path} endStream=${endStream}`);
    switch (this.caseId) {
      case "headers": {
        const user = headers.get("x-user") ?? "anonymous";
        headers.set("x-conformance-user", user.toUpperCase());
        headers.add("x-conformance-tag", this.shared.greeting);
        headers.add("x-conformance-tag", "two");
        headers.remove("x-remove-me");
        headers.set("x-conformance-peer", this.ctx.streamInfo.downstreamRemoteAddress);
        break;
      }
      case "local-decode":
        return this.ctx.sendLocalReply(403, `denied: ${this.shared.greeting}`, { "x-reason": "conformance" }, "conformance_denied");
      case "metadata": {
        const tier = this.ctx.metadata.getString("upstream.filter", "tier") ?? "none";
        this.ctx.metadata.set("conformance", "tier", `${tier}-seen`);
        this.ctx.metadata.set("conformance", "weight", 42.5);
        this.ctx.metadata.set("conformance", "seen", true);
        headers.set("x-conformance-tier", tier);
        break;
      }
      case "filter-state": {
        const value = this.ctx.filterState.get("upstream.key") ?? "";
        this.ctx.filterState.set("conformance.seen", `${value}-seen`, {
          lifeSpan: LifeSpan.Request,
          streamSharing: StreamSharing.None,
        });
        this.ctx.filterState.set("conformance.chain", "chain", {
          lifeSpan: LifeSpan.FilterChain,
          streamSharing: StreamSharing.SharedWithUpstreamConnection,
        });
        headers.set("x-conformance-state", value);
        break;
      }
    }
    return Status.Continue;
  }

  decodeData(buffer: BodyBuffer, endStream: boolean): Status {
    this.ctx.log.info(`decodeData case=${this.caseId} length=${buffer.length} endStream=${endStream}`);
    if (this.caseId === "stream-body") {
      buffer.set(buffer.text().toUpperCase());
      if (endStream) buffer.append("|end");
    } else if (this.caseId === "buffer-body") {
      if (!endStream) return Status.StopAndBuffer;
      buffer.drain(1);
      buffer.prepend("<<");
      buffer.append(">>");
    }
    return Status.Continue;
  }

  decodeTrailers(trailers: HeaderMap): Status {
    this.ctx.log.info(`decodeTrailers case=${this.caseId}`);
    if (this.caseId === "trailers") {
      trailers.set("x-trailer-seen", trailers.get("x-trailer") ?? "none");
      trailers.remove("x-trailer-drop");
      trailers.add("x-trailer-added", "yes");
      this.ctx.decoder.addData("added-before-trailers", false);
    }
    return Status.Continue;
  }

  encodeHeaders(headers: ResponseHeaders, endStream: boolean): Status {
    const status = headers.status;
    this.ctx.log.info(`encodeHeaders case=${this.caseId} status=${status} endStream=${endStream}`);
    this.shared.lastStatus.set(status);
    switch (this.caseId) {
      case "headers":
        headers.set("x-conformance-status", `${status}`);
        headers.remove("server");
        headers.add("x-conformance-resp", "a");
        break;
      case "local-decode":
        headers.set("x-conformance-local", "seen");
        break;
      case "local-encode":
        if (status >= 500) {
          return this.ctx.sendLocalReply(502, "upstream failed", { "x-reason": "upstream" }, "conformance_upstream");
        }
        break;
    }
    return Status.Continue;
  }

  encodeData(buffer: BodyBuffer, endStream: boolean): Status {
    this.ctx.log.info(`encodeData case=${this.caseId} length=${buffer.length} endStream=${endStream}`);
    if (this.caseId === "stream-body") {
      buffer.prepend("(");
      buffer.append(")");
    } else if (this.caseId === "buffer-body") {
      if (!endStream) return Status.StopAndBuffer;
      buffer.set(`len=${buffer.length}:${buffer.text()}`);
    }
    return Status.Continue;
  }

  encodeTrailers(trailers: HeaderMap): Status {
    this.ctx.log.info(`encodeTrailers case=${this.caseId}`);
    if (this.caseId === "trailers") {
      trailers.set("x-resp-trailer-seen", trailers.get("x-resp-trailer") ?? "none");
      trailers.remove("x-resp-trailer-drop");
    }
    return Status.Continue;
  }

  onStreamComplete(): void {
    this.ctx.log.info(`streamComplete case=${this.caseId}`);
  }

  onLog(entry: LogEntry): void {
    const user = entry.requestHeaders?.get("x-user") ?? "-";
    const status = entry.responseHeaders?.get(":status") ?? "-";
    this.ctx.log.info(`log case=${this.caseId} user=${user} status=${status}`);
  }

  onDestroy(reason: DestroyReason): void {
    this.shared.active.decrement(1);
    this.ctx.log.info(`destroy case=${this.caseId} reason=${reason}`);
  }
}

export default definePlugin<ConformanceConfig, Shared>({
  name: "conformance",
  configure: (config: ConformanceConfig, env: ConfigEnv): Shared => {
    env.log.info(`configure greeting=${config.greeting}`);
    return {
      greeting: config.greeting,
      requests: env.counter("conformance_requests"),
      active: env.gauge("conformance_active"),
      lastStatus: env.gauge("conformance_last_status"),
    };
  },
  create: (ctx, shared) => new Conformance(ctx, shared),
});
