import type { ts } from "ts-morph";
import { type GoStmt, simple } from "../../go/ir.js";
import { box } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";

/** throw → panic: a new Error as is, any other value through js.Throw (catch gets it back unchanged). */
export function lowerThrow(ctx: TransformContext, node: ts.ThrowStatement): GoStmt[] {
  const [pre, v] = ctx.capture(() => lowerExpr(ctx, node.expression));
  const line = ctx.lineOf(node);
  if (v.type.k === "error" && /^js\.New\w*Error\(/.test(v.code)) return [...pre, simple(`panic(${v.code})`, line)];
  if ((v.type.k === "struct" || v.type.k === "iface") && v.call) return [...pre, simple(`panic(${v.code})`, line)];
  ctx.use("js");
  return [...pre, simple(`js.Throw(${box(ctx, v).code})`, line)];
}
