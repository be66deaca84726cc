import {
  definePlugin,
  type BodyBuffer,
  type Filter,
  type FilterContext,
  type RequestHeaders,
  type ResponseHeaders,
  sleep,
  Status,
} from "@mosn-ts/sdk";

/** The twin of conformance/reference/conformance/async.go: hooks that finish after a sleep. */
interface AsyncConfig {
  delayMs: number;
}

class ConformanceAsync implements Filter {
  private readonly ctx: FilterContext;
  private readonly config: AsyncConfig;
  private caseId = "none";

  constructor(ctx: FilterContext, config: AsyncConfig) {
    this.ctx = ctx;
    this.config = config;
  }

  async decodeHeaders(headers: RequestHeaders, endStream: boolean): Promise<Status> {
    this.caseId = headers.get("x-case") ?? "none";
    this.ctx.log.info(`async decodeHeaders case=${this.caseId} start`);
    await sleep(this.config.delayMs);
    if (this.caseId === "async-deny") {
      return this.ctx.sendLocalReply(401, "async denied", { "x-reason": "async" }, "conformance_async_denied");
    }
    headers.set("x-async", "after-sleep");
    this.ctx.metadata.set("conformance-async", "slept", this.config.delayMs);
    this.ctx.log.info(`async decodeHeaders case=${this.caseId} done`);
    return Status.Continue;
  }

  async decodeData(buffer: BodyBuffer, endStream: boolean): Promise<Status> {
    this.ctx.log.info(`async decodeData length=${buffer.length} endStream=${endStream}`);
    await sleep(this.config.delayMs);
    buffer.append("+async");
    return Status.Continue;
  }

  async encodeHeaders(headers: ResponseHeaders, endStream: boolean): Promise<Status> {
    this.ctx.log.info(`async encodeHeaders case=${this.caseId} endStream=${endStream}`);
    await sleep(this.config.delayMs);
    headers.set("x-async-encoded", "yes");
    return Status.Continue;
  }
}

export default definePlugin<AsyncConfig>({
  name: "conformance-async",
  create: (ctx, config) => new ConformanceAsync(ctx, config),
});
