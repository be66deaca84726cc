import {
  definePlugin,
  type Filter,
  type FilterContext,
  type RequestHeaders,
  type ResponseHeaders,
  Status,
} from "@mosn-ts/sdk";

/** Configuration of the header-guard plugin (the `plugin_config` in Envoy). */
export interface HeaderGuardConfig {
  /** Requests without this header are rejected with 403. */
  requiredHeader: string;
  /** Response headers removed before the response reaches the client. */
  stripResponseHeaders: string[];
  /** Prefix of generated request ids; defaults to "req-". */
  requestIdPrefix?: string;
}

class HeaderGuard implements Filter {
  private readonly ctx: FilterContext;
  private readonly config: HeaderGuardConfig;
  private requestId = "";

  constructor(ctx: FilterContext, config: HeaderGuardConfig) {
    this.ctx = ctx;
    this.config = config;
  }

  decodeHeaders(headers: RequestHeaders, endStream: boolean): Status {
    const required = this.config.requiredHeader.toLowerCase();
    const value = headers.get(required);
    if (value === undefined || value.trim() === "") {
      this.ctx.log.info(`rejecting ${headers.method} ${headers.path}: missing ${required}`);
      const body = JSON.stringify({ error: "forbidden", reason: `missing header ${required}` });
      return this.ctx.sendLocalReply(403, body, { "content-type": "application/json" });
    }
    const existing = headers.get("x-request-id");
    if (existing === undefined) {
      this.requestId = `${this.config.requestIdPrefix ?? "req-"}${crypto.randomUUID()}`;
      headers.set("x-request-id", this.requestId);
    } else {
      this.requestId = existing;
    }
    return Status.Continue;
  }

  encodeHeaders(headers: ResponseHeaders, endStream: boolean): Status {
    for (const name of this.config.stripResponseHeaders) {
      headers.remove(name);
    }
    if (this.requestId !== "") {
      headers.set("x-request-id", this.requestId);
    }
    return Status.Continue;
  }
}

export default definePlugin<HeaderGuardConfig>({
  name: "header-guard",
  create: (ctx, config) => new HeaderGuard(ctx, config),
});
