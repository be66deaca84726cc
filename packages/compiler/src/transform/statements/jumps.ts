import { ts } from "ts-morph";
import type { GoStmt } from "../../go/ir.js";
import type { TransformContext } from "../context.js";
import type { Breakable } from "../scope.js";

/** Runs `body` with a loop or switch pushed as the target of break/continue. */
export function withBreakable<T>(ctx: TransformContext, b: Breakable, body: () => T): T {
  const frame = ctx.frame!;
  frame.breakables.push(b);
  try {
    return body();
  } finally {
    frame.breakables.pop();
  }
}

/** The JavaScript label attached to a loop statement, if any. */
export function labelOf(node: ts.Node): string | undefined {
  return ts.isLabeledStatement(node.parent) ? node.parent.label.text : undefined;
}

export function newBreakable(ctx: TransformContext, node: ts.Node, kind: "loop" | "switch"): Breakable {
  const label = labelOf(node);
  const b: Breakable = { kind, labelUsed: false };
  if (label !== undefined) b.label = label;
  void ctx;
  return b;
}

/** The Go label of a breakable (created on first use). */
export function goLabel(ctx: TransformContext, b: Breakable): string {
  if (!b.goLabel) b.goLabel = ctx.temp(b.label ?? "loop");
  b.labelUsed = true;
  return b.goLabel;
}

/** The label to print on a loop or switch: only when some jump names it. */
export function labelIfUsed(b: Breakable): string | undefined {
  return b.labelUsed ? b.goLabel : undefined;
}

export type { GoStmt };
