import { CONSUMERS_CONFIG_TYPE, CONSUMERS_PLUGIN, validateConfig } from "@mosn-ts/sdk/testing";
import type { CompiledPlugin } from "@mosn-ts/compiler";
import { CliError } from "./errors.js";

/**
 * Checks the example configs of package.json's "mosn-ts" field against the plugins' config
 * types (the schemas the compiler derived), with the rules the runtime applies when Envoy
 * loads them, so a config Envoy would reject never reaches the generated envoy.yaml.
 * Returns warnings for plugins without a config whose type rejects the `{}` written instead.
 */
export function checkProjectConfigs(
  pkgPath: string,
  plugins: readonly CompiledPlugin[],
  configs: Record<string, unknown>,
  consumers: unknown[] | undefined,
): string[] {
  const names = plugins.map((p) => p.name);
  for (const name of Object.keys(configs)) {
    if (!names.includes(name)) {
      throw new CliError(
        `${pkgPath}: "mosn-ts".configs has a config for "${name}", which is not a plugin of this project (plugins: ${names.join(", ")})`,
      );
    }
  }
  const warnings: string[] = [];
  for (const plugin of plugins) {
    const given = Object.prototype.hasOwnProperty.call(configs, plugin.name);
    const problem = validateConfig(plugin.schema, given ? configs[plugin.name] : {});
    if (problem === null) continue;
    const where = `"mosn-ts".configs${jsonKey(plugin.name)}${problem.path.slice(1)}`;
    if (given) {
      throw new CliError(`${pkgPath}: ${where}: ${problem.problem} (the config type of plugin "${plugin.name}" says so)`);
    }
    warnings.push(
      `no config for plugin "${plugin.name}" in ${pkgPath} ("mosn-ts".configs); ` +
        `the envoy.yaml snippet has {}, which the plugin rejects: ${problem.path}: ${problem.problem}`,
    );
  }
  if (consumers !== undefined) {
    const problem = validateConfig(CONSUMERS_CONFIG_TYPE, { consumers });
    if (problem) {
      throw new CliError(`${pkgPath}: "mosn-ts"${problem.path.slice(1)}: ${problem.problem} (the ${CONSUMERS_PLUGIN} config)`);
    }
  }
  return warnings;
}

/** `["x-y"]` or `.name`, the way config paths write keys. */
function jsonKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
