import { join } from "node:path";
import {
  BackendDivergenceError,
  buildRequestOp,
  ConfigError,
  CONSUMERS_PLUGIN,
  createHost,
  DEFAULT_SEED,
  NativeHost,
  type ConsumerConfig,
  type RequestOp,
  type RequestResultData,
  type TypeDescriptor,
} from "@mosn-ts/sdk/testing";
import type { PluginDefinition } from "@mosn-ts/sdk";
import { parseBackends, type Backends } from "../backends.js";
import { compileWithoutBuild } from "../compile-check.js";
import { CliError } from "../errors.js";
import { ensureMockHost } from "../mockhost-build.js";
import { printResult } from "../print-result.js";
import { readScenarios, scenarioLabel, type Scenario } from "../scenarios.js";
import { loadProject } from "../project.js";
import { describeThrow, ThrowTracker } from "../throw-tracker.js";
import { loadTsPlugins } from "../ts-plugins.js";
import { resolveUserPath } from "../user-paths.js";
import { build } from "./build.js";

/** The scenarios file `mosn-ts run` reads when none is given, in the project folder. */
export const DEFAULT_SCENARIOS = "scenarios.json";

export interface RunOptions {
  project?: string;
  envoy?: string;
  json?: boolean;
  backend?: string;
}

/** What the requests are sent to: one loaded config, on one backend or on two compared. */
interface Session {
  /** How the session is described in the output's heading. */
  description: string;
  request(op: RequestOp): Promise<RequestResultData>;
  /** What the TypeScript plugin threw since the last call, each as its text and its .ts frames. */
  thrown(): string[][];
  close(): Promise<void>;
}

interface SessionSetup {
  backends: Backends;
  plugin: string;
  config: unknown;
  consumers: unknown[] | undefined;
  seed: number;
  soPath: string | undefined;
  schema: unknown;
}

/**
 * `mosn-ts run`: sends the scenario's requests through the plugin and prints what the
 * upstream and the client received. Backends: the .so (built first) in the mock Envoy host,
 * the TypeScript source in Node's TypeScript host, or both compared, failing at the first
 * answer on which they disagree.
 */
export async function runScenarios(
  file: string | undefined,
  options: RunOptions,
  log: (line: string) => void,
): Promise<number> {
  const backends = parseBackends(options.backend);
  const project = loadProject(options.project);
  // Checked before building, so a typo costs no build.
  const path = file === undefined ? join(project.dir, DEFAULT_SCENARIOS) : resolveUserPath(file);
  const scenarios = readScenarios(path);
  const ops = scenarios.requests.map((req, i) => requestOp(req, i, path));
  // The TypeScript backend alone needs no .so, only the checks and config types of a build.
  const built =
    backends === "ts"
      ? { plugins: compileWithoutBuild(project), soPath: undefined }
      : await build({ project: project.dir, envoy: options.envoy }, log);
  const plugin = scenarios.plugin ?? built.plugins[0]!.name;
  const compiled = built.plugins.find((p) => p.name === plugin);
  if (compiled === undefined) {
    throw new CliError(`${path}: plugin "${plugin}" is not in this project (${built.plugins.map((p) => p.name).join(", ")})`);
  }
  const setup: SessionSetup = {
    backends,
    plugin,
    config: scenarios.config ?? project.configs[plugin] ?? {},
    consumers: scenarios.consumers ?? project.consumers,
    seed: scenarios.seed ?? DEFAULT_SEED,
    soPath: built.soPath,
    schema: compiled.schema,
  };
  const session = backends === "native" ? await nativeSession(setup) : await hostSession(setup, await loadTsPlugins(project), project.dir);
  try {
    log(`\n${session.description}, plugin ${plugin}, config ${JSON.stringify(setup.config)}`);
    if (scenarios.description) log(scenarios.description);
    for (const [i, req] of scenarios.requests.entries()) {
      const { name, ...requestOptions } = req;
      let result: RequestResultData;
      try {
        result = await session.request(ops[i]!);
      } catch (err) {
        if (err instanceof BackendDivergenceError) {
          printThrown(session.thrown(), (line) => process.stderr.write(line + "\n"));
          throw new CliError(`${scenarioLabel(req, i)}: ${divergenceText(err)}`);
        }
        throw err;
      }
      if (options.json) log(JSON.stringify(result));
      else printResult(name ?? `request ${i + 1}`, requestOptions, result, log);
      // Kept off stdout in --json mode, which holds one JSON result per line.
      printThrown(session.thrown(), options.json ? (line) => process.stderr.write(line + "\n") : log);
    }
  } finally {
    await session.close();
  }
  return 0;
}

