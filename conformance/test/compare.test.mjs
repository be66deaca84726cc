import assert from "node:assert/strict";
import { test } from "node:test";
import { compareAnswers, effectCalls, effectCount, firstDifference } from "../lib/compare.mjs";

const log = (message, thread) => ({ fn: "envoyGoFilterLog", args: { level: 2, message }, thread });
const set = (key, thread = "worker") => ({
  fn: "envoyGoFilterHttpSetHeaderHelper",
  args: { state: "decoding", key, value: "v", action: "HeaderSet" },
  status: "CAPIOK",
  thread,
});
const read = (key) => ({ fn: "envoyGoFilterHttpGetHeader", args: { state: "decoding", key }, status: "CAPIOK", thread: "worker" });

test("reads are not compared, writes are, in order", () => {
  const reference = { op: "result", calls: [{ fn: "envoyGoFilterHttpCopyHeaders", args: { state: "decoding" } }, set("a"), set("b")] };
  const twin = { op: "result", calls: [read("x"), set("a"), read("y"), set("b")] };
  assert.deepEqual(compareAnswers(reference, twin), []);
  const swapped = { op: "result", calls: [set("b"), set("a")] };
  const problems = compareAnswers(reference, swapped);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].kind, "calls");
  assert.equal(problems[0].path, "calls.worker[0].args.key");
});

test("a write the twin leaves out is a difference", () => {
  const problems = compareAnswers({ calls: [set("a")] }, { calls: [] });
  assert.deepEqual(problems.map((p) => [p.kind, p.path]), [["calls", "calls.worker[0]"]]);
});

test("worker and Go-thread calls are two ordered lists; their interleaving is not compared", () => {
  const a = { calls: [set("w1"), set("g1", "go"), set("w2"), set("g2", "go")] };
  const b = { calls: [set("w1"), set("w2"), set("g1", "go"), set("g2", "go")] };
  assert.deepEqual(compareAnswers(a, b), []);
  const c = { calls: [set("w1"), set("w2"), set("g2", "go"), set("g1", "go")] };
  assert.equal(compareAnswers(a, c)[0].path, "calls.go[0].args.key");
  // The same write from another thread is a difference.
  const d = { calls: [set("w1", "go"), set("w2"), set("g1", "go"), set("g2", "go")] };
  assert.equal(compareAnswers(a, d)[0].path, "calls.go[0].args.key");
});

test("log lines are left to the answer's logs", () => {
  assert.deepEqual(effectCalls([log("m", "go"), set("a")]), { worker: [set("a")], go: [] });
  assert.equal(effectCount([log("m", "go"), set("a"), read("b"), set("c", "go")]), 2);
  assert.deepEqual(compareAnswers({ calls: [log("m", "worker")] }, { calls: [log("other", "go")] }), []);
});

test("answers compare without their calls, members in any order", () => {
  const a = { op: "result", response: { status: 200, headers: [["a", "1"]] }, calls: [] };
  const b = { response: { headers: [["a", "1"]], status: 200 }, op: "result", calls: [read("z")] };
  assert.deepEqual(compareAnswers(a, b), []);
  const c = { ...b, response: { status: 200, headers: [["a", "2"]] } };
  const [p] = compareAnswers(a, c);
  assert.deepEqual([p.kind, p.path, p.reference, p.twin], ["answer", "$.response.headers[0][1]", "1", "2"]);
});

test("firstDifference tells a missing member from a null one", () => {
  assert.deepEqual(firstDifference({ a: null }, {}), { path: "$.a", reference: null, twin: undefined });
  assert.equal(firstDifference([1, 2], [1, 2]), null);
  assert.equal(firstDifference([1], [1, 2]).path, "$[1]");
  assert.equal(firstDifference(1, "1").path, "$");
});
