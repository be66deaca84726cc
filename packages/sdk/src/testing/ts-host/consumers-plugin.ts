import type { PluginDefinition } from "../../plugin.js";
import { CONSUMERS_PLUGIN } from "../consumers-config.js";

/**
 * The runtime's built-in `mosn-ts-consumers` plugin as the host runs its streams: it has no
 * hooks, so every phase passes with Continue. What it does happens when its config loads
 * (TsHost replaces the consumer registry).
 */
export const consumersPlugin: PluginDefinition<unknown, unknown> = {
  name: CONSUMERS_PLUGIN,
  create: () => ({}),
};
