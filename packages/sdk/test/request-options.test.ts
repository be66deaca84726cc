import { describe, expect, it } from "vitest";
import { buildRequestOp } from "../src/testing/request-options.js";

describe("buildRequestOp", () => {
  it("fills GET / on http://localhost and puts the pseudo-headers first", () => {
    expect(buildRequestOp({ headers: { "x-a": "1" } }, "r1")).toEqual({
      op: "request",
      id: "r1",
      request: {
        headers: [
          [":method", "GET"],
          [":path", "/"],
          [":authority", "localhost"],
          [":scheme", "http"],
          ["x-a", "1"],
        ],
      },
    });
  });

  it("takes method, path, authority and scheme from options or from pseudo-headers", () => {
    const op = buildRequestOp({ method: "POST", path: "/x?y=1", headers: [[":authority", "example.com"]] }, "r2");
    expect(op.request.headers.slice(0, 4)).toEqual([
      [":method", "POST"],
      [":path", "/x?y=1"],
      [":authority", "example.com"],
      [":scheme", "http"],
    ]);
    expect(() => buildRequestOp({ method: "POST", headers: { ":method": "GET" } }, "r3")).toThrow(/contradicts/);
  });

  it("repeats a header given as a list, and keeps pairs in order", () => {
    const fromObject = buildRequestOp({ headers: { cookie: ["a=1", "b=2"] } }, "r");
    expect(fromObject.request.headers.slice(4)).toEqual([
      ["cookie", "a=1"],
      ["cookie", "b=2"],
    ]);
    const fromPairs = buildRequestOp({ headers: [["b", "1"], ["a", "2"], ["b", "3"]] }, "r");
    expect(fromPairs.request.headers.slice(4)).toEqual([
      ["b", "1"],
      ["a", "2"],
      ["b", "3"],
    ]);
  });

  it("sends json as text with content-type application/json unless one is given", () => {
    const op = buildRequestOp({ method: "POST", json: { a: [1, "x"] } }, "r");
    expect(op.request.body).toBe('{"a":[1,"x"]}');
    expect(op.request.headers).toContainEqual(["content-type", "application/json"]);
    const own = buildRequestOp({ method: "POST", json: 1, headers: { "Content-Type": "application/x" } }, "r");
    expect(own.request.headers.filter(([k]) => k.toLowerCase() === "content-type")).toEqual([["Content-Type", "application/x"]]);
  });

  it("writes bytes that are not UTF-8 as bodyBase64", () => {
    const op = buildRequestOp({ body: new Uint8Array([0xff, 0x00]) }, "r");
    expect(op.request).toMatchObject({ bodyBase64: "/wA=" });
    expect(op.request.body).toBeUndefined();
  });

  it("passes chunks, trailers, reset and the upstream script", () => {
    const op = buildRequestOp(
      {
        chunks: ["a", "b"],
        trailers: { "x-t": "1" },
        reset: "decodeData",
        upstream: { status: 201, json: { ok: true }, trailers: [["grpc-status", "0"]] },
      },
      "r",
    );
    expect(op.request.chunks).toEqual(["a", "b"]);
    expect(op.request.trailers).toEqual([["x-t", "1"]]);
    expect(op.reset).toEqual({ after: "decodeData" });
    expect(op.upstream).toEqual({
      status: 201,
      headers: [["content-type", "application/json"]],
      body: '{"ok":true}',
      trailers: [["grpc-status", "0"]],
    });
  });

  it("rejects ambiguous bodies and an echo upstream with a script", () => {
    expect(() => buildRequestOp({ body: "a", json: {} }, "r")).toThrow(/at most one of body, json and chunks/);
    expect(() => buildRequestOp({ upstream: { echo: true, status: 500 } }, "r")).toThrow(/echo answers with the request; drop status/);
    expect(buildRequestOp({ upstream: { echo: true } }, "r").upstream).toEqual({ echo: true });
  });
});

describe("buildRequestOp: v2 inputs", () => {
  it("copies stream info, properties, secrets, metadata, filter state and the idle timeout into the op", () => {
    const options = {
      streamInfo: { routeName: "r", workerId: 0 },
      properties: { "request.path": "/" },
      secrets: { s: "1" },
      metadata: { ns: { k: [1, { a: null }] } },
      filterState: { a: "1", b: { value: "2", lifeSpan: 2 } },
      idleTimeoutMs: 50,
    };
    const op = buildRequestOp(options, "r9");
    expect(op).toMatchObject(options);
    options.metadata.ns.k = [];
    expect(op.metadata).toEqual({ ns: { k: [1, { a: null }] } });
  });

  it("leaves them out when not given, so v1 ops stay as they were", () => {
    expect(Object.keys(buildRequestOp({}, "r1")).sort()).toEqual(["id", "op", "request"]);
  });

  it("turns consumer into the filter state entry setConsumer writes, beside other filter state", () => {
    expect(buildRequestOp({ consumer: "alice" }, "r").filterState).toEqual({
      "mosn-ts.consumer": { value: "alice", lifeSpan: 1, streamSharing: 0 },
    });
    expect(buildRequestOp({ consumer: "bob", filterState: { a: "1" } }, "r").filterState).toEqual({
      a: "1",
      "mosn-ts.consumer": { value: "bob", lifeSpan: 1, streamSharing: 0 },
    });
  });

  it("refuses a consumer given twice, or not as a name", () => {
    expect(() => buildRequestOp({ consumer: "a", filterState: { "mosn-ts.consumer": "b" } }, "r")).toThrow(
      'give the consumer either as consumer or as filterState["mosn-ts.consumer"], not both',
    );
    expect(() => buildRequestOp({ consumer: 3 as never }, "r")).toThrow("consumer must be a consumer name (a string)");
  });
});
