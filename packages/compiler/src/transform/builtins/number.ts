import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { FLOAT, STRING, isPrimitive } from "../../go/types.js";
import { box, deref, toFloat, toInt } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { numberConstant } from "../expressions/literals.js";
import { toStringExpr } from "../strings.js";

/** Number(e) / +e: ToNumber. */
export function toNumber(ctx: TransformContext, e: GoExpr, node: ts.Node): GoExpr {
  const t = e.type;
  if (t.k === "opt" && isPrimitive(t.inner)) {
    ctx.use("js");
    return expr(`js.ToNumber(${box(ctx, e).code})`, FLOAT, Prec.Primary, { call: true, pure: e.pure });
  }
  const v = t.k === "opt" ? deref(e) : e;
  switch (v.type.k) {
    case "float":
    case "int":
      return toFloat(v);
    case "string":
      if (v.str !== undefined) return numberConstant(ctx, Number(v.str));
      ctx.use("js");
      return expr(`js.StringToNumber(${v.code})`, FLOAT, Prec.Primary, { call: true, pure: v.pure });
    case "bool":
      if (v.code === "true" || v.code === "false") return numberConstant(ctx, v.code === "true" ? 1 : 0);
      ctx.use("js");
      return expr(`js.BoolToNumber(${v.code})`, FLOAT, Prec.Primary, { call: true, pure: v.pure });
    case "api":
      if (isPrimitive(v.type)) return expr(`float64(${v.code})`, FLOAT, Prec.Primary, { pure: v.pure });
      break;
    case "nil":
    case "void":
      return numberConstant(ctx, NaN);
    case "null":
      return numberConstant(ctx, 0);
  }
  ctx.use("js");
  void node;
  return expr(`js.ToNumber(${box(ctx, e).code})`, FLOAT, Prec.Primary, { call: true, pure: e.pure });
}

/** Number.prototype methods. */
export function numberMethod(ctx: TransformContext, n: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const args = ctx.exprList(node.arguments, (a) => lowerExpr(ctx, a));
  const call = (code: string) => {
    ctx.use("js");
    return expr(code, STRING, Prec.Primary, { call: true });
  };
  const f = toFloat(n).code;
  switch (name) {
    case "toString":
      if (args.length === 0) return toStringExpr(ctx, n);
      if (args[0]!.num === 10) return toStringExpr(ctx, n);
      return call(`js.NumberToStringRadix(${f}, ${toInt(ctx, args[0]!).code})`);
    case "toFixed":
      return call(`js.ToFixed(${f}, ${args.length ? toInt(ctx, args[0]!).code : "0"})`);
    case "toPrecision":
      if (args.length === 0) return toStringExpr(ctx, n);
      return call(`js.ToPrecision(${f}, ${toInt(ctx, args[0]!).code})`);
    case "toExponential":
      if (args.length === 0) return call(`js.ToExponentialShortest(${f})`);
      return call(`js.ToExponential(${f}, ${toInt(ctx, args[0]!).code})`);
    case "valueOf":
      return n;
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "number", "toString(radix), toFixed, toPrecision and toExponential are supported; toLocaleString depends on ICU data.");
}
