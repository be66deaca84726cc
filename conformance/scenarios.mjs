// The conformance scenarios: protocol operations (docs/host-protocol.md) sent to the mock
// host for both libraries, in this order, each recording its C API calls. The filters
// pick their behaviour from the request's x-case header (reference/conformance/filter.go,
// async.go; twin/src/*.ts).

const request = (path, extra = [], method = "GET") => [
  [":method", method],
  [":path", path],
  [":authority", "example.com"],
  [":scheme", "http"],
  ...extra,
];

const CONFORMANCE = 1; // configId of the "conformance" config (the first one created)
const ASYNC = 2; // configId of the "conformance-async" config

/** @type {{name: string, op: Record<string, unknown>}[]} */
export const scenarios = [
  {
    name: "config: conformance (configure, metrics defined)",
    op: { op: "config", plugin: "conformance", config: { greeting: "hello" } },
  },
  {
    name: "config: conformance-async",
    op: { op: "config", plugin: "conformance-async", config: { delayMs: 1 } },
  },
  {
    name: "headers: read, set, add, remove; response headers",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/headers", [["x-case", "headers"], ["x-user", "alice"], ["x-remove-me", "1"]]) },
      upstream: { status: 200, headers: [["server", "upstream"], ["content-type", "text/plain"]], body: "ok" },
    },
  },
  {
    name: "headers: a header the filter reads is absent",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/headers?anonymous=1", [["x-case", "headers"]]) },
      upstream: { status: 204 },
    },
  },
  {
    name: "streaming body: every chunk rewritten, both directions",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/stream", [["x-case", "stream-body"]], "POST"), chunks: ["ab", "cd", "ef"] },
      upstream: { status: 200, chunks: ["x", "y", "z"] },
    },
  },
  {
    name: "buffered body: StopAndBuffer, then the whole body",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/buffer", [["x-case", "buffer-body"]], "POST"), chunks: ["hello ", "buffered ", "world"] },
      upstream: { status: 200, chunks: ["resp-", "onse"] },
    },
  },
  {
    name: "trailers: both directions, data added before the request trailers",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: {
        headers: request("/trailers", [["x-case", "trailers"]], "POST"),
        body: "payload",
        trailers: [["x-trailer", "t1"], ["x-trailer-drop", "z"]],
      },
      upstream: { status: 200, body: "ok", trailers: [["x-resp-trailer", "r1"], ["x-resp-trailer-drop", "d"]] },
    },
  },
  {
    name: "local reply from decodeHeaders (through the encode hooks)",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/deny", [["x-case", "local-decode"], ["x-user", "mallory"]]) },
    },
  },
  {
    name: "local reply from encodeHeaders (upstream 503)",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/upstream-fails", [["x-case", "local-encode"]]) },
      upstream: { status: 503, headers: [["content-type", "text/plain"]], body: "unavailable" },
    },
  },
  {
    name: "no local reply from encodeHeaders (upstream 200)",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/upstream-ok", [["x-case", "local-encode"]]) },
      upstream: { status: 200, body: "fine" },
    },
  },
  {
    name: "destroy mid-request: client reset after the first request chunk",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/reset", [["x-case", "stream-body"], ["x-user", "bob"]], "POST"), chunks: ["one", "two", "three"] },
      reset: { after: "decodeData" },
    },
  },
  {
    name: "destroy mid-request: client reset after the request headers",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/reset-early", [["x-case", "headers"]], "POST"), body: "never seen" },
      reset: { after: "decodeHeaders" },
    },
  },
  {
    name: "dynamic metadata: read another filter's, set string, number, boolean",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/metadata", [["x-case", "metadata"]]) },
      metadata: { "upstream.filter": { tier: "gold", other: 1 } },
    },
  },
  {
    name: "dynamic metadata: the namespace another filter would set is absent",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/metadata-none", [["x-case", "metadata"]]) },
    },
  },
  {
    name: "filter state: read a string object, set two at different life spans",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/state", [["x-case", "filter-state"]]) },
      filterState: { "upstream.key": "k1", other: { value: "o", lifeSpan: 2, streamSharing: 1 } },
    },
  },
  {
    name: "metrics: a plain request still counts (counter, gauges)",
    op: {
      op: "request",
      configId: CONFORMANCE,
      request: { headers: request("/plain") },
      upstream: { status: 404 },
    },
  },
  {
    name: "async continue: header, data and response hooks finish after a sleep",
    op: {
      op: "request",
      configId: ASYNC,
      request: { headers: request("/async", [["x-case", "async"]], "POST"), body: "payload" },
      upstream: { status: 200, headers: [["content-type", "text/plain"]], body: "ok" },
    },
  },
  {
    name: "async continue: headers-only request and response",
    op: {
      op: "request",
      configId: ASYNC,
      request: { headers: request("/async-headers", [["x-case", "async"]]) },
    },
  },
  {
    name: "async local reply: sent from the goroutine after a sleep",
    op: {
      op: "request",
      configId: ASYNC,
      request: { headers: request("/async-deny", [["x-case", "async-deny"]]) },
    },
  },
];

/** The operation lines for one library: every scenario recording its calls, then exit. */
export function operations() {
  return [...scenarios.map((s) => ({ ...s.op, recordCalls: true })), { op: "exit" }];
}