/** The .so alone, driven through the mock host's protocol. */
async function nativeSession(setup: SessionSetup): Promise<Session> {
  const soPath = setup.soPath!;
  const host = new NativeHost({ binary: await ensureMockHost(), soPath, seed: setup.seed });
  try {
    if (setup.consumers) {
      const loaded = await host.config({ op: "config", plugin: CONSUMERS_PLUGIN, config: { consumers: setup.consumers } });
      if (!loaded.ok) throw new CliError(`the consumers were rejected: ${loaded.error}`);
    }
    const answer = await host.config({ op: "config", plugin: setup.plugin, config: setup.config });
    if (!answer.ok) throw new CliError(`the plugin rejected its config: ${answer.error}`);
  } catch (err) {
    await host.close();
    throw err;
  }
  return { description: `mock Envoy host: ${soPath}`, request: (op) => host.request(op), thrown: () => [], close: () => host.close() };
}

/** The TypeScript source in the SDK's TypeScript host; with `both`, beside the .so, every answer compared. */
async function hostSession(setup: SessionSetup, plugins: Map<string, PluginDefinition<unknown, unknown>>, projectDir: string): Promise<Session> {
  const found = plugins.get(setup.plugin);
  if (found === undefined) {
    throw new CliError(`no entry of the project default-exports plugin "${setup.plugin}" when run in Node (found: ${[...plugins.keys()].join(", ")})`);
  }
  const tracker = new ThrowTracker();
  const plugin = tracker.track(found);
  if (setup.backends === "both") {
    // createHost finds the native host where `mosn-ts test` puts it for vitest.
    process.env.MOSN_TS_MOCKHOST = await ensureMockHost();
  }
  try {
    const host = await createHost({
      plugin,
      rawConfig: setup.config,
      consumers: setup.consumers as ConsumerConfig[] | undefined,
      seed: setup.seed,
      backends: setup.backends,
      soPath: setup.soPath,
      // The type the compiler derived, so the TypeScript host rejects a config as the .so would.
      schema: setup.schema as TypeDescriptor,
    });
    const description =
      setup.backends === "both" ? `TypeScript host and mock Envoy host (${setup.soPath}), compared` : "TypeScript host (the source, in Node)";
    const thrown = () => tracker.take().map((err) => describeThrow(err, projectDir));
    return { description, request: (op) => host.send(op), thrown, close: () => host.close() };
  } catch (err) {
    printThrown(tracker.take().map((e) => describeThrow(e, projectDir)), (line) => process.stderr.write(line + "\n"));
    if (err instanceof ConfigError) throw new CliError(`the config was rejected: ${err.message}`);
    if (err instanceof BackendDivergenceError) throw new CliError(`loading the config: ${divergenceText(err)}`);
    throw err;
  }
}

/** The SDK's divergence message without its pointer to the error's properties, which a CLI user cannot read. */
function divergenceText(err: BackendDivergenceError): string {
  return err.message.replace(/\n\s*\([^\n]*"answers" property\)$/, "");
}

/** Where the TypeScript plugin threw, from its source-mapped stack: the hook's panic log shows only the text. */
function printThrown(thrown: string[][], log: (line: string) => void): void {
  for (const [text, ...frames] of thrown) {
    log(`  thrown    ${text} (TypeScript)`);
    for (const frame of frames) log(`            ${frame}`);
  }
}

/** The protocol op of one scenario; a value of the wrong type is reported with the scenario's label. */
function requestOp(scenario: Scenario, index: number, path: string): RequestOp {
  const { name: _name, ...requestOptions } = scenario;
  try {
    return buildRequestOp(requestOptions, `r${index + 1}`);
  } catch (err) {
    if (err instanceof TypeError) throw new CliError(`${path}: ${scenarioLabel(scenario, index)}: ${err.message}`);
    throw err;
  }
}
