// Comparing the mock host's answers for the reference library and the TypeScript twin.
//
// Everything a host answers is compared as is, except the recorded C API calls: the two
// runtimes may read headers, buffers and stream info differently (one bulk copy against
// single gets, a log-level check before each line or none), so only the calls with an
// effect Envoy or its other filters can see are compared, in order, per stream and thread.

/** C API functions that only read: how a runtime reads is its own business. */
export const READ_ONLY_CALLS = new Set([
  "envoyGoFilterHttpGetHeader",
  "envoyGoFilterHttpCopyHeaders",
  "envoyGoFilterHttpCopyTrailers",
  "envoyGoFilterHttpGetBuffer",
  "envoyGoFilterHttpGetStringValue",
  "envoyGoFilterHttpGetIntegerValue",
  "envoyGoFilterHttpGetDynamicMetadata",
  "envoyGoFilterHttpGetStringFilterState",
  "envoyGoFilterHttpGetStringProperty",
  "envoyGoFilterHttpGetStringSecret",
  "envoyGoFilterHttpGetMetric",
  "envoyGoFilterLogLevel",
]);

/**
 * The calls with a visible effect, as two ordered lists: those made on the worker thread
 * (synchronous hooks) and those made from Go threads (async hooks). One list of both
 * would depend on timing: the mock host stores a Go thread's record when its call
 * returns, which can be after the worker has already run what the call posted (the next
 * hook, say). Log lines are left out: the answer's `logs`, compared whole, hold every line
 * in the order it was written.
 */
export function effectCalls(calls) {
  const worker = [];
  const go = [];
  for (const c of calls ?? []) {
    if (READ_ONLY_CALLS.has(c.fn) || c.fn === "envoyGoFilterLog") continue;
    (c.thread === "worker" ? worker : go).push(c);
  }
  return { worker, go };
}

/** How many calls effectCalls compares. */
export function effectCount(calls) {
  const { worker, go } = effectCalls(calls);
  return worker.length + go.length;
}

/** The answer without its call records. */
export function visibleAnswer(answer) {
  const { calls: _calls, ...rest } = answer;
  return rest;
}

/**
 * The first difference between two JSON values, as a path and both sides, or null.
 * Object members compare regardless of order; arrays element by element.
 */
export function firstDifference(a, b, path = "$") {
  if (Object.is(a, b)) return null;
  const kind = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  if (kind(a) !== kind(b)) return { path, reference: a, twin: b };
  if (Array.isArray(a)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return { path: `${path}[${i}]`, reference: a[i], twin: b[i] };
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (kind(a) === "object") {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      if (!(k in a) || !(k in b)) return { path: `${path}.${k}`, reference: a[k], twin: b[k] };
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return { path, reference: a, twin: b };
}

/**
 * Compares one operation's answers. Returns the list of problems (empty when they agree):
 * a difference in what the host answered, or in the effect calls.
 */
export function compareAnswers(reference, twin) {
  const problems = [];
  const answerDiff = firstDifference(visibleAnswer(reference), visibleAnswer(twin));
  if (answerDiff) problems.push({ kind: "answer", ...answerDiff });
  const callDiff = firstDifference(effectCalls(reference.calls), effectCalls(twin.calls), "calls");
  if (callDiff) problems.push({ kind: "calls", ...callDiff });
  return problems;
}
