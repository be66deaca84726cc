import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host, type RequestResult } from "@mosn-ts/sdk/testing";
import plugin, { type KeyAuthConfig } from "../src/filter.js";

const consumers = [
  { name: "alice", credentials: { "key-auth": ["k-alice-1", "k-alice-2"] }, settings: { tier: "gold" } },
  { name: "bob", credentials: { "key-auth": ["k-bob"] } },
];

const headerOnly: KeyAuthConfig = { keys: [{ name: "X-API-Key", source: "header" }] };
const headerThenQuery: KeyAuthConfig = {
  keys: [
    { name: "x-api-key", source: "header" },
    { name: "apikey", source: "query" },
  ],
};

const aliceState = { "mosn-ts.consumer": { value: "alice", lifeSpan: 1, streamSharing: 0 } };

/** The values of an upstream request header. */
function sent(res: RequestResult, name: string): string[] {
  return (res.upstream?.headers ?? []).filter(([n]) => n === name).map(([, v]) => v);
}

/** Runs `body` with a host configured with `config` and the consumers above. */
async function withHost(config: KeyAuthConfig, body: (host: Host) => Promise<void>): Promise<void> {
  const host = await createHost({ plugin, config, consumers, seed: 1 });
  try {
    await body(host);
  } finally {
    await host.close();
  }
}

