// Builds the native side of the integration tests (the mock host and the Go test library of
// envoy-go-runtime/testdata/plugin) and opens hosts that run every call on both backends.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { nativeBackend, tsBackend, type Backend } from "../src/testing/backend.js";
import { firstDifference, normalise, showValue } from "../src/testing/compare.js";
import { createHost, type Host, type HostOptions } from "../src/testing/index.js";
import type { TypeDescriptor } from "../src/testing/type-descriptor.js";
import type { PluginDefinition } from "../src/plugin.js";

const testDir = dirname(fileURLToPath(import.meta.url));
export const runtimeDir = resolve(testDir, "..", "..", "..", "envoy-go-runtime");
/** The Go twin of fixtures/probe-filter.ts. */
const probeDir = join(testDir, "fixtures", "go-probe");

/** Why the native backend cannot be built here, or null when it can. */
export function missingTools(): string | null {
  if (!existsSync(join(runtimeDir, "mockhost", "Makefile"))) return `no mock host sources in ${runtimeDir}/mockhost`;
  if (!existsSync(join(runtimeDir, "testdata", "plugin", "go.mod"))) return "no Go test plugin in envoy-go-runtime/testdata/plugin";
  for (const [tool, arg] of [
    ["go", "version"],
    ["make", "--version"],
    ["cc", "--version"],
  ] as const) {
    if (spawnSync(tool, [arg], { stdio: "ignore" }).status !== 0) return `\`${tool}\` is not available`;
  }
  return null;
}

/** The built mock host and Go test library; `close` removes them and ends every host opened. */
export class NativeArtifacts {
  readonly hostBinary: string;
  readonly soPath: string;
  /** The library of fixtures/go-probe (plugin "probe-filter"). */
  readonly probeSoPath: string;
  private readonly hosts: Host[] = [];
  private readonly backends: Backend[] = [];

  private constructor(private readonly dir: string) {
    this.hostBinary = join(dir, "mosn-ts-mockhost");
    this.soPath = join(dir, "testplugin.so");
    this.probeSoPath = join(dir, "probe.so");
  }

  static build(): NativeArtifacts {
    const artifacts = new NativeArtifacts(mkdtempSync(join(tmpdir(), "mosn-ts-sdk-native-")));
    const make = spawnSync("make", ["-s", "-C", join(runtimeDir, "mockhost"), `BUILD_DIR=${artifacts.dir}`], { encoding: "utf8" });
    if (make.status !== 0) throw new Error(`building the mock host failed:\n${make.stdout}${make.stderr}`);
    for (const [dir, out] of [
      [join(runtimeDir, "testdata", "plugin"), artifacts.soPath],
      [probeDir, artifacts.probeSoPath],
    ] as const) {
      const go = spawnSync("go", ["build", "-buildmode=c-shared", "-o", out, "."], {
        cwd: dir,
        env: { ...process.env, GOWORK: "off", CGO_ENABLED: "1" },
        encoding: "utf8",
      });
      if (go.status !== 0) throw new Error(`building the Go plugin library in ${dir} failed:\n${go.stderr}`);
    }
    return artifacts;
  }

  /** createHost on both backends (or the one given) with a Go library as the native side. */
  async open<C, P = C>(
    options: Omit<HostOptions<C, P>, "backends" | "soPath">,
    backends: "both" | "native" = "both",
    soPath: string = this.soPath,
  ): Promise<Host> {
    process.env.MOSN_TS_MOCKHOST = this.hostBinary;
    try {
      const host = await createHost<C, P>({ ...options, backends, soPath });
      this.hosts.push(host);
      return host;
    } finally {
      delete process.env.MOSN_TS_MOCKHOST;
    }
  }

  /**
   * The two backends themselves, for protocol ops the Host does not offer (a second config on
   * the same host): `send` runs an op on both and returns the answer they agree on.
   */
  rawPair<C, P>(plugin: PluginDefinition<C, P>, schema: TypeDescriptor | undefined, seed: number): BackendPair {
    const pair = [tsBackend(plugin as PluginDefinition<unknown, unknown>, schema), nativeBackend({ binary: this.hostBinary, soPath: this.soPath }, seed)];
    this.backends.push(...pair);
    return new BackendPair(pair);
  }

  async close(): Promise<void> {
    await Promise.all([...this.hosts.map((h) => h.close()), ...this.backends.map((b) => b.close())]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class BackendPair {
  constructor(private readonly backends: Backend[]) {}

  /** Runs `call` on each backend, one after the other; throws naming the first difference. */
  async agree<T>(call: (b: Backend) => Promise<T>): Promise<T> {
    const answers: T[] = [];
    for (const b of this.backends) answers.push(normalise(await call(b)));
    const d = firstDifference(answers[0], answers[1]);
    if (d !== null) throw new Error(`backends disagree at ${d.path}: ts=${showValue(d.left)} native=${showValue(d.right)}`);
    return answers[0]!;
  }
}
