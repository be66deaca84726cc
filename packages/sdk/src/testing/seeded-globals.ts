import type { SplitMix64 } from "./random.js";

/**
 * Runs `fn` with `Math.random` and `crypto.randomUUID` drawing from `rng`, as the compiled
 * plugin's runtime does under a seed, then puts the originals back. Without a generator the
 * plugin sees the real ones.
 */
export function withSeededGlobals<T>(rng: SplitMix64 | null, fn: () => T): T {
  if (rng === null) return fn();
  const math = Math;
  const cryptoObject = globalThis.crypto as Crypto & { randomUUID: () => string };
  const savedRandom = math.random;
  const ownUUID = Object.getOwnPropertyDescriptor(cryptoObject, "randomUUID");
  math.random = () => rng.nextFloat();
  // randomUUID lives on Crypto.prototype: shadow it with an own property, remove it afterwards.
  Object.defineProperty(cryptoObject, "randomUUID", {
    value: () => rng.nextUUID() as `${string}-${string}-${string}-${string}-${string}`,
    configurable: true,
    writable: true,
  });
  try {
    return fn();
  } finally {
    math.random = savedRandom;
    if (ownUUID) Object.defineProperty(cryptoObject, "randomUUID", ownUUID);
    else delete (cryptoObject as { randomUUID?: unknown }).randomUUID;
  }
}
