import type { FilterContext } from "./context.js";
import type { Filter } from "./filter.js";

/**
 * What a plugin module default-exports. `Config` is the author's own interface: the
 * compiler derives the config decoder (and its validation errors) from it.
 */
export interface PluginDefinition<Config> {
  /** Envoy's `plugin_name`; one `.so` can hold several plugins. */
  readonly name: string;
  /** Creates the filter for one HTTP stream. */
  create(ctx: FilterContext, config: Config): Filter;
}

/** Declares a plugin. Exists for type inference; returns its argument. */
export function definePlugin<Config>(definition: PluginDefinition<Config>): PluginDefinition<Config> {
  return definition;
}
