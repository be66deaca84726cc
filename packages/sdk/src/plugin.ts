import type { FilterContext } from "./context.js";
import type { Filter } from "./filter.js";
import type { ConfigEnv } from "./metrics.js";

/**
 * What a plugin module default-exports. `Config` is the author's own interface: the
 * compiler derives the config decoder (and its validation errors) from it. `Parsed` is what
 * `configure` makes of it once per config (default: the config itself).
 */
export interface PluginDefinition<Config, Parsed = Config> {
  /** Envoy's `plugin_name`; one `.so` can hold several plugins. */
  readonly name: string;
  /**
   * Runs once when Envoy loads a config: precompute from the config, define metrics. A throw
   * rejects the config.
   */
  configure?(config: Config, env: ConfigEnv): Parsed;
  /** Creates the filter for one HTTP stream. */
  create(ctx: FilterContext, config: Parsed): Filter;
}

/** Declares a plugin. Exists for type inference; returns its argument. */
export function definePlugin<Config, Parsed = Config>(
  definition: PluginDefinition<Config, Parsed>,
): PluginDefinition<Config, Parsed> {
  return definition;
}
