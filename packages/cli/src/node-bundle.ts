import { build, type BuildFailure, type Message, type Plugin } from "esbuild";
import { CliError } from "./errors.js";

export interface BundleOptions {
  /** The module to bundle, or module text (resolved from `resolveDir`) when it is a generated entry. */
  entry: { file: string } | { contents: string; resolveDir: string };
  /** The ESM file to write; its source map is inline, so stacks name the .ts lines. */
  outFile: string;
  /** What is being bundled, for error messages ("the program x.ts"). */
  what: string;
}

/**
 * Bundles TypeScript for Node with esbuild: types erased, the project's own modules (and any
 * npm package it imports) inlined. `@mosn-ts/sdk` stays an import, of the copy this CLI
 * resolves: a plugin run in the CLI's TypeScript host then shares its SDK (one module
 * instance, whatever the project has installed), and a project needs no npm install.
 */
export async function bundleForNode(options: BundleOptions): Promise<void> {
  const entry =
    "file" in options.entry
      ? { entryPoints: [options.entry.file] }
      : { stdin: { contents: options.entry.contents, resolveDir: options.entry.resolveDir, loader: "ts" as const, sourcefile: "<plugins>" } };
  try {
    await build({
      ...entry,
      outfile: options.outFile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // A class that names itself in its body is emitted as `var Pt = class _Pt`; keepNames
      // restores `Pt` as its name, so Node prints instances as the Go build does.
      keepNames: true,
      sourcemap: "inline",
      logLevel: "silent",
      plugins: [sdkOfThisCli],
    });
  } catch (err) {
    const errors = (err as Partial<BuildFailure>).errors;
    if (!Array.isArray(errors)) throw err;
    throw new CliError(`cannot bundle ${options.what} for Node:\n${errors.map(describeMessage).join("\n")}`);
  }
}

/** `@mosn-ts/sdk` and its subpaths, as this CLI resolves them (absolute file URLs, kept external). */
const sdkOfThisCli: Plugin = {
  name: "mosn-ts-sdk-of-the-cli",
  setup(b) {
    b.onResolve({ filter: /^@mosn-ts\/sdk(\/.*)?$/ }, (args) => {
      try {
        return { path: import.meta.resolve(args.path), external: true };
      } catch {
        return { errors: [{ text: `${args.path} is not part of @mosn-ts/sdk` }] };
      }
    });
  },
};

function describeMessage(message: Message): string {
  const at = message.location ? `${message.location.file}:${message.location.line}:${message.location.column + 1}: ` : "";
  return `  ${at}${message.text}`;
}
