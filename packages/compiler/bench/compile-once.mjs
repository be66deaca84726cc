// One compile in a fresh process, for the benchmark's cold numbers (lowering.mjs runs it):
// how long loading the compiler takes (TypeScript and ts-morph), then the compile itself.
// Prints one JSON line. Usage: node compile-once.mjs <projectDir> <outDir> <runtimeDir>
const [projectDir, outDir, runtimeDir] = process.argv.slice(2);
const started = performance.now();
const { compileProject } = await import("../dist/index.js");
const imported = performance.now();
const result = compileProject({ projectDir, entries: ["src/filter.ts"], outDir, runtimeDir, moduleName: "mosnts.local/bench" });
const done = performance.now();
if (!result.ok) throw new Error(`compile failed: ${JSON.stringify(result.diagnostics)}`);
console.log(JSON.stringify({ importMs: imported - started, compileMs: done - imported, timings: result.timings }));
