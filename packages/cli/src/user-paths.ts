import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";

/**
 * Resolves a path the user typed on the command line.
 *
 * npm and pnpm run package scripts in the package's folder, not where the user typed the
 * command (`pnpm mosn-ts init rel` at a workspace's root script runs in the root), and record
 * the user's folder in INIT_CWD. So a relative path is resolved against INIT_CWD when it is
 * set — unless the script itself wrote the path (`"demo": "mosn-ts run scenarios.json"`): such
 * a path is relative to the package, where the script runs.
 */
export function resolveUserPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  if (isAbsolute(path)) return path;
  const initCwd = env.INIT_CWD;
  if (!initCwd || writtenByScript(path, env)) return resolve(process.cwd(), path);
  return resolve(initCwd, path);
}

/** Whether the running package script's own text has `path` as one of its words. */
function writtenByScript(path: string, env: NodeJS.ProcessEnv): boolean {
  const script = scriptText(env);
  return script !== undefined && script.split(/[\s;&|()"']+/).includes(path);
}

/**
 * The script as package.json defines it. npm_lifecycle_script cannot be used: pnpm appends the
 * user's arguments to it.
 */
function scriptText(env: NodeJS.ProcessEnv): string | undefined {
  const pkgPath = env.npm_package_json;
  const event = env.npm_lifecycle_event;
  if (!pkgPath || !event) return undefined;
  try {
    const scripts = (JSON.parse(readFileSync(pkgPath, "utf8")) as { scripts?: Record<string, unknown> }).scripts;
    const text = scripts?.[event];
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}

/** A path as the user would type it from where they ran the command (for messages). */
export function displayPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return relative(env.INIT_CWD || process.cwd(), path) || ".";
}
