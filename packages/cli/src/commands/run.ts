import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  buildRequestOp,
  CONSUMERS_PLUGIN,
  NativeHost,
  type RequestOptions,
  type RequestResultData,
} from "@mosn-ts/sdk/testing";
import { CliError } from "../errors.js";
import { ensureMockHost } from "../mockhost-build.js";
import { build } from "./build.js";
import { printResult } from "../print-result.js";

interface ScenarioFile {
  plugin?: string;
  config?: unknown;
  consumers?: unknown[];
  seed?: number;
  requests: (RequestOptions & { name?: string })[];
}

export interface RunOptions {
  project?: string;
  envoy?: string;
  json?: boolean;
}

/**
 * `mosn-ts run`: builds the project, loads the .so into the mock Envoy host and sends the
 * scenario's requests through it, printing what the upstream and the client received.
 */
export async function runScenarios(file: string, options: RunOptions, log: (line: string) => void): Promise<number> {
  const built = await build({ project: options.project, envoy: options.envoy }, log);
  const scenarios = readScenarios(resolve(built.project.dir, file));
  const plugin = scenarios.plugin ?? built.plugins[0]!.name;
  if (!built.plugins.some((p) => p.name === plugin)) {
    throw new CliError(`${file}: plugin "${plugin}" is not in this project (${built.plugins.map((p) => p.name).join(", ")})`);
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
    for (const [i, req] of scenarios.requests.entries()) {
      const { name, ...requestOptions } = req;
      const result: RequestResultData = await host.request(buildRequestOp(requestOptions, `r${i + 1}`));
      if (options.json) log(JSON.stringify(result));
      else printResult(name ?? `request ${i + 1}`, requestOptions, result, log);
    }
  } finally {
    await host.close();
  }
  return 0;
}

function readScenarios(path: string): ScenarioFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new CliError(`cannot read scenarios from ${path}: ${(err as Error).message}`);
  }
  const requests = (data as { requests?: unknown })?.requests;
  if (!Array.isArray(requests)) throw new CliError(`${path}: expected an object with a "requests" array`);
  return data as ScenarioFile;
}
