// The export headers cgo generates for the official SDK's pkg/http and for our
// golangfilter, and the entry points the built libraries export.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { compareExports, exportedPrototypes } from "./export-header.mjs";
import { goEnv, run } from "./proc.mjs";

export const OFFICIAL_HTTP_PACKAGE = "github.com/envoyproxy/envoy/contrib/golang/filters/http/source/go/pkg/http";

/** `go list` facts about a cgo package, resolved in the module at cwd. */
function cgoPackage(pattern, cwd) {
  const info = JSON.parse(run("go", ["list", "-json", pattern], { cwd, env: goEnv() }));
  if (!info.CgoFiles || info.CgoFiles.length === 0) throw new Error(`${pattern} has no cgo files`);
  return info;
}

/**
 * The header `go tool cgo -exportheader` writes for a package: what cgo puts in the
 * library's _cgo_export.h. The package's #cgo CFLAGS (from go list) find its C headers.
 */
export function exportHeader(pattern, cwd, workDir) {
  const pkg = cgoPackage(pattern, cwd);
  const name = pkg.ImportPath.replace(/[^A-Za-z0-9]+/g, "_");
  // cgo names its outputs objdir + file, so the folder needs its trailing slash.
  const objdir = join(workDir, name) + "/";
  rmSync(objdir, { recursive: true, force: true });
  mkdirSync(objdir, { recursive: true });
  const header = join(workDir, `${name}.h`);
  rmSync(header, { force: true });
  run(
    "go",
    ["tool", "cgo", "-objdir", objdir, "-importpath", pkg.ImportPath, "-exportheader", header, "--",
      ...(pkg.CgoCFLAGS ?? []), ...pkg.CgoFiles],
    { cwd: pkg.Dir, env: goEnv() },
  );
  return { path: header, text: readFileSync(header, "utf8") };
}

/** The envoyGo* functions a built library exports (its dynamic symbol table). */
export function libraryEntryPoints(library) {
  return run("nm", ["-D", "--defined-only", library])
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length === 3 && f[1] === "T" && f[2].startsWith("envoyGo"))
    .map((f) => f[2])
    .sort();
}

/**
 * The symbol and signature comparison: the prototypes in the two export headers, and the
 * entry points of the two built libraries (when both were built). Returns { problems,
 * official, ours, symbols } (symbols: undefined when the libraries were not compared).
 */
export function compareEntryPoints({ referenceModule, runtimeModule, workDir, referenceLibrary, twinLibrary }) {
  const official = exportedPrototypes(exportHeader(OFFICIAL_HTTP_PACKAGE, referenceModule, workDir).text);
  const ours = exportedPrototypes(exportHeader("./golangfilter", runtimeModule, workDir).text);
  const problems = compareExports(official, ours);
  if (official.size === 0) problems.push("the official export header declares no function: the extraction is broken");
  if (!referenceLibrary || !twinLibrary) return { problems, official, ours, symbols: undefined };
  const refSyms = libraryEntryPoints(referenceLibrary);
  const twinSyms = libraryEntryPoints(twinLibrary);
  if (refSyms.join(",") !== twinSyms.join(",")) {
    problems.push(`the libraries export different entry points: official [${refSyms.join(", ")}]; ours [${twinSyms.join(", ")}]`);
  }
  const declared = [...official.keys()].sort().join(",");
  if (refSyms.join(",") !== declared) {
    problems.push(`the official library's entry points [${refSyms.join(", ")}] are not its header's [${declared}]`);
  }
  return { problems, official, ours, symbols: refSyms };
}
