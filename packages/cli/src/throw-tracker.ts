import { sep } from "node:path";
import type { PluginDefinition } from "@mosn-ts/sdk";

type AnyPlugin = PluginDefinition<unknown, unknown>;
type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Notes what a plugin throws on the TypeScript backend. The host logs a hook's throw as
 * Envoy would, by its text alone (`panic in plugin "x" decodeHeaders: Error: boom`); the
 * tracker keeps the thrown value, whose stack (source-mapped) names the .ts line.
 */
export class ThrowTracker {
  private thrown: unknown[] = [];

  /**
   * The plugin with `configure`, `create` and every method of the filters it creates noting
   * what they throw. Nothing else changes: the same results, the same promises (an async
   * hook's promise is returned as it is, so no tick is added), async hooks still seen as async.
   */
  track(plugin: AnyPlugin): AnyPlugin {
    const tracked: AnyPlugin = { ...plugin, create: (ctx, config) => this.filterOf(this.noting(plugin.create as AnyFunction, plugin)(ctx, config)) as ReturnType<AnyPlugin["create"]> };
    if (plugin.configure !== undefined) tracked.configure = this.noting(plugin.configure as AnyFunction, plugin) as AnyPlugin["configure"];
    return tracked;
  }

  /** What was thrown since the last call, oldest first. */
  take(): unknown[] {
    const out = this.thrown;
    this.thrown = [];
    return out;
  }

  private filterOf(filter: unknown): unknown {
    if (typeof filter !== "object" || filter === null) return filter;
    const wrapped = new Map<PropertyKey, AnyFunction>();
    return new Proxy(filter, {
      get: (target, key) => {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== "function") return value;
        let fn = wrapped.get(key);
        if (fn === undefined) {
          fn = this.noting(value as AnyFunction, target);
          wrapped.set(key, fn);
        }
        return fn;
      },
    });
  }

  /** `fn` called on `self`, noting a throw and a rejection of the promise it returns. */
  private noting(fn: AnyFunction, self: unknown): AnyFunction {
    const note = (err: unknown) => {
      this.thrown.push(err);
    };
    const wrapper = (...args: unknown[]): unknown => {
      let result: unknown;
      try {
        result = fn.apply(self, args);
      } catch (err) {
        note(err);
        throw err;
      }
      // A second handler on the same promise: the host's own handling is unchanged.
      if (result instanceof Promise) result.then(undefined, note);
      return result;
    };
    // The host runs an async hook differently (Running, then a Continue): keep it recognisable.
    if (Object.prototype.toString.call(fn) === "[object AsyncFunction]") {
      Object.defineProperty(wrapper, Symbol.toStringTag, { value: "AsyncFunction" });
    }
    return wrapper;
  }
}

/** The lines of a thrown value's stack that are in `dir` (the project's sources), else its first frame. */
export function describeThrow(err: unknown, dir: string): string[] {
  if (!(err instanceof Error) || typeof err.stack !== "string") return [String(err)];
  const frames = err.stack.split("\n").filter((l) => l.trimStart().startsWith("at "));
  const own = frames.filter((l) => l.includes(dir + sep) && !l.includes("node_modules"));
  return [String(err), ...(own.length > 0 ? own : frames.slice(0, 1)).map((l) => l.trim())];
}
