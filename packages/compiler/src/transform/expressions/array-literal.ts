import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import type { GoType } from "../../go/types.js";
import { convert } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "./index.js";

/** `[a, b]` → js.NewArray[T](a, b). */
export function lowerArrayLiteral(ctx: TransformContext, node: ts.ArrayLiteralExpression): GoExpr {
  let contextual = ctx.checker.getContextualType(node);
  if (contextual && contextual.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) contextual = undefined;
  let t: GoType | undefined = contextual ? ctx.attempt<GoType | undefined>(() => ctx.types.map(contextual!, node), () => undefined) : undefined;
  if (t?.k !== "array") t = ctx.types.typeAt(node);
  if (t.k !== "array") return unsupported(node, "MTS2021");
  const elem = t.elem;
  if (elem.k === "void") {
    // `[]` with nothing to tell its element type (never[]): an empty array of any, retyped by convert().
    ctx.use("js");
    return expr("js.NewArray[any]()", t, Prec.Primary, { call: true });
  }
  for (const e of node.elements) if (ts.isSpreadElement(e) || ts.isOmittedExpression(e)) unsupported(e, "MTS2011");
  const values = ctx.exprList(node.elements, (e) => convert(ctx, lowerExpr(ctx, e), elem, e));
  ctx.use("js");
  return expr(`js.NewArray[${ctx.render(elem)}](${values.map((v) => v.code).join(", ")})`, t, Prec.Primary, { call: true });
}
