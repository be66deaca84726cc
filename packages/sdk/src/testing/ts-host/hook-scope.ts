import { AsyncLocalStorage } from "node:async_hooks";
import type { SplitMix64 } from "../random.js";
import { withSeededGlobals } from "../seeded-globals.js";
import type { ProcessorState } from "./processor-state.js";

/**
 * Who is running plugin code right now. The compiled runtime runs a synchronous hook on
 * Envoy's worker thread and an `async` hook on a goroutine, and Envoy's C API behaves
 * differently for the two (some calls are posted, some refused). An AsyncLocalStorage scope
 * follows an async hook across its awaits, so every C API call knows which side it is on.
 */
export interface HookScope {
  /** The direction whose decode/encode hook this is; null for create, onLog and friends. */
  readonly state: ProcessorState | null;
  readonly hook: string;
  /** True for an async hook: Envoy sees a call from a Go thread, not from its worker. */
  offThread: boolean;
  /** sendLocalReply succeeded during this hook. */
  replied: boolean;
  readonly rng: SplitMix64 | null;
}

const storage = new AsyncLocalStorage<HookScope>();

export function currentScope(): HookScope | undefined {
  return storage.getStore();
}

/** Runs plugin code in `scope`, with the seeded random sources for its synchronous part. */
export function runInScope<T>(scope: HookScope, fn: () => T): T {
  return storage.run(scope, () => withSeededGlobals(scope.rng, fn));
}

/** A call made outside any hook scope comes from a goroutine of the plugin's own. */
export function isOffThread(): boolean {
  return storage.getStore()?.offThread ?? true;
}

/**
 * While async hooks run (between their awaits), Math.random and crypto.randomUUID must draw
 * from the generator of the scope that calls them, and nobody else's. Installs scope-aware
 * versions; the returned function puts the originals back.
 */
export function installScopedRandom(): () => void {
  const math = Math;
  const cryptoObject = globalThis.crypto as Crypto & { randomUUID: () => string };
  const savedRandom = math.random;
  const savedUUID = cryptoObject.randomUUID.bind(cryptoObject);
  const ownUUID = Object.getOwnPropertyDescriptor(cryptoObject, "randomUUID");
  math.random = () => storage.getStore()?.rng?.nextFloat() ?? savedRandom();
  Object.defineProperty(cryptoObject, "randomUUID", {
    value: () => storage.getStore()?.rng?.nextUUID() ?? savedUUID(),
    configurable: true,
    writable: true,
  });
  return () => {
    math.random = savedRandom;
    if (ownUUID) Object.defineProperty(cryptoObject, "randomUUID", ownUUID);
    else delete (cryptoObject as { randomUUID?: unknown }).randomUUID;
  };
}

/** True for an `async function` / `async` method (what the compiler turns into a goroutine). */
export function isAsyncFunction(fn: unknown): boolean {
  return typeof fn === "function" && Object.prototype.toString.call(fn) === "[object AsyncFunction]";
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}
