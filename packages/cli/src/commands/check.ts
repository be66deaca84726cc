import { compileWithoutBuild } from "../compile-check.js";
import { loadProject } from "../project.js";

/** `mosn-ts check`: type-checks and compiles without building, printing diagnostics like tsc. */
export function check(options: { project?: string }, log: (line: string) => void): void {
  const plugins = compileWithoutBuild(loadProject(options.project));
  log(`no errors (${plugins.map((p) => p.name).join(", ")})`);
}
