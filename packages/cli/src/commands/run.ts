import { join } from "node:path";
import { buildRequestOp, CONSUMERS_PLUGIN, NativeHost, type RequestOp, type RequestResultData } from "@mosn-ts/sdk/testing";
import { CliError } from "../errors.js";
import { ensureMockHost } from "../mockhost-build.js";
import { printResult } from "../print-result.js";
import { readScenarios, scenarioLabel, type Scenario } from "../scenarios.js";
import { loadProject } from "../project.js";
import { resolveUserPath } from "../user-paths.js";
import { build } from "./build.js";

/** The scenarios file `mosn-ts run` reads when none is given, in the project folder. */
export const DEFAULT_SCENARIOS = "scenarios.json";

export interface RunOptions {
  project?: string;
  envoy?: string;
  json?: boolean;
}

/**
 * `mosn-ts run`: builds the project, loads the .so into the mock Envoy host and sends the
 * scenario's requests through it, printing what the upstream and the client received.
 */
export async function runScenarios(
  file: string | undefined,
  options: RunOptions,
  log: (line: string) => void,
): Promise<number> {
  const project = loadProject(options.project);
  // Checked before building, so a typo costs no build.
  const path = file === undefined ? join(project.dir, DEFAULT_SCENARIOS) : resolveUserPath(file);
  const scenarios = readScenarios(path);
  const ops = scenarios.requests.map((req, i) => requestOp(req, i, path));
  const built = await build({ project: project.dir, envoy: options.envoy }, log);
  const plugin = scenarios.plugin ?? built.plugins[0]!.name;
  if (!built.plugins.some((p) => p.name === plugin)) {
    throw new CliError(`${path}: plugin "${plugin}" is not in this project (${built.plugins.map((p) => p.name).join(", ")})`);
  }
  const config = scenarios.config ?? built.project.configs[plugin] ?? {};
  const host = new NativeHost({ binary: await ensureMockHost(), soPath: built.soPath, seed: scenarios.seed });
  try {
    const consumers = scenarios.consumers ?? built.project.consumers;
    if (consumers) {
      const loaded = await host.config({ op: "config", plugin: CONSUMERS_PLUGIN, config: { consumers } });
      if (!loaded.ok) throw new CliError(`the consumers were rejected: ${loaded.error}`);
    }
    const answer = await host.config({ op: "config", plugin, config });
    if (!answer.ok) throw new CliError(`the plugin rejected its config: ${answer.error}`);
    log(`\nmock Envoy host: ${built.soPath}, plugin ${plugin}, config ${JSON.stringify(config)}`);
    if (scenarios.description) log(scenarios.description);
    for (const [i, req] of scenarios.requests.entries()) {
      const { name, ...requestOptions } = req;
      const result: RequestResultData = await host.request(ops[i]!);
      if (options.json) log(JSON.stringify(result));
      else printResult(name ?? `request ${i + 1}`, requestOptions, result, log);
    }
  } finally {
    await host.close();
  }
  return 0;
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
