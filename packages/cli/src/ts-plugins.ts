import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PluginDefinition } from "@mosn-ts/sdk";
import { CliError } from "./errors.js";
import { bundleForNode } from "./node-bundle.js";
import type { Project } from "./project.js";

/**
 * The project's plugins as Node runs them: its entries bundled into one temporary ESM file
 * and imported into this process, each entry's default export by plugin name. Source maps
 * are turned on first, so a stack through the plugin names its .ts lines.
 */
export async function loadTsPlugins(project: Project): Promise<Map<string, PluginDefinition<unknown, unknown>>> {
  process.setSourceMapsEnabled(true);
  // One generated entry re-exporting every plugin entry: one bundle, one copy of shared modules.
  const contents = project.entries.map((entry, i) => `export { default as plugin${i} } from ${JSON.stringify(entry)};`).join("\n");
  const scratch = mkdtempSync(join(tmpdir(), "mosn-ts-run-"));
  let module: Record<string, unknown>;
  try {
    const outFile = join(scratch, "plugins.mjs");
    await bundleForNode({ entry: { contents, resolveDir: project.dir }, outFile, what: `the plugins of ${project.dir}` });
    module = (await import(pathToFileURL(outFile).href)) as Record<string, unknown>;
  } finally {
    // Node has read the file (and its inline source map) once the import resolved.
    rmSync(scratch, { recursive: true, force: true });
  }
  const plugins = new Map<string, PluginDefinition<unknown, unknown>>();
  project.entries.forEach((entry, i) => {
    const plugin = module[`plugin${i}`];
    if (!isPluginDefinition(plugin)) {
      throw new CliError(`${entry}: its default export is not a plugin (export default definePlugin({ name, create }))`);
    }
    plugins.set(plugin.name, plugin);
  });
  return plugins;
}

function isPluginDefinition(value: unknown): value is PluginDefinition<unknown, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === "string" && typeof v.create === "function";
}
