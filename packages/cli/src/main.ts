import { Command, CommanderError } from "commander";
import { build } from "./commands/build.js";
import { check } from "./commands/check.js";
import { exec } from "./commands/exec.js";
import { describeTemplate, init, listTemplates } from "./commands/init.js";
import { runScenarios } from "./commands/run.js";
import { test } from "./commands/test.js";
import { CliError } from "./errors.js";

const log = (line: string): void => {
  process.stdout.write(line + "\n");
};

function program(setExit: (code: number) => void): Command {
  const cli = new Command("mosn-ts")
    .description("Write Envoy HTTP filters in TypeScript; run them natively in Envoy's golang filter")
    .version("0.1.0")
    .exitOverride()
    .showHelpAfterError();

  cli
    .command("init")
    // Optional here so that a missing folder or template name gets init's own clear error.
    .argument("[dir]", "folder to create")
    .option("-t, --template [name]", 'project template (default: "basic")')
    .option("-n, --name <name>", "plugin name (default: the folder name)")
    .description("scaffold a filter project")
    .addHelpText("after", () => "\nTemplates:\n" + listTemplates().map((t) => `  ${t.padEnd(12)} ${describeTemplate(t)}`).join("\n"))
    .action((dir: string | undefined, opts: { template?: string | true; name?: string }) => init(dir, opts, log));

  cli
    .command("check")
    .option("-p, --project <dir>", "project folder (default: the current folder)")
    .description("type-check the filter against the supported TypeScript subset")
    .action((opts: { project?: string }) => check(opts, log));

  cli
    .command("build")
    .option("-p, --project <dir>", "project folder (default: the current folder)")
    .option("--envoy <version>", "target Envoy release (1.39, 1.38)")
    .description("compile to Go and build dist/<plugin>.so for Envoy's golang filter")
    .action(async (opts: { project?: string; envoy?: string }) => {
      await build(opts, log);
    });

  cli
    .command("test")
    .option("-p, --project <dir>", "project folder (default: the current folder)")
    .option("--envoy <version>", "target Envoy release")
    .option("-b, --backend <which>", "ts, native or both (compared)", "both")
    .argument("[vitestArgs...]", "passed to vitest")
    .description("run the tests on the TypeScript source and on the built .so, and compare them")
    .action(async (vitestArgs: string[], opts: { project?: string; envoy?: string; backend: string }) => {
      setExit(await test(opts, vitestArgs, log));
    });

  cli
    .command("exec")
    .argument("<file>", "a TypeScript program (top-level statements, console.log)")
    .argument("[args...]", "passed to the program")
    .option("--keep", "keep the generated Go and print where it is")
    .option("--node", "run the TypeScript in Node instead (bundled with esbuild)")
    .option("--compare", "run it in Node and as Go; fail when stdout or the exit status differ")
    .description("compile a standalone TypeScript program to Go and run it")
    .action(async (file: string, args: string[], opts: { keep?: boolean; node?: boolean; compare?: boolean }) => {
      setExit(await exec(file, opts, args));
    });

  cli
    .command("run")
    .argument("[scenarios]", "JSON file with a config and requests (docs/scenarios.md; default: scenarios.json in the project)")
    .option("-p, --project <dir>", "project folder (default: the current folder)")
    .option("--envoy <version>", "target Envoy release")
    .option("--json", "print the host's raw JSON results")
    .option("-b, --backend <which>", "ts (the source in Node), native (the .so) or both (compared)", "both")
    .description("send the scenario requests through the plugin: its TypeScript in Node and its .so in the mock Envoy host")
    .action(async (scenarios: string | undefined, opts: { project?: string; envoy?: string; json?: boolean; backend: string }) => {
      setExit(await runScenarios(scenarios, opts, log));
    });

  return cli;
}

/** Runs the CLI and returns the process exit code. */
export async function run(argv: string[]): Promise<number> {
  let code = 0;
  try {
    await program((c) => (code = c)).parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof CliError) {
      process.stderr.write(`mosn-ts: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
