/**
 * Resolves after `ms` milliseconds. In a hook, `await sleep(...)` holds the stream (Envoy sees
 * the hook as running) and lets it continue afterwards; compiled, it blocks a goroutine.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
