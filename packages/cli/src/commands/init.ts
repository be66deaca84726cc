import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { CONSUMERS_PLUGIN } from "@mosn-ts/sdk/testing";
import { CliError } from "../errors.js";
import { cliPackageDir, sdkPackageDir, templatesDir } from "../locations.js";
import { displayPath, resolveUserPath } from "../user-paths.js";

export interface InitOptions {
  /** `true` when --template was given without a name. */
  template?: string | true;
  name?: string;
}

/** Versions a scaffolded project installs from the npm registry. */
const DEV_DEPENDENCIES = {
  "@types/node": "^20.19.0",
  typescript: "6.0.3",
  vitest: "4.1.12",
};

/**
 * `mosn-ts init <dir>`: writes a ready project from a template. Files named `_name` in a
 * template are written as `.name` (npm drops dotfiles such as .gitignore from packages).
 */
export function init(dirArg: string | undefined, options: InitOptions, log: (line: string) => void): void {
  if (options.template === true || options.template === "") {
    throw new CliError(`--template needs a template name; available: ${listTemplates().join(", ")}`);
  }
  const template = options.template ?? "basic";
  const templateDir = join(templatesDir(), template);
  if (!existsSync(join(templateDir, "template.json"))) {
    throw new CliError(`unknown template "${template}"; available: ${listTemplates().join(", ")}`);
  }
  if (dirArg === undefined || dirArg === "") {
    throw new CliError("init needs the folder to create: mosn-ts init <dir> [--template <name>]");
  }
  const dir = resolveUserPath(dirArg);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new CliError(`${dir} exists and is not empty; choose a new folder`);
  }
  const name = options.name ?? basename(dir);
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new CliError(`"${name}" is not a valid plugin name: use lower-case letters, digits and dashes (--name)`);
  }
  if (name === CONSUMERS_PLUGIN) {
    throw new CliError(`"${name}" is reserved for the runtime's consumer registry; choose another name (--name)`);
  }
  const meta = JSON.parse(readFileSync(join(templateDir, "template.json"), "utf8")) as TemplateMeta;
  const vars: Record<string, string> = { name };
  copyTree(join(templateDir, "files"), dir, vars);
  writeFileSync(join(dir, "package.json"), JSON.stringify(packageJson(name, meta, vars), null, 2) + "\n");
  log(`created ${name} from the "${template}" template in ${displayPath(dir)}`);
  log("next:");
  log(`  cd ${displayPath(dir)} && npm install`);
  log("  npx mosn-ts build    # dist/" + name + ".so, dist/go (generated Go), dist/envoy.yaml");
  log("  npx mosn-ts test     # runs test/ on the TypeScript source and on the .so, compared");
  log("  npx mosn-ts run      # sends the requests of scenarios.json through the .so in a mock Envoy");
}

interface TemplateMeta {
  description: string;
  /** Example plugin config, with {{name}} placeholders allowed in strings. */
  config: unknown;
  /** Example consumers for templates that use them, with {{name}} placeholders allowed. */
  consumers?: unknown[];
}

export function listTemplates(): string[] {
  const root = templatesDir();
  return readdirSync(root).filter((n) => existsSync(join(root, n, "template.json"))).sort();
}

export function describeTemplate(name: string): string {
  const meta = JSON.parse(readFileSync(join(templatesDir(), name, "template.json"), "utf8")) as TemplateMeta;
  return meta.description;
}

function packageJson(name: string, meta: TemplateMeta, vars: Record<string, string>): object {
  const config = JSON.parse(substitute(JSON.stringify(meta.config), vars));
  const settings: Record<string, unknown> = { entries: ["src/filter.ts"], envoy: "1.39", configs: { [name]: config } };
  if (meta.consumers) settings.consumers = JSON.parse(substitute(JSON.stringify(meta.consumers), vars));
  return {
    name,
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: {
      build: "mosn-ts build",
      check: "mosn-ts check",
      test: "mosn-ts test",
      demo: "mosn-ts run",
      // Two programs: src/ without Node's types (filters run in Envoy, not Node), test/ with them.
      typecheck: "tsc -p . && tsc -p test",
    },
    "mosn-ts": settings,
    devDependencies: {
      // Linked to this mosn-ts checkout: the packages are not on the npm registry.
      "@mosn-ts/cli": `file:${cliPackageDir()}`,
      "@mosn-ts/sdk": `file:${sdkPackageDir()}`,
      ...DEV_DEPENDENCIES,
    },
  };
}

function copyTree(from: string, to: string, vars: Record<string, string>): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const src = join(from, entry);
    const dest = join(to, entry.startsWith("_") ? "." + entry.slice(1) : entry);
    if (statSync(src).isDirectory()) copyTree(src, dest, vars);
    else writeFileSync(dest, substitute(readFileSync(src, "utf8"), vars));
  }
}

function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => vars[key] ?? whole);
}