describe("key-auth", () => {
  let host: Host;
  beforeAll(async () => {
    host = await createHost({ plugin, config: headerThenQuery, consumers, seed: 1 });
  });
  afterAll(async () => {
    await host.close();
  });

  it("rejects a request without a key: 401, a JSON error and a Key challenge", async () => {
    const res = await host.request({ method: "GET", path: "/orders?page=2" });
    expect(res.upstream).toBeNull();
    expect(res.response?.status).toBe(401);
    expect(res.response?.header("www-authenticate")).toBe('Key realm="mosn-ts"');
    expect(res.response?.header("content-type")).toBe("application/json");
    expect(res.response?.json()).toEqual({ error: "unauthorized", message: "no API key found in request" });
    expect(res.localReply?.details).toBe("key_auth_missing_key");
    expect(res.logs).toEqual([{ level: "info", message: "GET /orders: rejected (no API key)" }]);
    expect(res.filterState).toBeUndefined();
    expect(res.metadata).toBeUndefined();
  });

  it("treats an empty or blank key as no key", async () => {
    expect((await host.request({ headers: { "x-api-key": "  " } })).response?.status).toBe(401);
    const res = await host.request({ path: "/?apikey=" });
    expect(res.response?.json()).toEqual({ error: "unauthorized", message: "no API key found in request" });
  });

  it("rejects an unknown key with 401 and never logs it", async () => {
    const res = await host.request({ method: "POST", path: "/orders", headers: { "x-api-key": "k-mallory" } });
    expect(res.upstream).toBeNull();
    expect(res.response?.status).toBe(401);
    expect(res.response?.header("www-authenticate")).toBe('Key realm="mosn-ts"');
    expect(res.response?.json()).toEqual({ error: "unauthorized", message: "invalid API key" });
    expect(res.localReply?.details).toBe("key_auth_invalid_key");
    expect(res.logs).toEqual([{ level: "info", message: "POST /orders: rejected (invalid API key in header x-api-key)" }]);
    expect(res.filterState).toBeUndefined();
  });

  it("forwards a known key's request as its consumer", async () => {
    const res = await host.request({ method: "GET", path: "/orders", headers: { "x-api-key": "k-alice-2" }, upstream: { status: 200, body: "[]" } });
    expect(res.response?.status).toBe(200);
    expect(res.response?.body).toBe("[]");
    expect(sent(res, "x-consumer-name")).toEqual(["alice"]);
    // hideCredentials is off: the key goes on.
    expect(sent(res, "x-api-key")).toEqual(["k-alice-2"]);
    expect(res.filterState).toEqual(aliceState);
    expect(res.metadata).toEqual({ "mosn-ts": { consumer: "alice" } });
    expect(res.logs).toEqual([{ level: "info", message: "GET /orders: consumer alice (header x-api-key)" }]);
  });

  it("replaces an x-consumer-name the client sent", async () => {
    const res = await host.request({ headers: { "x-api-key": "k-bob", "x-consumer-name": "alice" } });
    expect(sent(res, "x-consumer-name")).toEqual(["bob"]);
  });

  it("finds the key in a query parameter, percent-decoded, and keeps the query out of the log", async () => {
    const res = await host.request({ path: "/search?q=a+b&apikey=k%2Dbob" });
    expect(res.response?.status).toBe(200);
    expect(sent(res, "x-consumer-name")).toEqual(["bob"]);
    expect(sent(res, ":path")).toEqual(["/search?q=a+b&apikey=k%2Dbob"]);
    expect(res.logs).toEqual([{ level: "info", message: "GET /search: consumer bob (query parameter apikey)" }]);
  });

  it("form-decodes parameter names and values: %XX of ASCII characters and +", async () => {
    const consumerOf = async (path: string) => {
      const res = await host.request({ path });
      return res.response?.status === 200 ? sent(res, "x-consumer-name")[0] : res.response?.status;
    };
    expect(await consumerOf("/?%61pi%4Bey=%6b%2dbob")).toBe(401); // the name is apiKey, not apikey
    expect(await consumerOf("/?%61pikey=%6b%2Dbob")).toBe("bob");
    expect(await consumerOf("/?x&apikey=k-alice-1&apikey=k-bob")).toBe("alice"); // the first one counts
    expect(await consumerOf("/?apikey=k+bob")).toBe(401); // "k bob"
    expect(await consumerOf("/?apikey=k-bob%")).toBe(401); // a broken escape stays as written
    expect(await consumerOf("/?apikey=k%E2%80%90bob")).toBe(401); // non-ASCII escapes stay as written
  });

  it("looks in the configured order: the header before the query parameter", async () => {
    const res = await host.request({ path: "/?apikey=k-bob", headers: { "x-api-key": "k-alice-1" } });
    expect(sent(res, "x-consumer-name")).toEqual(["alice"]);
    // A wrong key in the first place is not rescued by a right one further on.
    const wrong = await host.request({ path: "/?apikey=k-bob", headers: { "x-api-key": "nope" } });
    expect(wrong.response?.status).toBe(401);
  });

  it("matches header names in any case", async () => {
    await withHost(headerOnly, async (h) => {
      const res = await h.request({ headers: { "x-api-key": "k-bob" } });
      expect(sent(res, "x-consumer-name")).toEqual(["bob"]);
      expect(res.logs).toEqual([{ level: "info", message: "GET /: consumer bob (header x-api-key)" }]);
    });
  });

  it("hides the key headers and parameters from the upstream when asked", async () => {
    await withHost({ ...headerThenQuery, hideCredentials: true }, async (h) => {
      const byQuery = await h.request({ path: "/a?x=1&apikey=k-bob&y=2&apikey=again" });
      expect(sent(byQuery, ":path")).toEqual(["/a?x=1&y=2"]);
      expect(sent(byQuery, "x-consumer-name")).toEqual(["bob"]);
      const onlyKey = await h.request({ path: "/a?apikey=k-bob" });
      expect(sent(onlyKey, ":path")).toEqual(["/a"]);
      // Other pairs stay exactly as written, empty ones too.
      const odd = await h.request({ path: "/a?&apikey=k-bob&&x=%41+b&%61pikey=2" });
      expect(sent(odd, ":path")).toEqual(["/a?&&x=%41+b"]);
      const byHeader = await h.request({ path: "/b?apikey=stale", headers: { "x-api-key": "k-alice-1", "x-other": "1" } });
      expect(sent(byHeader, "x-api-key")).toEqual([]);
      expect(sent(byHeader, ":path")).toEqual(["/b"]);
      expect(sent(byHeader, "x-other")).toEqual(["1"]);
      expect(byHeader.filterState).toEqual(aliceState);
    });
  });

  it("lets a request without a key through anonymously when allowed, but not a wrong key", async () => {
    await withHost({ ...headerThenQuery, allowAnonymous: true }, async (h) => {
      const anonymous = await h.request({ path: "/public", headers: { "x-consumer-name": "alice" } });
      expect(anonymous.response?.status).toBe(200);
      expect(sent(anonymous, "x-consumer-name")).toEqual([]);
      expect(anonymous.filterState).toBeUndefined();
      expect(anonymous.logs).toEqual([{ level: "info", message: "GET /public: anonymous (no API key)" }]);
      const wrong = await h.request({ path: "/public", headers: { "x-api-key": "nope" } });
      expect(wrong.response?.status).toBe(401);
      const known = await h.request({ headers: { "x-api-key": "k-bob" } });
      expect(sent(known, "x-consumer-name")).toEqual(["bob"]);
    });
  });

  it("accepts the consumer an earlier filter authenticated, when configured to", async () => {
    await withHost({ ...headerThenQuery, skipIfAuthenticated: true }, async (h) => {
      const res = await h.request({ path: "/orders", consumer: "alice" });
      expect(res.response?.status).toBe(200);
      expect(sent(res, "x-consumer-name")).toEqual(["alice"]);
      expect(res.filterState).toEqual(aliceState);
      expect(res.logs).toEqual([{ level: "info", message: "GET /orders: consumer alice (authenticated by an earlier filter)" }]);
      // A consumer this library does not know counts as none: a key is needed.
      const unknown = await h.request({ consumer: "mallory" });
      expect(unknown.response?.status).toBe(401);
    });
    // Not configured to: the earlier consumer is no excuse for a missing key.
    const strict = await host.request({ consumer: "alice" });
    expect(strict.response?.status).toBe(401);
  });

  it("replaces an earlier filter's consumer with the key's", async () => {
    const res = await host.request({ headers: { "x-api-key": "k-bob" }, consumer: "alice" });
    expect(res.filterState).toEqual({ "mosn-ts.consumer": { value: "bob", lifeSpan: 1, streamSharing: 0 } });
    expect(res.metadata).toEqual({ "mosn-ts": { consumer: "bob" } });
  });

  it("names the configured realm in the challenge, quoted", async () => {
    await withHost({ ...headerOnly, realm: 'orders "v2"' }, async (h) => {
      const res = await h.request({});
      expect(res.response?.header("www-authenticate")).toBe('Key realm="orders \\"v2\\""');
    });
  });

  it("cannot be set up with consumers sharing a key", async () => {
    const shared = [
      { name: "alice", credentials: { "key-auth": ["k-1"] } },
      { name: "bob", credentials: { "key-auth": ["k-1"] } },
    ];
    await expect(createHost({ plugin, config: headerOnly, consumers: shared })).rejects.toThrow(
      'invalid config for plugin "mosn-ts-consumers": $.consumers[1].credentials["key-auth"][0]: credential already belongs to consumer "alice"',
    );
  });
});
