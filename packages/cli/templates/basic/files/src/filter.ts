import {
  definePlugin,
  type Filter,
  type FilterContext,
  type RequestHeaders,
  type ResponseHeaders,
  Status,
} from "@mosn-ts/sdk";

/** The plugin's configuration: `plugin_config` in Envoy, checked against this type at load. */
export interface Config {
  /** Requests to this path are answered by the filter, without calling the upstream. */
  healthPath: string;
  /** Header added to requests going upstream and to responses going back. */
  tagHeader: string;
  tagValue: string;
}

class ExampleFilter implements Filter {
  private readonly ctx: FilterContext;
  private readonly config: Config;

  constructor(ctx: FilterContext, config: Config) {
    this.ctx = ctx;
    this.config = config;
  }

  decodeHeaders(headers: RequestHeaders, endStream: boolean): Status {
    if (headers.path === this.config.healthPath) {
      return this.ctx.sendLocalReply(200, "ok\n", { "content-type": "text/plain" });
    }
    headers.set(this.config.tagHeader, this.config.tagValue);
    this.ctx.log.debug(`tagged ${headers.method} ${headers.path}`);
    return Status.Continue;
  }

  encodeHeaders(headers: ResponseHeaders, endStream: boolean): Status {
    headers.set(this.config.tagHeader, this.config.tagValue);
    return Status.Continue;
  }
}

export default definePlugin<Config>({
  name: "{{name}}",
  create: (ctx, config) => new ExampleFilter(ctx, config),
});
