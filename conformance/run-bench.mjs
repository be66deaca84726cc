// pnpm bench:runtime — the header-heavy filter compiled from TypeScript and hand-written
// on Envoy's official Go SDK, driven by the same C driver in one run; writes
// docs/benchmarks/runtime.md. A report, not a test: it fails only when a library does
// not do the work (wrong result, host errors), never on the numbers.
//   node conformance/run-bench.mjs [--rounds N] [--reps N] [--iterations N] [--warmup N] [--out FILE]
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, release, type } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { keptPart, renderReport } from "./lib/bench-report.mjs";
import {
  buildReference,
  buildTwin,
  conformanceDir,
  ensureTypeScriptPackages,
  referenceModule,
  repoRoot,
} from "./lib/builds.mjs";
import { firstDifference } from "./lib/compare.mjs";
import { goEnv, run } from "./lib/proc.mjs";
import { median, spread } from "./lib/stats.mjs";

const { values: opts } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    reps: { type: "string", default: "5" },
    iterations: { type: "string", default: "20000" },
    warmup: { type: "string", default: "5000" },
    out: { type: "string", default: join(repoRoot, "docs", "benchmarks", "runtime.md") },
  },
});
const settings = {
  rounds: Number(opts.rounds),
  reps: Number(opts.reps),
  iterations: Number(opts.iterations),
  warmup: Number(opts.warmup),
  envoy: "v1.39.1",
};
for (const [k, v] of Object.entries(settings)) {
  if (k !== "envoy" && !(Number.isInteger(v) && v >= (k === "warmup" ? 0 : 1))) {
    throw new Error(`--${k} must be a positive integer`);
  }
}

const buildDir = join(conformanceDir, ".build");
const log = (line) => console.log(line);

/** 16 request headers: 4 pseudo-headers, the 5 the filter touches, 7 ordinary ones. */
const requestHeaders = [
  [":method", "GET"],
  [":path", "/bench?q=1"],
  [":authority", "example.com"],
  [":scheme", "http"],
  ["user-agent", "bench/1.0"],
  ["accept", "*/*"],
  ["accept-encoding", "gzip, br"],
  ["accept-language", "en-US"],
  ["x-forwarded-for", "10.0.0.1"],
  ["x-request-id", "4b7f0c2e-bench"],
  ["cookie", "session=abc123"],
  ["x-bench-a", "alpha"],
  ["x-bench-b", "bravo"],
  ["x-bench-c", "charlie"],
  ["x-bench-d", "delta"],
  ["x-bench-remove", "gone"],
];
const requestOp = { op: "request", request: { headers: requestHeaders }, upstream: { status: 200 } };

function buildLibraries() {
  ensureTypeScriptPackages(log);
  run("make", ["-s", "-C", join(conformanceDir, "driver"), `BUILD_DIR=${join(buildDir, "driver")}`]);
  const dir = join(buildDir, "bench");
  const official = buildReference("./headerbench", join(dir, "official.so"), { tags: ["mosnts_bench"] });
  log(`built ${relative(repoRoot, official)} (official SDK, with bench_memstats.go)`);
  // The CLI builds the TypeScript; the benchmark's extra file then goes into the generated
  // Go, which is rebuilt the way the CLI builds it (its build tag, no network).
  const { goDir } = buildTwin(join(conformanceDir, "bench-twin"), "header-bench", join(dir, "mosn-ts-plain.so"));
  copyFileSync(join(referenceModule, "headerbench", "bench_memstats.go"), join(goDir, "bench_memstats.go"));
  const ours = join(dir, "mosn-ts.so");
  run("go", ["build", "-buildmode=c-shared", "-tags", "envoy1.39,mosnts_bench", "-o", ours, "."], {
    cwd: goDir,
    env: goEnv({ GOFLAGS: "-mod=mod", GOPROXY: "off" }),
  });
  log(`built ${relative(repoRoot, ours)} (mosn-ts build, then with bench_memstats.go)`);
  return { driver: join(buildDir, "driver", "header-bench-driver"), passthrough: join(buildDir, "driver", "passthrough.so"), official, ours };
}

function drive(driver, library, plugin) {
  const out = run(driver, [
    "--plugin", plugin,
    "--request", JSON.stringify(requestOp),
    "--iterations", String(settings.iterations),
    "--warmup", String(settings.warmup),
    "--reps", String(settings.reps),
    library,
  ]);
  const result = JSON.parse(out);
  if (result.hostErrors.length > 0) throw new Error(`${library} ${plugin}: host errors ${JSON.stringify(result.hostErrors)}`);
  return result;
}

