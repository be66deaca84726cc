// What the TypeScript host gives each data call after a data hook returned a Stop status, in
// both directions. Envoy v1.39.1 (golang_filter.cc doData/doDataGo, processor_state.cc
// handleDataGolangStatus) keeps the chunk of that call in its doDataList, where Go no longer
// sees it, and passes it on when Go continues (StopNoBuffer drops it instead). The next call
// gets only what came after it: after StopAndBuffer, the rest of the body in one call at the
// end of the stream. Only StopAndBuffer from a headers hook gives one call with the whole body.
import { describe, expect, it } from "vitest";
import { definePlugin, Status, type BodyBuffer, type FilterContext } from "../src/index.js";
import type { RequestOptions } from "../src/testing/request-options.js";
import { runTs, steps } from "./helpers.js";

/** Data hooks that log `<hook> <buffer> end=<bool>` and return `stop` until the end of the stream. */
function stopping(stop: Status) {
  class StopFilter {
    constructor(private readonly ctx: FilterContext) {}
    private data(hook: string, b: BodyBuffer, end: boolean): Status {
      this.ctx.log.info(`${hook} ${b.text()} end=${end}`);
      return end ? Status.Continue : stop;
    }
    decodeData(b: BodyBuffer, end: boolean): Status {
      return this.data("decodeData", b, end);
    }
    encodeData(b: BodyBuffer, end: boolean): Status {
      return this.data("encodeData", b, end);
    }
  }
  return definePlugin<Record<string, never>>({ name: "stop", create: (ctx) => new StopFilter(ctx) });
}

/** A request body and a response body of three chunks each. */
const request = (): RequestOptions => ({ method: "POST", chunks: ["aa", "bb", "cc"], upstream: { chunks: ["xx", "yy", "zz"] } });

describe("TypeScript host: data hooks returning Stop statuses", () => {
  it("StopAndBuffer: the last call has the rest of the body; the held chunk still goes on", async () => {
    const res = await runTs(stopping(Status.StopAndBuffer), request());
    expect(res.logMessages()).toEqual(["decodeData aa end=false", "decodeData bbcc end=true", "encodeData xx end=false", "encodeData yyzz end=true"]);
    expect(steps(res)).toContain("encodeData()=StopAndBuffer");
    expect(res.upstream?.body).toBe("aabbcc");
    expect(res.response?.body).toBe("xxyyzz");
  });

  it("StopAndBufferWatermark: one call per chunk; the held chunks go on with the last", async () => {
    const res = await runTs(stopping(Status.StopAndBufferWatermark), request());
    expect(res.logMessages()).toEqual([
      "decodeData aa end=false",
      "decodeData bb end=false",
      "decodeData cc end=true",
      "encodeData xx end=false",
      "encodeData yy end=false",
      "encodeData zz end=true",
    ]);
    expect(res.upstream?.body).toBe("aabbcc");
    expect(res.response?.body).toBe("xxyyzz");
  });

  it("StopNoBuffer: one call per chunk; each chunk it returned for is dropped", async () => {
    const res = await runTs(stopping(Status.StopNoBuffer), request());
    expect(res.logMessages()).toEqual([
      "decodeData aa end=false",
      "decodeData bb end=false",
      "decodeData cc end=true",
      "encodeData xx end=false",
      "encodeData yy end=false",
      "encodeData zz end=true",
    ]);
    expect(res.upstream?.body).toBe("cc");
    expect(res.response?.body).toBe("zz");
  });

  it("StopAndBuffer from the headers hooks: one data call with the whole body", async () => {
    const plugin = definePlugin<Record<string, never>>({
      name: "whole",
      create: (ctx) => ({
        decodeHeaders: () => Status.StopAndBuffer,
        encodeHeaders: () => Status.StopAndBuffer,
        decodeData: (b: BodyBuffer, end: boolean) => ctx.log.info(`decodeData ${b.text()} end=${end}`),
        encodeData: (b: BodyBuffer, end: boolean) => ctx.log.info(`encodeData ${b.text()} end=${end}`),
      }),
    });
    const res = await runTs(plugin, request());
    expect(res.logMessages()).toEqual(["decodeData aabbcc end=true", "encodeData xxyyzz end=true"]);
    expect(res.upstream?.body).toBe("aabbcc");
    expect(res.response?.body).toBe("xxyyzz");
  });
});
