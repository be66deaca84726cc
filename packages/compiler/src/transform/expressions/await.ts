import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import type { GoExpr } from "../../go/expr.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "./index.js";

/**
 * `await f()`: compiled code blocks instead of suspending, so awaiting a call made right
 * there is the call itself. Promises kept in variables (which would run concurrently in
 * Node) are rejected where they are created.
 */
export function lowerAwait(ctx: TransformContext, node: ts.AwaitExpression): GoExpr {
  const topLevel = ctx.mode === "program" && ctx.frame?.topLevel === true;
  if (!ctx.frame?.async && !topLevel) return unsupported(node, "MTS2013", "await outside an async function");
  const v = lowerExpr(ctx, node.expression);
  if (v.type.k === "promise") return unsupported(node.expression, "MTS2041");
  return v;
}
