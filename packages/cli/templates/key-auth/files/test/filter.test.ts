import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host, type RequestResult } from "@mosn-ts/sdk/testing";
import plugin, { type KeyAuthConfig } from "../src/filter.js";

const consumers = [
  { name: "alice", credentials: { "key-auth": ["k-alice-1", "k-alice-2"] }, settings: { tier: "gold" } },
  { name: "bob", credentials: { "key-auth": ["k-bob"] } },
];

const config: KeyAuthConfig = {
  keys: [
    { name: "x-api-key", source: "header" },
    { name: "apikey", source: "query" },
  ],
  hideCredentials: true,
};

/** The values of an upstream request header. */
function sent(res: RequestResult, name: string): string[] {
  return (res.upstream?.headers ?? []).filter(([n]) => n === name).map(([, v]) => v);
}

describe("{{name}}", () => {
  let host: Host;
  beforeAll(async () => {
    host = await createHost({ plugin, config, consumers });
  });
  afterAll(async () => {
    await host.close();
  });

  it("rejects a request without a key with 401 and a Key challenge", async () => {
    const res = await host.request({ path: "/orders" });
    expect(res.upstream).toBeNull();
    expect(res.response?.status).toBe(401);
    expect(res.response?.header("www-authenticate")).toBe('Key realm="mosn-ts"');
    expect(res.response?.json()).toEqual({ error: "unauthorized", message: "no API key found in request" });
  });

  it("rejects an unknown key with 401", async () => {
    const res = await host.request({ headers: { "x-api-key": "k-mallory" } });
    expect(res.response?.status).toBe(401);
    expect(res.response?.json()).toEqual({ error: "unauthorized", message: "invalid API key" });
  });

  it("forwards a known key's request as its consumer, without the key", async () => {
    const res = await host.request({ path: "/orders", headers: { "x-api-key": "k-alice-1", "x-consumer-name": "admin" } });
    expect(res.response?.status).toBe(200);
    expect(sent(res, "x-consumer-name")).toEqual(["alice"]);
    expect(sent(res, "x-api-key")).toEqual([]);
    expect(res.filterState).toEqual({ "mosn-ts.consumer": { value: "alice", lifeSpan: 1, streamSharing: 0 } });
    expect(res.metadata).toEqual({ "mosn-ts": { consumer: "alice" } });
    expect(res.logs).toEqual([{ level: "info", message: "GET /orders: consumer alice (header x-api-key)" }]);
  });

  it("finds the key in the query string and removes it", async () => {
    const res = await host.request({ path: "/orders?page=2&apikey=k-bob" });
    expect(sent(res, "x-consumer-name")).toEqual(["bob"]);
    expect(sent(res, ":path")).toEqual(["/orders?page=2"]);
  });

  it("refuses consumers that share a key", async () => {
    const shared = [
      { name: "alice", credentials: { "key-auth": ["k-1"] } },
      { name: "bob", credentials: { "key-auth": ["k-1"] } },
    ];
    await expect(createHost({ plugin, config, consumers: shared })).rejects.toThrow(
      '$.consumers[1].credentials["key-auth"][0]: credential already belongs to consumer "alice"',
    );
  });
});
