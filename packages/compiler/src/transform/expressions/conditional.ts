import type { ts } from "ts-morph";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { simple } from "../../go/ir.js";
import { isPrimitive } from "../../go/types.js";
import { convert, not, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "./index.js";
import { valueStorage } from "./logical.js";

/** `c ? a : b`: Go has no conditional operator, so a variable assigned in an if. */
export function lowerConditional(ctx: TransformContext, node: ts.ConditionalExpression): GoExpr {
  const resultType = valueStorage(ctx.types.typeAt(node));
  const cond = truthy(ctx, lowerExpr(ctx, node.condition));
  const [preA, a] = ctx.capture(() => convert(ctx, lowerExpr(ctx, node.whenTrue), resultType, node.whenTrue));
  const [preB, b] = ctx.capture(() => convert(ctx, lowerExpr(ctx, node.whenFalse), resultType, node.whenFalse));
  const v = ctx.temp("v");
  // Only a constant or a plain variable is evaluated ahead of the condition (anything else
  // could fail or have effects JavaScript would not run).
  const inferable = (e: GoExpr) =>
    (e.num !== undefined || e.str !== undefined || /^(true|false|[A-Za-z_][A-Za-z0-9_]*)$/.test(e.code)) &&
    e.code !== "nil" && resultType.k !== "dyn" && resultType.k !== "iface" && !(resultType.k === "opt" && isPrimitive(resultType.inner) && !e.code.startsWith("js.Ptr("));
  const init = (e: GoExpr) => (resultType.k === "float" ? typedForInference(e) : e);
  if (preB.length === 0 && b.pure && !b.unsafe && inferable(b)) {
    ctx.addPreceding(simple(`${v} := ${init(b).code}`));
    ctx.addPreceding({ kind: "if", cond: cond.code, then: [...preA, simple(`${v} = ${a.code}`)] });
  } else if (preA.length === 0 && a.pure && !a.unsafe && inferable(a)) {
    ctx.addPreceding(simple(`${v} := ${init(a).code}`));
    ctx.addPreceding({ kind: "if", cond: not(cond).code, then: [...preB, simple(`${v} = ${b.code}`)] });
  } else {
    ctx.addPreceding(simple(`var ${v} ${ctx.render(resultType)}`));
    ctx.addPreceding({ kind: "if", cond: cond.code, then: [...preA, simple(`${v} = ${a.code}`)], else: [...preB, simple(`${v} = ${b.code}`)] });
  }
  return expr(v, resultType, Prec.Primary, { pure: true });
}
