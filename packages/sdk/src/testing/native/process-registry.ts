import type { ChildProcess } from "node:child_process";

/**
 * Native hosts still running in this process. A test that forgets `close()` must not leave a
 * host behind: they are all killed when this process exits.
 */
const live = new Set<ChildProcess>();
let hooked = false;

export function track(child: ChildProcess): void {
  live.add(child);
  child.once("exit", () => live.delete(child));
  if (!hooked) {
    hooked = true;
    process.once("exit", killAll);
  }
}

export function untrack(child: ChildProcess): void {
  live.delete(child);
}

function killAll(): void {
  for (const child of live) {
    try {
      child.kill("SIGKILL");
    } catch {
      // Already gone.
    }
  }
  live.clear();
}
