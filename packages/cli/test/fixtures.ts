import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scratchDir } from "./helpers.js";

/** A plugin source: one string field `tag`, an optional `limits` list. The compiler maps @mosn-ts/sdk itself. */
export function pluginSource(name: string): string {
  return `import { definePlugin, type Filter, type RequestHeaders, Status } from "@mosn-ts/sdk";

export interface Config {
  tag: string;
  limits?: number[];
}

class Tagger implements Filter {
  private readonly config: Config;

  constructor(config: Config) {
    this.config = config;
  }

  decodeHeaders(headers: RequestHeaders, endStream: boolean): Status {
    headers.set("x-tag", this.config.tag);
    return Status.Continue;
  }
}

export default definePlugin<Config>({
  name: "${name}",
  create: (ctx, config) => new Tagger(config),
});
`;
}

/** A project folder (no node_modules: build, check and run need none) with the given package.json "mosn-ts" field. */
export function projectWith(plugin: string, settings: Record<string, unknown>, files: Record<string, string> = {}): string {
  const dir = scratchDir("project");
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "filter.ts"), pluginSource(plugin));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "proj", type: "module", "mosn-ts": settings }, null, 2));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}
