import { describe, expect, it } from "vitest";
import { EnvoyHeaderMap } from "../src/testing/ts-host/header-map.js";
import { prepareLocalReply } from "../src/testing/ts-host/local-reply.js";

describe("EnvoyHeaderMap", () => {
  it("lower-cases names (ASCII only) and keeps values as given", () => {
    const m = new EnvoyHeaderMap([["X-Api-KEY", "Secret"]]);
    expect(m.list()).toEqual([["x-api-key", "Secret"]]);
    expect(m.get("X-API-Key")).toBe("Secret");
    m.add("Ä-x", "1");
    expect(m.keys()).toEqual(["x-api-key", "Ä-x"]);
  });

  it("keeps repeats in insertion order", () => {
    const m = new EnvoyHeaderMap([
      ["a", "1"],
      ["b", "2"],
      ["a", "3"],
    ]);
    expect(m.get("a")).toBe("1");
    expect(m.getAll("a")).toEqual(["1", "3"]);
    expect(m.keys()).toEqual(["a", "b"]);
  });

  it("puts pseudo-headers before the others, a new one after the existing ones", () => {
    const m = new EnvoyHeaderMap([
      ["x", "1"],
      [":method", "GET"],
      [":path", "/"],
    ]);
    m.add(":authority", "h");
    expect(m.list()).toEqual([
      [":method", "GET"],
      [":path", "/"],
      [":authority", "h"],
      ["x", "1"],
    ]);
  });

  it("sets by removing every value and adding one at the end of its section", () => {
    const m = new EnvoyHeaderMap([
      [":method", "GET"],
      [":path", "/"],
      ["a", "1"],
      ["b", "2"],
      ["a", "3"],
    ]);
    m.set("A", "9");
    m.set(":method", "POST");
    expect(m.list()).toEqual([
      [":path", "/"],
      [":method", "POST"],
      ["b", "2"],
      ["a", "9"],
    ]);
  });

  it("removes every value of a name", () => {
    const m = new EnvoyHeaderMap([
      ["a", "1"],
      ["b", "2"],
      ["A", "3"],
    ]);
    m.remove("a");
    expect(m.list()).toEqual([["b", "2"]]);
    expect(m.has("a")).toBe(false);
  });
});

describe("local reply (Envoy's prepareLocalReply)", () => {
  const plain = { isGrpc: false, isHead: false };
  const reply = (status: number, body: string, headers: [string, string][] = [], grpcStatus = 2) => ({
    status,
    body,
    headers,
    grpcStatus,
    details: "",
  });

  it("adds content-length and a text/plain content-type after the filter's headers", () => {
    const { headers, body } = prepareLocalReply(reply(403, "nope", [["x-why", "key"]]), plain);
    expect(headers.list()).toEqual([
      [":status", "403"],
      ["x-why", "key"],
      ["content-length", "4"],
      ["content-type", "text/plain"],
    ]);
    expect(new TextDecoder().decode(body)).toBe("nope");
  });

  it("keeps the filter's content-type and replaces its content-length where it stands", () => {
    const { headers } = prepareLocalReply(
      reply(200, "héllo", [
        ["content-length", "1"],
        ["content-type", "application/json"],
      ]),
      plain,
    );
    expect(headers.list()).toEqual([
      [":status", "200"],
      ["content-length", "6"],
      ["content-type", "application/json"],
    ]);
  });

  it("removes both body headers when there is no body", () => {
    const { headers, body } = prepareLocalReply(reply(204, "", [["content-type", "text/html"]]), plain);
    expect(headers.list()).toEqual([[":status", "204"]]);
    expect(body.length).toBe(0);
  });

  it("answers a HEAD request with the headers only, content-length included", () => {
    const { headers, body } = prepareLocalReply(reply(403, "nope"), { isGrpc: false, isHead: true });
    expect(headers.get("content-length")).toBe("4");
    expect(body.length).toBe(0);
  });

  it("answers a gRPC request with status 200, grpc-status and the body as grpc-message", () => {
    const { headers, body } = prepareLocalReply(reply(403, "no ~ 100%\n", [], 7), { isGrpc: true, isHead: false });
    expect(headers.list()).toEqual([
      [":status", "200"],
      ["content-type", "application/grpc"],
      ["grpc-status", "7"],
      ["grpc-message", "no %7E 100%25%0A"],
    ]);
    expect(body.length).toBe(0);
  });
});
