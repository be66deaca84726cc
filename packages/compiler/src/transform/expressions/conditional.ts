import { ts } from "ts-morph";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { simple } from "../../go/ir.js";
import { convert, not, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "./index.js";

/** `c ? a : b`: Go has no conditional operator, so a variable assigned in an if. */
export function lowerConditional(ctx: TransformContext, node: ts.ConditionalExpression): GoExpr {
  const resultType = ctx.types.typeAt(node);
  const cond = truthy(ctx, lowerExpr(ctx, node.condition));
  const [preA, a] = ctx.capture(() => convert(ctx, lowerExpr(ctx, node.whenTrue), resultType, node.whenTrue));
  const [preB, b] = ctx.capture(() => convert(ctx, lowerExpr(ctx, node.whenFalse), resultType, node.whenFalse));
  const v = ctx.temp("v");
  if (preB.length === 0 && b.pure && b.code !== "nil") {
    ctx.addPreceding(simple(`${v} := ${(resultType.k === "float" ? typedForInference(b) : b).code}`));
    ctx.addPreceding({ kind: "if", cond: cond.code, then: [...preA, simple(`${v} = ${a.code}`)] });
  } else if (preA.length === 0 && a.pure && a.code !== "nil") {
    ctx.addPreceding(simple(`${v} := ${(resultType.k === "float" ? typedForInference(a) : a).code}`));
    ctx.addPreceding({ kind: "if", cond: not(cond).code, then: [...preB, simple(`${v} = ${b.code}`)] });
  } else {
    ctx.addPreceding(simple(`var ${v} ${ctx.render(resultType)}`));
    ctx.addPreceding({ kind: "if", cond: cond.code, then: [...preA, simple(`${v} = ${a.code}`)], else: [...preB, simple(`${v} = ${b.code}`)] });
  }
  return expr(v, resultType, Prec.Primary, { pure: true });
}
