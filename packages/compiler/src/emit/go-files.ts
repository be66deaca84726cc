import { basename } from "node:path";

const GOOS_GOARCH = new Set([
  "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9",
  "solaris", "wasip1", "windows", "zos", "386", "amd64", "arm", "arm64", "loong64", "mips", "mipsle", "mips64", "mips64le", "ppc64",
  "ppc64le", "riscv64", "s390x", "wasm", "test",
]);

/** The Go file name for a TypeScript module: filter.ts → filter.go, avoiding Go's special suffixes. */
export function goFileName(tsFile: string, taken: Set<string>): string {
  let base = basename(tsFile).replace(/\.(m|c)?tsx?$/, "").replace(/[^A-Za-z0-9_]/g, "_");
  const suffix = base.split("_").pop() ?? "";
  if (base === "main" || base === "" || base.startsWith("_") || base.startsWith(".") || (base.includes("_") && GOOS_GOARCH.has(suffix))) base = `${base}_ts`;
  let name = `${base}.go`;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}.go`;
  taken.add(name);
  return name;
}

export function goMod(moduleName: string, runtimeDir: string): string {
  return (
    `module ${moduleName}\n\ngo 1.24\n\n` +
    `require github.com/mosn-ts/envoy-go-runtime v0.0.0\n\n` +
    `replace github.com/mosn-ts/envoy-go-runtime => ${runtimeDir}\n`
  );
}
