import { execa } from "execa";
import { CliError } from "./errors.js";

/** The minimum Go: `#cgo noescape`/`nocallback` compile from 1.24 on. */
const MIN_GO = [1, 24] as const;

/**
 * Environment for Go builds that must never reach the network: the runtime has no
 * dependencies and is wired in with a replace directive.
 */
export function hermeticGoEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    CGO_ENABLED: "1",
    GOFLAGS: "-mod=mod",
    GOPROXY: "off",
    GOWORK: "off",
    GOTOOLCHAIN: "local",
    ...extra,
  };
}

let checked: Promise<string> | undefined;

/** Resolves to the Go version, or fails with advice when Go is missing or too old. */
export function ensureGo(): Promise<string> {
  checked ??= (async () => {
    let version: string;
    try {
      const { stdout } = await execa("go", ["env", "GOVERSION"], { env: hermeticGoEnv() });
      version = stdout.trim();
    } catch {
      throw new CliError("Go is required to build filters and programs: install Go 1.24 or newer and put `go` on PATH");
    }
    const m = /^go(\d+)\.(\d+)/.exec(version);
    if (!m || Number(m[1]) < MIN_GO[0] || (Number(m[1]) === MIN_GO[0] && Number(m[2]) < MIN_GO[1])) {
      throw new CliError(`Go ${version} is too old: mosn-ts needs Go ${MIN_GO.join(".")} or newer`);
    }
    return version;
  })();
  return checked;
}
