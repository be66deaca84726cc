import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host } from "@mosn-ts/sdk/testing";
import plugin from "../src/filter.js";

const config = { healthPath: "/healthz", tagHeader: "x-{{name}}", tagValue: "on" };

describe("{{name}}", () => {
  let host: Host;
  beforeAll(async () => {
    host = await createHost({ plugin, config });
  });
  afterAll(async () => {
    await host.close();
  });

  it("answers the health path itself", async () => {
    const res = await host.request({ path: "/healthz" });
    expect(res.upstream).toBeNull();
    expect(res.response?.status).toBe(200);
    expect(res.response?.body).toBe("ok\n");
  });

  it("tags the request and the response", async () => {
    const res = await host.request({ path: "/api", upstream: { status: 201, body: "created" } });
    expect(res.upstream?.headers).toContainEqual(["x-{{name}}", "on"]);
    expect(res.response?.status).toBe(201);
    expect(res.response?.headers).toContainEqual(["x-{{name}}", "on"]);
    expect(res.response?.body).toBe("created");
  });

  it("rejects a config of the wrong type", async () => {
    await expect(createHost({ plugin, rawConfig: { ...config, tagValue: 1 } })).rejects.toThrow(
      "$.tagValue: expected string, got number",
    );
  });
});
