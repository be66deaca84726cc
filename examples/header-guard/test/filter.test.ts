import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host } from "@mosn-ts/sdk/testing";
import plugin from "../src/filter.js";

const config = { requiredHeader: "x-api-key", stripResponseHeaders: ["server", "x-powered-by"] };

describe("header-guard", () => {
  let host: Host;
  beforeAll(async () => {
    host = await createHost({ plugin, config, seed: 7 });
  });
  afterAll(async () => {
    await host.close();
  });

  it("rejects a request without the required header with a 403 JSON body", async () => {
    const res = await host.request({ method: "GET", path: "/orders" });
    expect(res.upstream).toBeNull();
    expect(res.response?.status).toBe(403);
    expect(res.response?.headers).toContainEqual(["content-type", "application/json"]);
    expect(res.response?.json()).toEqual({ error: "forbidden", reason: "missing header x-api-key" });
    expect(res.logs).toContainEqual({ level: "info", message: "rejecting GET /orders: missing x-api-key" });
  });

  it("treats a blank header value as missing", async () => {
    const res = await host.request({ headers: { "x-api-key": "   " } });
    expect(res.response?.status).toBe(403);
  });

  it("forwards an allowed request with a generated x-request-id", async () => {
    const res = await host.request({ method: "POST", path: "/orders", headers: { "x-api-key": "k" }, body: "{}" });
    const sent = res.upstream?.headers.find(([name]) => name === "x-request-id")?.[1];
    expect(sent).toMatch(/^req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.upstream?.body).toBe("{}");
    expect(res.response?.headers).toContainEqual(["x-request-id", sent]);
  });

  it("keeps the caller's x-request-id", async () => {
    const res = await host.request({ headers: { "x-api-key": "k", "x-request-id": "abc-1" } });
    expect(res.upstream?.headers.filter(([name]) => name === "x-request-id")).toEqual([["x-request-id", "abc-1"]]);
    expect(res.response?.headers).toContainEqual(["x-request-id", "abc-1"]);
  });

  it("strips the configured response headers", async () => {
    const res = await host.request({
      headers: { "x-api-key": "k" },
      upstream: { status: 200, headers: { server: "backend", "x-powered-by": "php", "x-kept": "1" }, body: "ok" },
    });
    const names = (res.response?.headers ?? []).map(([name]) => name);
    expect(names).not.toContain("server");
    expect(names).not.toContain("x-powered-by");
    expect(names).toContain("x-kept");
    expect(res.response?.body).toBe("ok");
  });

  it("uses the configured request id prefix", async () => {
    const prefixed = await createHost({ plugin, config: { ...config, requestIdPrefix: "edge-" } });
    try {
      const res = await prefixed.request({ headers: { "x-api-key": "k" } });
      expect(res.upstream?.headers.find(([name]) => name === "x-request-id")?.[1]).toMatch(/^edge-/);
    } finally {
      await prefixed.close();
    }
  });

  it("rejects configs that do not match HeaderGuardConfig, naming the JSON path", async () => {
    await expect(createHost({ plugin, rawConfig: { requiredHeader: "x" } })).rejects.toThrow(
      "$.stripResponseHeaders: missing required field",
    );
    await expect(
      createHost({ plugin, rawConfig: { requiredHeader: "x", stripResponseHeaders: ["a", 2] } }),
    ).rejects.toThrow("$.stripResponseHeaders[1]: expected string, got number");
  });
});
