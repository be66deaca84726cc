import type { ts } from "ts-morph";
import type { Diagnostic } from "../types.js";
import { Unsupported, diagnosticAt, diagnosticAtPosition } from "./factory.js";

/** The innermost TypeScript node whose lowering an exception inside the compiler left. */
const origins = new WeakMap<object, ts.Node>();

/**
 * Runs the lowering of node; an exception that is not a diagnostic (a bug of the compiler)
 * is tagged with node on its way out, unless a node inside it was tagged first, so the
 * internal error is reported where it arose rather than at the top of the file.
 */
export function lowering<T>(node: ts.Node, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (typeof e === "object" && e !== null && !(e instanceof Unsupported) && !origins.has(e)) origins.set(e, node);
    throw e;
  }
}

/** MTS9001 for an exception inside the compiler: at the node being lowered, else at the start of file. */
export function internalError(e: unknown, file: string): Diagnostic {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  const node = typeof e === "object" && e !== null ? origins.get(e) : undefined;
  return node ? diagnosticAt(node, "MTS9001", detail) : diagnosticAtPosition(file, 1, 1, 0, "MTS9001", detail);
}
