import { definePlugin, type Filter, type FilterContext, type RequestHeaders, Status } from "@mosn-ts/sdk";
import { pathWithoutQuery, queryParameter, withoutQueryParameter } from "./query.js";

/** One place a client may put its API key. */
export interface KeySource {
  /** A header name (any case) or a query parameter name (exact). */
  name: string;
  source: "header" | "query";
}

/** Configuration of the key-auth plugin (the `plugin_config` in Envoy). */
export interface KeyAuthConfig {
  /** Where to look for the key, in this order; the first non-empty one is the key. */
  keys: KeySource[];
  /** Remove every configured key header and parameter before the request goes upstream. Default false. */
  hideCredentials?: boolean;
  /** Let a request without a key through with no consumer. A wrong key is still rejected. Default false. */
  allowAnonymous?: boolean;
  /** Let a request an earlier filter authenticated (it set a known consumer) through as is. Default false. */
  skipIfAuthenticated?: boolean;
  /** The realm of the `www-authenticate` challenge. Default "mosn-ts". */
  realm?: string;
}

/** The credential kind consumers list their API keys under (`credentials: { "key-auth": [...] }`). */
const CREDENTIAL_KIND = "key-auth";

/** The header that tells the upstream who called; a client's own value never gets through. */
const CONSUMER_HEADER = "x-consumer-name";

interface PresentedKey {
  value: string;
  source: KeySource;
}

class KeyAuth implements Filter {
  private readonly ctx: FilterContext;
  private readonly config: KeyAuthConfig;

  constructor(ctx: FilterContext, config: KeyAuthConfig) {
    this.ctx = ctx;
    this.config = config;
  }

  decodeHeaders(headers: RequestHeaders, endStream: boolean): Status {
    headers.remove(CONSUMER_HEADER);
    // The log never shows the query string: it may hold the key.
    const request = `${headers.method} ${pathWithoutQuery(headers.path)}`;
    const earlier = this.ctx.consumer;
    if (earlier !== undefined && this.config.skipIfAuthenticated === true) {
      this.forward(headers, earlier.name);
      this.ctx.log.info(`${request}: consumer ${earlier.name} (authenticated by an earlier filter)`);
      return Status.Continue;
    }
    const key = this.findKey(headers);
    if (key === undefined) {
      if (this.config.allowAnonymous === true) {
        this.forward(headers, undefined);
        this.ctx.log.info(`${request}: anonymous (no API key)`);
        return Status.Continue;
      }
      this.ctx.log.info(`${request}: rejected (no API key)`);
      return this.reject("no API key found in request", "key_auth_missing_key");
    }
    const consumer = this.ctx.lookupConsumer(CREDENTIAL_KIND, key.value);
    if (consumer === undefined) {
      this.ctx.log.info(`${request}: rejected (invalid API key in ${describeSource(key.source)})`);
      return this.reject("invalid API key", "key_auth_invalid_key");
    }
    this.ctx.setConsumer(consumer);
    this.forward(headers, consumer.name);
    this.ctx.log.info(`${request}: consumer ${consumer.name} (${describeSource(key.source)})`);
    return Status.Continue;
  }

  /** The first configured place holding a non-empty key. */
  private findKey(headers: RequestHeaders): PresentedKey | undefined {
    for (const source of this.config.keys) {
      const raw = source.source === "header" ? headers.get(source.name) : queryParameter(headers.path, source.name);
      if (raw !== undefined && raw.trim() !== "") {
        return { value: raw.trim(), source: source };
      }
    }
    return undefined;
  }

  /** Names the consumer upstream (none for an anonymous request) and hides the keys when configured to. */
  private forward(headers: RequestHeaders, consumer: string | undefined): void {
    if (consumer !== undefined) {
      headers.set(CONSUMER_HEADER, consumer);
    }
    if (this.config.hideCredentials !== true) {
      return;
    }
    for (const source of this.config.keys) {
      if (source.source === "header") {
        headers.remove(source.name);
      } else {
        const path = withoutQueryParameter(headers.path, source.name);
        if (path !== headers.path) {
          headers.set(":path", path);
        }
      }
    }
  }

  private reject(message: string, details: string): Status {
    const body = JSON.stringify({ error: "unauthorized", message: message });
    const challenge = `Key realm="${quoted(this.config.realm ?? "mosn-ts")}"`;
    return this.ctx.sendLocalReply(401, body, { "content-type": "application/json", "www-authenticate": challenge }, details);
  }
}

function describeSource(source: KeySource): string {
  return source.source === "header" ? `header ${source.name.toLowerCase()}` : `query parameter ${source.name}`;
}

/** The inside of an HTTP quoted-string. */
function quoted(text: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll('"', '\\"');
}

export default definePlugin<KeyAuthConfig>({
  name: "key-auth",
  create: (ctx, config) => new KeyAuth(ctx, config),
});
