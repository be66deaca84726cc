import { ts } from "ts-morph";
import { type GoStmt, simple } from "../../go/ir.js";
import { typedForInference, toFloat } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";

/** throw → panic: an Error as is, any other value wrapped so catch gets it back unchanged. */
export function lowerThrow(ctx: TransformContext, node: ts.ThrowStatement): GoStmt[] {
  const [pre, v] = ctx.capture(() => lowerExpr(ctx, node.expression));
  const line = ctx.lineOf(node);
  if (v.type.k === "error") return [...pre, simple(`panic(${v.code})`, line)];
  ctx.use("js");
  return [...pre, simple(`panic(&js.Thrown{Value: ${typedForInference(toFloat(v)).code}})`, line)];
}
