import assert from "node:assert/strict";
import { test } from "node:test";
import { KEEP_MARKER, keptPart, renderReport } from "../lib/bench-report.mjs";

const input = (kept) => ({
  machine: { date: "2026-01-01", cpu: "CPU", cores: 2, os: "Linux", go: "go1.26", node: "v20", cc: "gcc" },
  command: "pnpm bench:runtime",
  settings: { envoy: "v1.39.1", rounds: 3, reps: 5, warmup: 1000, iterations: 20000 },
  request: { headerCount: 16, summary: ":method GET, …" },
  rows: [
    { label: "official SDK", plugin: "header-bench", ns: 11000, nsSpread: 0.05, cpuNs: 12000, mallocs: 31 },
    { label: "mosn-ts", plugin: "header-bench", ns: 8000, nsSpread: 0.04, cpuNs: 8500, mallocs: 0 },
  ],
  baseline: { label: "C pass-through", ns: 5000, nsSpread: 0.01, cpuNs: 5100 },
  result: { ratioNet: 0.5, ratioCpu: 0.49, ratioTotal: 0.73, oursMallocs: 0, officialMallocs: 31, oursHeaderMallocs: 0, officialHeaderMallocs: 25 },
  kept,
});

test("the report states the ratio, both rows and the verdicts", () => {
  const md = renderReport(input("my notes\n"));
  assert.match(md, /mosn-ts \/ official SDK: 0\.50 on wall-clock time, 0\.49 on CPU time\*\*/);
  assert.match(md, /including the host: 0\.73 wall-clock/);
  assert.match(md, /Target ≤ 0\.80: \*\*met\*\* on wall-clock time, \*\*met\*\* on CPU time/);
  assert.match(md, /Target 0 for header-only work: \*\*met\*\*; the rest is each stream's own bookkeeping \(none\)/);
  assert.match(md, /\| official SDK \| `header-bench` \| 11,000 \| 5\.0 % \| 12,000 \| 6,000 \| 6,900 \| 31\.0 \|/);
  assert.match(md, /\| mosn-ts \| `header-bench` \| 8,000 \| 4\.0 % \| 8,500 \| 3,000 \| 3,400 \| 0\.0 \|/);
  assert.match(md, /\| C pass-through \| – \| 5,000 \| 1\.0 % \| 5,100 \| 0 \| 0 \| – \|/);
  assert.ok(md.endsWith(`${KEEP_MARKER}\nmy notes\n`));
});

test("a missed target says so", () => {
  const i = input();
  i.result = { ...i.result, ratioNet: 1.2, oursMallocs: 5, oursHeaderMallocs: 2 };
  const md = renderReport(i);
  assert.match(md, /Target ≤ 0\.80: \*\*not met\*\* on wall-clock time, \*\*met\*\* on CPU time/);
  assert.match(md, /header work itself \(over `noop`, whose header hook does nothing\): mosn-ts 2\.0, official SDK 25\.0/);
  assert.match(md, /Target 0 for header-only work: \*\*not met\*\*; the rest is each stream's own bookkeeping \(see the findings below\)/);
});

test("the part after the marker survives a rerun", () => {
  const first = renderReport(input("notes by hand\nline two\n"));
  assert.equal(keptPart(first), "notes by hand\nline two\n");
  assert.equal(keptPart("no marker here"), undefined);
});