/** The header-bench result must be the filter's work, the same from both libraries. */
function checkSamples(samples) {
  const names = (s) => s.upstream.headers.map(([n]) => n);
  const official = samples.get("official/header-bench");
  const ours = samples.get("ours/header-bench");
  const diff = firstDifference(official.upstream, ours.upstream);
  if (diff) throw new Error(`the two header-bench libraries forwarded different requests: ${JSON.stringify(diff)}`);
  const have = names(official);
  for (const n of ["x-bench-out-1", "x-bench-out-2", "x-bench-out-3"]) {
    if (!have.includes(n)) throw new Error(`header-bench did not set ${n}: ${JSON.stringify(official.upstream)}`);
  }
  if (have.includes("x-bench-remove")) throw new Error("header-bench did not remove x-bench-remove");
  for (const key of ["official/noop", "ours/noop"]) {
    const d = firstDifference(requestHeaders, samples.get(key).upstream.headers);
    if (d) throw new Error(`${key} changed the request: ${JSON.stringify(d)}`);
  }
}

function machineInfo() {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? "unknown";
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpu: model,
    cores: availableParallelism(),
    os: `${type()} ${release()}`,
    go: run("go", ["env", "GOVERSION"], { env: goEnv() }).trim(),
    node: process.version,
    cc: run("cc", ["--version"]).split("\n")[0].trim(),
  };
}

function main() {
  const libs = buildLibraries();
  const runs = [
    { key: "official/header-bench", label: "official SDK", library: libs.official, plugin: "header-bench" },
    { key: "ours/header-bench", label: "mosn-ts", library: libs.ours, plugin: "header-bench" },
    { key: "official/noop", label: "official SDK", library: libs.official, plugin: "noop" },
    { key: "ours/noop", label: "mosn-ts", library: libs.ours, plugin: "noop" },
    { key: "baseline", label: "C pass-through (host only)", library: libs.passthrough, plugin: "noop" },
  ];
  const ns = new Map(runs.map((r) => [r.key, []]));
  const cpuNs = new Map(runs.map((r) => [r.key, []]));
  const mallocs = new Map(runs.map((r) => [r.key, []]));
  const samples = new Map();
  for (let round = 1; round <= settings.rounds; round++) {
    for (const r of runs) {
      const result = drive(libs.driver, r.library, r.plugin);
      ns.get(r.key).push(...result.nsPerRequest);
      cpuNs.get(r.key).push(...result.cpuNsPerRequest);
      if (result.mallocsPerRequest) mallocs.get(r.key).push(...result.mallocsPerRequest);
      samples.set(r.key, result.sample);
      const show = (v) => v.map((x) => x.toFixed(0)).join(" ");
      log(`round ${round}: ${r.key.padEnd(22)} wall ${show(result.nsPerRequest)}  cpu ${show(result.cpuNsPerRequest)} ns/request`);
    }
  }
  checkSamples(samples);

  const row = (r) => ({
    label: r.label,
    plugin: r.plugin,
    ns: median(ns.get(r.key)),
    nsSpread: spread(ns.get(r.key)),
    cpuNs: median(cpuNs.get(r.key)),
    mallocs: mallocs.get(r.key).length ? median(mallocs.get(r.key)) : null,
  });
  const [offHB, oursHB, offNoop, oursNoop, base] = runs.map(row);
  const result = {
    ratioNet: (oursHB.ns - base.ns) / (offHB.ns - base.ns),
    ratioCpu: (oursHB.cpuNs - base.cpuNs) / (offHB.cpuNs - base.cpuNs),
    ratioTotal: oursHB.ns / offHB.ns,
    oursMallocs: oursHB.mallocs,
    officialMallocs: offHB.mallocs,
    oursHeaderMallocs: oursHB.mallocs - oursNoop.mallocs,
    officialHeaderMallocs: offHB.mallocs - offNoop.mallocs,
  };
  const summary = requestHeaders.map(([n, v]) => `${n}: ${v}`).join(", ");
  const existing = existsSync(opts.out) ? readFileSync(opts.out, "utf8") : "";
  const md = renderReport({
    machine: machineInfo(),
    command: "pnpm bench:runtime",
    settings,
    request: { headerCount: requestHeaders.length, summary },
    rows: [offHB, oursHB, offNoop, oursNoop],
    baseline: base,
    result,
    kept: keptPart(existing),
  });
  mkdirSync(join(opts.out, ".."), { recursive: true });
  writeFileSync(opts.out, md);
  log(
    `\nmosn-ts / official SDK, header-bench: ${result.ratioNet.toFixed(2)} (wall, filter cost), ` +
      `${result.ratioCpu.toFixed(2)} (CPU, filter cost), ${result.ratioTotal.toFixed(2)} (wall, whole request)`,
  );
  log(`Go allocations per request, header-bench: mosn-ts ${result.oursMallocs}, official ${result.officialMallocs}`);
  log(`wrote ${relative(repoRoot, opts.out)}`);
}

try {
  main();
} catch (err) {
  console.error(`bench:runtime: ${err.stack ?? err}`);
  process.exitCode = 1;
}
