import type { PluginDefinition } from "../plugin.js";
import type { Backend, BackendSelection, NativeLocation } from "./backend.js";
import { NativeHost } from "./native/native-host.js";
import { TsHost } from "./ts-host/ts-host.js";
import type { TypeDescriptor } from "./type-descriptor.js";

/**
 * Envoy loads a plugin library (the .so) once per process and keeps it across config
 * reloads: module state (a module-level counter, a cache) outlives every config. Vitest
 * evaluates a plugin's module once per test file (per worker process). So that module state
 * lives alike on both backends, and as in Envoy, every `createHost` of a process with the same
 * library, seed and worker count adds a config to one shared "Envoy": one TypeScript host,
 * one native host process. What belongs to the process is shared with it: module state, the
 * stats store (metrics), the seeded random generator, the consumer registry.
 */
interface Library {
  ts: TsHost | null;
  native: NativeHost | null;
  /** The plugin objects configured so far, by name: one evaluation of each module. */
  plugins: Map<string, PluginDefinition<unknown, unknown>>;
}

export interface LibraryRequest {
  plugin: PluginDefinition<unknown, unknown>;
  selection: BackendSelection;
  /** Where the native side is; required unless the selection is `ts`. */
  native?: NativeLocation;
  seed: number | undefined;
  concurrency: number;
  /** The TypeScript host's config type for this plugin (from this createHost on). */
  schema: TypeDescriptor | undefined;
}

const libraries = new Map<string, Library>();

/** The backends of the shared library for `request`, created on first use. */
export function libraryBackends(request: LibraryRequest): Backend[] {
  const key = JSON.stringify([request.selection, request.native?.binary ?? null, request.native?.soPath ?? null, request.seed ?? null, request.concurrency]);
  let library = libraries.get(key);
  if (library !== undefined && !usable(library, request.plugin)) library = undefined;
  if (library === undefined) {
    library = { ts: null, native: null, plugins: new Map() };
    libraries.set(key, library);
  }
  library.plugins.set(request.plugin.name, request.plugin);
  const backends: Backend[] = [];
  if (request.selection !== "native") {
    const ts = (library.ts ??= new TsHost({ plugins: [] }));
    ts.register(request.plugin, request.schema);
    backends.push({ name: "ts", config: async (op) => ts.config(op), request: (op) => ts.request(op), close: released });
  }
  if (request.selection !== "ts") {
    if (request.native === undefined) throw new TypeError("the native backend needs the mock host and the .so");
    const native = (library.native ??= new NativeHost({ binary: request.native.binary, soPath: request.native.soPath, seed: request.seed }));
    backends.push({ name: "native", config: (op) => native.config(op), request: (op) => native.request(op), close: released });
  }
  return backends;
}

/**
 * Whether a library can take another config of `plugin`: not when its native process is gone
 * (a crash ends an Envoy too), nor when the plugin's module was evaluated again
 * (`vi.resetModules`, a worker reused without isolation): fresh module state, fresh library.
 */
function usable(library: Library, plugin: PluginDefinition<unknown, unknown>): boolean {
  if (library.native !== null && !library.native.running) return false;
  const known = library.plugins.get(plugin.name);
  return known === undefined || known === plugin;
}

/** A Host's close leaves the library running for the test file's next createHost. */
async function released(): Promise<void> {}
