import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { STRING } from "../../go/types.js";
import { toInt } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "./index.js";
import { memberOf } from "./property-access.js";

/** `a[i]` on arrays and strings; `o["name"]` with a literal name is a property access. */
export function lowerElementAccess(ctx: TransformContext, node: ts.ElementAccessExpression): GoExpr {
  if (ts.isStringLiteral(node.argumentExpression)) {
    return memberOf(ctx, lowerExpr(ctx, node.expression), node.argumentExpression.text, node);
  }
  const [obj, index] = ctx.exprList([node.expression, node.argumentExpression], (n) => lowerExpr(ctx, n));
  if (obj!.type.k === "array") {
    const i = toInt(index!);
    return expr(`${paren(obj!, Prec.Primary)}.Get(${i.code})`, obj!.type.elem, Prec.Primary, { call: true });
  }
  if (obj!.type.k === "string") {
    ctx.use("js");
    return expr(`js.CharAt(${obj!.code}, ${toInt(index!).code})`, STRING, Prec.Primary, { call: true, pure: obj!.pure && index!.pure });
  }
  return unsupported(node, "MTS2035", "[index]", ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node.expression)), "Index arrays and strings only; use a Map for keyed data.");
}
