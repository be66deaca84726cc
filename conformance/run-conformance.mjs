// pnpm test:conformance — the reference filter on Envoy's official Go SDK and its
// TypeScript twin, built and driven through the mock host with the same scenarios, once
// as built by default and once under GOEXPERIMENT=cgocheck2; then the exported entry
// points and their C signatures. Exits non-zero on any difference.
import { spawnSync } from "node:child_process";
import { join, relative } from "node:path";
import {
  buildMockHost,
  buildReference,
  buildTwin,
  conformanceDir,
  ensureTypeScriptPackages,
  referenceModule,
  repoRoot,
} from "./lib/builds.mjs";
import { compareAnswers, effectCount } from "./lib/compare.mjs";
import { compareEntryPoints } from "./lib/exports.mjs";
import { drive } from "./lib/mockhost.mjs";
import { goEnv, run } from "./lib/proc.mjs";
import { operations, scenarios } from "./scenarios.mjs";

const buildDir = join(conformanceDir, ".build");
const PASSES = [
  { name: "default", experiment: undefined },
  { name: "cgocheck2", experiment: "cgocheck2" },
];

const log = (line) => console.log(line);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

/** Problems of one side's answer that no comparison would catch when both share them. */
function ownProblems(answer, side) {
  const problems = [];
  if (answer.op === "error") problems.push(`${side}: the host refused the operation: ${answer.error}`);
  if (answer.hostErrors) problems.push(`${side}: host errors: ${JSON.stringify(answer.hostErrors)}`);
  if (answer.op === "config" && answer.ok !== true) problems.push(`${side}: config rejected: ${answer.error}`);
  return problems;
}

function printCalls(title, calls) {
  log(`    ${title} (${(calls ?? []).length} calls; compared: the ${effectCount(calls)} with an effect):`);
  for (const c of calls ?? []) log(`      ${JSON.stringify(c)}`);
}

async function runPass(pass, host) {
  const dir = join(buildDir, pass.name);
  log(`\n== pass ${pass.name}${pass.experiment ? ` (GOEXPERIMENT=${pass.experiment})` : ""}`);
  let reference;
  let twin;
  try {
    reference = buildReference("./conformance", join(dir, "reference.so"), pass);
    log(`built ${relative(repoRoot, reference)} (official SDK) [${elapsed()}]`);
    twin = buildTwin(join(conformanceDir, "twin"), "conformance-twin", join(dir, "twin.so"), pass).library;
    log(`built ${relative(repoRoot, twin)} (TypeScript, mosn-ts build) [${elapsed()}]`);
  } catch (err) {
    log(`  FAIL  build: ${err.message}`);
    return { failed: 1, reference, twin };
  }

  const ops = operations();
  const [refAnswers, twinAnswers] = await Promise.all([drive(host, reference, ops), drive(host, twin, ops)]);
  let failed = 0;
  scenarios.forEach((scenario, i) => {
    const ref = refAnswers[i];
    const ours = twinAnswers[i];
    const problems = [...ownProblems(ref, "official"), ...ownProblems(ours, "twin")];
    for (const p of compareAnswers(ref, ours)) {
      problems.push(`${p.kind} differs at ${p.path}: official ${JSON.stringify(p.reference)}, twin ${JSON.stringify(p.twin)}`);
    }
    if (problems.length === 0) {
      log(`  ok    ${scenario.name} (${effectCount(ref.calls)} effect calls compared)`);
      return;
    }
    failed++;
    log(`  FAIL  ${scenario.name}`);
    for (const p of problems) log(`    ${p}`);
    printCalls("official", ref.calls);
    printCalls("twin", ours.calls);
  });
  const exit = twinAnswers[twinAnswers.length - 1];
  if (exit.op !== "exit" || exit.ok !== true) {
    failed++;
    log(`  FAIL  the twin left objects unfinalized at exit: ${JSON.stringify(exit)}`);
  } else {
    log("  ok    exit: the twin handed every request and config back");
  }
  return { failed, reference, twin };
}

/** The reference module's own checks: formatting, vet, unit tests. */
function checkReferenceModule() {
  const unformatted = run("gofmt", ["-l", "."], { cwd: referenceModule }).trim();
  if (unformatted) throw new Error(`gofmt: not formatted:\n${unformatted}`);
  run("go", ["vet", "./..."], { cwd: referenceModule, env: goEnv() });
  run("go", ["vet", "-tags", "mosnts_bench", "./headerbench"], { cwd: referenceModule, env: goEnv() });
  run("go", ["test", "./..."], { cwd: referenceModule, env: goEnv() });
  log(`reference module: gofmt, go vet, go test ok [${elapsed()}]`);
}

/** The benchmark's C driver shares this suite's build: check its memory with valgrind. */
function checkBenchDriver() {
  const hasValgrind = spawnSync("sh", ["-c", "command -v valgrind"]).status === 0;
  if (!hasValgrind) {
    log("benchmark driver: valgrind is not installed, memory check skipped");
    return;
  }
  run("make", ["-s", "-C", join(conformanceDir, "driver"), "check", `BUILD_DIR=${join(buildDir, "driver")}`]);
  log(`benchmark driver: valgrind clean with the C pass-through library [${elapsed()}]`);
}

async function main() {
  ensureTypeScriptPackages(log);
  checkReferenceModule();
  checkBenchDriver();
  const host = buildMockHost(join(buildDir, "mockhost"));
  log(`mock host: ${host}`);
  let failed = 0;
  let libraries;
  for (const pass of PASSES) {
    const result = await runPass(pass, host);
    failed += result.failed;
    libraries ??= result;
  }

  log("\n== exported entry points and C signatures");
  const cmp = compareEntryPoints({
    referenceModule,
    runtimeModule: join(repoRoot, "envoy-go-runtime"),
    workDir: join(buildDir, "cgo"),
    referenceLibrary: libraries.reference,
    twinLibrary: libraries.twin,
  });
  if (cmp.problems.length === 0) {
    log(`  ok    ${cmp.official.size} prototypes equal in both export headers`);
    if (cmp.symbols) log(`  ok    both libraries export exactly ${cmp.symbols.join(", ")}`);
    else log("  FAIL  the libraries' entry points were not compared: a library did not build");
    if (!cmp.symbols) failed++;
  } else {
    failed += cmp.problems.length;
    for (const p of cmp.problems) log(`  FAIL  ${p}`);
  }

  log(`\n${failed === 0 ? "conformance: all green" : `conformance: ${failed} failure(s)`} [${elapsed()}]`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(`conformance: ${err.stack ?? err}`);
  process.exitCode = 2;
});
